/**
 * The grammar itself: the shared parser skips Chevrotain's grammar
 * validations to start faster, so this builds it with them.
 */
import { describe, expect, it } from "vitest";
import { checkGrammar } from "../../grammar/parser.js";

describe("the grammar", () => {
  it("passes every Chevrotain validation", () => {
    expect(() => checkGrammar()).not.toThrow();
  });
});

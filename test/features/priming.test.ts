/**
 * Priming the typing-time features: each primed request really answers
 * (members of a NetServer entity after `.`, names for a word being typed,
 * the signature of an open call), with the real catalog, and priming leaves
 * nothing behind that changes a later run.
 */
import { describe, expect, it } from "vitest";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { primeTypingFeatures } from "../../server/features/priming.js";

const catalog = builtinCatalog().catalog;

describe("primeTypingFeatures", () => {
  it("runs member completion, word completion and signature help, each with answers", () => {
    const result = primeTypingFeatures(catalog);
    // NSPersonEntity's getters and setters.
    expect(result.memberEntries).toBeGreaterThan(50);
    // `firstName` and the catalog's functions and keywords that match `fir`.
    expect(result.wordEntries).toBeGreaterThan(0);
    expect(result.signatures).toBe(1);
  });

  it("answers the same the second time (a private host each run)", () => {
    expect(primeTypingFeatures(catalog)).toEqual(primeTypingFeatures(catalog));
  });
});

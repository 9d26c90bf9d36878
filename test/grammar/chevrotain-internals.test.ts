/**
 * The parser's token adapter (`grammar/token-adapter.ts`) overrides and
 * calls Chevrotain members that are not part of its documented API
 * (`consumeInternal`, `LA_FAST`, `manyInternalLogic`, `enableRecording`, …). Chevrotain is pinned to one exact
 * version in package.json, and this test fails, saying what to
 * check, when one of those members is missing or its code differs from the
 * version the parser was written against.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EmbeddedActionsParser } from "chevrotain";
import { describe, expect, it } from "vitest";
import { CHEVROTAIN_INTERNALS } from "../../grammar/token-adapter.js";
import { repositoryRoot } from "../support/paths.js";

/** Each member's arity and a hash of its source in Chevrotain 11.2.0. */
const KNOWN: Record<(typeof CHEVROTAIN_INTERNALS)[number], { readonly arity: number; readonly source: string }> = {
  LA: { arity: 1, source: "cee8c17fc5d2" },
  LA_FAST: { arity: 1, source: "58824cc682e5" },
  consumeInternal: { arity: 3, source: "0b7c45a42a5c" },
  consumeInternalError: { arity: 3, source: "a7d04ffb93ca" },
  consumeToken: { arity: 0, source: "df25e373cbf4" },
  SKIP_TOKEN: { arity: 0, source: "4df453e2cbe0" },
  exportLexerState: { arity: 0, source: "274101882ff9" },
  importLexerState: { arity: 1, source: "c6f7747ce44e" },
  resetLexerState: { arity: 0, source: "bd852fa1b4fa" },
  optionInternal: { arity: 2, source: "e62131f1cc37" },
  optionInternalLogic: { arity: 3, source: "330631cf5101" },
  manyInternal: { arity: 2, source: "e67998309102" },
  manyInternalLogic: { arity: 3, source: "4f5b973a98ec" },
  getLaFuncFromCache: { arity: 1, source: "a1c8307c6c7c" },
  doSingleRepetition: { arity: 1, source: "2c461aa4f327" },
  enableRecording: { arity: 0, source: "bfffb32402a7" },
  disableRecording: { arity: 0, source: "348805d24fb4" },
};

function chevrotainMember(name: string): unknown {
  for (
    let prototype: object | null = EmbeddedActionsParser.prototype;
    prototype !== null && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (descriptor !== undefined) return descriptor.value;
  }
  return undefined;
}

describe("the Chevrotain internals the parser relies on", () => {
  it("come from the exact Chevrotain version package.json pins", () => {
    const pinned = (JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies
      .chevrotain;
    const installed = (JSON.parse(readFileSync(join(repositoryRoot, "node_modules", "chevrotain", "package.json"), "utf8")) as { version: string }).version;
    expect(pinned, "package.json must pin chevrotain exactly: the parser overrides its internals").toBe("11.2.0");
    expect(installed).toBe(pinned);
  });

  for (const name of CHEVROTAIN_INTERNALS) {
    it(`${name} is still there, unchanged`, () => {
      const member = chevrotainMember(name);
      const advice = `grammar/token-adapter.ts overrides or calls Chevrotain's ${name}: read its new code, adapt the parser's token access, then update this table`;
      expect(typeof member, `Chevrotain has no ${name} any more; ${advice}`).toBe("function");
      const code = member as (...args: unknown[]) => unknown;
      const known = KNOWN[name];
      expect(code.length, `Chevrotain's ${name} takes another number of parameters; ${advice}`).toBe(known.arity);
      const source = createHash("sha1").update(String(code)).digest("hex").slice(0, 12);
      expect(source, `Chevrotain's ${name} changed; ${advice}`).toBe(known.source);
    });
  }
});

/**
 * The parser's fixes: each one says what it does (`Fix.title`, what a
 * quick-fix menu shows), and the missing `;` is inserted where it is
 * reported.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../grammar/index.js";
import { fixtures, tokenSoup } from "../support/generators.js";

function fixesOf(text: string): { code: string; title: string | undefined; text: string }[] {
  return parseSource(text).diagnostics.flatMap((diagnostic) => {
    const fix = diagnostic.fix ?? diagnostic.suggestedFix;
    return fix === undefined ? [] : [{ code: diagnostic.code, title: fix.title, text: fix.text }];
  });
}

describe("the parser's fixes", () => {
  it("insert a missing ';' right after the previous token, titled", () => {
    const text = "Integer a = 1\nInteger b = 2;";
    const diagnostic = parseSource(text).diagnostics[0];
    expect(diagnostic?.code).toBe("syntax-missing-semicolon");
    expect(diagnostic?.fix).toEqual({ range: { start: 13, end: 13 }, text: ";", title: "Insert the missing ';'" });
  });

  it("after a struct's closing brace too", () => {
    expect(fixesOf("struct S {\n  Integer a;\n}\nInteger b;")).toEqual([{ code: "syntax-missing-semicolon", title: "Insert the missing ';'", text: ";" }]);
  });

  it("all carry a title, in every fixture and in token soups", () => {
    for (const fixture of fixtures) for (const fix of fixesOf(fixture.text)) expect(fix.title, fixture.name).toMatch(/^[A-Z]/);
    fc.assert(
      fc.property(tokenSoup, (text) => fixesOf(text).every((fix) => fix.title !== undefined && fix.title.length > 0)),
      { numRuns: 300 },
    );
  });
});

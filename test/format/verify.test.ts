/**
 * The formatter's run-time check (`changedProgram`): without parsing the
 * result, it must accept exactly the white-space changes that keep the
 * tree, so it is compared here with a full parse of each changed text.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../grammar/index.js";
import { changedProgram, differenceBetween } from "../../server/format/verify.js";
import { repositoryRoot } from "../support/paths.js";

function check(before: string, after: string): string | undefined {
  return changedProgram(parseSource(before, { recordLineBreakReads: true }), after);
}

describe("changedProgram", () => {
  it("accepts white space the parse does not depend on", () => {
    expect(check("x = a + b;\nif (a) { y = 1; }", "x =\n    a +\n    b;\nif (a)\n{\n  y = 1;\n}\n")).toBeUndefined();
  });

  it("rejects a line break the parse depends on", () => {
    expect(check("Integer x;", "Integer\nx;")).toMatch(/line break before 'x'/);
    expect(check('#include "lib";', '#include\n"lib";')).toMatch(/line break before '"lib"'/);
  });

  it("rejects a changed token or comment", () => {
    expect(check("x = 1;", "x = 2;")).toMatch(/token '1'/);
    expect(check("x = 1; // a", "x = 1; // b")).toMatch(/comment/);
    expect(check("x = 1; // a", "x = 1;")).toMatch(/comments/);
  });

  const cleanScripts = execFileSync("git", ["ls-files", "*.crm", "*.crmscript"], { cwd: repositoryRoot, encoding: "utf8" })
    .split("\n")
    .filter((path) => path !== "")
    .map((path) => readFileSync(join(repositoryRoot, path), "utf8"))
    .filter((text) => !parseSource(text).diagnostics.some((diagnostic) => diagnostic.severity === "error") && text.length < 20000);

  it("agrees with a full parse when the white space between tokens changes at random", () => {
    expect(cleanScripts.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.constantFrom(...cleanScripts), fc.array(fc.constantFrom(" ", "\n", "\n\n  ", "\t"), { minLength: 1, maxLength: 400 }), (text, gaps) => {
        const before = parseSource(text, { recordLineBreakReads: true });
        // Replace the white space between each pair of adjacent tokens that has no comment, by the next gap in turn.
        const tokens = before.tokens;
        const parts: string[] = [];
        let copied = 0;
        for (let index = 1; index < tokens.count; index++) {
          const start = tokens.end(index - 1);
          const end = tokens.start(index);
          if (!/^[ \t\r\n]*$/.test(text.slice(start, end)) || end === start) continue;
          parts.push(text.slice(copied, start), gaps[index % gaps.length] as string);
          copied = end;
        }
        parts.push(text.slice(copied));
        const after = parts.join("");
        if (changedProgram(before, after) === undefined) expect(differenceBetween(before, parseSource(after))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

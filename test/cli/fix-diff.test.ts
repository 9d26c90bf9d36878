/**
 * The `--fix-dry-run` diff: its format (headers, hunks with one line of
 * context), CRLF files, files without a final newline, that every diff
 * applies back to the fixed text, and its speed on a large file with many
 * fixes.
 */
import { applyPatch, formatPatch, OMIT_HEADERS, structuredPatch } from "diff";
import fc from "fast-check";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFixDiff } from "../../server/cli/formatters/fix-diff.js";
import { lintResult } from "../../server/cli/lint-result.js";

const CWD = resolve("/work/project");

function diff(before: string, after: string, name = "script.crm"): string {
  const result = lintResult(join(CWD, name), [], { output: after });
  return formatFixDiff([result], { cwd: CWD, originalText: () => before });
}

describe("the --fix-dry-run diff", () => {
  it("shows the README's example: headers, then hunks with one line of context", () => {
    const before = `#setLanguageLevel 4;\n#include "lib-dates";\n#include "lib-dates";\nInteger n = 1;\nIF (n > 0) {\n  printLine("yes");\n}\n`;
    const after = before.replace(`#include "lib-dates";\n`, "").replace("IF", "if");
    expect(diff(before, after, join("scripts", "upper.crm"))).toBe(
      [
        `--- ${join("scripts", "upper.crm")}`,
        `+++ ${join("scripts", "upper.crm")} (fixed)`,
        "@@ -2,5 +2,4 @@",
        ` #include "lib-dates";`,
        `-#include "lib-dates";`,
        " Integer n = 1;",
        "-IF (n > 0) {",
        "+if (n > 0) {",
        `   printLine("yes");`,
        "",
      ].join("\n"),
    );
  });

  it("starts a new hunk after more than two unchanged lines, and writes one diff per changed file", () => {
    const before = "A\nb\nc\nd\nE\nf\n";
    const after = "a\nb\nc\nd\ne\nf\n";
    expect(diff(before, after)).toBe(
      ["--- script.crm", "+++ script.crm (fixed)", "@@ -1,2 +1,2 @@", "-A", "+a", " b", "@@ -4,3 +4,3 @@", " d", "-E", "+e", " f", ""].join("\n"),
    );
    const two = [
      lintResult(join(CWD, "a.crm"), [], { output: "x\n" }),
      lintResult(join(CWD, "b.crm"), []),
      lintResult(join(CWD, "c.crm"), [], { output: "z\n" }),
    ];
    expect(formatFixDiff(two, { cwd: CWD, originalText: () => "y\n" })).toBe(
      ["--- a.crm", "+++ a.crm (fixed)", "@@ -1,1 +1,1 @@", "-y", "+x", "--- c.crm", "+++ c.crm (fixed)", "@@ -1,1 +1,1 @@", "-y", "+z", ""].join("\n"),
    );
  });

  it("shows a CRLF file as the same file with LF line ends", () => {
    const before = "Integer n = 1;\nIF (n > 0) {\n  n++;\n}\n";
    const after = before.replace("IF", "if");
    const crlf = (text: string): string => text.replace(/\n/g, "\r\n");
    expect(diff(crlf(before), crlf(after))).toBe(diff(before, after));
    expect(diff(crlf(before), crlf(after))).not.toContain("\r");
  });

  it("marks a last line without a newline, as diff does", () => {
    expect(diff("Integer n = 1;\nIF (n > 0) n++;", "Integer n = 1;\nif (n > 0) n++;")).toBe(
      [
        "--- script.crm",
        "+++ script.crm (fixed)",
        "@@ -1,2 +1,2 @@",
        " Integer n = 1;",
        "-IF (n > 0) n++;",
        "\\ No newline at end of file",
        "+if (n > 0) n++;",
        "\\ No newline at end of file",
        "",
      ].join("\n"),
    );
  });

  it("shows nothing for a file without fixed text, or whose only change is its line ends", () => {
    expect(formatFixDiff([lintResult(join(CWD, "a.crm"), [])], { cwd: CWD, originalText: () => "x\n" })).toBe("");
    expect(diff("a\r\nb\r\n", "a\nb\n")).toBe("");
  });

  it("gives the diff of the whole text, however it is cut, and the diff turns the original into the fixed text", () => {
    const line = fc.oneof(
      fc.constantFrom("}", "", "IF (x) {", "a();", "b();"),
      fc.nat(300).map((n) => `v${n}();`),
    );
    // Each line kept, dropped, lowered, or followed by another, as fixes change a file.
    const edited = fc.array(fc.tuple(line, fc.nat(9), line), { maxLength: 80 });
    fc.assert(
      fc.property(edited, fc.boolean(), (lines, finalNewline) => {
        const after = lines.flatMap(([text, edit, added]) => (edit === 0 ? [] : edit === 1 ? [text, added] : edit === 2 ? [text.toLowerCase()] : [text]));
        const end = finalNewline ? "\n" : "";
        const [oldText, newText] = [`${lines.map(([text]) => text).join("\n")}${end}`, `${after.join("\n")}${end}`];
        const shown = diff(oldText, newText);
        const whole = structuredPatch("", "", oldText, newText, undefined, undefined, { context: 1 });
        expect(shown).toBe(whole.hunks.length === 0 ? "" : `--- script.crm\n+++ script.crm (fixed)\n${formatPatch(whole, OMIT_HEADERS)}`);
        expect(shown === "" ? oldText : applyPatch(oldText, shown)).toBe(newText);
      }),
      { numRuns: 1000 },
    );
  });

  it("diffs a 20,000-line file with a fix on every 10th line in well under a second", () => {
    // Ten lines, some of them repeated throughout the file; the first is fixed.
    const block = (k: number, keyword: string): string =>
      [
        `${keyword} (n${k} > 0) {`,
        `  printLine("block ${k}");`,
        "}",
        "",
        `Integer a${k} = ${k};`,
        `String s${k} = "x";`,
        `a${k} = a${k} + 1;`,
        `// step ${k}`,
        `printLine(s${k});`,
        "",
        "",
      ].join("\n");
    const [before, after] = ["IF", "if"].map((keyword) => Array.from({ length: 2000 }, (_, k) => block(k, keyword)).join("")) as [string, string];
    const started = performance.now();
    const shown = diff(before, after);
    const elapsed = performance.now() - started;
    expect(shown.split("\n").filter((line) => line.startsWith("@@"))).toHaveLength(2000);
    expect(applyPatch(before, shown)).toBe(after);
    expect(elapsed).toBeLessThan(500);
  });
});

/**
 * The formatter's safety properties, on every script in the repository
 * (fixtures, the spec's programs, the examples) and on generated programs:
 * the tokens, the comments and the syntax tree are the same before and
 * after, formatting twice changes nothing, files with syntax errors are
 * refused, and nothing makes it throw.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../grammar/index.js";
import { formatText } from "../../server/format/index.js";
import { differenceBetween } from "../../server/format/verify.js";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { repositoryRoot } from "../support/paths.js";

const scriptFiles = execFileSync("git", ["ls-files", "*.crm", "*.crmscript", "*.ej", "*.ejscript", "*.crmx", "*.cr"], { cwd: repositoryRoot, encoding: "utf8" })
  .split("\n")
  .filter((path) => path !== "");

/** Checks the properties for one text; returns whether it was formatted (not refused). */
function checkSafety(name: string, text: string): boolean {
  const result = formatText(text);
  const before = parseSource(text);
  const hasError = before.diagnostics.some((diagnostic) => diagnostic.severity === "error");
  if (!result.ok) {
    expect(hasError, `${name} was refused: ${result.reason}`).toBe(true);
    return false;
  }
  expect(hasError, `${name} has a syntax error but was formatted`).toBe(false);
  expect(differenceBetween(before, parseSource(result.text)), name).toBeUndefined();
  const again = formatText(result.text);
  expect(again.ok && again.text, `${name} is not formatted idempotently`).toBe(result.text);
  return true;
}

describe("safety on every script in the repository", () => {
  it("finds the repository's scripts", () => {
    expect(scriptFiles.length).toBeGreaterThan(100);
  });

  it("keeps tokens, comments and tree, is idempotent, and refuses exactly the files with syntax errors", () => {
    let formatted = 0;
    for (const path of scriptFiles) if (checkSafety(path, readFileSync(join(repositoryRoot, path), "utf8"))) formatted++;
    // Most of them are clean; the parser's error fixtures and the spec's error programs are refused.
    expect(formatted).toBeGreaterThan(scriptFiles.length / 2);
  });

  it("holds on a realistic 5,000-line script", () => {
    expect(checkSafety("realistic", generateScriptOfLines(5000))).toBe(true);
  });

  it("holds with other options: 4-space or tab indentation, 40 or 120 columns, CRLF", () => {
    for (const path of scriptFiles.slice(0, 60)) {
      const text = readFileSync(join(repositoryRoot, path), "utf8");
      for (const options of [{ indentWidth: 4 }, { useTabs: true }, { lineWidth: 40 }, { lineWidth: 120 }, { endOfLine: "crlf" as const }]) {
        const result = formatText(text, options);
        if (!result.ok) continue;
        expect(differenceBetween(parseSource(text), parseSource(result.text)), `${path} ${JSON.stringify(options)}`).toBeUndefined();
        const again = formatText(result.text, options);
        expect(again.ok && again.text, `${path} ${JSON.stringify(options)} is not idempotent`).toBe(result.text);
      }
    }
  });
});

describe("robustness", () => {
  it("never throws, and refuses or formats any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = formatText(text);
        if (result.ok) expect(differenceBetween(parseSource(text), parseSource(result.text))).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on real scripts cut at any point", () => {
    const text = readFileSync(join(repositoryRoot, scriptFiles.find((path) => path.startsWith("examples/")) as string), "utf8");
    for (let end = 0; end <= text.length; end += Math.max(1, Math.floor(text.length / 200))) {
      const result = formatText(text.slice(0, end));
      if (result.ok) expect(formatText(result.text)).toMatchObject({ ok: true, text: result.text });
    }
  });

  it("refuses a file with a syntax error, saying where", () => {
    const result = formatText("Void f() {\n  x = ;\n}\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^it has a syntax error at 2:\d+: /);
  });

  it("refuses binary files and files nested deeper than the parser goes", () => {
    expect(formatText("x = 1;\0\0").ok).toBe(false);
    expect(formatText(`x = ${"(".repeat(100000)}1${")".repeat(100000)};`).ok).toBe(false);
  });
});

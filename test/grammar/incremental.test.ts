/**
 * `reparseSource` after random edit sequences gives exactly what a fresh
 * `parseSource` gives (tree, diagnostics, tokens, comments), on realistic
 * scripts, the spec programs and the parser fixtures; and for ordinary
 * edits it really reuses the statements the edit did not touch.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { parseSource, reparseSource, type SourceFile } from "../../grammar/index.js";
import { fixturesRoot, specExamplesRoot } from "../support/paths.js";
import { applyEdit, type Edit, editSequences, typedText } from "../support/random-edits.js";

/** Everything a parse gives, as plain data (bigints as strings). */
function parseResult(file: SourceFile): unknown {
  return JSON.parse(
    JSON.stringify(
      {
        program: file.program,
        diagnostics: file.diagnostics,
        tokens: file.tokens.toArray().map((token) => [token.tokenTypeIdx, token.startOffset, token.endOffset, token.newLineBefore]),
        comments: file.comments,
        template: file.template,
      },
      (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value),
    ),
  );
}

const edits = editSequences(fc.oneof(typedText, fc.string({ maxLength: 6 })), 8);

/** Applies the edits one by one, comparing the incremental parse with a fresh one after each. */
function checkEdits(text: string, sequence: readonly Edit[]): void {
  let current = parseSource(text);
  for (const edit of sequence) {
    const next = applyEdit(current.text, edit);
    const incremental = reparseSource(current, next);
    expect(parseResult(incremental)).toEqual(parseResult(parseSource(next)));
    current = incremental;
  }
}

const realistic = [generateScriptOfLines(120, 3), generateScriptOfLines(200, 8), generateScriptOfLines(60, 21)];
const specPrograms = readdirSync(specExamplesRoot)
  .filter((name) => name.endsWith(".crmscript"))
  .map((name) => readFileSync(join(specExamplesRoot, name), "utf8"));
const parserFixtures = ["ok", "err"].flatMap((folder) =>
  readdirSync(join(fixturesRoot, "parser", folder))
    .filter((name) => name.endsWith(".crmscript"))
    .map((name) => readFileSync(join(fixturesRoot, "parser", folder, name), "utf8")),
);

describe("reparseSource", () => {
  it("gives what a fresh parse gives after random edits to realistic scripts", () => {
    fc.assert(
      fc.property(fc.constantFrom(...realistic), edits, (text, sequence) => checkEdits(text, sequence)),
      { numRuns: 300 },
    );
  });

  it("gives what a fresh parse gives after random edits to the spec programs and the parser fixtures", () => {
    fc.assert(
      fc.property(fc.constantFrom(...specPrograms, ...parserFixtures), edits, (text, sequence) => checkEdits(text, sequence)),
      { numRuns: 1000 },
    );
  });

  it("re-parses only the statements around an edit inside a function body", () => {
    const text = generateScriptOfLines(300, 5);
    const before = parseSource(text);
    const statements = before.program.statements;
    expect(statements.length).toBeGreaterThan(10);
    // A character typed inside the middle statement's body.
    const middle = statements[Math.floor(statements.length / 2)];
    if (middle === undefined) throw new Error("no middle statement");
    const at = text.indexOf("\n", middle.start) + 1;
    const after = reparseSource(before, `${text.slice(0, at)} ${text.slice(at)}`);
    expect(parseResult(after)).toEqual(parseResult(parseSource(after.text)));
    const kept = after.program.statements.filter((statement) => statements.includes(statement)).length;
    const moved = after.program.statements.length - kept;
    // The statements before the edit are the same objects; the window around it is small.
    expect(after.program.statements[0]).toBe(statements[0]);
    expect(kept).toBeGreaterThan(statements.length / 3);
    expect(moved).toBeGreaterThan(0);
  });

  it("re-parses only the last statements when the edit is at the end of the file (typing a new script)", () => {
    const text = generateScriptOfLines(300, 5);
    const before = parseSource(text);
    const statements = before.program.statements;
    for (const typed of [`${text}Integer total = 0;`, `${text}\n`, `${text}if (`]) {
      const after = reparseSource(before, typed);
      expect(parseResult(after)).toEqual(parseResult(parseSource(typed)));
      const kept = after.program.statements.filter((statement) => statements.includes(statement)).length;
      expect(kept).toBeGreaterThanOrEqual(statements.length - 2);
    }
  });

  it("returns the previous parse when the text did not change", () => {
    const before = parseSource("Integer a = 1;\n");
    expect(reparseSource(before, "Integer a = 1;\n")).toBe(before);
  });
});

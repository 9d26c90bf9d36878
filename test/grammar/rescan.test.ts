/**
 * `rescan` (scanning only around an edit and reusing the earlier scan on
 * both sides) gives what a fresh `scan` gives: the same tokens with their
 * line-break flags, comments and diagnostics, after random edits and
 * mutations to realistic scripts, token soup and the lexer's edge cases;
 * and for an ordinary edit it really stops scanning soon after the change.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { compareDiagnostics } from "../../grammar/diagnostic.js";
import { rescan, scan, type ScanResult } from "../../grammar/scanner.js";
import { changedRange } from "../../grammar/text.js";
import { applyMutation, mutation, tokenSoup } from "../support/generators.js";
import { applyEdit, editSequences, typedText } from "../support/random-edits.js";

/** A scan as plain data; diagnostics sorted, as a parse reports them. */
function scanResult(result: ScanResult): unknown {
  const tokens = result.tokens;
  return {
    tokens: Array.from({ length: tokens.count }, (_, index) => [tokens.typeIndex(index), tokens.start(index), tokens.end(index), tokens.newLineBefore(index)]),
    comments: result.comments,
    diagnostics: [...result.diagnostics].sort(compareDiagnostics),
    template: result.template,
  };
}

/** Rescans `next` from the scan of `text`, checks it against a fresh scan, and returns it (a fresh scan for templates). */
function checkRescan(earlier: ScanResult, text: string, next: string): ScanResult {
  const fresh = scan(next);
  const incremental = rescan(earlier, next, changedRange(text, next));
  if (incremental === undefined) {
    // Only templates are scanned whole.
    expect(earlier.template !== undefined || fresh.template !== undefined).toBe(true);
    return fresh;
  }
  expect(scanResult(incremental)).toEqual(scanResult(fresh));
  return incremental;
}

const realistic = [generateScriptOfLines(120, 3), generateScriptOfLines(200, 8)];
const lexicalEdges = [
  'String s = "unterminated\nInteger n = 1.;\nFloat f = 1.5e+3; x = 0x1F; y = 12L;',
  '/* open comment\nInteger a = 1;\n*/ Integer b = 2; // line\n#include "x"; #bogus; @ ` ~',
  "a.b.c(1,2).d; x = .5; y = 3..4; s = 'it\\'s'; t = \"\\q\";\r\nz = 1\r\n",
];

/** Applies the changes one by one, re-scanning each version from the scan of the one before. */
function checkChanges<C>(text: string, changes: readonly C[], apply: (text: string, change: C) => string): void {
  let current = text;
  let earlier = scan(current);
  for (const change of changes) {
    const next = apply(current, change);
    earlier = checkRescan(earlier, current, next);
    current = next;
  }
}

describe("rescan", () => {
  it("gives what a fresh scan gives after random edit sequences", () => {
    const edits = editSequences(fc.oneof(typedText, fc.string({ maxLength: 6 })), 8);
    fc.assert(
      fc.property(fc.constantFrom(...realistic, ...lexicalEdges), edits, (text, sequence) => checkChanges(text, sequence, applyEdit)),
      { numRuns: 400 },
    );
  });

  it("gives what a fresh scan gives after mutations of token soup and scripts", () => {
    const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.oneof(tokenSoup, fc.constantFrom(...realistic, ...lexicalEdges)), mutations, (text, changes) =>
        checkChanges(text, changes, applyMutation),
      ),
      { numRuns: 400 },
    );
  });

  it("gives what a fresh scan gives for edits at every offset of the lexical edge cases", () => {
    for (const text of lexicalEdges) {
      const earlier = scan(text);
      for (let at = 0; at <= text.length; at++) {
        for (const insert of ["", "x", "1", ".", '"', "*/", "/*", "\n", "e+"]) {
          const next = text.slice(0, at) + insert + text.slice(at + (insert === "" ? 1 : 0));
          checkRescan(earlier, text, next);
        }
      }
    }
  });

  it("takes the tail from the earlier scan, moved, after a one-letter edit in a large script", () => {
    const text = generateScriptOfLines(2000, 5);
    const at = text.indexOf("agent.", text.length >> 1);
    const next = `${text.slice(0, at)}x${text.slice(at)}`;
    const earlier = scan(text);
    // A comment the text does not have, near its end: it shows up only if the tail was reused rather than scanned.
    const planted = { kind: "line" as const, range: { start: text.length - 2, end: text.length - 1 } };
    const result = rescan({ ...earlier, comments: [...earlier.comments, planted] }, next, changedRange(text, next)) as ScanResult;
    expect(result.comments.at(-1)).toEqual({ kind: "line", range: { start: text.length - 1, end: text.length } });
    expect(result.tokens.image(result.tokens.indexAtOrAfter(at))).toBe("xagent");
    expect(result.tokens.count).toBe(earlier.tokens.count);
  });
});

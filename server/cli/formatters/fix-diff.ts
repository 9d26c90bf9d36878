/**
 * What `--fix-dry-run` shows beside the stylish report: for each file the
 * fixes would change, the changed lines as a unified diff (`-` before,
 * `+` after, with a line of context), so nothing is written to see them.
 */
import type { LintResult } from "../lint-result.js";
import { displayPath } from "./paths.js";

const CONTEXT = 1;
/** Beyond this many lines between the first and last change, the middle is shown whole instead of aligned. */
const MAX_ALIGNED_LINES = 2000;

type Edit = { readonly kind: " " | "-" | "+"; readonly text: string; readonly oldLine: number; readonly newLine: number };

export function formatFixDiff(results: readonly LintResult[], options: { cwd: string; originalText: (result: LintResult) => string | undefined }): string {
  const parts: string[] = [];
  for (const result of results) {
    if (result.output === undefined) continue;
    const original = options.originalText(result);
    if (original === undefined) continue;
    const shown = displayPath(result.filePath, options.cwd);
    parts.push(`--- ${shown}`, `+++ ${shown} (fixed)`, ...hunks(lineEdits(original.split("\n"), result.output.split("\n"))));
  }
  return parts.length === 0 ? "" : `${parts.join("\n")}\n`;
}

/** The line edits from `before` to `after`: common lines at both ends, the middle aligned by longest common subsequence. */
function lineEdits(before: readonly string[], after: readonly string[]): Edit[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  const edits: Edit[] = [];
  for (let index = 0; index < head; index++) edits.push({ kind: " ", text: before[index] as string, oldLine: index, newLine: index });
  edits.push(...alignMiddle(oldMiddle, newMiddle, head));
  for (let index = before.length - tail; index < before.length; index++) {
    edits.push({ kind: " ", text: before[index] as string, oldLine: index, newLine: index - before.length + after.length });
  }
  return edits;
}

function alignMiddle(before: readonly string[], after: readonly string[], offset: number): Edit[] {
  const edits: Edit[] = [];
  if (before.length > MAX_ALIGNED_LINES || after.length > MAX_ALIGNED_LINES) {
    before.forEach((text, index) => edits.push({ kind: "-", text, oldLine: offset + index, newLine: offset }));
    after.forEach((text, index) => edits.push({ kind: "+", text, oldLine: offset, newLine: offset + index }));
    return edits;
  }
  // common[i][j]: the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () => new Uint32Array(after.length + 1));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i]![j] = before[i] === after[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      edits.push({ kind: " ", text: before[i] as string, oldLine: offset + i++, newLine: offset + j++ });
    } else if (i < before.length && (j === after.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // Removed lines come before the lines that replace them, as in a unified diff.
      edits.push({ kind: "-", text: before[i] as string, oldLine: offset + i++, newLine: offset + j });
    } else {
      edits.push({ kind: "+", text: after[j] as string, oldLine: offset + i, newLine: offset + j++ });
    }
  }
  return edits;
}

/** The changed lines with `CONTEXT` lines around them, as `@@ -a,b +c,d @@` hunks. */
function hunks(edits: readonly Edit[]): string[] {
  const lines: string[] = [];
  let index = 0;
  while (index < edits.length) {
    while (index < edits.length && edits[index]?.kind === " ") index++;
    if (index >= edits.length) break;
    const start = Math.max(0, index - CONTEXT);
    let end = index;
    for (let last = index; end < edits.length; end++) {
      if (edits[end]?.kind !== " ") last = end;
      else if (end - last > 2 * CONTEXT) break;
    }
    end = Math.min(edits.length, end - CONTEXT);
    const slice = edits.slice(start, end);
    const oldCount = slice.filter((edit) => edit.kind !== "+").length;
    const newCount = slice.filter((edit) => edit.kind !== "-").length;
    const first = slice[0] as Edit;
    lines.push(`@@ -${first.oldLine + 1},${oldCount} +${first.newLine + 1},${newCount} @@`, ...slice.map((edit) => `${edit.kind}${edit.text}`));
    index = end;
  }
  return lines;
}

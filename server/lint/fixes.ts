/**
 * Applying fixes to a text: which diagnostics' fixes `--fix` may apply
 * (lint and semantic fixes; the parser's quick fixes are for the editor,
 * where the author sees them), and applying a set of them at once,
 * skipping any that overlaps one already taken.
 */
import type { Diagnostic, Fix, TextEdit } from "../../grammar/index.js";

export function isAutoFixable(diagnostic: Diagnostic): diagnostic is Diagnostic & { readonly fix: Fix } {
  return diagnostic.fix !== undefined && !diagnostic.code.startsWith("syntax");
}

/** The text with the non-overlapping fixes applied (the earliest wins an overlap), and how many were applied. */
export function applyFixes(text: string, fixes: readonly TextEdit[]): { readonly text: string; readonly applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let result = "";
  let position = 0;
  let applied = 0;
  for (const fix of sorted) {
    if (fix.range.start < position) continue;
    result += text.slice(position, fix.range.start) + fix.text;
    position = fix.range.end;
    applied++;
  }
  return { text: result + text.slice(position), applied };
}

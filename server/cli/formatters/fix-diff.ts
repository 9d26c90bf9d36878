/**
 * What `--fix-dry-run` shows beside the stylish report: for each file the
 * fixes would change, the changed lines as a unified diff (`-` before,
 * `+` after, with a line of context), so nothing is written to see them.
 * The `diff` package finds the changes; CRLF line ends are shown as LF.
 */
import { formatPatch, OMIT_HEADERS, structuredPatch, type StructuredPatchHunk } from "diff";
import type { LintResult } from "../lint-result.js";
import { displayPath } from "./paths.js";

const CONTEXT = 1;

/** A place where both texts are cut: before line `old` of the original and line `new` of the fixed text (0-based). */
interface Cut {
  readonly old: number;
  readonly new: number;
}

export function formatFixDiff(results: readonly LintResult[], options: { cwd: string; originalText: (result: LintResult) => string | undefined }): string {
  const parts: string[] = [];
  for (const result of results) {
    if (result.output === undefined) continue;
    const original = options.originalText(result);
    if (original === undefined) continue;
    const hunks = lineHunks(withLf(original), withLf(result.output));
    if (hunks.length === 0) continue;
    const shown = displayPath(result.filePath, options.cwd);
    // The file names are written here: `formatPatch` would quote names with non-ASCII letters or backslashes.
    const patch = { oldFileName: undefined, newFileName: undefined, oldHeader: undefined, newHeader: undefined, hunks };
    parts.push(`--- ${shown}\n+++ ${shown} (fixed)\n${formatPatch(patch, OMIT_HEADERS)}`);
  }
  return parts.join("");
}

function withLf(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

/**
 * The hunks from `before` to `after`. Myers's algorithm (the `diff`
 * package's) takes time quadratic in the number of changed lines, so the
 * texts are diffed in pieces, cut where that gives the hunks of one whole
 * diff (see `cuts`).
 */
function lineHunks(before: string, after: string): StructuredPatchHunk[] {
  const oldLines = linesOf(before);
  const newLines = linesOf(after);
  const hunks: StructuredPatchHunk[] = [];
  let from: Cut = { old: 0, new: 0 };
  for (const to of [...cuts(oldLines, newLines), { old: oldLines.length, new: newLines.length }]) {
    const oldPiece = oldLines.slice(from.old, to.old).join("");
    const newPiece = newLines.slice(from.new, to.new).join("");
    if (oldPiece !== newPiece) {
      for (const hunk of structuredPatch("", "", oldPiece, newPiece, undefined, undefined, { context: CONTEXT }).hunks) {
        hunks.push({ ...hunk, oldStart: hunk.oldStart + from.old, newStart: hunk.newStart + from.new });
      }
    }
    from = to;
  }
  return hunks;
}

/** The lines with their `\n`, as the `diff` package counts them. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Places, in order, just after `CONTEXT` lines that occur once in each text
 * (in the same order) and before `CONTEXT + 1` equal lines. A piece's diff
 * keeps its unique last lines and its common first lines, so each piece
 * ends and starts with its context, and the unchanged lines around the cut
 * are more than a whole diff would join into one hunk.
 */
function cuts(oldLines: readonly string[], newLines: readonly string[]): Cut[] {
  const oldUnique = uniqueLines(oldLines);
  const newUnique = uniqueLines(newLines);
  const isCut = (cut: Cut): boolean => {
    for (let offset = 1; offset <= CONTEXT; offset++) {
      const line = oldLines[cut.old - offset] as string;
      if (oldUnique.get(line) !== cut.old - offset || newUnique.get(line) !== cut.new - offset) return false;
    }
    for (let offset = 0; offset <= CONTEXT; offset++) {
      const line = oldLines[cut.old + offset];
      if (line === undefined || line !== newLines[cut.new + offset]) return false;
    }
    return true;
  };
  const found: Cut[] = [];
  for (const [line, old] of oldUnique) {
    const cut = { old: old + 1, new: (newUnique.get(line) ?? -1) + 1 };
    if (cut.old >= CONTEXT && cut.new > (found.at(-1)?.new ?? 0) && isCut(cut)) found.push(cut);
  }
  return found;
}

/** Each line that occurs once, with its index, in the order of the text. */
function uniqueLines(lines: readonly string[]): Map<string, number> {
  const indexes = new Map<string, number>();
  const repeated = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (indexes.has(line)) repeated.add(line);
    else indexes.set(line, index);
  }
  for (const line of repeated) indexes.delete(line);
  return indexes;
}

/**
 * Folding ranges: blocks and struct bodies that span lines, runs of line
 * comments and multi-line block comments, `// region` … `// endregion`
 * marker pairs, and the `<% %>` code blocks of an EJScript template. From
 * syntax alone; lines are 0-based.
 */
import { walk, type SourceFile } from "../../grammar/index.js";

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: "region" | "comment" | undefined;
}

/** Line comments that open and close a folding region (`// region Name`, `//#endregion`); the extension's language configuration uses the same patterns. */
export const REGION_START_MARKER = /^\/\/\s*#?region\b/;
export const REGION_END_MARKER = /^\/\/\s*#?endregion\b/;

export function foldingRanges(sourceFile: SourceFile): FoldingRange[] {
  const lines = sourceFile.lineIndex;
  const line = (offset: number): number => lines.position(offset).line;
  const ranges: FoldingRange[] = [];
  // A brace block folds from its first line to the line before its closing brace, which stays visible.
  const addBraced = (start: number, end: number): void => {
    const first = line(start);
    const last = line(Math.max(start, end - 1)) - 1;
    if (last > first) ranges.push({ startLine: first, endLine: last, kind: undefined });
  };
  walk(sourceFile.program, (node) => {
    if (node.kind === "Block" || node.kind === "StructDeclaration") addBraced(node.kind === "Block" ? node.start : (node.name?.end ?? node.start), node.end);
  });
  let run: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (run !== undefined && run.end > run.start) ranges.push({ startLine: run.start, endLine: run.end, kind: "comment" });
    run = undefined;
  };
  const openRegions: number[] = [];
  for (const comment of sourceFile.comments) {
    const first = line(comment.range.start);
    const last = line(comment.range.end - 1);
    const text = comment.kind === "line" ? sourceFile.text.slice(comment.range.start, comment.range.end) : "";
    if (REGION_START_MARKER.test(text)) {
      flush();
      openRegions.push(first);
      continue;
    }
    if (REGION_END_MARKER.test(text)) {
      flush();
      const start = openRegions.pop();
      if (start !== undefined && first > start) ranges.push({ startLine: start, endLine: first, kind: "region" });
      continue;
    }
    if (comment.kind === "block") {
      flush();
      if (last > first) ranges.push({ startLine: first, endLine: last, kind: "comment" });
      continue;
    }
    if (run !== undefined && first === run.end + 1) run.end = first;
    else {
      flush();
      run = { start: first, end: first };
    }
  }
  flush();
  for (const block of sourceFile.template?.codeBlocks ?? []) {
    const first = line(block.range.start);
    const last = line(block.range.end - 1);
    if (last > first) ranges.push({ startLine: first, endLine: last, kind: "region" });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/**
 * Folding ranges: blocks and struct bodies that span lines, runs of line
 * comments and multi-line block comments, and the `<% %>` code blocks of an
 * EJScript template. From syntax alone; lines are 0-based.
 */
import { walk, type SourceFile } from "../../grammar/index.js";

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: "region" | "comment" | undefined;
}

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
  for (const comment of sourceFile.comments) {
    const first = line(comment.range.start);
    const last = line(comment.range.end - 1);
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

/**
 * The documentation of a user declaration: the comment directly above it,
 * as CRMScript's own editor reads it (spec §1.2): a run of `//` lines or a
 * `/* … *\/` block ending on the line before the declaration. A comment at
 * the end of a line of code documents nothing.
 */
import type { Comment, SourceFile } from "../../grammar/index.js";

/** The text of the comment above the declaration that starts at `offset`, without comment markers; "" if none. */
export function docCommentAbove(sourceFile: SourceFile, offset: number): string {
  const lines = sourceFile.lineIndex;
  const text = sourceFile.text;
  let line = lines.position(offset).line;
  const comments = sourceFile.comments;
  let index = lastCommentBefore(comments, offset);
  const parts: string[] = [];
  while (index >= 0) {
    const comment = comments[index] as Comment;
    const endLine = lines.position(comment.range.end - 1).line;
    if (endLine !== line - 1) break;
    const startLine = lines.position(comment.range.start).line;
    // The comment must start its line: code before it on the same line makes it an end-of-line comment.
    const lineStart = lines.offset({ line: startLine, column: 0 });
    if (text.slice(lineStart, comment.range.start).trim() !== "") break;
    const raw = text.slice(comment.range.start, comment.range.end);
    const isBlock = raw.startsWith("/*");
    parts.unshift(isBlock ? cleanBlock(raw) : raw.replace(/^\/\/\s?/, ""));
    if (isBlock) break;
    line = startLine;
    index--;
  }
  return parts.join("\n").trim();
}

function lastCommentBefore(comments: readonly Comment[], offset: number): number {
  let low = 0;
  let high = comments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((comments[middle] as Comment).range.end <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function cleanBlock(raw: string): string {
  return raw
    .replace(/^\/\*+/, "")
    .replace(/\*+\/$/, "")
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\*?\s?/, ""))
    .join("\n")
    .trim();
}

/**
 * The formatter's safety check: a formatted text must have the same tokens,
 * the same comments (up to the white space the formatter normalises) and
 * the same syntax tree (ignoring offsets) as the original, and no syntax
 * errors. Anything else means a formatter bug, and the file is left alone.
 */
import type { SourceFile } from "../../grammar/index.js";

/** Keys of tree nodes that hold positions, not structure. */
const positionKeys = new Set(["start", "end", "openParen", "closeParen"]);

/** A comment's text with the white space the formatter may change taken out. */
export function commentKey(text: string): string {
  return text
    .replace(/^\/\/\s*/, "//")
    .replace(/\s+/g, " ")
    .trim();
}

function sameTokens(before: SourceFile, after: SourceFile): string | undefined {
  const a = before.tokens;
  const b = after.tokens;
  if (a.count !== b.count) return `${a.count} tokens became ${b.count}`;
  for (let index = 0; index < a.count; index++) {
    const start = a.start(index);
    const length = a.end(index) - start;
    if (a.typeIndex(index) !== b.typeIndex(index) || b.end(index) - b.start(index) !== length || !sameText(a.source, start, b.source, b.start(index), length)) {
      return `token '${a.image(index)}' at offset ${start} became '${b.image(index)}'`;
    }
  }
  return undefined;
}

function sameText(textA: string, startA: number, textB: string, startB: number, length: number): boolean {
  for (let offset = 0; offset < length; offset++) if (textA.charCodeAt(startA + offset) !== textB.charCodeAt(startB + offset)) return false;
  return true;
}

function sameComments(before: SourceFile, after: SourceFile): string | undefined {
  const a = before.comments.map((comment) => commentKey(before.text.slice(comment.range.start, comment.range.end))).sort();
  const b = after.comments.map((comment) => commentKey(after.text.slice(comment.range.start, comment.range.end))).sort();
  if (a.length !== b.length) return `${a.length} comments became ${b.length}`;
  const changed = a.findIndex((text, index) => text !== b[index]);
  return changed >= 0 ? `comment '${a[changed]}' changed` : undefined;
}

/** Compares two trees without recursion (left-nested operator chains can be thousands deep). */
function sameTree(before: unknown, after: unknown): string | undefined {
  const left: unknown[] = [before];
  const right: unknown[] = [after];
  while (left.length > 0) {
    const a = left.pop();
    const b = right.pop();
    if (a === b) continue;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return `${String(a)} became ${String(b)}`;
    let keys = 0;
    for (const key in a) {
      if (positionKeys.has(key)) continue;
      keys++;
      const valueA = (a as Record<string, unknown>)[key];
      const valueB = (b as Record<string, unknown>)[key];
      if (valueA === valueB) continue;
      left.push(valueA);
      right.push(valueB);
    }
    for (const key in b) if (!positionKeys.has(key)) keys--;
    if (keys !== 0) return `a ${(a as { kind?: string }).kind ?? "list"} changed shape`;
  }
  return undefined;
}

/** Why `after` is not the same program as `before`, or undefined when it is. */
export function differenceBetween(before: SourceFile, after: SourceFile): string | undefined {
  const error = after.diagnostics.find((diagnostic) => diagnostic.severity === "error");
  if (error !== undefined) return `the result has a syntax error (${error.message})`;
  return sameTokens(before, after) ?? sameComments(before, after) ?? sameTree(before.program, after.program);
}

/**
 * The formatter's safety check: a formatted text must have the same tokens,
 * the same comments (up to the white space the formatter normalises) and
 * the same syntax tree (ignoring offsets) as the original, and no syntax
 * errors. Anything else means a formatter bug, and the file is left alone.
 *
 * `differenceBetween` compares two parses, tree included. `changedProgram`
 * is the same check for the formatter's every run, without parsing the
 * result: the parser decides from the tokens and from the line breaks it
 * reads (recorded in the original's parse), so a result with the same
 * tokens and the same line breaks at those tokens has the same tree.
 */
import { type ScannedText, type SourceFile, scanText } from "../../grammar/index.js";

/** Keys of tree nodes that hold positions, not structure. */
const positionKeys = new Set(["start", "end", "openParen", "closeParen"]);

/** A comment's text with the white space the formatter may change taken out. */
export function commentKey(text: string): string {
  return text
    .replace(/^\/\/\s*/, "//")
    .replace(/\s+/g, " ")
    .trim();
}

function sameTokens(before: ScannedText, after: ScannedText): string | undefined {
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

function sameComments(before: ScannedText, after: ScannedText): string | undefined {
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

/**
 * Why `formatted` is not the same program as `before` (parsed with
 * `recordLineBreakReads`), or undefined when it is.
 */
export function changedProgram(before: SourceFile, formatted: string): string | undefined {
  const reads = before.lineBreakReads;
  if (reads === undefined) throw new Error("the original must be parsed with recordLineBreakReads");
  const after = scanText(formatted);
  const difference = sameTokens(before, after) ?? sameComments(before, after);
  if (difference !== undefined) return difference;
  for (let index = 0; index < reads.length; index++) {
    if (reads[index] === 1 && before.tokens.newLineBefore(index) !== after.tokens.newLineBefore(index)) {
      return `the line break before '${before.tokens.image(index)}' at offset ${before.tokens.start(index)}, which the parse depends on, changed`;
    }
  }
  return undefined;
}

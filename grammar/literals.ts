/**
 * Literal decoding (spec §1.5): the value of a string literal with its
 * escapes resolved, whether a string literal was left unterminated, the
 * values of number literals, and the range limits of Integer and Long
 * literals with the messages for literals beyond them.
 */
import type * as A from "./ast.js";

/** The largest Integer (32-bit). */
export const MAX_INTEGER = 2147483647;
/** The largest Long (64-bit). */
export const MAX_LONG = 9223372036854775807n;

/**
 * The value of a string literal with its escapes resolved (spec §1.5): the
 * literal is `text[start, end)` (by default all of `text`), so the parser
 * reads it from the source without making a string of its spelling first.
 */
export function stringLiteralValue(text: string, start = 0, end = text.length): string {
  const quote = text[start];
  if (!hasBackslash(text, start, end)) {
    const closed = end - start >= 2 && text[end - 1] === quote;
    return text.slice(start + 1, closed ? end - 1 : end);
  }
  let value = "";
  for (let index = start + 1; index < end; index++) {
    const char = text[index] as string;
    if (char === quote) break;
    if (char !== "\\") {
      value += char;
      continue;
    }
    const escaped = ++index < end ? text[index] : undefined;
    if (escaped === undefined) break;
    value += escaped === "n" ? "\n" : escaped === "t" ? "\t" : escaped === "r" ? "\r" : escaped === "b" ? "\b" : escaped;
  }
  return value;
}

/** Whether `text[start, end)` holds a backslash (a loop: `indexOf` would search past `end`, to the end of the file). */
function hasBackslash(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (text.charCodeAt(index) === 92) return true;
  return false;
}

/** Whether the spelling of a string literal lacks its closing quote (the scanner ended it at the line end). */
export function isUnterminatedStringImage(image: string): boolean {
  if (image.length < 2 || image[image.length - 1] !== image[0]) return true;
  let backslashes = 0;
  for (let index = image.length - 2; index > 0 && image[index] === "\\"; index--) backslashes++;
  return backslashes % 2 === 1;
}

/** Up to this many decimal digits, summing them one by one gives the exact value (below 2^53). */
const EXACT_DIGITS = 15;

/**
 * The value of an Integer literal (decimal digits), `text[start, end)` (by
 * default all of `text`); it may exceed `MAX_INTEGER`, which `isOutOfRange`
 * tells. Short literals, nearly all of them, are read without a string.
 */
export function integerLiteralValue(text: string, start = 0, end = text.length): number {
  if (end - start > EXACT_DIGITS) return Number(text.slice(start, end));
  let value = 0;
  for (let index = start; index < end; index++) value = value * 10 + (text.charCodeAt(index) - 48);
  return value;
}

/** The value of a Float literal. */
export function floatLiteralValue(image: string): number {
  return Number(image);
}

/** The value of a Long literal (digits and the `L` suffix). */
export function longLiteralValue(image: string): bigint {
  return BigInt(image.slice(0, -1));
}

/** Whether a number literal is larger than its type allows (before a unary minus is taken into account). */
export function isOutOfRange(literal: A.IntegerLiteral | A.LongLiteral): boolean {
  return literal.kind === "IntegerLiteral" ? literal.value > MAX_INTEGER : literal.value > MAX_LONG;
}

/** Whether a number literal fits its type once negated (`-2147483648` is the smallest Integer). */
export function fitsWhenNegated(literal: A.IntegerLiteral | A.LongLiteral): boolean {
  return literal.kind === "IntegerLiteral" ? literal.value <= MAX_INTEGER + 1 : literal.value <= MAX_LONG + 1n;
}

/** The message for a literal that `isOutOfRange` and not made to fit by a unary minus. */
export function outOfRangeMessage(literal: A.IntegerLiteral | A.LongLiteral): string {
  return literal.kind === "IntegerLiteral"
    ? "this Integer literal is larger than 2147483647, the largest Integer; use a Long literal (add 'L') or a Float"
    : "this Long literal is larger than 9223372036854775807, the largest Long";
}

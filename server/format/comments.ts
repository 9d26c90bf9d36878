/**
 * Where each comment of a file goes when it is formatted, decided once from
 * the tokens: a comment on the same line after a token trails that token
 * (printed right after it, with the white space it had); any other comment
 * leads the next token (or is left for the end of the file). Also records which tokens and comments had a blank line before
 * them, and normalises comment text (no trailing white space, a space after
 * `//`, block comment lines starting with `*` re-indented).
 */
import type { Comment, TokenBuffer } from "../../grammar/index.js";
import { type Doc, hardline, multilineText } from "./doc.js";

/** A comment with what the formatter needs to place it. */
export interface PlacedComment {
  readonly kind: "line" | "block";
  readonly start: number;
  readonly end: number;
  /** The text as written (`//` or `/*` included). */
  readonly text: string;
  /** A line break separates it from the code or comment before it. */
  readonly ownLine: boolean;
  /** A line break separates it from what follows it. */
  readonly lineAfter: boolean;
  /** An empty line separates it from what is before it. */
  readonly blankBefore: boolean;
  /** White space separates it from what is before it, and from what follows it on its line. */
  readonly spaceBefore: boolean;
  readonly spaceAfter: boolean;
}

export interface CommentPlacement {
  /** Comments before token `i`, by token index (undefined when none). */
  readonly leading: (PlacedComment[] | undefined)[];
  /** Comments on the same line after token `i`. */
  readonly trailing: (PlacedComment[] | undefined)[];
  /** Comments after the last token. */
  readonly atEnd: PlacedComment[];
  /** Whether an empty line is just before token `i` (after the token or comment before it). */
  blankBefore(tokenIndex: number): boolean;
}

/** Counts line breaks in `text[from, to)`, stopping at two. */
function lineBreaksBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let offset = from; offset < to && count < 2; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(offset + 1) === 10) offset++;
    }
  }
  return count;
}

/** Places every comment of a scanned file relative to its tokens. */
export function placeComments(text: string, tokens: TokenBuffer, comments: readonly Comment[]): CommentPlacement {
  const leading: (PlacedComment[] | undefined)[] = [];
  const trailing: (PlacedComment[] | undefined)[] = [];
  const atEnd: PlacedComment[] = [];
  let tokenIndex = 0;
  for (let index = 0; index < comments.length; index++) {
    const comment = comments[index] as Comment;
    const { start, end } = comment.range;
    while (tokenIndex < tokens.count && tokens.end(tokenIndex) <= start) tokenIndex++;
    const previousEnd = Math.max(tokenIndex > 0 ? tokens.end(tokenIndex - 1) : 0, index > 0 ? (comments[index - 1] as Comment).range.end : 0);
    const nextStart = Math.min(tokenIndex < tokens.count ? tokens.start(tokenIndex) : text.length, comments[index + 1]?.range.start ?? text.length);
    const before = lineBreaksBetween(text, previousEnd, start);
    const placed: PlacedComment = {
      kind: comment.kind,
      start,
      end,
      text: text.slice(start, end),
      ownLine: before > 0 || previousEnd === 0,
      lineAfter: comment.kind === "line" || lineBreaksBetween(text, end, nextStart) > 0 || nextStart === text.length,
      blankBefore: before > 1,
      spaceBefore: start > previousEnd,
      spaceAfter: nextStart > end,
    };
    // Trails the token before it when on that token's line (a comment between them on the line is allowed).
    const tokenBeforeEnd = tokenIndex > 0 ? tokens.end(tokenIndex - 1) : -1;
    const trailsToken = tokenBeforeEnd >= 0 && lineBreaksBetween(text, tokenBeforeEnd, start) === 0;
    if (trailsToken) (trailing[tokenIndex - 1] ??= []).push(placed);
    else if (tokenIndex < tokens.count) (leading[tokenIndex] ??= []).push(placed);
    else atEnd.push(placed);
  }
  return {
    leading,
    trailing,
    atEnd,
    blankBefore(index: number): boolean {
      if (index <= 0 || index >= tokens.count) return false;
      const lead = leading[index];
      const previousEnd = lead !== undefined ? (lead[lead.length - 1] as PlacedComment).end : lastEndBefore(tokens, trailing, index);
      return lineBreaksBetween(text, previousEnd, tokens.start(index)) > 1;
    },
  };
}

function lastEndBefore(tokens: TokenBuffer, trailing: readonly (PlacedComment[] | undefined)[], index: number): number {
  const trail = trailing[index - 1];
  return trail !== undefined ? (trail[trail.length - 1] as PlacedComment).end : tokens.end(index - 1);
}

/**
 * A comment as the formatter prints it: no white space at line ends, a space
 * after `//` before a word, and the inner lines of a block comment whose
 * lines all start with `*` re-indented under its first line (by hard line
 * breaks, so they follow the indentation they are printed at). Other block
 * comments keep their lines as written.
 */
export function commentDoc(comment: Pick<PlacedComment, "kind" | "text">): Doc {
  if (comment.kind === "line") {
    const text = comment.text.replace(/[ \t\f\v\u00a0]+$/, "");
    return /^\/\/[^\s/]/.test(text) ? `// ${text.slice(2)}` : text;
  }
  const lines = comment.text.split(/\r\n|\r|\n/).map((inner) => inner.replace(/[ \t]+$/, ""));
  if (lines.length === 1) return comment.text;
  if (!lines.slice(1).every((inner) => /^\s*\*/.test(inner))) return multilineText(lines.join("\n"));
  const parts: Doc[] = [lines[0] as string];
  for (const inner of lines.slice(1)) parts.push(hardline, ` ${inner.trimStart()}`);
  return parts;
}

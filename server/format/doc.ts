/**
 * The formatter's document model: what the printer (`print-doc.ts`) lays
 * out, in the style of Wadler's "prettier printer". A document is text,
 * a list of documents, or a command: a group that is printed on one line
 * when it fits and broken otherwise, an indentation, a line break that is a
 * space (or nothing) when its group is flat, a fill that breaks only the
 * separators that must break, a `//` comment after which the line ends,
 * and a marker that forces the enclosing groups to break.
 */

export type Doc = string | readonly Doc[] | DocCommand;

export const GROUP = 0;
export const INDENT = 1;
export const LINE = 2;
export const FILL = 3;
export const END_OF_LINE_COMMENT = 4;
export const BREAK_PARENT = 5;

export interface GroupDoc {
  readonly tag: typeof GROUP;
  readonly contents: Doc;
  /** Set when the contents hold a forced break (see `propagateBreaks`). */
  broken: boolean;
}

export interface IndentDoc {
  readonly tag: typeof INDENT;
  readonly contents: Doc;
  /** How many indentation units the contents are indented by. */
  readonly levels: number;
}

/**
 * A line break: `soft` is nothing when flat, `line` a space, `hard` always
 * breaks, `fresh` breaks unless the line so far is only indentation.
 */
export interface LineDoc {
  readonly tag: typeof LINE;
  readonly mode: "soft" | "line" | "hard" | "fresh";
}

/** Contents and separators alternating (`[c, s, c, s, c]`); a separator breaks only when the content after it does not fit. */
export interface FillDoc {
  readonly tag: typeof FILL;
  readonly parts: readonly Doc[];
}

/** A `//` comment printed where it stands: nothing more goes on its line, so the next text starts a new one. */
export interface EndOfLineCommentDoc {
  readonly tag: typeof END_OF_LINE_COMMENT;
  readonly text: string;
}

export interface BreakParentDoc {
  readonly tag: typeof BREAK_PARENT;
}

export type DocCommand = GroupDoc | IndentDoc | LineDoc | FillDoc | EndOfLineCommentDoc | BreakParentDoc;

export const softline: LineDoc = { tag: LINE, mode: "soft" };
export const line: LineDoc = { tag: LINE, mode: "line" };
export const breakParent: BreakParentDoc = { tag: BREAK_PARENT };
/** Starts a new line unless already at the start of one (before a comment that was on a line of its own). */
export const freshline: LineDoc = { tag: LINE, mode: "fresh" };
/** A line break that always breaks, and so breaks the groups around it (see `propagateBreaks`). */
export const hardline: LineDoc = { tag: LINE, mode: "hard" };

export function group(contents: Doc): GroupDoc {
  return { tag: GROUP, contents, broken: false };
}

export function indent(contents: Doc, levels = 1): IndentDoc {
  return { tag: INDENT, contents, levels };
}

export function fill(parts: readonly Doc[]): FillDoc {
  return { tag: FILL, parts };
}

export function endOfLineComment(text: string): EndOfLineCommentDoc {
  return { tag: END_OF_LINE_COMMENT, text };
}

/**
 * The documents one after another, with adjacent text joined: a run of
 * plain text (most of a program) becomes one string, which keeps the
 * document, and the printer's work, small.
 */
export function concat(...parts: Doc[]): Doc {
  let text = "";
  let list: Doc[] | undefined;
  for (const part of parts) {
    if (typeof part === "string") {
      // Separators never add up to two spaces (no token or comment starts or ends with one).
      text += text.endsWith(" ") && part.startsWith(" ") ? part.slice(1) : part;
      continue;
    }
    list ??= [];
    if (text !== "") list.push(text);
    text = "";
    list.push(part);
  }
  if (list === undefined) return text;
  if (text !== "") list.push(text);
  return list.length === 1 ? (list[0] as Doc) : list;
}

/** Text that may span lines, with the marker that breaks the groups around it when it does. */
export function multilineText(text: string): Doc {
  return text.includes("\n") ? [text, breakParent] : text;
}

/** `docs` with `separator` between them. */
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const parts: Doc[] = [];
  for (let index = 0; index < docs.length; index++) {
    if (index > 0) parts.push(separator);
    parts.push(docs[index] as Doc);
  }
  return parts;
}

/**
 * Marks every group that contains a forced break (a hard line or a break
 * marker) as broken, so the printer never tries it
 * flat. Returns whether `doc` itself holds a forced break.
 */
export function propagateBreaks(doc: Doc): boolean {
  // Text spanning lines is always printed with a `breakParent` beside it (see `multilineText`), so text needs no scan here.
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    let found = false;
    for (const part of doc as readonly Doc[]) if (propagateBreaks(part)) found = true;
    return found;
  }
  const command = doc as DocCommand;
  switch (command.tag) {
    case GROUP: {
      const inner = propagateBreaks(command.contents);
      if (inner) command.broken = true;
      return command.broken;
    }
    case INDENT:
      return propagateBreaks(command.contents);
    case FILL: {
      let found = false;
      for (const part of command.parts) if (propagateBreaks(part)) found = true;
      return found;
    }
    case LINE:
      return command.mode === "hard" || command.mode === "fresh";
    case BREAK_PARENT:
      return true;
    default:
      return false;
  }
}

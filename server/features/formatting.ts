/**
 * Formatting in the editor: a whole document, some ranges of it, or the
 * statement just ended by typing `;` or `}`, as small edits of the text
 * the editor has (`format-edits.ts`), with the options that apply: the
 * configuration file's `format` section over the formatter's defaults, the
 * same as `crmscript-format` uses. The editor's own tab size and spaces
 * play no part, so a file formatted in the editor passes
 * `crmscript-format --check`. A text that cannot be formatted safely gets
 * no edits and the reason.
 */
import type { TextEdit, TextRange } from "../../grammar/index.js";
import { defaultFormatOptions, type FormatOptions, formatOnType, formatRange, formatText } from "../format/index.js";
import { editsBetween } from "./format-edits.js";

export interface FormattingEdits {
  readonly edits: readonly TextEdit[];
  /** Why the text (or part of it) was left as it is. */
  readonly refused?: string;
}

/**
 * The options for a document: `configured` (the configuration file's
 * `format` section) over the formatter's defaults. Nothing of the editor's
 * is taken, as on the command line.
 */
export function formattingOptions(configured: Partial<FormatOptions> | undefined): FormatOptions {
  return { ...defaultFormatOptions, ...configured };
}

/** The whole text formatted. */
export function formatDocument(text: string, options: Partial<FormatOptions>): FormattingEdits {
  const result = formatText(text, options);
  if (!result.ok) return { edits: [], refused: result.reason };
  return { edits: result.changed ? editsBetween(text, result.text) : [] };
}

/**
 * The lines the ranges touch formatted. Ranges that share a line are
 * formatted as one; a range that cannot be formatted leaves its lines
 * alone (and gives the reason) while the others are formatted.
 */
export function formatRanges(text: string, ranges: readonly TextRange[], options: Partial<FormatOptions>): FormattingEdits {
  const edits: TextEdit[] = [];
  let refused: string | undefined;
  for (const range of mergedByLine(text, ranges)) {
    const result = formatRange(text, range, options);
    if (result.ok) edits.push(...result.edits.flatMap((edit) => refine(text, edit)));
    else refused ??= result.reason;
  }
  // Ranges on different lines give edits on different lines; anything else would be a bug, and editors reject overlapping edits.
  if (edits.some((edit, index) => index > 0 && edit.range.start < (edits[index - 1] as TextEdit).range.end))
    return { edits: [], refused: "the ranges could not be formatted apart; format the whole document" };
  return refused === undefined ? { edits } : { edits, refused };
}

/** The statement that the `;` or `}` just before `offset` ends, formatted. */
export function formatTyped(text: string, offset: number, options: Partial<FormatOptions>): FormattingEdits {
  const result = formatOnType(text, offset, options);
  if (!result.ok) return { edits: [], refused: result.reason };
  return { edits: result.edits.flatMap((edit) => refine(text, edit)) };
}

/** An edit of the formatter as the smaller edits inside it. */
function refine(text: string, edit: TextEdit): TextEdit[] {
  const { start, end } = edit.range;
  return editsBetween(text.slice(start, end), edit.text).map((inner) => ({
    range: { start: start + inner.range.start, end: start + inner.range.end },
    text: inner.text,
  }));
}

/** The ranges sorted, with those that overlap or share a line joined. */
function mergedByLine(text: string, ranges: readonly TextRange[]): TextRange[] {
  const sorted = ranges
    .map((range) => ({ start: Math.min(range.start, range.end), end: Math.max(range.start, range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && !/[\r\n]/.test(text.slice(last.end, range.start)))
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

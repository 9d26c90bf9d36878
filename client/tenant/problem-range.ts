/**
 * Where a tenant compiler error goes in the editor: its 1-based line and
 * column, kept inside the file's text, become a 0-based range from the
 * column to the end of the line's text (the whole line when the column is
 * past it), so the squiggle covers what the error is about.
 */

export interface LineRange {
  /** 0-based line. */
  readonly line: number;
  /** 0-based characters on that line. */
  readonly start: number;
  readonly end: number;
}

export function problemRange(text: string, line: number, column: number): LineRange {
  const lines = text.split(/\r\n|\r|\n/);
  const index = Math.min(Math.max(1, Math.trunc(line)), lines.length) - 1;
  const content = (lines[index] ?? "").replace(/\s+$/, "");
  const start = Math.max(1, Math.trunc(column)) - 1;
  if (start >= content.length) return { line: index, start: 0, end: content.length };
  return { line: index, start, end: content.length };
}

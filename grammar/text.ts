/**
 * Positions in source text: half-open offset ranges and the one place where
 * offsets become lines and columns.
 *
 * Offsets and columns count UTF-16 code units, as JavaScript strings and the
 * Language Server Protocol do. Lines and columns here are 0-based; the CLI
 * adds 1 when it prints them.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into a file's text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A 0-based line and a 0-based UTF-16 column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export function textRange(start: number, end: number): TextRange {
  return { start, end };
}

export function rangeContains(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset < range.end;
}

/** The line ending a text uses (its first one): CRLF, LF or a lone CR; LF for a text of one line. */
export function lineEndingOf(text: string): "\n" | "\r\n" | "\r" {
  return (/\r\n|\r|\n/.exec(text)?.[0] as "\n" | "\r\n" | "\r" | undefined) ?? "\n";
}

/**
 * Maps offsets to lines and columns and back. Line breaks are `\n`, `\r\n`
 * and a lone `\r`, as in LSP.
 */
export class LineIndex {
  /** Offset at which each line starts; the first is always 0. */
  readonly lineStarts: readonly number[];

  constructor(readonly text: string) {
    // The breaks are found with `indexOf`, which scans natively: a loop over every character runs interpreted in a
    // fresh server (3.7 ms for a 5,007-line script before its full diagnostics, against 0.8 ms).
    const starts = [0];
    let lineFeed = text.indexOf("\n");
    let carriageReturn = text.indexOf("\r");
    while (lineFeed >= 0 || carriageReturn >= 0) {
      if (carriageReturn < 0 || (lineFeed >= 0 && lineFeed < carriageReturn)) {
        starts.push(lineFeed + 1);
        lineFeed = text.indexOf("\n", lineFeed + 1);
      } else {
        // A lone CR, or the CR of a CRLF (the LF belongs to the same break).
        const crlf = lineFeed === carriageReturn + 1;
        const next = crlf ? carriageReturn + 2 : carriageReturn + 1;
        starts.push(next);
        if (crlf) lineFeed = text.indexOf("\n", next);
        carriageReturn = text.indexOf("\r", carriageReturn + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line and column of an offset; offsets outside the text are clamped. */
  position(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: clamped - (starts[low] as number) };
  }

  /** The offset of a line and column; out-of-range values are clamped to the line or text. */
  offset(position: LineColumn): number {
    const starts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const lineStart = starts[position.line] as number;
    const lineEnd = this.lineContentEnd(position.line);
    return Math.min(lineStart + Math.max(0, position.column), lineEnd);
  }

  /** The offset where the line holding `offset` starts. */
  lineStartAt(offset: number): number {
    return this.lineStarts[this.position(offset).line] as number;
  }

  /** The offset where a line's content ends, before its line break. */
  lineContentEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** An edit as two texts see it: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Characters `changedRange` compares at once. */
const COMPARED_BLOCK = 512;

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export function changedRange(oldText: string, text: string): TextChange {
  const shorter = Math.min(oldText.length, text.length);
  // Whole blocks first (string comparison runs natively), then character by character within the first differing block.
  let start = 0;
  while (start + COMPARED_BLOCK <= shorter && oldText.slice(start, start + COMPARED_BLOCK) === text.slice(start, start + COMPARED_BLOCK))
    start += COMPARED_BLOCK;
  while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
  const room = shorter - start;
  let tail = 0;
  while (
    tail + COMPARED_BLOCK <= room &&
    oldText.slice(oldText.length - tail - COMPARED_BLOCK, oldText.length - tail) === text.slice(text.length - tail - COMPARED_BLOCK, text.length - tail)
  )
    tail += COMPARED_BLOCK;
  while (tail < room && oldText.charCodeAt(oldText.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { start, oldEnd: oldText.length - tail, newEnd: text.length - tail };
}

/** A copy of `value` (a comment, a diagnostic, a related location) with its range moved by `delta`. */
export function withMovedRange<T extends { readonly range: TextRange }>(value: T, delta: number): T {
  return { ...value, range: { start: value.range.start + delta, end: value.range.end + delta } };
}

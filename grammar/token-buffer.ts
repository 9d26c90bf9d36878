/**
 * The scanner's output: all tokens of a file in compact typed arrays (kind,
 * start, end, line-break flag), and token objects made on demand.
 *
 * Typed arrays instead of one object per token keep a 2 MB file's 400,000
 * tokens out of the garbage collector's way; the parser and the editor
 * features ask for token objects only where they look.
 */
import { EOF, type IToken, type TokenType } from "chevrotain";
import { allTokenTypes } from "./tokens.js";

/** A token: Chevrotain's shape (offsets only, `endOffset` inclusive) plus a line-break flag. */
export interface Token extends IToken {
  /** True when a line break (or the edge of a template code block) separates this token from the previous one. */
  readonly newLineBefore: boolean;
  /** The token's index in its file's `TokenBuffer`, or -1 for the end-of-file token. */
  readonly index: number;
}

const typeByIndex: TokenType[] = [];
for (const type of [...allTokenTypes, EOF]) typeByIndex[type.tokenTypeIdx as number] = type;

function copyInto<T extends Uint8Array | Uint16Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

/**
 * A token object: its kind and where to read the rest, so the parser's many
 * short-lived tokens are small (offsets and the line-break flag are read
 * from the buffer's arrays, which do not change once scanned).
 */
class BufferToken implements Token {
  constructor(
    readonly tokenTypeIdx: number,
    readonly index: number,
    private readonly buffer: TokenBuffer,
  ) {}

  /** The end-of-file token (index -1) sits at the end of the text. */
  get startOffset(): number {
    return this.index < 0 ? this.buffer.source.length : this.buffer.start(this.index);
  }

  get endOffset(): number {
    return (this.index < 0 ? this.buffer.source.length : this.buffer.end(this.index)) - 1;
  }

  get newLineBefore(): boolean {
    return this.index < 0 || this.buffer.newLineBefore(this.index);
  }

  get tokenType(): TokenType {
    return typeByIndex[this.tokenTypeIdx] as TokenType;
  }

  get image(): string {
    return this.index < 0 ? "" : this.buffer.image(this.index);
  }
}

export class TokenBuffer {
  private kinds: Uint16Array;
  private starts: Int32Array;
  /** Each token's length: moving tokens (`pushMovedTail`) then shifts only their starts. */
  private lengths: Int32Array;
  private lineBreaks: Uint8Array;
  private size = 0;
  /** The shared end-of-file token, positioned at the end of the text. */
  readonly eof: Token;

  constructor(readonly source: string) {
    // Real code has about one token per five characters; start a little above that to rarely grow.
    const capacity = Math.max(256, Math.ceil(source.length / 4));
    this.kinds = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.lineBreaks = new Uint8Array(capacity);
    this.eof = new BufferToken(EOF.tokenTypeIdx as number, -1, this);
  }

  get count(): number {
    return this.size;
  }

  /** Appends a token covering `[start, end)`. */
  push(type: TokenType, start: number, end: number, newLineBefore: boolean): void {
    if (this.size === this.kinds.length) this.grow();
    const index = this.size++;
    this.kinds[index] = type.tokenTypeIdx as number;
    this.starts[index] = start;
    this.lengths[index] = end - start;
    this.lineBreaks[index] = newLineBefore ? 1 : 0;
  }

  /** Whether token `index` is `other`'s token `otherIndex` moved by `delta`: the same kind and extent. */
  sameAs(index: number, other: TokenBuffer, otherIndex: number, delta: number): boolean {
    return (
      this.kinds[index] === other.kinds[otherIndex] &&
      this.starts[index] === (other.starts[otherIndex] as number) + delta &&
      this.lengths[index] === other.lengths[otherIndex]
    );
  }

  /** Appends the first `count` tokens of `other` (a scan of an earlier version of this text that agrees up to them). */
  pushPrefixOf(other: TokenBuffer, count: number): void {
    this.appendFrom(other, 0, count, 0);
  }

  /** Appends `other`'s tokens from `from` on, each moved by `delta` (the unchanged tail of an earlier version). */
  pushMovedTail(other: TokenBuffer, from: number, delta: number): void {
    this.appendFrom(other, from, other.size, delta);
  }

  private appendFrom(other: TokenBuffer, from: number, to: number, delta: number): void {
    const count = to - from;
    if (count <= 0) return;
    while (this.kinds.length < this.size + count) this.grow();
    const at = this.size;
    this.kinds.set(other.kinds.subarray(from, to), at);
    this.lineBreaks.set(other.lineBreaks.subarray(from, to), at);
    this.starts.set(other.starts.subarray(from, to), at);
    this.lengths.set(other.lengths.subarray(from, to), at);
    if (delta !== 0) {
      // A local, not the field: this loop runs over most of a file's tokens once per edit, the first time before V8 has optimized it.
      const starts = this.starts;
      for (let index = at, last = at + count; index < last; index++) starts[index] = (starts[index] as number) + delta;
    }
    this.size += count;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    this.kinds = copyInto(new Uint16Array(capacity), this.kinds);
    this.starts = copyInto(new Int32Array(capacity), this.starts);
    this.lengths = copyInto(new Int32Array(capacity), this.lengths);
    this.lineBreaks = copyInto(new Uint8Array(capacity), this.lineBreaks);
  }

  type(index: number): TokenType {
    return typeByIndex[this.kinds[index] as number] as TokenType;
  }

  typeIndex(index: number): number {
    return this.kinds[index] as number;
  }

  start(index: number): number {
    return this.starts[index] as number;
  }

  /** Exclusive end offset. */
  end(index: number): number {
    return (this.starts[index] as number) + (this.lengths[index] as number);
  }

  newLineBefore(index: number): boolean {
    if (this.lineBreakReads !== undefined) this.noteLineBreakRead(index);
    return this.lineBreaks[index] === 1;
  }

  /** Set while recording which tokens' line-break flags are read (see `recordLineBreakReads`). */
  private lineBreakReads: Uint8Array | undefined;

  /**
   * From now on, marks each token whose line-break flag is read (through
   * `newLineBefore` or a token object). After a parse, the marks are the
   * line breaks the tree depends on: a text with the same tokens and the
   * same flags at the marked tokens parses to the same tree.
   */
  recordLineBreakReads(): Uint8Array {
    this.lineBreakReads = new Uint8Array(this.size);
    return this.lineBreakReads;
  }

  noteLineBreakRead(index: number): void {
    if (this.lineBreakReads !== undefined && index >= 0 && index < this.lineBreakReads.length) this.lineBreakReads[index] = 1;
  }

  image(index: number): string {
    return this.source.slice(this.starts[index], this.end(index));
  }

  /** A token object for `index`; the EOF token beyond the last token. */
  token(index: number): Token {
    if (index < 0 || index >= this.size) return this.eof;
    return new BufferToken(this.kinds[index] as number, index, this);
  }

  /** Index of the first token that ends after `offset` (the token at or after it); `count` if none. */
  indexAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.end(middle) <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** All tokens as objects, in order (for tests and tools; features should use the accessors). */
  toArray(): Token[] {
    const tokens: Token[] = [];
    for (let index = 0; index < this.size; index++) tokens.push(this.token(index));
    return tokens;
  }
}

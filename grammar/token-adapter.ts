/**
 * The parser's token access: `TokenBufferParser`, the base of the grammar
 * class, overrides Chevrotain's lexer adapter (`LA`, `LA_FAST`,
 * `consumeInternal`, `SKIP_TOKEN`, the lexer state) so the parser reads a
 * `TokenBuffer` directly, through a small cache of token objects;
 * `CHEVROTAIN_INTERNALS` lists the Chevrotain members this relies on. Also
 * the cheap questions about the next and the previous token, and the offsets
 * of a token; Chevrotain's OPTION and MANY logic without the closures it
 * makes on every call; and its grammar recording without deleting methods
 * from the parser afterwards.
 *
 * Lookahead sees a reusable probe that carries only the token type; consumed
 * tokens are real objects, made once per cache slot.
 */
import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import { DeclarationMemo, type TokenPeek } from "./lookahead.js";
import { textRange, type TextRange } from "./text.js";
import { TokenBuffer, type Token } from "./token-buffer.js";

/**
 * The Chevrotain members, most of them undocumented, that the parser
 * overrides or calls to read tokens from a `TokenBuffer`. Chevrotain is
 * pinned to one version; `test/grammar/chevrotain-internals.test.ts` fails
 * when any of these is missing or its code differs from the version the
 * parser was written against.
 */
export const CHEVROTAIN_INTERNALS = [
  "LA",
  "LA_FAST",
  "consumeInternal",
  "consumeInternalError",
  "consumeToken",
  "SKIP_TOKEN",
  "exportLexerState",
  "importLexerState",
  "resetLexerState",
  "optionInternal",
  "optionInternalLogic",
  "manyInternal",
  "manyInternalLogic",
  "getLaFuncFromCache",
  "doSingleRepetition",
  "enableRecording",
  "disableRecording",
] as const;

/** What `OPTION` and `MANY` are given: the action alone, or the action with a gate. */
type DslAction = (() => unknown) | { readonly DEF: () => unknown; readonly GATE?: () => unknown };

/** The Chevrotain members the repetition overrides call (see `CHEVROTAIN_INTERNALS`). */
interface RepetitionInternals {
  readonly recoveryEnabled: boolean;
  getLaFuncFromCache(key: number): () => boolean;
  doSingleRepetition(action: () => unknown): boolean;
  optionInternalLogic(action: DslAction, occurrence: number, key: number): unknown;
  manyInternalLogic(occurrence: number, action: DslAction, key: number): void;
}
/** Chevrotain's own versions, for a parser built with its re-sync recovery (ours is not). */
const chevrotainRepetitions = EmbeddedActionsParser.prototype as unknown as RepetitionInternals;
/** Chevrotain's start of grammar recording, which puts the recording versions of the DSL methods on the object it is called on. */
const chevrotainEnableRecording = (EmbeddedActionsParser.prototype as unknown as { enableRecording(this: object): void }).enableRecording;

const TOKEN_CACHE_SIZE = 1024;
const EOF_INDEX = EOF.tokenTypeIdx as number;

/** The exclusive end offset of a token (Chevrotain's `endOffset` is inclusive). */
export function end(token: IToken): number {
  return (token.endOffset as number) + 1;
}

export function tokenRange(token: IToken): TextRange {
  return textRange(token.startOffset, end(token));
}

/**
 * A Chevrotain parser that reads a `TokenBuffer`. It is the `TokenPeek` the
 * lookahead heuristics read (`lookahead.ts`), so `buffer`, `position` and
 * `declarations` are public; only the parser itself changes them.
 */
export abstract class TokenBufferParser extends EmbeddedActionsParser implements TokenPeek {
  /** The text of the file being parsed. */
  protected text = "";
  buffer = new TokenBuffer("");
  /** Index of the last consumed token; -1 before the first. */
  position = -1;
  /** The lookahead's memo of the last declaration question; forgotten with each new file. */
  readonly declarations = new DeclarationMemo();
  private readonly cachedTokens: (Token | undefined)[] = new Array<Token | undefined>(TOKEN_CACHE_SIZE).fill(undefined);
  private readonly probe = { tokenTypeIdx: 0 } as IToken;

  /** Starts reading a file's tokens (Chevrotain's `reset()` puts the position before the first). */
  protected startTokens(buffer: TokenBuffer): void {
    this.text = buffer.source;
    this.buffer = buffer;
    this.cachedTokens.fill(undefined);
    this.declarations.forget();
  }

  /** Lets go of the file's tokens, so the shared parser does not keep them alive. */
  protected endTokens(): void {
    this.buffer = new TokenBuffer("");
    this.text = "";
    this.cachedTokens.fill(undefined);
  }

  // ------------------------------------------------------------ Chevrotain's lexer adapter (see CHEVROTAIN_INTERNALS)

  override LA(howMuch: number): Token {
    const index = this.position + howMuch;
    if (index < 0 || index >= this.buffer.count) return this.buffer.eof;
    const slot = index & (TOKEN_CACHE_SIZE - 1);
    const cached = this.cachedTokens[slot];
    if (cached !== undefined && cached.index === index) return cached;
    const token = this.buffer.token(index);
    this.cachedTokens[slot] = token;
    return token;
  }

  /**
   * Chevrotain's lookahead functions only read `tokenTypeIdx` from the tokens
   * they peek at; they get a reusable probe instead of a token object.
   */
  override LA_FAST(howMuch: number): IToken {
    const index = this.position + howMuch;
    const probe = this.probe;
    probe.tokenTypeIdx = index >= 0 && index < this.buffer.count ? this.buffer.typeIndex(index) : EOF_INDEX;
    return probe;
  }

  /** Chevrotain's CONSUME: the next token if it matches (the real object), otherwise Chevrotain's mismatch error. */
  consumeInternal(type: TokenType, _idx: number, options?: unknown): IToken {
    const next = this.LA(1);
    if (tokenMatcher(next, type)) {
      this.position++;
      return next;
    }
    (this as unknown as { consumeInternalError(type: TokenType, token: IToken, options: unknown): void }).consumeInternalError(type, next, options);
    throw new Error(`expected ${type.name}`);
  }

  consumeToken(): void {
    this.position++;
  }

  /** Consumes the next token, which the caller has checked (`isNext`), without making its token object; gives its index. */
  protected consumeChecked(): number {
    return ++this.position;
  }

  /**
   * Consumes the next token, of `type`, and gives its index in the buffer:
   * once the grammar is recorded, without making its token object when it is
   * next (the rule was chosen by it), else through `CONSUME` and its error.
   * While recording, the index means nothing.
   */
  protected consumeIndex(type: TokenType): number {
    if (!this.RECORDING_PHASE && this.isNext(type)) return this.consumeChecked();
    return this.indexOf(this.CONSUME(type));
  }

  /** As `consumeIndex`, giving where the token starts. */
  protected consumeStart(type: TokenType): number {
    return this.buffer.start(this.consumeIndex(type));
  }

  /** The buffer index of a token `CONSUME` gave (-1 for the end-of-file token). */
  protected indexOf(token: IToken): number {
    return (token as Token).index;
  }

  override SKIP_TOKEN(): Token {
    if (this.position < this.buffer.count) this.position++;
    return this.LA(1);
  }

  exportLexerState(): number {
    return this.position;
  }

  importLexerState(state: number): void {
    this.position = state;
  }

  resetLexerState(): void {
    this.position = -1;
  }

  moveToTerminatedState(): void {
    this.position = this.buffer.count;
  }

  getLexerPosition(): number {
    return this.position;
  }

  onBeforeParse(): void {}

  onAfterParse(): void {}

  // ------------------------------------------------------------ grammar recording (see CHEVROTAIN_INTERNALS)

  /**
   * Chevrotain records the grammar by putting recording versions of the DSL
   * methods (`CONSUME`, `SUBRULE`, `OR`, …, 89 of them) on the parser and
   * deleting them afterwards. By then the parser is an object V8 treats as a
   * prototype, where each delete costs ~75 µs: 4-8 ms of the first parse in
   * a process. Here Chevrotain puts them on an object of their own, put
   * between the parser and its prototype for as long as the recording lasts.
   */
  enableRecording(): void {
    const recorder = Object.create(Object.getPrototypeOf(this)) as object;
    chevrotainEnableRecording.call(recorder);
    Object.setPrototypeOf(this, recorder);
    this.RECORDING_PHASE = true;
  }

  /** Takes the recording versions out of the parser's prototype chain: every DSL call reaches Chevrotain's own again. */
  disableRecording(): void {
    this.RECORDING_PHASE = false;
    Object.setPrototypeOf(this, Object.getPrototypeOf(Object.getPrototypeOf(this)));
  }

  // ------------------------------------------------------------ OPTION and MANY (see CHEVROTAIN_INTERNALS)

  /**
   * Chevrotain's OPTION logic, minus the closure it makes on every call that
   * has a GATE (to join the gate and the lookahead). Such closures die after
   * each parse, and with them their optimized code: after a full garbage
   * collection they had to be optimized again.
   */
  optionInternalLogic(action: DslAction, occurrence: number, key: number): unknown {
    const internals = this as unknown as RepetitionInternals;
    if (internals.recoveryEnabled) return chevrotainRepetitions.optionInternalLogic.call(this, action, occurrence, key);
    const lookahead = internals.getLaFuncFromCache(key);
    if (typeof action === "function") return lookahead.call(this) === true ? action.call(this) : undefined;
    const gate = action.GATE;
    return (gate === undefined || gate.call(this)) && lookahead.call(this) === true ? action.DEF.call(this) : undefined;
  }

  /**
   * Chevrotain's MANY logic without its per-call closure (as `optionInternalLogic`)
   * and without the arguments array it builds for in-repetition recovery,
   * which does nothing while recovery is off.
   */
  manyInternalLogic(occurrence: number, action: DslAction, key: number): void {
    const internals = this as unknown as RepetitionInternals;
    if (internals.recoveryEnabled) {
      chevrotainRepetitions.manyInternalLogic.call(this, occurrence, action, key);
      return;
    }
    const lookahead = internals.getLaFuncFromCache(key);
    const gate = typeof action === "function" ? undefined : action.GATE;
    const body = typeof action === "function" ? action : action.DEF;
    // The same order as Chevrotain's: a gate may count its calls.
    let notStuck = true;
    while ((gate === undefined || gate.call(this)) && lookahead.call(this) === true && notStuck) notStuck = internals.doSingleRepetition(body);
  }

  // ------------------------------------------------------------ the next and the previous token

  /** The type index of the next token, read straight from the buffer. */
  protected nextTypeIndex(): number {
    const index = this.position + 1;
    return index < this.buffer.count ? this.buffer.typeIndex(index) : EOF_INDEX;
  }

  protected isNext(type: TokenType): boolean {
    return this.nextTypeIndex() === type.tokenTypeIdx;
  }

  protected isAtEnd(): boolean {
    return this.position + 1 >= this.buffer.count;
  }

  /** The exclusive end offset of the last consumed token (0 at the start). */
  protected previousEnd(): number {
    return this.position >= 0 ? this.buffer.end(Math.min(this.position, this.buffer.count - 1)) : 0;
  }
}

/**
 * The parser's lookahead heuristics, as functions over a `TokenPeek` (the
 * token buffer and the parser's position in it): which tokens start an
 * expression or a statement; whether a declaration (`Name [..]* Name`, spec
 * §6.4) or a top-level definition comes next; whether the next line starts
 * a statement, so a half-typed construct ends here; the unsupported
 * statements (`switch`, `do`, `enum`); and `and`/`or`/`not` written as
 * operators. They read the buffer's typed arrays and allocate nothing.
 */
import type { TokenType } from "chevrotain";
import { membership } from "./ll1-lookahead.js";
import type { TokenBuffer } from "./token-buffer.js";
import { TokenKind } from "./token-kind.js";
import * as T from "./tokens.js";

/** Remembers the last declaration question: statement dispatch asks it several times at the same token. */
export class DeclarationMemo {
  /** The token index the question was last asked at (-1: none). */
  askedAt = -1;
  /** The index of the declared name found there, or -1 when no declaration starts there. */
  name = -1;

  forget(): void {
    this.askedAt = -1;
  }
}

/** What the heuristics read: the tokens, the index of the last consumed token (-1 before the first), and their memo. */
export interface TokenPeek {
  readonly buffer: TokenBuffer;
  readonly position: number;
  readonly declarations: DeclarationMemo;
}

/** A lookup table from token kind to true, for the hot checks. */
function kindSet(types: Iterable<TokenType>): boolean[] {
  return membership(Array.from(types, (type) => type.tokenTypeIdx as number));
}

const EXPRESSION_STARTS = [
  T.Identifier,
  T.IntegerLiteral,
  T.LongLiteral,
  T.FloatLiteral,
  T.InvalidNumberLiteral,
  T.StringLiteral,
  T.True,
  T.False,
  T.This,
  T.LParen,
  T.Bang,
  T.Minus,
  T.Plus,
  T.PlusPlus,
  T.MinusMinus,
];

/** Tokens that may begin an expression. */
export const expressionStartKinds = kindSet(EXPRESSION_STARTS);

/** Tokens that may begin a primary expression (an operand without prefix operators). */
export const primaryStartKinds = kindSet([
  T.Identifier,
  T.IntegerLiteral,
  T.LongLiteral,
  T.FloatLiteral,
  T.InvalidNumberLiteral,
  T.StringLiteral,
  T.True,
  T.False,
  T.This,
  T.LParen,
]);

/** Tokens that may begin a statement. */
export const statementStartKinds = kindSet([
  ...EXPRESSION_STARTS,
  T.LBrace,
  T.If,
  T.While,
  T.For,
  T.Foreach,
  T.Try,
  T.Throw,
  T.Break,
  T.Continue,
  T.Return,
  T.Struct,
  T.IncludeDirective,
  T.LanguageLevelDirective,
  T.UnknownDirective,
  T.Semicolon,
  T.TemplateText,
]);

/** Keywords that only begin statements; one on a new line ends a half-typed expression. */
const statementKeywordKinds = kindSet([
  T.If,
  T.While,
  T.For,
  T.Foreach,
  T.Try,
  T.Throw,
  T.Break,
  T.Continue,
  T.Return,
  T.Struct,
  T.IncludeDirective,
  T.LanguageLevelDirective,
  T.TemplateText,
  T.Else,
  T.Catch,
]);

export const prefixOperatorKinds = kindSet([T.Bang, T.Minus, T.Plus, T.PlusPlus, T.MinusMinus]);
export const postfixStartKinds = kindSet([T.Dot, T.LBracket, T.PlusPlus, T.MinusMinus]);
export const binaryOperatorKinds = kindSet([
  T.OrOr,
  T.AndAnd,
  T.EqualEqual,
  T.NotEqual,
  T.Less,
  T.LessEqual,
  T.Greater,
  T.GreaterEqual,
  T.Plus,
  T.Minus,
  T.Star,
  T.Slash,
  T.Percent,
  T.Ampersand,
  T.Pipe,
]);
export const assignmentOperatorKinds = kindSet([T.Assign, T.PlusAssign, T.MinusAssign, T.StarAssign, T.SlashAssign, T.PercentAssign]);

const EOF = TokenKind.EOF;
const IDENTIFIER = TokenKind.Identifier;
const LPAREN = TokenKind.LParen;
const LBRACKET = TokenKind.LBracket;
const RBRACKET = TokenKind.RBracket;
const LBRACE = TokenKind.LBrace;
const RBRACE = TokenKind.RBrace;
const SEMICOLON = TokenKind.Semicolon;
const STRUCT = TokenKind.Struct;

function kindAt(buffer: TokenBuffer, index: number): number {
  return index < buffer.count ? buffer.typeIndex(index) : EOF;
}

/** The kind of the next token (`TokenKind.EOF` at the end). */
export function nextKind(peek: TokenPeek): number {
  return kindAt(peek.buffer, peek.position + 1);
}

export function expressionStartsNext(peek: TokenPeek): boolean {
  return expressionStartKinds[kindAt(peek.buffer, peek.position + 1)] === true;
}

/**
 * If a declaration `Type name` or `Type[..][..] name` starts at token
 * `first`, the index of the name, otherwise -1 (spec §6.4). The name must be
 * on the type's line, so a half-typed word above a statement is not taken
 * for a type.
 */
function declarationNameAt(buffer: TokenBuffer, first: number): number {
  if (kindAt(buffer, first) !== IDENTIFIER) return -1;
  let index = first + 1;
  while (kindAt(buffer, index) === LBRACKET) {
    let depth = 0;
    for (let steps = 0; ; steps++) {
      const kind = kindAt(buffer, index);
      if (steps > 64 || kind === EOF || kind === SEMICOLON || kind === LBRACE || kind === RBRACE) return -1;
      if (kind === LBRACKET) depth++;
      else if (kind === RBRACKET && --depth === 0) break;
      index++;
    }
    index++;
  }
  return kindAt(buffer, index) === IDENTIFIER && !buffer.newLineBefore(index) ? index : -1;
}

/** The index of the declared name when a declaration starts at the next token, otherwise -1 (answered from the memo when asked again). */
export function declarationNameNext(peek: TokenPeek): number {
  const first = peek.position + 1;
  const memo = peek.declarations;
  if (first !== memo.askedAt) {
    memo.name = declarationNameAt(peek.buffer, first);
    memo.askedAt = first;
  }
  return memo.name;
}

export function declarationStartsNext(peek: TokenPeek): boolean {
  return declarationNameNext(peek) >= 0;
}

/** `Type name(`: a function definition starts at the next token. */
export function functionDefinitionStartsNext(peek: TokenPeek): boolean {
  const name = declarationNameNext(peek);
  return name >= 0 && kindAt(peek.buffer, name + 1) === LPAREN;
}

/** `struct Name {` starts at the next token. */
export function structDefinitionStartsNext(peek: TokenPeek): boolean {
  const buffer = peek.buffer;
  const index = peek.position + 1;
  return kindAt(buffer, index) === STRUCT && kindAt(buffer, index + 1) === IDENTIFIER && kindAt(buffer, index + 2) === LBRACE;
}

/** A struct or function definition starting a line: inside a block, the block was left open. */
export function topLevelDefinitionStartsNext(peek: TokenPeek): boolean {
  const index = peek.position + 1;
  // The line break is asked last, so a parse reads it only where it decides (see `TokenBuffer.recordLineBreakReads`).
  if (index >= peek.buffer.count || !(structDefinitionStartsNext(peek) || functionDefinitionStartsNext(peek))) return false;
  return peek.buffer.newLineBefore(index);
}

/** The next token is on a new line and clearly begins another statement (or the file ends), so a half-typed construct ends here. */
export function statementStartsOnNextLine(peek: TokenPeek): boolean {
  const buffer = peek.buffer;
  const index = peek.position + 1;
  if (index >= buffer.count) return true;
  if (statementKeywordKinds[buffer.typeIndex(index)] !== true && !declarationStartsNext(peek)) return false;
  return buffer.newLineBefore(index);
}

/** An expression starts at the next token, on this line or on a next line that does not start a statement. */
export function expressionCanStartHere(peek: TokenPeek): boolean {
  return expressionStartsNext(peek) && !statementStartsOnNextLine(peek);
}

/** Whether the next token is the name `word` (in any letter case if asked), compared without allocating. */
export function nextWordIs(peek: TokenPeek, word: string, anyCase: boolean): boolean {
  const buffer = peek.buffer;
  const index = peek.position + 1;
  if (index >= buffer.count || buffer.typeIndex(index) !== IDENTIFIER) return false;
  const start = buffer.start(index);
  if (buffer.end(index) - start !== word.length) return false;
  const text = buffer.source;
  for (let offset = 0; offset < word.length; offset++) {
    const code = text.charCodeAt(start + offset);
    if ((anyCase ? code | 0x20 : code) !== word.charCodeAt(offset)) return false;
  }
  return true;
}

/** `and`, `or`, `not` used as operators: the name in any case, followed on the same line by an operand. */
export function wordOperatorNext(peek: TokenPeek, word: string): boolean {
  if (!nextWordIs(peek, word, true)) return false;
  const buffer = peek.buffer;
  const after = peek.position + 2;
  return after < buffer.count && !buffer.newLineBefore(after) && expressionStartKinds[buffer.typeIndex(after)] === true;
}

/** A prefix operator, or `not` written as one. */
export function prefixOperatorNext(peek: TokenPeek): boolean {
  return prefixOperatorKinds[nextKind(peek)] === true || wordOperatorNext(peek, "not");
}

/** A binary operator, or `and`/`or` written as one. */
export function binaryOperatorNext(peek: TokenPeek): boolean {
  const kind = nextKind(peek);
  return binaryOperatorKinds[kind] === true || (kind === IDENTIFIER && (wordOperatorNext(peek, "and") || wordOperatorNext(peek, "or")));
}

/** `switch (`, `do {`, `enum {` or `enum Name {`: statements CRMScript does not have. */
export function unsupportedStatementNext(peek: TokenPeek): boolean {
  const buffer = peek.buffer;
  const second = kindAt(buffer, peek.position + 2);
  if (nextWordIs(peek, "switch", false)) return second === LPAREN;
  if (nextWordIs(peek, "do", false)) return second === LBRACE;
  if (nextWordIs(peek, "enum", false)) return second === LBRACE || (second === IDENTIFIER && kindAt(buffer, peek.position + 3) === LBRACE);
  return false;
}

/**
 * Token kinds as numbers, for code that reads a `TokenBuffer`: compare
 * `tokenKindAt(tokens, i) === TokenKind.RParen` instead of the token type's
 * name with "RParen". A kind is the token type's Chevrotain index, which is
 * also what `TokenBuffer.typeIndex(i)` and `Token.tokenTypeIdx` hold; the
 * bracket questions (`isOpenBracket`, `closerOf`, …) are answered here once.
 */
import type { TokenType } from "chevrotain";
import type { TokenBuffer } from "./token-buffer.js";
import * as T from "./tokens.js";

function kindOf(type: TokenType): number {
  return type.tokenTypeIdx as number;
}

/** The kind of every token the scanner produces, and of the end of the file (`EOF`), by token type name. */
export const TokenKind = Object.freeze({
  EOF: kindOf(T.EOF),
  Identifier: kindOf(T.Identifier),
  IntegerLiteral: kindOf(T.IntegerLiteral),
  LongLiteral: kindOf(T.LongLiteral),
  FloatLiteral: kindOf(T.FloatLiteral),
  InvalidNumberLiteral: kindOf(T.InvalidNumberLiteral),
  StringLiteral: kindOf(T.StringLiteral),
  If: kindOf(T.If),
  Else: kindOf(T.Else),
  While: kindOf(T.While),
  For: kindOf(T.For),
  Foreach: kindOf(T.Foreach),
  Break: kindOf(T.Break),
  Continue: kindOf(T.Continue),
  Return: kindOf(T.Return),
  Try: kindOf(T.Try),
  Catch: kindOf(T.Catch),
  Throw: kindOf(T.Throw),
  Struct: kindOf(T.Struct),
  True: kindOf(T.True),
  False: kindOf(T.False),
  This: kindOf(T.This),
  IncludeDirective: kindOf(T.IncludeDirective),
  LanguageLevelDirective: kindOf(T.LanguageLevelDirective),
  UnknownDirective: kindOf(T.UnknownDirective),
  LParen: kindOf(T.LParen),
  RParen: kindOf(T.RParen),
  LBrace: kindOf(T.LBrace),
  RBrace: kindOf(T.RBrace),
  LBracket: kindOf(T.LBracket),
  RBracket: kindOf(T.RBracket),
  Semicolon: kindOf(T.Semicolon),
  Comma: kindOf(T.Comma),
  Dot: kindOf(T.Dot),
  Assign: kindOf(T.Assign),
  PlusAssign: kindOf(T.PlusAssign),
  MinusAssign: kindOf(T.MinusAssign),
  StarAssign: kindOf(T.StarAssign),
  SlashAssign: kindOf(T.SlashAssign),
  PercentAssign: kindOf(T.PercentAssign),
  OrOr: kindOf(T.OrOr),
  AndAnd: kindOf(T.AndAnd),
  EqualEqual: kindOf(T.EqualEqual),
  NotEqual: kindOf(T.NotEqual),
  Less: kindOf(T.Less),
  LessEqual: kindOf(T.LessEqual),
  Greater: kindOf(T.Greater),
  GreaterEqual: kindOf(T.GreaterEqual),
  Plus: kindOf(T.Plus),
  Minus: kindOf(T.Minus),
  Star: kindOf(T.Star),
  Slash: kindOf(T.Slash),
  Percent: kindOf(T.Percent),
  Ampersand: kindOf(T.Ampersand),
  Pipe: kindOf(T.Pipe),
  Bang: kindOf(T.Bang),
  PlusPlus: kindOf(T.PlusPlus),
  MinusMinus: kindOf(T.MinusMinus),
  Question: kindOf(T.Question),
  Colon: kindOf(T.Colon),
  TemplateText: kindOf(T.TemplateText),
});

/** The name of a token kind, as `TokenKind` spells it. */
export type TokenKindName = keyof typeof TokenKind;

/** The kind of token `index` of `tokens`; `TokenKind.EOF` before the first and after the last token. */
export function tokenKindAt(tokens: Pick<TokenBuffer, "count" | "typeIndex">, index: number): number {
  return index >= 0 && index < tokens.count ? tokens.typeIndex(index) : TokenKind.EOF;
}

/** `(`, `[` or `{`. */
export function isOpenBracket(kind: number): boolean {
  return kind === TokenKind.LParen || kind === TokenKind.LBracket || kind === TokenKind.LBrace;
}

/** `)`, `]` or `}`. */
export function isCloseBracket(kind: number): boolean {
  return kind === TokenKind.RParen || kind === TokenKind.RBracket || kind === TokenKind.RBrace;
}

/** The closing bracket that matches an opening one (`(` → `)`), or undefined for any other kind. */
export function closerOf(kind: number): number | undefined {
  if (kind === TokenKind.LParen) return TokenKind.RParen;
  if (kind === TokenKind.LBracket) return TokenKind.RBracket;
  return kind === TokenKind.LBrace ? TokenKind.RBrace : undefined;
}

/** The opening bracket that matches a closing one (`)` → `(`), or undefined for any other kind. */
export function openerOf(kind: number): number | undefined {
  if (kind === TokenKind.RParen) return TokenKind.LParen;
  if (kind === TokenKind.RBracket) return TokenKind.LBracket;
  return kind === TokenKind.RBrace ? TokenKind.LBrace : undefined;
}

const keywordKinds: boolean[] = [];
for (const type of T.keywordsByLowerCase.values()) keywordKinds[kindOf(type)] = true;

/** A keyword, including `true`, `false` and `this` (as `isKeywordType` for token types). */
export function isKeywordKind(kind: number): boolean {
  return keywordKinds[kind] === true;
}

/**
 * `TokenKind`, the numbers other layers compare token kinds with: one per
 * token type the scanner produces, equal to the type's index, and the
 * bracket and keyword questions over them.
 */
import { describe, expect, it } from "vitest";
import { closerOf, isCloseBracket, isKeywordKind, isOpenBracket, openerOf, scanText, TokenKind, tokenKindAt, type TokenKindName } from "../../grammar/index.js";
import * as T from "../../grammar/tokens.js";

const categories = new Set([T.AnyToken, T.Keyword, T.AssignmentOperator, T.BinaryOperator]);

describe("TokenKind", () => {
  it("names every token type the scanner produces, and the end of the file, by its index", () => {
    const concrete = T.allTokenTypes.filter((type) => !categories.has(type));
    expect(Object.keys(TokenKind).sort()).toEqual([...concrete.map((type) => type.name), "EOF"].sort());
    for (const type of [...concrete, T.EOF]) expect(TokenKind[type.name as TokenKindName]).toBe(type.tokenTypeIdx);
    expect(new Set(Object.values(TokenKind)).size).toBe(Object.keys(TokenKind).length);
  });

  it("reads the kind of a token in a buffer, and EOF outside it", () => {
    const tokens = scanText("a.b(c[1]);").tokens;
    const kinds = Array.from({ length: tokens.count }, (_, index) => tokenKindAt(tokens, index));
    expect(kinds).toEqual([
      TokenKind.Identifier,
      TokenKind.Dot,
      TokenKind.Identifier,
      TokenKind.LParen,
      TokenKind.Identifier,
      TokenKind.LBracket,
      TokenKind.IntegerLiteral,
      TokenKind.RBracket,
      TokenKind.RParen,
      TokenKind.Semicolon,
    ]);
    expect(tokenKindAt(tokens, -1)).toBe(TokenKind.EOF);
    expect(tokenKindAt(tokens, tokens.count)).toBe(TokenKind.EOF);
  });

  it("pairs the brackets", () => {
    for (const [open, close] of [
      [TokenKind.LParen, TokenKind.RParen],
      [TokenKind.LBracket, TokenKind.RBracket],
      [TokenKind.LBrace, TokenKind.RBrace],
    ] as const) {
      expect([isOpenBracket(open), isCloseBracket(open), isOpenBracket(close), isCloseBracket(close)]).toEqual([true, false, false, true]);
      expect(closerOf(open)).toBe(close);
      expect(openerOf(close)).toBe(open);
      expect(closerOf(close)).toBeUndefined();
      expect(openerOf(open)).toBeUndefined();
    }
    for (const other of [TokenKind.Dot, TokenKind.Identifier, TokenKind.Less, TokenKind.EOF]) {
      expect([isOpenBracket(other), isCloseBracket(other), closerOf(other), openerOf(other)]).toEqual([false, false, undefined, undefined]);
    }
  });

  it("tells keywords, including true, false and this, from names", () => {
    for (const type of T.keywordsByLowerCase.values()) expect(isKeywordKind(type.tokenTypeIdx as number)).toBe(true);
    expect(isKeywordKind(TokenKind.Identifier)).toBe(false);
    expect(isKeywordKind(TokenKind.IncludeDirective)).toBe(false);
  });
});

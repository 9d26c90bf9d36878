/**
 * The lookahead heuristics on their own, over a `TokenPeek` made from a
 * scanned text: what the parser asks before it commits to a construct.
 */
import { describe, expect, it } from "vitest";
import { scanText } from "../../grammar/index.js";
import {
  binaryOperatorNext,
  declarationNameNext,
  DeclarationMemo,
  expressionCanStartHere,
  functionDefinitionStartsNext,
  prefixOperatorNext,
  statementStartsOnNextLine,
  structDefinitionStartsNext,
  topLevelDefinitionStartsNext,
  unsupportedStatementNext,
  type TokenPeek,
} from "../../grammar/lookahead.js";

/** The position right before the token at `marker` in `text` (its first token without one, past the last token if it is not there). */
function peekAt(text: string, marker = ""): TokenPeek {
  const buffer = scanText(text).tokens;
  const offset = text.indexOf(marker);
  return { buffer, position: (offset < 0 ? buffer.count : buffer.indexAtOrAfter(offset)) - 1, declarations: new DeclarationMemo() };
}

describe("lookahead", () => {
  it("finds the name of a declaration, after array brackets, on the type's line only", () => {
    expect(declarationNameNext(peekAt("Integer x = 1;"))).toBe(1);
    expect(declarationNameNext(peekAt("String[][2] names;"))).toBe(6);
    expect(declarationNameNext(peekAt("agent\nInteger x;"))).toBe(-1);
    expect(declarationNameNext(peekAt("x = 1;"))).toBe(-1);
    expect(declarationNameNext(peekAt("a[1] = 2;"))).toBe(-1);
  });

  it("tells function and struct definitions, and those that start a line inside a block", () => {
    expect(functionDefinitionStartsNext(peekAt("Void f(Integer a) {}"))).toBe(true);
    expect(functionDefinitionStartsNext(peekAt("Integer f = g(1);"))).toBe(false);
    expect(structDefinitionStartsNext(peekAt("struct S { Integer a; };"))).toBe(true);
    expect(topLevelDefinitionStartsNext(peekAt("{\nVoid f() {}", "Void"))).toBe(true);
    expect(topLevelDefinitionStartsNext(peekAt("{ Void f() {}", "Void"))).toBe(false);
  });

  it("ends a half-typed construct at a next line that starts a statement or a declaration, or at the end", () => {
    expect(statementStartsOnNextLine(peekAt("x = a.\nreturn 1;", "return"))).toBe(true);
    expect(statementStartsOnNextLine(peekAt("x = a.\nInteger b;", "Integer"))).toBe(true);
    expect(statementStartsOnNextLine(peekAt("x = a +\nb;", "b;"))).toBe(false);
    expect(statementStartsOnNextLine(peekAt("x = a + return", "return"))).toBe(false);
    expect(statementStartsOnNextLine(peekAt("x", "never"))).toBe(true);
    expect(expressionCanStartHere(peekAt("x = a +\nb;", "b;"))).toBe(true);
  });

  it("reads and, or and not as operators only before an operand on the same line", () => {
    expect(binaryOperatorNext(peekAt("a AND b", "AND"))).toBe(true);
    expect(binaryOperatorNext(peekAt("a or\nb", "or"))).toBe(false);
    expect(binaryOperatorNext(peekAt("a + b", "+"))).toBe(true);
    expect(prefixOperatorNext(peekAt("not done"))).toBe(true);
    expect(prefixOperatorNext(peekAt("not;"))).toBe(false);
  });

  it("recognises switch, do and enum statements", () => {
    expect(unsupportedStatementNext(peekAt("switch (x) {}"))).toBe(true);
    expect(unsupportedStatementNext(peekAt("do { } while (x);"))).toBe(true);
    expect(unsupportedStatementNext(peekAt("enum Color { Red };"))).toBe(true);
    expect(unsupportedStatementNext(peekAt("enum { Red };"))).toBe(true);
    expect(unsupportedStatementNext(peekAt("switch = 1;"))).toBe(false);
    expect(unsupportedStatementNext(peekAt("Switch (x) {}"))).toBe(false);
  });
});

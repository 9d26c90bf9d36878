/**
 * The random program generator (`program-generator.ts`) keeps its promise:
 * every program it makes parses without a syntax error in each of its
 * layouts, the layouts hold the same tokens and the same tree, and a sample
 * covers the constructs, operators and trivia the generator is there for.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Diagnostic, type Node, parseSource, type SourceFile, walk } from "../../grammar/index.js";
import { arbitraryMessyProgram, arbitraryProgram, arbitraryProgramLayouts } from "./program-generator.js";

function errorsOf(source: SourceFile): Diagnostic[] {
  return source.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
}

/** The first error of `text` with the text around it, for a readable failure; undefined when it parses cleanly. */
function firstError(text: string): string | undefined {
  const error = errorsOf(parseSource(text))[0];
  if (error === undefined) return undefined;
  const around = text.slice(Math.max(0, error.range.start - 80), error.range.end + 40);
  return `${error.code}: ${error.message}\n---\n${around}`;
}

function tokenImages(source: SourceFile): string[] {
  const images: string[] = [];
  for (let index = 0; index < source.tokens.count; index++) images.push(source.tokens.image(index));
  return images;
}

/** The tree without offsets, to compare the same program in two layouts. */
function shape(source: SourceFile): string {
  return JSON.stringify(source.program, (key, value: unknown) =>
    key === "start" || key === "end" || key === "openParen" || key === "closeParen" ? undefined : typeof value === "bigint" ? `${value}n` : value,
  );
}

describe("program generator", () => {
  it("makes clean programs that parse without errors", () => {
    fc.assert(
      fc.property(arbitraryProgram, (text) => {
        expect(firstError(text)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it("makes messy programs that parse without errors", () => {
    fc.assert(
      fc.property(arbitraryMessyProgram, (text) => {
        expect(firstError(text)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it("lays one program out three ways with the same tokens and the same tree", () => {
    fc.assert(
      fc.property(arbitraryProgramLayouts, ({ clean, messy, reflowed }) => {
        const [a, b, c] = [parseSource(clean), parseSource(messy), parseSource(reflowed)];
        for (const source of [a, b, c]) expect(firstError(source.text)).toBeUndefined();
        expect(tokenImages(b)).toEqual(tokenImages(a));
        expect(tokenImages(c)).toEqual(tokenImages(a));
        expect(shape(b)).toBe(shape(a));
        expect(shape(c)).toBe(shape(a));
        // Only the messy layout has comments; the reflowed one changes no blank line.
        expect(a.comments).toEqual([]);
        expect(c.comments).toEqual([]);
        const blankLines = (text: string): number => text.split(/\r?\n[ \t]*\r?\n/).length - 1;
        expect(blankLines(c.text)).toBe(blankLines(a.text));
      }),
      { numRuns: 200 },
    );
  });

  it("covers the constructs, operators and trivia it is meant to", () => {
    const seen = new Set<string>();
    const note = (what: string): void => {
      seen.add(what);
    };
    for (const { clean, messy } of fc.sample(arbitraryProgramLayouts, { numRuns: 300, seed: 20_240_611 })) {
      const source = parseSource(clean);
      walk(source.program, (node: Node) => {
        note(node.kind);
        switch (node.kind) {
          case "BinaryExpression":
          case "AssignmentExpression":
          case "UnaryExpression":
          case "PostfixExpression":
            note(`${node.kind} ${node.operator}`);
            break;
          case "VariableDeclaration":
            if (node.type.dimensions.length > 0) note("array type");
            if (node.type.dimensions.some((dimension) => dimension.size !== undefined)) note("sized array type");
            if (node.initializer !== undefined) note("initialiser");
            break;
          case "FunctionDeclaration":
            if (node.parameters.length > 1) note("parameters");
            break;
          case "StructDeclaration":
            if (node.members.some((member) => member.kind === "FunctionDeclaration")) note("struct method");
            if (node.members.some((member) => member.kind === "VariableDeclaration")) note("struct field");
            break;
          case "IfStatement":
            note(node.thenStatement?.kind === "Block" ? "if with braces" : "if without braces");
            if (node.elseStatement?.kind === "IfStatement") note("else if");
            else if (node.elseStatement !== undefined) note("else");
            break;
          case "ForStatement":
            note(node.initializer === undefined ? "for without initialiser" : `for with ${node.initializer.kind}`);
            note(node.update === undefined ? "for without update" : "for with update");
            break;
          case "ReturnStatement":
            note(node.expression === undefined ? "return" : "return value");
            break;
          case "StringLiteral":
            if (source.text[node.start] === "'") note("single-quoted string");
            if (source.text.slice(node.start, node.end).includes("\\")) note("escape");
            break;
        }
      });
      if (clean.split("\n").some((line) => line.length > 80)) note("line over 80 columns");
      if (/\n\n/.test(clean)) note("blank line");
      const messySource = parseSource(messy);
      if (messySource.comments.some((comment) => comment.kind === "line")) note("line comment");
      if (messySource.comments.some((comment) => comment.kind === "block")) note("block comment");
      if (messySource.comments.some((comment) => comment.kind === "block" && /\n/.test(messy.slice(comment.range.start, comment.range.end)))) {
        note("multi-line block comment");
      }
      if (messy.includes("\t")) note("tab");
      if (messy.includes("\r\n")) note("CRLF");
    }
    const expected = [
      "LanguageLevelDirective",
      "IncludeDirective",
      "VariableDeclaration",
      "array type",
      "sized array type",
      "initialiser",
      "FunctionDeclaration",
      "parameters",
      "StructDeclaration",
      "struct field",
      "struct method",
      "if with braces",
      "if without braces",
      "else if",
      "else",
      "WhileStatement",
      "for without initialiser",
      "for with VariableDeclaration",
      "for with ExpressionList",
      "for without update",
      "for with update",
      "ForeachStatement",
      "TryStatement",
      "ThrowStatement",
      "return",
      "return value",
      "BreakStatement",
      "ContinueStatement",
      "Block",
      "CallExpression",
      "MemberExpression",
      "IndexExpression",
      "ParenthesizedExpression",
      "ThisExpression",
      "UnaryExpression !",
      "UnaryExpression -",
      "PostfixExpression ++",
      "PostfixExpression --",
      ...["||", "&&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"].map((operator) => `BinaryExpression ${operator}`),
      ...["=", "+=", "-="].map((operator) => `AssignmentExpression ${operator}`),
      "IntegerLiteral",
      "LongLiteral",
      "FloatLiteral",
      "StringLiteral",
      "BooleanLiteral",
      "single-quoted string",
      "escape",
      "line over 80 columns",
      "blank line",
      "line comment",
      "block comment",
      "multi-line block comment",
      "tab",
      "CRLF",
    ];
    expect(expected.filter((what) => !seen.has(what))).toEqual([]);
  });
});

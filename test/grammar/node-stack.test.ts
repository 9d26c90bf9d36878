/** `NodeStack`: the stack the parser collects list items on, and the nested lists the parser builds with it. */
import { describe, expect, it } from "vitest";
import type * as A from "../../grammar/ast.js";
import { parseSource } from "../../grammar/index.js";
import { NodeStack } from "../../grammar/node-stack.js";

describe("NodeStack", () => {
  it("copies out the entries above a mark, and truncating takes them off", () => {
    const stack = new NodeStack<string>();
    stack.push("outer 1");
    const inner = stack.size;
    stack.push("inner 1");
    stack.push("inner 2");
    expect(stack.copyFrom(inner)).toEqual(["inner 1", "inner 2"]);
    stack.truncate(inner);
    expect(stack.size).toBe(1);
    stack.push("outer 2");
    expect(stack.copyFrom(0)).toEqual(["outer 1", "outer 2"]);
    expect(stack.at(1)).toBe("outer 2");
  });

  it("gives an empty array above the top and new arrays each time", () => {
    const stack = new NodeStack<number>();
    stack.push(1);
    const first = stack.copyFrom(0);
    expect(stack.copyFrom(1)).toEqual([]);
    expect(stack.copyFrom(0)).not.toBe(first);
    first.push(2);
    expect(stack.copyFrom(0)).toEqual([1]);
  });

  it("collects what a fill pushes, from the top before it or from a given mark, and leaves the stack as it was, also when the fill throws", () => {
    const stack = new NodeStack<string>();
    stack.push("outer");
    expect(
      stack.collect(() => {
        stack.push("a");
        stack.push("b");
      }),
    ).toEqual(["a", "b"]);
    expect(stack.copyFrom(0)).toEqual(["outer"]);
    const mark = stack.size;
    stack.push("first");
    expect(stack.collect(() => stack.push("second"), mark)).toEqual(["first", "second"]);
    expect(stack.size).toBe(1);
    expect(() =>
      stack.collect(() => {
        stack.push("lost");
        throw new Error("fill failed");
      }),
    ).toThrow("fill failed");
    expect(stack.copyFrom(0)).toEqual(["outer"]);
  });

  it("reuses the slots of truncated entries", () => {
    const stack = new NodeStack<number>();
    for (let round = 0; round < 3; round++) {
      for (let value = 0; value < 5; value++) stack.push(round * 10 + value);
      expect(stack.copyFrom(2)).toEqual([round * 10 + 2, round * 10 + 3, round * 10 + 4]);
      stack.truncate(0);
    }
    expect(stack.size).toBe(0);
  });
});

describe("lists the parser collects on stacks", () => {
  const names = (expressions: readonly A.Expression[]): string[] =>
    expressions.map((expression) => (expression.kind === "Identifier" ? expression.name : expression.kind));

  it("keeps nested argument lists, blocks and binary chains apart", () => {
    const { program, diagnostics } = parseSource("Void f(Integer a, Integer b) { if (a < b + c * d) { g(a, h(b, c + d * e, k(i, j)), l); m(); } n(o, p); }");
    expect(diagnostics).toEqual([]);
    const f = program.statements[0] as A.FunctionDeclaration;
    expect(f.parameters.map((parameter) => parameter.name?.name)).toEqual(["a", "b"]);
    const body = f.body as A.Block;
    expect(body.statements.map((statement) => statement.kind)).toEqual(["IfStatement", "ExpressionStatement"]);
    const ifStatement = body.statements[0] as A.IfStatement;
    const condition = ifStatement.condition as A.BinaryExpression;
    expect(condition.operator).toBe("<");
    expect((condition.right as A.BinaryExpression).operator).toBe("+");
    const thenBlock = ifStatement.thenStatement as A.Block;
    expect(thenBlock.statements).toHaveLength(2);
    const g = (thenBlock.statements[0] as A.ExpressionStatement).expression as A.CallExpression;
    expect(names(g.arguments)).toEqual(["a", "CallExpression", "l"]);
    const h = g.arguments[1] as A.CallExpression;
    expect(names(h.arguments)).toEqual(["b", "BinaryExpression", "CallExpression"]);
    expect(names((h.arguments[2] as A.CallExpression).arguments)).toEqual(["i", "j"]);
    const n = (body.statements[1] as A.ExpressionStatement).expression as A.CallExpression;
    expect(names(n.arguments)).toEqual(["o", "p"]);
  });

  it("keeps the statements and parameters read before a statement that fails", () => {
    const { program } = parseSource("Integer a = 1;\nVoid f(Integer x, ) { a = 2; b(1, ; }\nInteger c = 3;");
    expect(program.statements.map((statement) => statement.kind)).toEqual(["VariableDeclaration", "FunctionDeclaration", "VariableDeclaration"]);
    const f = program.statements[1] as A.FunctionDeclaration;
    expect(f.parameters.map((parameter) => parameter.name?.name)).toEqual(["x"]);
    expect((f.body as A.Block).statements.length).toBeGreaterThanOrEqual(1);
  });
});

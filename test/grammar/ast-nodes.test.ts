/**
 * The parser makes every node with its kind's class from `grammar/ast-nodes.ts`
 * (never an object literal, which V8 would pretenure), and each node keeps
 * the own fields, in the order, that `ast.ts` gives its kind.
 */
import { describe, expect, it } from "vitest";
import { generateRealisticScript } from "../../bench/realistic-script.js";
import type { Node } from "../../grammar/ast.js";
import * as N from "../../grammar/ast-nodes.js";
import { parseSource } from "../../grammar/index.js";
import { walk } from "../../grammar/walk.js";
import { fixtures } from "../support/generators.js";

/** Every node under `root`, the root included. */
function nodesOf(root: Node): Node[] {
  const nodes: Node[] = [];
  walk(root, (node) => {
    nodes.push(node);
  });
  return nodes;
}

/** The texts to parse: the fixtures whole, each also cut off at a few places (broken code takes the recovery paths), and a generated script. */
function texts(): string[] {
  const result: string[] = [generateRealisticScript(60_000, 3).crmscript];
  for (const { text } of fixtures) {
    result.push(text);
    for (const share of [0.2, 0.45, 0.7, 0.9]) result.push(text.slice(0, Math.floor(text.length * share)));
  }
  return result;
}

describe("AST node classes", () => {
  const nodes = texts().flatMap((text) => nodesOf(parseSource(text).program));
  const kinds = new Set(nodes.map((node) => node.kind));

  it("cover a good part of the kinds in the parsed texts", () => {
    expect(nodes.length).toBeGreaterThan(10_000);
    expect(kinds.size).toBeGreaterThanOrEqual(35);
  });

  it("made every node the parser returns", () => {
    const classes = N as unknown as Record<string, (new (...args: never[]) => Node) | undefined>;
    const literals = nodes.filter((node) => Object.getPrototypeOf(node) !== classes[node.kind]?.prototype);
    expect(literals.map((node) => `${node.kind} at ${node.start}`).slice(0, 5)).toEqual([]);
  });

  it("give every node of a kind the same own fields, kind, start and end first", () => {
    const fieldsByKind = new Map<string, string>();
    for (const node of nodes) {
      const fields = Object.keys(node).join(",");
      expect(fields.startsWith("kind,start,end")).toBe(true);
      const seen = fieldsByKind.get(node.kind);
      if (seen === undefined) fieldsByKind.set(node.kind, fields);
      else expect(fields).toBe(seen);
    }
    expect(fieldsByKind.get("CallExpression")).toBe("kind,start,end,callee,arguments,openParen,closeParen");
    expect(fieldsByKind.get("VariableDeclaration")).toBe("kind,start,end,type,name,trailingDimensions,initializer,moreDeclarators");
  });
});

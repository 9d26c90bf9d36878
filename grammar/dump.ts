/**
 * A readable, stable text dump of an AST, for golden tests and bug reports:
 * one node per line, indented by depth, with its kind, its `line:column`
 * range (1-based) and its scalar fields; child fields are named.
 */
import type { Node } from "./ast.js";
import { LineIndex } from "./text.js";

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}

function scalar(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

export function dumpAst(root: Node, text: string): string {
  const lines = new LineIndex(text);
  const out: string[] = [];
  const position = (offset: number): string => {
    const { line, column } = lines.position(offset);
    return `${line + 1}:${column + 1}`;
  };
  const visit = (node: Node, label: string, depth: number): void => {
    const scalars: string[] = [];
    const children: [string, Node | readonly Node[]][] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === "kind" || key === "start" || key === "end") continue;
      if (isNode(value) || (Array.isArray(value) && (value.length === 0 || value.every(isNode)) && value.length > 0)) {
        children.push([key, value as Node | readonly Node[]]);
      } else if (Array.isArray(value)) {
        scalars.push(`${key}=[]`);
      } else if (value !== undefined) {
        scalars.push(`${key}=${scalar(value)}`);
      }
    }
    const indent = "  ".repeat(depth);
    out.push(`${indent}${label}${node.kind} ${position(node.start)}-${position(node.end)}${scalars.length > 0 ? ` ${scalars.join(" ")}` : ""}`);
    for (const [key, value] of children) {
      if (Array.isArray(value)) {
        for (const [index, child] of (value as readonly Node[]).entries()) visit(child, `${key}[${index}]: `, depth + 1);
      } else {
        visit(value as Node, `${key}: `, depth + 1);
      }
    }
  };
  visit(root, "", 0);
  return `${out.join("\n")}\n`;
}

/**
 * Loops for lint rules: which loop repeats a node. The repeated part of a
 * loop is its condition, its update and its body; a `for` initializer and a
 * `foreach` collection run once, before the loop. A function body starts
 * afresh: it runs when called, not once per iteration of a loop around it.
 */
import { walk, type ForeachStatement, type ForStatement, type Node, type WhileStatement } from "../../grammar/index.js";

export type Loop = WhileStatement | ForStatement | ForeachStatement;

export function isLoop(node: Node): node is Loop {
  return node.kind === "WhileStatement" || node.kind === "ForStatement" || node.kind === "ForeachStatement";
}

/** `while`, `for` or `foreach`, for messages. */
export function loopKeyword(loop: Loop): string {
  return loop.kind === "WhileStatement" ? "while" : loop.kind === "ForStatement" ? "for" : "foreach";
}

/** True when `child` (a direct child of `loop`) runs on every iteration. */
function isRepeated(loop: Loop, child: Node): boolean {
  switch (loop.kind) {
    case "WhileStatement":
      return true;
    case "ForStatement":
      return child !== loop.initializer;
    case "ForeachStatement":
      return child === loop.body;
  }
}

/**
 * Calls `visit` for `root` and every node below it, in source order, with
 * the innermost loop that repeats the node. Returning false from `visit`
 * skips the node's children.
 */
export function walkWithLoops(root: Node, visit: (node: Node, loop: Loop | undefined) => boolean | void): void {
  const loops: (Loop | undefined)[] = [];
  walk(
    root,
    (node, parent) => {
      let loop = loops[loops.length - 1];
      if (node.kind === "FunctionDeclaration") loop = undefined;
      else if (parent !== undefined && isLoop(parent) && isRepeated(parent, node)) loop = parent;
      if (visit(node, loop) === false) return false;
      loops.push(loop);
      return true;
    },
    () => {
      loops.pop();
    },
  );
}

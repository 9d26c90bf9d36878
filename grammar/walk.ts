/**
 * Generic traversal of the AST: the children of each node kind in source
 * order, and an iterative depth-first walk that cannot overflow the stack
 * however deep the tree is.
 */
import type { Node } from "./ast.js";

/** Calls `visit` for each direct child of `node`, in source order. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  switch (node.kind) {
    case "Program":
    case "Block":
      node.statements.forEach(visit);
      return;
    case "VariableDeclaration":
      visit(node.type);
      visit(node.name);
      node.trailingDimensions?.forEach(visit);
      visitPresent(node.initializer, visit);
      node.moreDeclarators?.forEach(visit);
      return;
    case "FunctionDeclaration":
      visit(node.returnType);
      visit(node.name);
      node.parameters.forEach(visit);
      visitPresent(node.body, visit);
      return;
    case "Parameter":
      visit(node.type);
      visitPresent(node.name, visit);
      return;
    case "StructDeclaration":
      visitPresent(node.name, visit);
      node.members.forEach(visit);
      return;
    case "TypeReference":
      visit(node.name);
      node.dimensions.forEach(visit);
      return;
    case "ArrayDimension":
      visitPresent(node.size, visit);
      return;
    case "IncludeDirective":
      visitPresent(node.includeId, visit);
      return;
    case "LanguageLevelDirective":
      visitPresent(node.level, visit);
      return;
    case "IfStatement":
      visit(node.condition);
      visitPresent(node.thenStatement, visit);
      visitPresent(node.elseStatement, visit);
      return;
    case "WhileStatement":
      visit(node.condition);
      visitPresent(node.body, visit);
      return;
    case "ForStatement":
      visitPresent(node.initializer, visit);
      visitPresent(node.condition, visit);
      visitPresent(node.update, visit);
      visitPresent(node.body, visit);
      return;
    case "ExpressionList":
      node.expressions.forEach(visit);
      return;
    case "ForeachStatement":
      visitPresent(node.variableType, visit);
      visitPresent(node.variableName, visit);
      visit(node.collection);
      visitPresent(node.body, visit);
      return;
    case "TryStatement":
      visitPresent(node.tryBlock, visit);
      visitPresent(node.catchParameter, visit);
      visitPresent(node.catchBlock, visit);
      return;
    case "ThrowStatement":
    case "ExpressionStatement":
    case "ParenthesizedExpression":
      visit(node.expression);
      return;
    case "ReturnStatement":
      visitPresent(node.expression, visit);
      return;
    case "UnsupportedStatement":
      node.parts.forEach(visit);
      return;
    case "CallExpression":
      visit(node.callee);
      node.arguments.forEach(visit);
      return;
    case "MemberExpression":
      visit(node.object);
      visitPresent(node.member, visit);
      return;
    case "IndexExpression":
      visit(node.object);
      visit(node.index);
      return;
    case "UnaryExpression":
    case "PostfixExpression":
      visit(node.operand);
      return;
    case "BinaryExpression":
      visit(node.left);
      visit(node.right);
      return;
    case "AssignmentExpression":
      visit(node.target);
      visit(node.value);
      return;
    case "ConditionalExpression":
      visit(node.condition);
      visit(node.whenTrue);
      visit(node.whenFalse);
      return;
    case "BreakStatement":
    case "ContinueStatement":
    case "EmptyStatement":
    case "TemplateText":
    case "Identifier":
    case "IntegerLiteral":
    case "LongLiteral":
    case "FloatLiteral":
    case "StringLiteral":
    case "BooleanLiteral":
    case "InvalidNumberLiteral":
    case "ThisExpression":
    case "MissingExpression":
      return;
  }
}

/** Visits an optional child (a function of its own: a closure made per call would be garbage on every node). */
function visitPresent(child: Node | undefined, visit: (child: Node) => void): void {
  if (child !== undefined) visit(child);
}

/**
 * Visits `root` and all its descendants depth-first in source order, calling
 * `enter` before a node's children and `exit` (if given) after them. Returning
 * false from `enter` skips the node's children (and its `exit`).
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined) => boolean | void, exit?: (node: Node) => void): void {
  // Three parallel stacks instead of a frame object per node: this walk runs over every node of every file.
  const nodes: Node[] = [root];
  const parents: (Node | undefined)[] = [undefined];
  const exiting: boolean[] = [false];
  let current: Node = root;
  const push = (child: Node): void => {
    nodes.push(child);
    parents.push(current);
    exiting.push(false);
  };
  while (nodes.length > 0) {
    const node = nodes.pop() as Node;
    const parent = parents.pop();
    if (exiting.pop() === true) {
      exit?.(node);
      continue;
    }
    if (enter(node, parent) === false) continue;
    if (exit !== undefined) {
      nodes.push(node);
      parents.push(parent);
      exiting.push(true);
    }
    const first = nodes.length;
    current = node;
    forEachChild(node, push);
    // The children were pushed in source order (all with the same parent); the first must come off the stack first.
    for (let low = first, high = nodes.length - 1; low < high; low++, high--) {
      const child = nodes[low] as Node;
      nodes[low] = nodes[high] as Node;
      nodes[high] = child;
    }
  }
}

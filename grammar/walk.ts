/**
 * Generic traversal of the AST: the children of each node kind in source
 * order, and an iterative depth-first walk that cannot overflow the stack
 * however deep the tree is.
 */
import type { Node } from "./ast.js";

/** Calls `visit` for each direct child of `node`, in source order. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const each = (child: Node | undefined): void => {
    if (child !== undefined) visit(child);
  };
  switch (node.kind) {
    case "Program":
    case "Block":
      node.statements.forEach(visit);
      return;
    case "VariableDeclaration":
      visit(node.type);
      visit(node.name);
      node.trailingDimensions?.forEach(visit);
      each(node.initializer);
      node.moreDeclarators?.forEach(visit);
      return;
    case "FunctionDeclaration":
      visit(node.returnType);
      visit(node.name);
      node.parameters.forEach(visit);
      each(node.body);
      return;
    case "Parameter":
      visit(node.type);
      each(node.name);
      return;
    case "StructDeclaration":
      each(node.name);
      node.members.forEach(visit);
      return;
    case "TypeReference":
      visit(node.name);
      node.dimensions.forEach(visit);
      return;
    case "ArrayDimension":
      each(node.size);
      return;
    case "IncludeDirective":
      each(node.includeId);
      return;
    case "LanguageLevelDirective":
      each(node.level);
      return;
    case "IfStatement":
      visit(node.condition);
      each(node.thenStatement);
      each(node.elseStatement);
      return;
    case "WhileStatement":
      visit(node.condition);
      each(node.body);
      return;
    case "ForStatement":
      each(node.initializer);
      each(node.condition);
      each(node.update);
      each(node.body);
      return;
    case "ExpressionList":
      node.expressions.forEach(visit);
      return;
    case "ForeachStatement":
      each(node.variableType);
      each(node.variableName);
      visit(node.collection);
      each(node.body);
      return;
    case "TryStatement":
      each(node.tryBlock);
      each(node.catchParameter);
      each(node.catchBlock);
      return;
    case "ThrowStatement":
    case "ExpressionStatement":
    case "ParenthesizedExpression":
      visit(node.expression);
      return;
    case "ReturnStatement":
      each(node.expression);
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
      each(node.member);
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

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
  const stack: { node: Node; parent: Node | undefined; exiting: boolean }[] = [{ node: root, parent: undefined, exiting: false }];
  const children: Node[] = [];
  while (stack.length > 0) {
    const frame = stack.pop() as { node: Node; parent: Node | undefined; exiting: boolean };
    if (frame.exiting) {
      exit?.(frame.node);
      continue;
    }
    if (enter(frame.node, frame.parent) === false) continue;
    if (exit !== undefined) stack.push({ node: frame.node, parent: frame.parent, exiting: true });
    children.length = 0;
    forEachChild(frame.node, (child) => children.push(child));
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push({ node: children[index] as Node, parent: frame.node, exiting: false });
    }
  }
}

/**
 * The AST's node classes, one per `kind` of `ast.ts`, which the parser
 * constructs. Each assigns `kind`, `start`, `end` and then the interface's
 * fields in the interface's order, so every node of a kind has the same own
 * fields in the same order (what `dumpAst` prints and the tests compare).
 *
 * Why classes and not object literals: V8 tracks every object literal's
 * allocation site and, once most objects from a site outlive a scavenge (as
 * every node of a tree does), allocates that site's objects straight in the
 * old generation. With literals the 2 MB parse took 205 ms, and 148 ms with
 * V8's pretenuring switched off (`--no-allocation-site-pretenuring`): fewer
 * scavenges, but the sites V8 had pretenured stored young children into old
 * parents, most likely each through the write barrier's slow path. V8 never
 * pretenures objects made by `new`.
 * `reparseSource` moves the statements after an edit as spread copies
 * (`incremental.ts`): plain objects with the same fields in the same order.
 */
import type * as A from "./ast.js";

export class Identifier implements A.Identifier {
  declare readonly kind: "Identifier";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly name: string;
  constructor(start: number, end: number, name: string) {
    this.kind = "Identifier";
    this.start = start;
    this.end = end;
    this.name = name;
  }
}

export class TypeReference implements A.TypeReference {
  declare readonly kind: "TypeReference";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly name: A.Identifier;
  declare readonly dimensions: readonly A.ArrayDimension[];
  constructor(start: number, end: number, name: A.Identifier, dimensions: readonly A.ArrayDimension[]) {
    this.kind = "TypeReference";
    this.start = start;
    this.end = end;
    this.name = name;
    this.dimensions = dimensions;
  }
}

export class ArrayDimension implements A.ArrayDimension {
  declare readonly kind: "ArrayDimension";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly size: A.Expression | undefined;
  constructor(start: number, end: number, size: A.Expression | undefined) {
    this.kind = "ArrayDimension";
    this.start = start;
    this.end = end;
    this.size = size;
  }
}

export class Program implements A.Program {
  declare readonly kind: "Program";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly statements: readonly A.Statement[];
  constructor(start: number, end: number, statements: readonly A.Statement[]) {
    this.kind = "Program";
    this.start = start;
    this.end = end;
    this.statements = statements;
  }
}

export class VariableDeclaration implements A.VariableDeclaration {
  declare readonly kind: "VariableDeclaration";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly type: A.TypeReference;
  declare readonly name: A.Identifier;
  declare readonly trailingDimensions: readonly A.ArrayDimension[] | undefined;
  declare readonly initializer: A.Expression | undefined;
  declare readonly moreDeclarators: readonly A.Expression[] | undefined;
  constructor(
    start: number,
    end: number,
    type: A.TypeReference,
    name: A.Identifier,
    trailingDimensions: readonly A.ArrayDimension[] | undefined,
    initializer: A.Expression | undefined,
    moreDeclarators: readonly A.Expression[] | undefined,
  ) {
    this.kind = "VariableDeclaration";
    this.start = start;
    this.end = end;
    this.type = type;
    this.name = name;
    this.trailingDimensions = trailingDimensions;
    this.initializer = initializer;
    this.moreDeclarators = moreDeclarators;
  }
}

export class Parameter implements A.Parameter {
  declare readonly kind: "Parameter";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly type: A.TypeReference;
  declare readonly name: A.Identifier | undefined;
  constructor(start: number, end: number, type: A.TypeReference, name: A.Identifier | undefined) {
    this.kind = "Parameter";
    this.start = start;
    this.end = end;
    this.type = type;
    this.name = name;
  }
}

export class FunctionDeclaration implements A.FunctionDeclaration {
  declare readonly kind: "FunctionDeclaration";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly returnType: A.TypeReference;
  declare readonly name: A.Identifier;
  declare readonly parameters: readonly A.Parameter[];
  declare readonly body: A.Block | undefined;
  constructor(start: number, end: number, returnType: A.TypeReference, name: A.Identifier, parameters: readonly A.Parameter[], body: A.Block | undefined) {
    this.kind = "FunctionDeclaration";
    this.start = start;
    this.end = end;
    this.returnType = returnType;
    this.name = name;
    this.parameters = parameters;
    this.body = body;
  }
}

export class StructDeclaration implements A.StructDeclaration {
  declare readonly kind: "StructDeclaration";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly name: A.Identifier | undefined;
  declare readonly members: readonly A.StructMember[];
  constructor(start: number, end: number, name: A.Identifier | undefined, members: readonly A.StructMember[]) {
    this.kind = "StructDeclaration";
    this.start = start;
    this.end = end;
    this.name = name;
    this.members = members;
  }
}

export class IncludeDirective implements A.IncludeDirective {
  declare readonly kind: "IncludeDirective";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly includeId: A.StringLiteral | undefined;
  constructor(start: number, end: number, includeId: A.StringLiteral | undefined) {
    this.kind = "IncludeDirective";
    this.start = start;
    this.end = end;
    this.includeId = includeId;
  }
}

export class LanguageLevelDirective implements A.LanguageLevelDirective {
  declare readonly kind: "LanguageLevelDirective";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly level: A.IntegerLiteral | undefined;
  constructor(start: number, end: number, level: A.IntegerLiteral | undefined) {
    this.kind = "LanguageLevelDirective";
    this.start = start;
    this.end = end;
    this.level = level;
  }
}

export class Block implements A.Block {
  declare readonly kind: "Block";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly statements: readonly A.Statement[];
  constructor(start: number, end: number, statements: readonly A.Statement[]) {
    this.kind = "Block";
    this.start = start;
    this.end = end;
    this.statements = statements;
  }
}

export class IfStatement implements A.IfStatement {
  declare readonly kind: "IfStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly condition: A.Expression;
  declare readonly thenStatement: A.Statement | undefined;
  declare readonly elseStatement: A.Statement | undefined;
  constructor(start: number, end: number, condition: A.Expression, thenStatement: A.Statement | undefined, elseStatement: A.Statement | undefined) {
    this.kind = "IfStatement";
    this.start = start;
    this.end = end;
    this.condition = condition;
    this.thenStatement = thenStatement;
    this.elseStatement = elseStatement;
  }
}

export class WhileStatement implements A.WhileStatement {
  declare readonly kind: "WhileStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly condition: A.Expression;
  declare readonly body: A.Statement | undefined;
  constructor(start: number, end: number, condition: A.Expression, body: A.Statement | undefined) {
    this.kind = "WhileStatement";
    this.start = start;
    this.end = end;
    this.condition = condition;
    this.body = body;
  }
}

export class ExpressionList implements A.ExpressionList {
  declare readonly kind: "ExpressionList";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly expressions: readonly A.Expression[];
  constructor(start: number, end: number, expressions: readonly A.Expression[]) {
    this.kind = "ExpressionList";
    this.start = start;
    this.end = end;
    this.expressions = expressions;
  }
}

export class ForStatement implements A.ForStatement {
  declare readonly kind: "ForStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly initializer: A.VariableDeclaration | A.ExpressionList | undefined;
  declare readonly condition: A.Expression | undefined;
  declare readonly update: A.ExpressionList | undefined;
  declare readonly body: A.Statement | undefined;
  constructor(
    start: number,
    end: number,
    initializer: A.VariableDeclaration | A.ExpressionList | undefined,
    condition: A.Expression | undefined,
    update: A.ExpressionList | undefined,
    body: A.Statement | undefined,
  ) {
    this.kind = "ForStatement";
    this.start = start;
    this.end = end;
    this.initializer = initializer;
    this.condition = condition;
    this.update = update;
    this.body = body;
  }
}

export class ForeachStatement implements A.ForeachStatement {
  declare readonly kind: "ForeachStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly variableType: A.TypeReference | undefined;
  declare readonly variableName: A.Identifier | undefined;
  declare readonly collection: A.Expression;
  declare readonly body: A.Statement | undefined;
  constructor(
    start: number,
    end: number,
    variableType: A.TypeReference | undefined,
    variableName: A.Identifier | undefined,
    collection: A.Expression,
    body: A.Statement | undefined,
  ) {
    this.kind = "ForeachStatement";
    this.start = start;
    this.end = end;
    this.variableType = variableType;
    this.variableName = variableName;
    this.collection = collection;
    this.body = body;
  }
}

export class TryStatement implements A.TryStatement {
  declare readonly kind: "TryStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly tryBlock: A.Statement | undefined;
  declare readonly catchParameter: A.Identifier | undefined;
  declare readonly catchBlock: A.Statement | undefined;
  constructor(start: number, end: number, tryBlock: A.Statement | undefined, catchParameter: A.Identifier | undefined, catchBlock: A.Statement | undefined) {
    this.kind = "TryStatement";
    this.start = start;
    this.end = end;
    this.tryBlock = tryBlock;
    this.catchParameter = catchParameter;
    this.catchBlock = catchBlock;
  }
}

export class ThrowStatement implements A.ThrowStatement {
  declare readonly kind: "ThrowStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly expression: A.Expression;
  constructor(start: number, end: number, expression: A.Expression) {
    this.kind = "ThrowStatement";
    this.start = start;
    this.end = end;
    this.expression = expression;
  }
}

export class BreakStatement implements A.BreakStatement {
  declare readonly kind: "BreakStatement";
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    this.kind = "BreakStatement";
    this.start = start;
    this.end = end;
  }
}

export class ContinueStatement implements A.ContinueStatement {
  declare readonly kind: "ContinueStatement";
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    this.kind = "ContinueStatement";
    this.start = start;
    this.end = end;
  }
}

export class ReturnStatement implements A.ReturnStatement {
  declare readonly kind: "ReturnStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly expression: A.Expression | undefined;
  constructor(start: number, end: number, expression: A.Expression | undefined) {
    this.kind = "ReturnStatement";
    this.start = start;
    this.end = end;
    this.expression = expression;
  }
}

export class ExpressionStatement implements A.ExpressionStatement {
  declare readonly kind: "ExpressionStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly expression: A.Expression;
  constructor(start: number, end: number, expression: A.Expression) {
    this.kind = "ExpressionStatement";
    this.start = start;
    this.end = end;
    this.expression = expression;
  }
}

export class EmptyStatement implements A.EmptyStatement {
  declare readonly kind: "EmptyStatement";
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    this.kind = "EmptyStatement";
    this.start = start;
    this.end = end;
  }
}

export class TemplateText implements A.TemplateText {
  declare readonly kind: "TemplateText";
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    this.kind = "TemplateText";
    this.start = start;
    this.end = end;
  }
}

export class UnsupportedStatement implements A.UnsupportedStatement {
  declare readonly kind: "UnsupportedStatement";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly construct: "switch" | "do" | "enum" | "directive";
  declare readonly parts: readonly (A.Statement | A.Expression)[];
  constructor(start: number, end: number, construct: "switch" | "do" | "enum" | "directive", parts: readonly (A.Statement | A.Expression)[]) {
    this.kind = "UnsupportedStatement";
    this.start = start;
    this.end = end;
    this.construct = construct;
    this.parts = parts;
  }
}

export class IntegerLiteral implements A.IntegerLiteral {
  declare readonly kind: "IntegerLiteral";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly value: number;
  constructor(start: number, end: number, value: number) {
    this.kind = "IntegerLiteral";
    this.start = start;
    this.end = end;
    this.value = value;
  }
}

export class LongLiteral implements A.LongLiteral {
  declare readonly kind: "LongLiteral";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly value: bigint;
  constructor(start: number, end: number, value: bigint) {
    this.kind = "LongLiteral";
    this.start = start;
    this.end = end;
    this.value = value;
  }
}

export class FloatLiteral implements A.FloatLiteral {
  declare readonly kind: "FloatLiteral";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly value: number;
  constructor(start: number, end: number, value: number) {
    this.kind = "FloatLiteral";
    this.start = start;
    this.end = end;
    this.value = value;
  }
}

export class StringLiteral implements A.StringLiteral {
  declare readonly kind: "StringLiteral";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly value: string;
  constructor(start: number, end: number, value: string) {
    this.kind = "StringLiteral";
    this.start = start;
    this.end = end;
    this.value = value;
  }
}

export class BooleanLiteral implements A.BooleanLiteral {
  declare readonly kind: "BooleanLiteral";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly value: boolean;
  constructor(start: number, end: number, value: boolean) {
    this.kind = "BooleanLiteral";
    this.start = start;
    this.end = end;
    this.value = value;
  }
}

export class InvalidNumberLiteral implements A.InvalidNumberLiteral {
  declare readonly kind: "InvalidNumberLiteral";
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    this.kind = "InvalidNumberLiteral";
    this.start = start;
    this.end = end;
  }
}

export class ThisExpression implements A.ThisExpression {
  declare readonly kind: "ThisExpression";
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    this.kind = "ThisExpression";
    this.start = start;
    this.end = end;
  }
}

export class ParenthesizedExpression implements A.ParenthesizedExpression {
  declare readonly kind: "ParenthesizedExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly expression: A.Expression;
  constructor(start: number, end: number, expression: A.Expression) {
    this.kind = "ParenthesizedExpression";
    this.start = start;
    this.end = end;
    this.expression = expression;
  }
}

export class CallExpression implements A.CallExpression {
  declare readonly kind: "CallExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly callee: A.Identifier | A.MemberExpression;
  declare readonly arguments: readonly A.Expression[];
  declare readonly openParen: number;
  declare readonly closeParen: number | undefined;
  constructor(
    start: number,
    end: number,
    callee: A.Identifier | A.MemberExpression,
    args: readonly A.Expression[],
    openParen: number,
    closeParen: number | undefined,
  ) {
    this.kind = "CallExpression";
    this.start = start;
    this.end = end;
    this.callee = callee;
    this.arguments = args;
    this.openParen = openParen;
    this.closeParen = closeParen;
  }
}

export class MemberExpression implements A.MemberExpression {
  declare readonly kind: "MemberExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly object: A.Expression;
  declare readonly member: A.Identifier | undefined;
  constructor(start: number, end: number, object: A.Expression, member: A.Identifier | undefined) {
    this.kind = "MemberExpression";
    this.start = start;
    this.end = end;
    this.object = object;
    this.member = member;
  }
}

export class IndexExpression implements A.IndexExpression {
  declare readonly kind: "IndexExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly object: A.Expression;
  declare readonly index: A.Expression;
  constructor(start: number, end: number, object: A.Expression, index: A.Expression) {
    this.kind = "IndexExpression";
    this.start = start;
    this.end = end;
    this.object = object;
    this.index = index;
  }
}

export class UnaryExpression implements A.UnaryExpression {
  declare readonly kind: "UnaryExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly operator: A.UnaryOperator;
  declare readonly operand: A.Expression;
  constructor(start: number, end: number, operator: A.UnaryOperator, operand: A.Expression) {
    this.kind = "UnaryExpression";
    this.start = start;
    this.end = end;
    this.operator = operator;
    this.operand = operand;
  }
}

export class PostfixExpression implements A.PostfixExpression {
  declare readonly kind: "PostfixExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly operator: "++" | "--";
  declare readonly operand: A.Expression;
  constructor(start: number, end: number, operator: "++" | "--", operand: A.Expression) {
    this.kind = "PostfixExpression";
    this.start = start;
    this.end = end;
    this.operator = operator;
    this.operand = operand;
  }
}

export class BinaryExpression implements A.BinaryExpression {
  declare readonly kind: "BinaryExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly operator: A.BinaryOperator;
  declare readonly left: A.Expression;
  declare readonly right: A.Expression;
  constructor(start: number, end: number, operator: A.BinaryOperator, left: A.Expression, right: A.Expression) {
    this.kind = "BinaryExpression";
    this.start = start;
    this.end = end;
    this.operator = operator;
    this.left = left;
    this.right = right;
  }
}

export class AssignmentExpression implements A.AssignmentExpression {
  declare readonly kind: "AssignmentExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly operator: A.AssignmentOperator;
  declare readonly target: A.Expression;
  declare readonly value: A.Expression;
  constructor(start: number, end: number, operator: A.AssignmentOperator, target: A.Expression, value: A.Expression) {
    this.kind = "AssignmentExpression";
    this.start = start;
    this.end = end;
    this.operator = operator;
    this.target = target;
    this.value = value;
  }
}

export class ConditionalExpression implements A.ConditionalExpression {
  declare readonly kind: "ConditionalExpression";
  declare readonly start: number;
  declare readonly end: number;
  declare readonly condition: A.Expression;
  declare readonly whenTrue: A.Expression;
  declare readonly whenFalse: A.Expression;
  constructor(start: number, end: number, condition: A.Expression, whenTrue: A.Expression, whenFalse: A.Expression) {
    this.kind = "ConditionalExpression";
    this.start = start;
    this.end = end;
    this.condition = condition;
    this.whenTrue = whenTrue;
    this.whenFalse = whenFalse;
  }
}

export class MissingExpression implements A.MissingExpression {
  declare readonly kind: "MissingExpression";
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    this.kind = "MissingExpression";
    this.start = start;
    this.end = end;
  }
}

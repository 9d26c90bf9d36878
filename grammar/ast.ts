/**
 * The CRMScript abstract syntax tree: a discriminated union on `kind`.
 *
 * Nodes are immutable values (every field is readonly) and carry a
 * half-open UTF-16 offset range `[start, end)` into the original file, as
 * two numbers on the node (no separate range object: a big file has hundreds
 * of thousands of nodes; `rangeOf(node)` makes a `TextRange`). The tree is
 * incomplete by design: parts that error recovery could not find are
 * `undefined` or a `MissingExpression`, never an exception. Semantic facts
 * (types, symbols) live in side tables keyed by node, not on the nodes.
 * The parser makes nodes with the classes of `ast-nodes.ts` (see there why);
 * code outside the parser reads them through these interfaces only.
 */
import type { TextRange } from "./text.js";

interface NodeBase {
  /** Offset of the node's first character. */
  readonly start: number;
  /** Offset just after the node's last character. */
  readonly end: number;
}

/** The node's range as a `TextRange`. */
export function rangeOf(node: { readonly start: number; readonly end: number }): TextRange {
  return { start: node.start, end: node.end };
}

// ---------------------------------------------------------------- names, types

export interface Identifier extends NodeBase {
  readonly kind: "Identifier";
  readonly name: string;
}

/** `Integer`, `String[]`, `NSLink[5][]`: a type name and its array dimensions (spec §3.2). */
export interface TypeReference extends NodeBase {
  readonly kind: "TypeReference";
  readonly name: Identifier;
  readonly dimensions: readonly ArrayDimension[];
}

/** One `[…]` of a type; `size` is set in sized declarations such as `String[5] a;`. */
export interface ArrayDimension extends NodeBase {
  readonly kind: "ArrayDimension";
  readonly size: Expression | undefined;
}

// ---------------------------------------------------------------- program, declarations

export interface Program extends NodeBase {
  readonly kind: "Program";
  readonly statements: readonly Statement[];
}

export interface VariableDeclaration extends NodeBase {
  readonly kind: "VariableDeclaration";
  readonly type: TypeReference;
  readonly name: Identifier;
  /** C-style brackets after the name (`String a[5]`), already reported; they still make the variable an array. Usually undefined. */
  readonly trailingDimensions: readonly ArrayDimension[] | undefined;
  readonly initializer: Expression | undefined;
  /** The extra `b` and `c = 2` of a mistaken `Integer a, b, c = 2;`, already reported. Usually undefined. */
  readonly moreDeclarators: readonly Expression[] | undefined;
}

export interface Parameter extends NodeBase {
  readonly kind: "Parameter";
  readonly type: TypeReference;
  readonly name: Identifier | undefined;
}

/** A function or struct method (spec §4.2): `ReturnType name(params) { body }`. */
export interface FunctionDeclaration extends NodeBase {
  readonly kind: "FunctionDeclaration";
  readonly returnType: TypeReference;
  readonly name: Identifier;
  readonly parameters: readonly Parameter[];
  readonly body: Block | undefined;
}

/** `struct Name { fields and methods };` (spec §4.3). */
export interface StructDeclaration extends NodeBase {
  readonly kind: "StructDeclaration";
  readonly name: Identifier | undefined;
  readonly members: readonly StructMember[];
}

export type StructMember = VariableDeclaration | FunctionDeclaration;

/** `#include "id";` (spec §2.2). */
export interface IncludeDirective extends NodeBase {
  readonly kind: "IncludeDirective";
  readonly includeId: StringLiteral | undefined;
}

/** `#setLanguageLevel 4;` (spec §2.1). */
export interface LanguageLevelDirective extends NodeBase {
  readonly kind: "LanguageLevelDirective";
  readonly level: IntegerLiteral | undefined;
}

// ---------------------------------------------------------------- statements

export interface Block extends NodeBase {
  readonly kind: "Block";
  readonly statements: readonly Statement[];
}

export interface IfStatement extends NodeBase {
  readonly kind: "IfStatement";
  readonly condition: Expression;
  readonly thenStatement: Statement | undefined;
  readonly elseStatement: Statement | undefined;
}

export interface WhileStatement extends NodeBase {
  readonly kind: "WhileStatement";
  readonly condition: Expression;
  readonly body: Statement | undefined;
}

/** Several expressions separated by commas, in a `for` header. */
export interface ExpressionList extends NodeBase {
  readonly kind: "ExpressionList";
  readonly expressions: readonly Expression[];
}

export interface ForStatement extends NodeBase {
  readonly kind: "ForStatement";
  readonly initializer: VariableDeclaration | ExpressionList | undefined;
  readonly condition: Expression | undefined;
  readonly update: ExpressionList | undefined;
  readonly body: Statement | undefined;
}

/** `foreach (Type name in collection) body` (spec §5). */
export interface ForeachStatement extends NodeBase {
  readonly kind: "ForeachStatement";
  readonly variableType: TypeReference | undefined;
  readonly variableName: Identifier | undefined;
  readonly collection: Expression;
  readonly body: Statement | undefined;
}

/** `try { } catch { }`; catch has no parameter (spec §5). */
export interface TryStatement extends NodeBase {
  readonly kind: "TryStatement";
  readonly tryBlock: Statement | undefined;
  /** The name in a mistaken `catch (e)`, already reported; later phases treat it as the error message. */
  readonly catchParameter: Identifier | undefined;
  readonly catchBlock: Statement | undefined;
}

export interface ThrowStatement extends NodeBase {
  readonly kind: "ThrowStatement";
  readonly expression: Expression;
}

export interface BreakStatement extends NodeBase {
  readonly kind: "BreakStatement";
}

export interface ContinueStatement extends NodeBase {
  readonly kind: "ContinueStatement";
}

export interface ReturnStatement extends NodeBase {
  readonly kind: "ReturnStatement";
  readonly expression: Expression | undefined;
}

export interface ExpressionStatement extends NodeBase {
  readonly kind: "ExpressionStatement";
  readonly expression: Expression;
}

/** A lone `;`. */
export interface EmptyStatement extends NodeBase {
  readonly kind: "EmptyStatement";
}

/** A run of EJScript template text: output at this point of the program (spec §2.3). */
export interface TemplateText extends NodeBase {
  readonly kind: "TemplateText";
}

/**
 * A construct the language lacks (`switch`, `do … while`, `enum`, an unknown
 * directive), already reported; `parts` keeps what was parsed inside it so
 * later phases still see the names used there.
 */
export interface UnsupportedStatement extends NodeBase {
  readonly kind: "UnsupportedStatement";
  readonly construct: "switch" | "do" | "enum" | "directive";
  readonly parts: readonly (Statement | Expression)[];
}

export type Statement =
  | VariableDeclaration
  | FunctionDeclaration
  | StructDeclaration
  | IncludeDirective
  | LanguageLevelDirective
  | Block
  | IfStatement
  | WhileStatement
  | ForStatement
  | ForeachStatement
  | TryStatement
  | ThrowStatement
  | BreakStatement
  | ContinueStatement
  | ReturnStatement
  | ExpressionStatement
  | EmptyStatement
  | TemplateText
  | UnsupportedStatement;

const statementKinds: ReadonlySet<string> = new Set<Statement["kind"]>([
  "VariableDeclaration",
  "FunctionDeclaration",
  "StructDeclaration",
  "IncludeDirective",
  "LanguageLevelDirective",
  "Block",
  "IfStatement",
  "WhileStatement",
  "ForStatement",
  "ForeachStatement",
  "TryStatement",
  "ThrowStatement",
  "BreakStatement",
  "ContinueStatement",
  "ReturnStatement",
  "ExpressionStatement",
  "EmptyStatement",
  "TemplateText",
  "UnsupportedStatement",
]);

export function isStatement(node: Statement | Expression): node is Statement {
  return statementKinds.has(node.kind);
}

// ---------------------------------------------------------------- expressions

export interface IntegerLiteral extends NodeBase {
  readonly kind: "IntegerLiteral";
  readonly value: number;
}

export interface LongLiteral extends NodeBase {
  readonly kind: "LongLiteral";
  readonly value: bigint;
}

export interface FloatLiteral extends NodeBase {
  readonly kind: "FloatLiteral";
  readonly value: number;
}

export interface StringLiteral extends NodeBase {
  readonly kind: "StringLiteral";
  /** The text with escapes resolved. */
  readonly value: string;
}

export interface BooleanLiteral extends NodeBase {
  readonly kind: "BooleanLiteral";
  readonly value: boolean;
}

/** A number form CRMScript lacks (`0x1F`, `1e5`, `.5`); already reported by the scanner. */
export interface InvalidNumberLiteral extends NodeBase {
  readonly kind: "InvalidNumberLiteral";
}

export interface ThisExpression extends NodeBase {
  readonly kind: "ThisExpression";
}

export interface ParenthesizedExpression extends NodeBase {
  readonly kind: "ParenthesizedExpression";
  readonly expression: Expression;
}

/**
 * `f(a, b)`, `obj.method(a)`, `Map("a=1")`. `openParen` and `closeParen` are
 * the offsets of the parentheses (`closeParen` is undefined while the call is
 * still being typed), for signature help.
 */
export interface CallExpression extends NodeBase {
  readonly kind: "CallExpression";
  readonly callee: Identifier | MemberExpression;
  readonly arguments: readonly Expression[];
  readonly openParen: number;
  readonly closeParen: number | undefined;
}

/** `object.member`; `member` is undefined while the name is still being typed (`agent.`). */
export interface MemberExpression extends NodeBase {
  readonly kind: "MemberExpression";
  readonly object: Expression;
  readonly member: Identifier | undefined;
}

export interface IndexExpression extends NodeBase {
  readonly kind: "IndexExpression";
  readonly object: Expression;
  readonly index: Expression;
}

export type UnaryOperator = "!" | "-" | "+" | "++" | "--";

export interface UnaryExpression extends NodeBase {
  readonly kind: "UnaryExpression";
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

export interface PostfixExpression extends NodeBase {
  readonly kind: "PostfixExpression";
  readonly operator: "++" | "--";
  readonly operand: Expression;
}

export type BinaryOperator = "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";

/** How tightly each binary operator binds (spec §6.1): higher binds tighter; all are left-associative. */
export const binaryPrecedence: Readonly<Record<BinaryOperator, number>> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6,
};

export interface BinaryExpression extends NodeBase {
  readonly kind: "BinaryExpression";
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export type AssignmentOperator = "=" | "+=" | "-=" | "*=" | "/=" | "%=";

export interface AssignmentExpression extends NodeBase {
  readonly kind: "AssignmentExpression";
  readonly operator: AssignmentOperator;
  readonly target: Expression;
  readonly value: Expression;
}

/** `c ? a : b`: not in CRMScript; kept so its parts are still analysed. Always reported. */
export interface ConditionalExpression extends NodeBase {
  readonly kind: "ConditionalExpression";
  readonly condition: Expression;
  readonly whenTrue: Expression;
  readonly whenFalse: Expression;
}

/** Where an expression was required but none was written; an empty range at that point. */
export interface MissingExpression extends NodeBase {
  readonly kind: "MissingExpression";
}

export type Literal = IntegerLiteral | LongLiteral | FloatLiteral | StringLiteral | BooleanLiteral | InvalidNumberLiteral;

export type Expression =
  | Identifier
  | Literal
  | ThisExpression
  | ParenthesizedExpression
  | CallExpression
  | MemberExpression
  | IndexExpression
  | UnaryExpression
  | PostfixExpression
  | BinaryExpression
  | AssignmentExpression
  | ConditionalExpression
  | MissingExpression;

export type Node = Program | Statement | Expression | TypeReference | ArrayDimension | Parameter | ExpressionList;

export type NodeKind = Node["kind"];
export type NodeOfKind<K extends NodeKind> = Extract<Node, { kind: K }>;

/**
 * Random valid CRMScript programs for property tests (fast-check): programs
 * that parse without a syntax error, built from the statements and
 * expressions of the language (directives, declarations with array types,
 * functions, structs with fields and methods, every statement, every
 * operator precedence, long lines), each in three layouts of the same
 * tokens:
 *
 * - `clean`: one statement per line, two-space indentation, K&R braces;
 * - `messy`: the clean separators kept or dropped (where the tokens stay
 *   apart) with random white space, line breaks (LF and CRLF), blank lines,
 *   line comments and block comments added in every gap between tokens
 *   where the grammar allows them;
 * - `reflowed`: only white space changed (single line breaks, spaces, tabs;
 *   the clean blank lines kept, none added), so a formatter must give it
 *   the same output as `clean`.
 *
 * A program is first a list of tokens and the gaps between them; the gaps
 * that must stay on one line (between a declared type and its name, after
 * `#include` and `#setLanguageLevel`) are marked, so noise there never
 * holds a line break.
 */
import fc from "fast-check";

// ---------------------------------------------------------------- tokens and gaps

/** How two tokens are separated in the clean layout. */
type GapKind = "none" | "space" | "line" | "blank";

interface TokenPiece {
  readonly token: string;
}
interface GapPiece {
  readonly gap: GapKind;
  /** The grammar needs the tokens on either side on the same line. */
  readonly sameLine?: true;
}
interface IndentPiece {
  readonly indent: 1 | -1;
}
type Piece = TokenPiece | GapPiece | IndentPiece;
type Part = Piece | string | readonly Part[];

const space: GapPiece = { gap: "space" };
const newline: GapPiece = { gap: "line" };
const blankLine: GapPiece = { gap: "blank" };
/** A space that must not become a line break. */
const sameLineSpace: GapPiece = { gap: "space", sameLine: true };
const indentIn: IndentPiece = { indent: 1 };
const indentOut: IndentPiece = { indent: -1 };

/** Flattens parts into pieces; a string is one token. */
function pieces(...parts: readonly Part[]): Piece[] {
  const out: Piece[] = [];
  const add = (part: Part): void => {
    if (typeof part === "string") out.push({ token: part });
    else if (Array.isArray(part)) for (const inner of part as readonly Part[]) add(inner);
    else out.push(part as Piece);
  };
  for (const part of parts) add(part);
  return out;
}

type Arb = fc.Arbitrary<Piece[]>;

/** An arbitrary of the parts in order, each a fixed part or an arbitrary of pieces. */
function sequence(...parts: readonly (Part | Arb)[]): Arb {
  return fc.tuple(...parts.map((part) => (part instanceof fc.Arbitrary ? part : fc.constant(pieces(part as Part))))).map((all) => pieces(...all));
}

/** `items` joined by `separator`. */
function joined(items: readonly Piece[][], separator: readonly Part[]): Piece[] {
  const out: Part[] = [];
  items.forEach((item, index) => {
    if (index > 0) out.push(separator);
    out.push(item);
  });
  return pieces(...out);
}

const RANK: Record<GapKind, number> = { none: 0, space: 1, line: 2, blank: 3 };

interface Gap {
  readonly kind: GapKind;
  readonly sameLine: boolean;
  /** Indentation level of the line a line break here starts. */
  readonly level: number;
}

/** A program as its tokens and the gaps around them: `gaps[i]` is before `tokens[i]`, the last gap after the last token. */
export interface ProgramTokens {
  readonly tokens: readonly string[];
  readonly gaps: readonly Gap[];
}

function layoutOf(all: readonly Piece[]): ProgramTokens {
  const tokens: string[] = [];
  const gaps: Gap[] = [];
  let level = 0;
  let pending: Gap = { kind: "none", sameLine: false, level: 0 };
  for (const piece of all) {
    if ("indent" in piece) {
      level += piece.indent;
      pending = { ...pending, level };
    } else if ("gap" in piece) {
      const kind = RANK[piece.gap] > RANK[pending.kind] ? piece.gap : pending.kind;
      pending = { kind, sameLine: pending.sameLine || piece.sameLine === true, level };
    } else {
      gaps.push(pending);
      tokens.push(piece.token);
      pending = { kind: "none", sameLine: false, level };
    }
  }
  gaps.push({ kind: "line", sameLine: false, level: 0 });
  return { tokens, gaps };
}

const WORD = /[A-Za-z0-9_]/;
const OPERATOR_CHARACTERS = "+-=!<>*/%&|";

/** Whether `before` and `after` written without anything between them would scan as other tokens. */
function wouldFuse(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined || before === "" || after === "") return false;
  const last = before[before.length - 1] as string;
  const first = after[0] as string;
  if (WORD.test(last) && WORD.test(first)) return true;
  return OPERATOR_CHARACTERS.includes(last) && OPERATOR_CHARACTERS.includes(first);
}

// ---------------------------------------------------------------- names and literals

const VARIABLE_NAMES = [
  "count",
  "total",
  "name",
  "result",
  "index",
  "items",
  "agent",
  "entity",
  "value",
  "text",
  "i",
  "j",
  "k",
  "row",
  "personId",
  "contactId",
  "response",
  "customerName",
  "numberOfOpenTicketsForThisCustomer",
  "selectedCategoryIdentifier",
];
const FUNCTION_NAMES = ["getName", "loadPerson", "printLine", "print", "addToList", "isValidEmailAddress", "sum", "formatCustomerAddressForPrinting"];
const MEMBER_NAMES = [
  "toString",
  "length",
  "GetPersonId",
  "GetContactEntity",
  "substitute",
  "stripLeadingAndTrailing",
  "get",
  "set",
  "Name",
  "isNull",
  "getValueFromTheSearchResultRow",
];
const TYPE_NAMES = [
  "Integer",
  "String",
  "Bool",
  "Float",
  "Long",
  "Date",
  "DateTime",
  "Map",
  "Byte",
  "NSPersonAgent",
  "NSContactEntity",
  "SearchEngine",
  "JSONBuilder",
];
const STRUCT_NAMES = ["Customer", "Address", "OrderLine", "Point", "TicketSummary"];
const INCLUDE_IDS = ["lib-http", "lib-json", "CustomerHelpers", "x"];

const variableName = fc.constantFrom(...VARIABLE_NAMES);
const memberName = fc.constantFrom(...MEMBER_NAMES);

/** Characters a string literal or comment may hold as they are (no quote, backslash, `*`, `/`, `%` or line break). */
const PLAIN_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?-_=+()[]{}<>#@&|~^$".split("");

const integerLiteral = fc.oneof({ arbitrary: fc.nat(100), weight: 4 }, { arbitrary: fc.nat(2147483647), weight: 1 }).map(String);
const longLiteral = fc.bigInt({ min: 0n, max: 9223372036854775807n }).map((value) => `${value}L`);
const floatLiteral = fc.tuple(fc.nat(99999), fc.nat(999)).map(([whole, fraction]) => `${whole}.${fraction}`);
const booleanLiteral = fc.constantFrom("true", "false");

function stringLiteralOf(quote: '"' | "'", maxLength: number, minLength = 0): fc.Arbitrary<string> {
  const other = quote === '"' ? "'" : '"';
  const unit = fc.oneof(
    { arbitrary: fc.constantFrom(...PLAIN_CHARACTERS, other), weight: 12 },
    { arbitrary: fc.constantFrom('\\"', "\\'", "\\\\", "\\n", "\\t", "\\r", "\\b", "\\;"), weight: 1 },
  );
  return fc.array(unit, { minLength, maxLength }).map((units) => `${quote}${units.join("")}${quote}`);
}

const stringLiteral = fc.oneof(
  { arbitrary: stringLiteralOf('"', 16), weight: 12 },
  { arbitrary: stringLiteralOf("'", 8), weight: 2 },
  // Longer than a line: the formatter cannot break it.
  { arbitrary: stringLiteralOf('"', 110, 80), weight: 1 },
);

const literal: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: integerLiteral, weight: 3 },
  { arbitrary: stringLiteral, weight: 3 },
  { arbitrary: booleanLiteral, weight: 1 },
  { arbitrary: longLiteral, weight: 1 },
  { arbitrary: floatLiteral, weight: 1 },
);

// ---------------------------------------------------------------- types

/** `Name`, `Name[]`, `Name[5][]`; sizes only where `sized`. */
function typeReference(names: readonly string[], sized: boolean): Arb {
  const dimension = sized
    ? fc.oneof({ arbitrary: fc.constant(pieces("[", "]")), weight: 3 }, { arbitrary: fc.nat(20).map((size) => pieces("[", String(size), "]")), weight: 1 })
    : fc.constant(pieces("[", "]"));
  const dimensions = fc.oneof(
    { arbitrary: fc.constant([] as Piece[][]), weight: 4 },
    { arbitrary: fc.array(dimension, { minLength: 1, maxLength: 2 }), weight: 1 },
  );
  return fc.tuple(fc.constantFrom(...names), dimensions).map(([name, list]) => pieces(name, ...list));
}

// ---------------------------------------------------------------- expressions

const BINARY_OPERATORS = ["||", "&&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"];
const MAX_EXPRESSION_DEPTH = 2;

const expressionCache = new Map<number, Arb>();
const operandCache = new Map<number, Arb>();

/** Call arguments `(a, b)` of expressions one level down. */
function callArguments(depth: number): Arb {
  return fc.array(expression(depth - 1), { maxLength: depth > 0 ? 3 : 0 }).map((list) => pieces("(", joined(list, [",", space]), ")"));
}

/** Something a member, call or index suffix may follow: a name, a call, `this`, or a parenthesised expression. */
function chainBase(depth: number): Arb {
  const options: { arbitrary: Arb; weight: number }[] = [
    { arbitrary: variableName.map((name) => pieces(name)), weight: 5 },
    { arbitrary: fc.tuple(fc.constantFrom(...FUNCTION_NAMES), callArguments(depth)).map(([name, list]) => pieces(name, list)), weight: 2 },
    { arbitrary: fc.constant(pieces("this")), weight: 1 },
  ];
  if (depth > 0) options.push({ arbitrary: expression(depth - 1).map((inner) => pieces("(", inner, ")")), weight: 1 });
  return fc.oneof(...options);
}

/** `.name`, `.name(args)`, `[index]`. */
function suffix(depth: number): Arb {
  return fc.oneof(
    memberName.map((name) => pieces(".", name)),
    fc.tuple(memberName, callArguments(depth)).map(([name, list]) => pieces(".", name, list)),
    expression(Math.max(0, depth - 1)).map((index) => pieces("[", index, "]")),
  );
}

/** A base and up to two suffixes: `a`, `agent.GetPersonId()`, `rows[i].Name`. */
function chain(depth: number, maxSuffixes = 2): Arb {
  return fc.tuple(chainBase(depth), fc.array(suffix(depth), { maxLength: depth > 0 ? maxSuffixes : 1 })).map(([base, list]) => pieces(base, ...list));
}

/** An operand of a binary operator: literals, chains, with `!` and `-` before it. */
function operand(depth: number): Arb {
  const cached = operandCache.get(depth);
  if (cached !== undefined) return cached;
  const primary = fc.oneof({ arbitrary: literal.map((text) => pieces(text)), weight: 2 }, { arbitrary: chain(depth), weight: 3 });
  const made = fc
    .tuple(
      fc.oneof(
        { arbitrary: fc.constant([] as string[]), weight: 5 },
        { arbitrary: fc.array(fc.constantFrom("!", "-"), { minLength: 1, maxLength: 2 }), weight: 1 },
      ),
      primary,
    )
    .map(([prefixes, inner]) => pieces(...prefixes, inner));
  operandCache.set(depth, made);
  return made;
}

/** Operands joined by operators of every precedence, which the parser folds into a tree. */
function binaryChain(depth: number, minOperands: number, maxOperands: number): Arb {
  return fc
    .tuple(
      operand(depth - 1),
      fc.array(fc.tuple(fc.constantFrom(...BINARY_OPERATORS), operand(depth - 1)), { minLength: minOperands - 1, maxLength: maxOperands - 1 }),
    )
    .map(([first, rest]) => pieces(first, ...rest.map(([operator, next]) => [space, operator, space, next])));
}

/** An operand of the long expressions: a string, a chain, a long name. */
function longOperand(depth: number): Arb {
  return fc.oneof(
    stringLiteralOf('"', 24).map((text) => pieces(text)),
    chain(Math.max(1, depth), 2),
    fc.constantFrom("numberOfOpenTicketsForThisCustomer", "selectedCategoryIdentifier", "customerName").map((name) => pieces(name)),
  );
}

/** A call with arguments that run past 80 columns. */
function longCall(depth: number): Arb {
  return fc
    .tuple(fc.constantFrom(...FUNCTION_NAMES), fc.array(longOperand(depth), { minLength: 4, maxLength: 7 }))
    .map(([name, list]) => pieces(name, "(", joined(list, [",", space]), ")"));
}

/** Expressions that run past 80 columns: long concatenations, conditions and argument lists. */
function longExpression(depth: number): Arb {
  const operandOfLength = longOperand(depth);
  const concatenation = fc.array(operandOfLength, { minLength: 5, maxLength: 9 }).map((list) => joined(list, [space, "+", space]));
  const condition = fc.array(fc.tuple(operandOfLength, fc.constantFrom("==", "!=", "<", ">="), operandOfLength), { minLength: 3, maxLength: 5 }).chain((list) =>
    fc.array(fc.constantFrom("&&", "||"), { minLength: list.length - 1, maxLength: list.length - 1 }).map((operators) => {
      const out: Part[] = [];
      list.forEach(([left, operator, right], index) => {
        if (index > 0) out.push(space, operators[index - 1] as string, space);
        out.push(left, space, operator, space, right);
      });
      return pieces(...out);
    }),
  );
  return fc.oneof(concatenation, condition, longCall(depth));
}

/** An expression of at most `depth` nested levels (no assignment: that is a statement in CRMScript). */
export function expression(depth: number): Arb {
  const level = Math.min(depth, MAX_EXPRESSION_DEPTH);
  const cached = expressionCache.get(level);
  if (cached !== undefined) return cached;
  let made: Arb;
  if (level <= 0)
    made = fc.oneof({ arbitrary: literal.map((text) => pieces(text)), weight: 1 }, { arbitrary: variableName.map((name) => pieces(name)), weight: 2 });
  else {
    made = fc.oneof(
      { arbitrary: operand(level), weight: 4 },
      { arbitrary: binaryChain(level, 2, 4), weight: 4 },
      { arbitrary: longExpression(level), weight: 1 },
    );
  }
  expressionCache.set(level, made);
  return made;
}

// ---------------------------------------------------------------- statements

interface Context {
  readonly inLoop: boolean;
  readonly inFunction: boolean;
  /** How many more levels of nested statements may follow. */
  readonly depth: number;
}

const statementCache = new Map<string, Arb>();

function keyOf(context: Context): string {
  return `${context.inLoop ? "L" : "-"}${context.inFunction ? "F" : "-"}${context.depth}`;
}

/** `Type name = value;` (the name on the type's line). */
function variableDeclaration(sized: boolean): Arb {
  const initializer = fc.option(
    fc.oneof({ arbitrary: expression(2), weight: 4 }, { arbitrary: longExpression(2), weight: 1 }).map((value) => pieces(space, "=", space, value)),
    { freq: 2 },
  );
  return sequence(
    typeReference(TYPE_NAMES, sized),
    sameLineSpace,
    variableName.map((name) => pieces(name)),
    initializer.map((value) => value ?? []),
    ";",
  );
}

/** Something assignable: a name, a field, an element. */
const assignmentTarget: Arb = fc.oneof(
  { arbitrary: variableName.map((name) => pieces(name)), weight: 4 },
  { arbitrary: fc.tuple(chain(1, 2), memberName).map(([object, name]) => pieces(object, ".", name)), weight: 1 },
  { arbitrary: fc.tuple(chain(1, 1), expression(1)).map(([object, index]) => pieces(object, "[", index, "]")), weight: 1 },
);

/** `target = value`, `target += value`, `target -= value`, `target++`, `target--`, or a call: what stands as a statement. */
const statementExpression: Arb = fc.oneof(
  {
    arbitrary: fc
      .tuple(assignmentTarget, fc.constantFrom("=", "+=", "-="), expression(2))
      .map(([target, operator, value]) => pieces(target, space, operator, space, value)),
    weight: 4,
  },
  { arbitrary: fc.tuple(assignmentTarget, fc.constantFrom("++", "--")).map(([target, operator]) => pieces(target, operator)), weight: 1 },
  {
    arbitrary: fc
      .tuple(chainBase(2), fc.array(suffix(2), { maxLength: 2 }), memberName, callArguments(2))
      .map(([base, list, name, args]) => pieces(base, ...list, ".", name, args)),
    weight: 2,
  },
  { arbitrary: fc.tuple(fc.constantFrom(...FUNCTION_NAMES), callArguments(2)).map(([name, args]) => pieces(name, args)), weight: 2 },
  { arbitrary: longCall(2), weight: 1 },
);

const expressionStatement: Arb = sequence(statementExpression, ";");

/** A statement that holds no other statement. */
function simpleStatement(context: Context): Arb {
  const options: { arbitrary: Arb; weight: number }[] = [
    { arbitrary: expressionStatement, weight: 6 },
    { arbitrary: sequence("throw", space, expression(2), ";"), weight: 1 },
  ];
  if (context.inFunction) {
    options.push({
      arbitrary: fc.option(expression(2), { freq: 3 }).map((value) => (value === null ? pieces("return", ";") : pieces("return", space, value, ";"))),
      weight: 2,
    });
  }
  if (context.inLoop) options.push({ arbitrary: fc.constantFrom(pieces("break", ";"), pieces("continue", ";")), weight: 2 });
  return fc.oneof(...options);
}

/** Statements one per line, sometimes with a blank line between them. */
function statementList(context: Context, maxLength: number): Arb {
  return fc
    .array(fc.tuple(fc.boolean(), statement(context)), { maxLength })
    .map((list) => pieces(...list.map(([blank, item], index) => [blank && index > 0 ? blankLine : newline, item])));
}

/** `{ statements }`; an empty block is `{}`. */
function block(context: Context): Arb {
  return statementList(context, context.depth > 1 ? 3 : 4).map((body) =>
    body.length === 0 ? pieces("{", "}") : pieces("{", indentIn, body, indentOut, newline, "}"),
  );
}

/** The body of `if`, `else`, a loop: a block after a space, or a simple statement on the next line. */
function body(context: Context): Arb {
  return fc.oneof(
    { arbitrary: block(context).map((inner) => pieces(space, inner)), weight: 3 },
    { arbitrary: simpleStatement(context).map((inner) => pieces(indentIn, newline, inner, indentOut)), weight: 2 },
  );
}

function condition(): Arb {
  return fc.oneof({ arbitrary: expression(2), weight: 5 }, { arbitrary: longExpression(2), weight: 1 }).map((inner) => pieces("(", inner, ")"));
}

function ifStatement(context: Context): Arb {
  const inner = { ...context, depth: context.depth - 1 };
  const elsePart: fc.Arbitrary<Piece[] | null> = fc.option(
    fc.oneof(
      { arbitrary: body(inner).map((part) => pieces("else", part)), weight: 3 },
      // `else if`, with the rest of the chain
      {
        arbitrary: fc
          .tuple(condition(), body(inner), fc.option(body(inner)))
          .map(([test, then, last]) => pieces("else", space, "if", space, test, then, last === null ? [] : [separatorBeforeElse(then), "else", last])),
        weight: 2,
      },
    ),
  );
  return fc
    .tuple(condition(), body(inner), elsePart)
    .map(([test, then, rest]) => pieces("if", space, test, then, rest === null ? [] : [separatorBeforeElse(then), rest]));
}

/** `} else` after a block, `else` on its own line after a statement. */
function separatorBeforeElse(then: readonly Piece[]): GapPiece {
  const last = then[then.length - 1];
  return last !== undefined && "token" in last && last.token === "}" ? space : newline;
}

function loopBody(context: Context): Arb {
  return body({ inLoop: true, inFunction: context.inFunction, depth: context.depth - 1 });
}

function forStatement(context: Context): Arb {
  const counter = fc.constantFrom("i", "j", "k", "index");
  const initializer = fc.oneof(
    fc.constant(pieces()),
    fc
      .tuple(typeReference(["Integer", "Long"], false), counter, integerLiteral)
      .map(([type, name, start]) => pieces(type, sameLineSpace, name, space, "=", space, start)),
    fc.array(fc.tuple(counter, expression(1)), { minLength: 1, maxLength: 2 }).map((list) =>
      joined(
        list.map(([name, value]) => pieces(name, space, "=", space, value)),
        [",", space],
      ),
    ),
  );
  const update = fc.oneof(
    fc.constant(pieces()),
    fc
      .array(
        fc.oneof(
          fc.tuple(counter, fc.constantFrom("++", "--")).map(([name, operator]) => pieces(name, operator)),
          fc.tuple(counter, fc.constantFrom("+=", "-="), expression(1)).map(([name, operator, value]) => pieces(name, space, operator, space, value)),
          fc.tuple(fc.constantFrom(...FUNCTION_NAMES), callArguments(1)).map(([name, args]) => pieces(name, args)),
        ),
        { minLength: 1, maxLength: 2 },
      )
      .map((list) => joined(list, [",", space])),
  );
  return fc
    .tuple(initializer, fc.oneof(expression(2), longExpression(1)), update, loopBody(context))
    .map(([start, test, step, inner]) => pieces("for", space, "(", start, ";", space, test, ";", step.length > 0 ? [space, step] : [], ")", inner));
}

function foreachStatement(context: Context): Arb {
  return fc
    .tuple(typeReference(TYPE_NAMES, false), variableName, chain(2), loopBody(context))
    .map(([type, name, collection, inner]) => pieces("foreach", space, "(", type, sameLineSpace, name, space, "in", space, collection, ")", inner));
}

function statement(context: Context): Arb {
  const key = keyOf(context);
  const cached = statementCache.get(key);
  if (cached !== undefined) return cached;
  const options: { arbitrary: Arb; weight: number }[] = [
    { arbitrary: simpleStatement(context), weight: 8 },
    { arbitrary: variableDeclaration(true), weight: 4 },
  ];
  if (context.depth > 0) {
    const inner = { ...context, depth: context.depth - 1 };
    options.push(
      { arbitrary: ifStatement(context), weight: 3 },
      { arbitrary: sequence("while", space, condition(), loopBody(context)), weight: 1 },
      { arbitrary: forStatement(context), weight: 2 },
      { arbitrary: foreachStatement(context), weight: 1 },
      { arbitrary: fc.tuple(block(inner), block(inner)).map(([tried, caught]) => pieces("try", space, tried, space, "catch", space, caught)), weight: 1 },
      { arbitrary: block(inner), weight: 1 },
    );
  }
  const made = fc.oneof(...options);
  statementCache.set(key, made);
  return made;
}

// ---------------------------------------------------------------- declarations and the program

const STATEMENT_DEPTH = 3;

function parameterList(): Arb {
  const parameter = fc.tuple(typeReference(TYPE_NAMES, false), variableName).map(([type, name]) => pieces(type, space, name));
  return fc.array(parameter, { maxLength: 4 }).map((list) => pieces("(", joined(list, [",", space]), ")"));
}

/** `Type name(parameters) { body }` with the name on the type's line. */
function functionDeclaration(): Arb {
  return fc
    .tuple(
      typeReference([...TYPE_NAMES, "Void", ...STRUCT_NAMES], false),
      fc.constantFrom(...FUNCTION_NAMES, "helper", "run"),
      parameterList(),
      block({ inLoop: false, inFunction: true, depth: STATEMENT_DEPTH }),
    )
    .map(([type, name, parameters, inner]) => pieces(type, sameLineSpace, name, parameters, space, inner));
}

/** `struct Name { fields and methods };` */
function structDeclaration(): Arb {
  const field = variableDeclaration(false);
  const member = fc.oneof(
    { arbitrary: field.map((inner) => ({ method: false, inner })), weight: 2 },
    { arbitrary: functionDeclaration().map((inner) => ({ method: true, inner })), weight: 1 },
  );
  return fc.tuple(fc.constantFrom(...STRUCT_NAMES), fc.array(member, { maxLength: 5 })).map(([name, members]) => {
    if (members.length === 0) return pieces("struct", space, name, space, "{", "}", ";");
    const parts: Part[] = [];
    members.forEach((member, index) => {
      const previous = members[index - 1];
      parts.push(previous !== undefined && (previous.method || member.method) ? blankLine : newline, member.inner);
    });
    return pieces("struct", space, name, space, "{", indentIn, parts, indentOut, newline, "}", ";");
  });
}

const directives: Arb = fc
  .tuple(fc.option(fc.integer({ min: 1, max: 4 }), { freq: 4 }), fc.array(fc.constantFrom(...INCLUDE_IDS), { maxLength: 2 }))
  .map(([level, includes]) => {
    const lines: Piece[][] = [];
    if (level !== null) lines.push(pieces("#setLanguageLevel", sameLineSpace, String(level), ";"));
    for (const id of includes) lines.push(pieces("#include", sameLineSpace, `"${id}"`, ";"));
    return lines.length === 0 ? [] : pieces(joined(lines, [newline]), blankLine);
  });

const topLevelItem: fc.Arbitrary<{ declaration: boolean; item: Piece[] }> = fc.oneof(
  { arbitrary: functionDeclaration().map((item) => ({ declaration: true, item })), weight: 3 },
  { arbitrary: structDeclaration().map((item) => ({ declaration: true, item })), weight: 2 },
  { arbitrary: variableDeclaration(true).map((item) => ({ declaration: false, item })), weight: 2 },
  { arbitrary: statement({ inLoop: false, inFunction: false, depth: STATEMENT_DEPTH }).map((item) => ({ declaration: false, item })), weight: 4 },
);

/** A whole program as tokens and gaps. */
export const arbitraryProgramTokens: fc.Arbitrary<ProgramTokens> = fc
  .tuple(directives, fc.array(fc.tuple(fc.boolean(), topLevelItem), { minLength: 1, maxLength: 8 }))
  .map(([head, items]) => {
    const parts: Part[] = [head];
    items.forEach(([blank, { declaration, item }], index) => {
      const previous = items[index - 1];
      if (index > 0) parts.push(blank || declaration || previous?.[1].declaration === true ? blankLine : newline);
      parts.push(item);
    });
    return layoutOf(pieces(...parts));
  });

// ---------------------------------------------------------------- layouts

function indentation(level: number): string {
  return "  ".repeat(Math.max(0, level));
}

function cleanSeparator(gap: Gap, before: string | undefined, after: string | undefined): string {
  if (before === undefined) return "";
  if (after === undefined) return "\n";
  switch (gap.kind) {
    case "none":
      return wouldFuse(before, after) ? " " : "";
    case "space":
      return " ";
    case "line":
      return `\n${indentation(gap.level)}`;
    case "blank":
      return `\n\n${indentation(gap.level)}`;
  }
}

/** The program in its clean layout. */
export function cleanText(program: ProgramTokens): string {
  let text = "";
  program.tokens.forEach((token, index) => {
    text += cleanSeparator(program.gaps[index] as Gap, program.tokens[index - 1], token) + token;
  });
  return text + cleanSeparator(program.gaps[program.tokens.length] as Gap, program.tokens[program.tokens.length - 1], undefined);
}

/** What one gap of a messy layout gets: whether the clean separator stays, and what is added after it. */
export interface GapNoise {
  readonly keep: boolean;
  readonly added: readonly string[];
}

const horizontalSpace = fc.array(fc.constantFrom(" ", "\t", "  "), { minLength: 1, maxLength: 4 }).map((list) => list.join(""));
const lineBreak = fc.constantFrom("\n", "\n", "\n", "\r\n");
const commentText = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...PLAIN_CHARACTERS), maxLength });

/** One thing added to a gap. Those with a line break are left out of gaps that must stay on one line. */
const noisePiece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: horizontalSpace, weight: 4 },
  { arbitrary: fc.tuple(lineBreak, fc.option(horizontalSpace)).map(([end, after]) => end + (after ?? "")), weight: 3 },
  // a blank line, sometimes with white space on it
  { arbitrary: fc.tuple(lineBreak, fc.option(horizontalSpace), lineBreak).map(([first, on, second]) => first + (on ?? "") + second), weight: 1 },
  { arbitrary: commentText(20).map((inner) => `/*${inner}*/`), weight: 2 },
  {
    arbitrary: fc
      .tuple(commentText(12), fc.array(fc.tuple(fc.option(horizontalSpace), commentText(16)), { minLength: 1, maxLength: 3 }), lineBreak)
      .map(([first, lines, end]) => `/**${first}${lines.map(([lead, line]) => `${end}${lead ?? ""} * ${line}`).join("")}${end} */`),
    weight: 1,
  },
  { arbitrary: fc.tuple(commentText(10), lineBreak).map(([inner, end]) => `/* ${inner}${end}${inner} */`), weight: 1 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom("//", "// ", "//  ", "///", "//\t"),
        fc.string({ unit: fc.constantFrom(...PLAIN_CHARACTERS, "*", "/"), maxLength: 30 }),
        fc.constantFrom("", " ", "\t"),
        lineBreak,
      )
      .map(([start, inner, trailing, end]) => `${start}${inner}${trailing}${end}`),
    weight: 3,
  },
);

const gapNoise: fc.Arbitrary<GapNoise> = fc.record({
  keep: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  added: fc.oneof({ arbitrary: fc.constant([] as string[]), weight: 3 }, { arbitrary: fc.array(noisePiece, { minLength: 1, maxLength: 3 }), weight: 2 }),
});

/** The text of one gap with its noise, keeping apart tokens that would otherwise run together. */
function noisySeparator(gap: Gap, noise: GapNoise, before: string | undefined, after: string | undefined): string {
  const added = gap.sameLine ? noise.added.filter((piece) => !/[\r\n]/.test(piece)) : noise.added;
  let text = (noise.keep ? cleanSeparator(gap, before, after) : "") + added.join("");
  // `/` before `/*` or `//` would start another comment; two tokens must not run together.
  if (before?.endsWith("/") === true && text.startsWith("/")) text = ` ${text}`;
  if (text === "" && wouldFuse(before, after)) text = " ";
  return text;
}

/** The program with `noise` (one per gap) worked into it. */
export function messyText(program: ProgramTokens, noise: readonly GapNoise[]): string {
  let text = "";
  program.tokens.forEach((token, index) => {
    text += noisySeparator(program.gaps[index] as Gap, noise[index] as GapNoise, program.tokens[index - 1], token) + token;
  });
  const last = program.tokens.length;
  return text + noisySeparator(program.gaps[last] as Gap, noise[last] as GapNoise, program.tokens[last - 1], undefined);
}

/** What one gap of a reflowed layout becomes: another white space of no more line breaks than the clean one allows. */
const reflowChoice = fc.constantFrom("", " ", "  ", "\t", "\n", "\n  ", "\n\t\t", " \n    ");

function reflowedSeparator(gap: Gap, choice: string, before: string | undefined, after: string | undefined): string {
  if (before === undefined) return "";
  if (gap.kind === "blank") return `\n\n${choice.replace(/\n/g, "")}`;
  let text = gap.sameLine ? choice.replace(/\n/g, "") : choice;
  if (after === undefined) text = `${text.replace(/\n/g, "")}\n`;
  if (text === "" && (wouldFuse(before, after) || gap.sameLine)) text = " ";
  return text;
}

/** The program with only its white space changed (no blank line added or taken away). */
export function reflowedText(program: ProgramTokens, choices: readonly string[]): string {
  let text = "";
  program.tokens.forEach((token, index) => {
    text += reflowedSeparator(program.gaps[index] as Gap, choices[index] as string, program.tokens[index - 1], token) + token;
  });
  const last = program.tokens.length;
  return text + reflowedSeparator(program.gaps[last] as Gap, choices[last] as string, program.tokens[last - 1], undefined);
}

// ---------------------------------------------------------------- the arbitraries

export interface ProgramLayouts {
  readonly clean: string;
  readonly messy: string;
  readonly reflowed: string;
}

/** One program in its three layouts. */
export const arbitraryProgramLayouts: fc.Arbitrary<ProgramLayouts> = arbitraryProgramTokens.chain((program) => {
  const count = program.gaps.length;
  return fc
    .tuple(fc.array(gapNoise, { minLength: count, maxLength: count }), fc.array(reflowChoice, { minLength: count, maxLength: count }))
    .map(([noise, choices]) => ({ clean: cleanText(program), messy: messyText(program, noise), reflowed: reflowedText(program, choices) }));
});

/** A valid program in a clean layout. */
export const arbitraryProgram: fc.Arbitrary<string> = arbitraryProgramTokens.map(cleanText);

/** A valid program with random white space, blank lines and comments between its tokens. */
export const arbitraryMessyProgram: fc.Arbitrary<string> = arbitraryProgramLayouts.map((layouts) => layouts.messy);

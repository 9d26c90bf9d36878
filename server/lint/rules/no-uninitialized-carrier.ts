/**
 * Rule: no-uninitialized-carrier
 *
 * What: a NetServer entity or carrier variable (`NSContactEntity c;`,
 * `NSPerson p;`) declared without a value and used (a method called on it,
 * passed, returned, read) before every path to the use gives it one. An
 * assignment or an initial value gives a value; for a carrier that is not
 * an entity (`NSContact`, `NSLink`, `NSStream`), so does calling one of its
 * `Set…` methods, which is how scripts build one. Agents and arrays
 * (`NSLink[] links;`) are not checked; neither are parameters and foreach
 * variables, which always have a value, nor globals inside functions, which
 * may run after the global got its value. When in doubt it says nothing:
 * inside a loop, and in and after a catch block, an assignment anywhere in
 * the loop or the try block counts.
 * Why: a declared carrier is not initialised (spec §8): an entity's enum
 * properties hold illegal values, so saving or reading it fails or stores
 * garbage; a declared item carrier is empty. This is the "use of a
 * possibly-null value" warning of spec §9.2.
 * Fix: assign it first: an entity from its agent's `CreateDefault…Entity()`
 * or `Get…Entity(id)`, a carrier from an agent's `Get…` method or by setting
 * its fields with `Set…`.
 *
 * Severity: a warning: the declaration default-constructs the carrier
 * (D10), and whether a save then fails depends on the entity and on what
 * the script sets before it, which cannot be known here (spec §9.2).
 *
 * Invalid:
 *   NSPersonAgent personAgent;
 *   NSPersonEntity person;
 *   person.SetFirstname("Ada");
 *   personAgent.SavePersonEntity(person);
 * Valid:
 *   NSPersonAgent personAgent;
 *   NSPersonEntity person = personAgent.CreateDefaultPersonEntity();
 *   person.SetFirstname("Ada");
 *   personAgent.SavePersonEntity(person);
 */
import { forEachChild, walk, type CallExpression, type Expression, type Identifier, type Node, type Statement } from "../../../grammar/index.js";
import type { SemanticModel, VariableSymbol } from "../../semantics/index.js";
import type { Loop } from "../loops.js";
import { netServerKind } from "../netserver.js";
import { defineRule, type RuleContext } from "../rule.js";

/** The tracked variables that have a value at a point; undefined where control never arrives. */
type State = Set<VariableSymbol> | undefined;

function meet(a: State, b: State): State {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return new Set([...a].filter((symbol) => b.has(symbol)));
}

/** Definite assignment over one function body or the top-level code, in source order. */
class Flow {
  /** Carrier variables declared in the code being analysed. */
  private tracked = new Set<VariableSymbol>();
  /** Variables an earlier statement assigned on some path (for the message). */
  private readonly assignedSomewhere = new Set<VariableSymbol>();
  /** Variables already reported: one report each. */
  private readonly reported = new Set<VariableSymbol>();
  /** The states at the `break`s of each enclosing loop. */
  private readonly breaks: State[][] = [];

  constructor(
    private readonly model: SemanticModel,
    private readonly context: RuleContext,
  ) {}

  run(statements: readonly Statement[]): void {
    this.tracked = new Set();
    this.statements(statements, new Set());
  }

  private variable(name: Identifier): VariableSymbol | undefined {
    const resolution = this.model.resolutionOf(name);
    return resolution?.kind === "symbol" && resolution.symbol.kind === "variable" ? resolution.symbol : undefined;
  }

  private statements(statements: readonly Statement[], state: State): State {
    let current = state;
    for (const statement of statements) {
      if (current === undefined) return undefined;
      current = this.statement(statement, current);
    }
    return current;
  }

  private body(statement: Statement | undefined, state: Set<VariableSymbol>): State {
    return statement === undefined ? state : this.statement(statement, state);
  }

  /** The state after `statement`; it may change `state`. */
  private statement(statement: Statement, state: Set<VariableSymbol>): State {
    switch (statement.kind) {
      case "VariableDeclaration": {
        if (statement.initializer !== undefined) this.expression(statement.initializer, state);
        const symbol = this.variable(statement.name);
        const kind = netServerKind(symbol?.type);
        if (symbol === undefined || kind === undefined || kind === "agent") return state;
        this.tracked.add(symbol);
        // Declared again on each pass through a loop: the value of the last pass is gone.
        if (statement.initializer === undefined) state.delete(symbol);
        else this.assign(symbol, state);
        return state;
      }
      case "Block":
        return this.statements(statement.statements, state);
      case "IfStatement": {
        this.expression(statement.condition, state);
        const whenTrue = this.body(statement.thenStatement, new Set(state));
        const whenFalse = statement.elseStatement === undefined ? state : this.body(statement.elseStatement, new Set(state));
        return meet(whenTrue, whenFalse);
      }
      case "WhileStatement":
        return this.loop(statement, statement.condition, [], statement.body, state);
      case "ForStatement": {
        const initializer = statement.initializer;
        if (initializer?.kind === "VariableDeclaration") this.statement(initializer, state);
        else if (initializer !== undefined) this.expression(initializer, state);
        return this.loop(statement, statement.condition, statement.update?.expressions ?? [], statement.body, state);
      }
      case "ForeachStatement":
        this.expression(statement.collection, state);
        return this.loop(statement, undefined, [], statement.body, state);
      case "TryStatement": {
        const afterTry = this.body(statement.tryBlock, new Set(state));
        if (statement.catchBlock === undefined) return afterTry;
        // The try block may stop anywhere; when in doubt, what it assigns counts.
        const atCatch = new Set(state);
        if (statement.tryBlock !== undefined) for (const symbol of this.assignedIn(statement.tryBlock)) atCatch.add(symbol);
        return meet(afterTry, this.body(statement.catchBlock, atCatch));
      }
      case "BreakStatement":
        this.breaks[this.breaks.length - 1]?.push(new Set(state));
        return undefined;
      case "ContinueStatement":
        return undefined;
      case "ReturnStatement":
        if (statement.expression !== undefined) this.expression(statement.expression, state);
        return undefined;
      case "ThrowStatement":
        this.expression(statement.expression, state);
        return undefined;
      case "ExpressionStatement":
        this.expression(statement.expression, state);
        return this.isScriptExit(statement.expression) ? undefined : state;
      case "UnsupportedStatement":
        // `switch` and the like are already errors: only their assignments count.
        for (const part of statement.parts) for (const symbol of this.assignedIn(part)) state.add(symbol);
        return state;
      case "FunctionDeclaration":
      case "StructDeclaration":
      case "IncludeDirective":
      case "LanguageLevelDirective":
      case "EmptyStatement":
      case "TemplateText":
        return state;
    }
  }

  /**
   * A loop: its repeated parts see what the loop assigns anywhere (a value
   * from an earlier pass); after it holds what held before, plus what the
   * condition assigns, unless only a `break` leaves the loop (a `while (true)`
   * or a `for` without a condition), where what held at the breaks holds.
   */
  private loop(loop: Loop, condition: Expression | undefined, update: readonly Expression[], body: Statement | undefined, state: Set<VariableSymbol>): State {
    const inside = new Set(state);
    for (const symbol of this.assignedIn(loop)) inside.add(symbol);
    this.breaks.push([]);
    if (condition !== undefined) this.expression(condition, inside);
    this.body(body, new Set(inside));
    for (const part of update) this.expression(part, inside);
    const breaks = this.breaks.pop() as State[];
    const endless = loop.kind !== "ForeachStatement" && (condition === undefined || (condition.kind === "BooleanLiteral" && condition.value));
    if (endless) return breaks.reduce<State>((result, at) => meet(result, at), undefined);
    if (condition !== undefined) for (const symbol of this.assignedIn(condition)) state.add(symbol);
    return state;
  }

  /** Checks the uses in an expression, in evaluation order, and adds what it assigns to `state`. */
  private expression(node: Node, state: Set<VariableSymbol>): void {
    if (node.kind === "Identifier") {
      this.use(node, state);
      return;
    }
    if (node.kind === "AssignmentExpression") {
      this.expression(node.value, state);
      const target = node.target.kind === "Identifier" ? this.variable(node.target) : undefined;
      if (target === undefined || !this.tracked.has(target)) {
        this.expression(node.target, state);
        return;
      }
      if (node.operator !== "=") this.use(node.target as Identifier, state);
      this.assign(target, state);
      return;
    }
    if (node.kind === "CallExpression") {
      const filled = this.filledBy(node);
      if (filled !== undefined) {
        for (const argument of node.arguments) this.expression(argument, state);
        this.assign(filled, state);
        return;
      }
    }
    forEachChild(node, (child) => this.expression(child, state));
  }

  /** The carrier a `carrier.Set…(…)` call fills in (entities are not filled in this way). */
  private filledBy(call: CallExpression): VariableSymbol | undefined {
    const callee = call.callee;
    if (callee.kind !== "MemberExpression" || callee.object.kind !== "Identifier" || callee.member?.name.startsWith("Set") !== true) return undefined;
    const symbol = this.variable(callee.object);
    return symbol !== undefined && this.tracked.has(symbol) && netServerKind(symbol.type) === "carrier" ? symbol : undefined;
  }

  private assign(symbol: VariableSymbol, state: Set<VariableSymbol>): void {
    state.add(symbol);
    this.assignedSomewhere.add(symbol);
  }

  private use(name: Identifier, state: Set<VariableSymbol>): void {
    const symbol = this.variable(name);
    if (symbol === undefined || !this.tracked.has(symbol) || state.has(symbol) || this.reported.has(symbol)) return;
    this.reported.add(symbol);
    const type = symbol.type.kind === "class" ? symbol.type.name : "carrier";
    const when = this.assignedSomewhere.has(symbol) ? "is not given a value on every path before this use" : "is used before anything gives it a value";
    const advice =
      netServerKind(symbol.type) === "entity"
        ? `a declared ${type} is not initialised (its enum properties hold illegal values); assign it first, from its agent's CreateDefault…() or Get…Entity(id)`
        : `a declared ${type} is empty; assign it first (from an agent's Get… method), or fill it with its Set… methods`;
    this.context.report({ range: name, message: `'${name.name}' ${when}: ${advice}` });
  }

  /** Variables a part of the code assigns anywhere, whatever the path. */
  private assignedIn(root: Node): Set<VariableSymbol> {
    const assigned = new Set<VariableSymbol>();
    walk(root, (node) => {
      let symbol: VariableSymbol | undefined;
      if (node.kind === "AssignmentExpression" && node.target.kind === "Identifier") symbol = this.variable(node.target);
      else if (node.kind === "VariableDeclaration" && node.initializer !== undefined) symbol = this.variable(node.name);
      else if (node.kind === "CallExpression") symbol = this.filledBy(node);
      if (symbol !== undefined) assigned.add(symbol);
    });
    return assigned;
  }

  /** A call of the built-in `exitWithMessage`, which ends the script. */
  private isScriptExit(expression: Expression): boolean {
    if (expression.kind !== "CallExpression" || expression.callee.kind !== "Identifier") return false;
    const resolution = this.model.resolutionOf(expression.callee);
    return resolution?.kind === "catalog-function" && resolution.method.name === "exitWithMessage";
  }
}

export default defineRule({
  id: "no-uninitialized-carrier",
  group: "correctness",
  defaultSeverity: "warning",
  description: "NetServer entities and carriers used before they are given a value.",
  create(context) {
    return {
      end() {
        const { model } = context;
        // Most files declare no carrier without a value: then there is nothing to follow.
        const candidate = model.declarations().some((symbol) => {
          if (
            symbol.kind !== "variable" ||
            symbol.variableKind === "field" ||
            symbol.node.kind !== "VariableDeclaration" ||
            symbol.node.initializer !== undefined
          )
            return false;
          const kind = netServerKind(symbol.type);
          return kind === "entity" || kind === "carrier";
        });
        if (!candidate) return;
        const flow = new Flow(model, context);
        flow.run(context.sourceFile.program.statements);
        for (const declaration of model.functionDeclarations()) {
          if (declaration.body !== undefined) flow.run(declaration.body.statements);
        }
      },
    };
  },
});

/**
 * Walks a program's statements in source order, the way CRMScript reads
 * them (declare before use, spec §0): builds the scopes, declares variables,
 * functions and structs, imports included scripts, checks every statement
 * (spec §5, §9.1) and hands expressions to the `ExpressionChecker`. It also
 * works out control flow on the way: which statements can never run and
 * which functions can end without returning a value. Before each top-level
 * statement it notes a checkpoint, from which the check of an edited
 * version can start (`resume.ts`).
 */
import { isStatement } from "../../grammar/index.js";
import type * as A from "../../grammar/index.js";
import { RESERVED_NAMES, type CheckContext, type FunctionContext, type Place } from "./context.js";
import type { FactCounts } from "./facts.js";
import { ExpressionChecker } from "./expressions.js";
import type { IncludeResolver, ModuleExports } from "./includes.js";
import { Scope } from "./scope.js";
import { declareStructType } from "./struct-types.js";
import { locationOf, type FunctionSymbol, type ParameterInfo, type StructSymbol, type UserSymbol, type VariableKind, type VariableSymbol } from "./symbols.js";
import { arrayOfDimensions, isClass, typeToString, unknownType, type Type } from "./types.js";

/** A loop being checked: whether a `break` leaves it (then code after an endless loop is reachable). */
interface LoopContext {
  broken: boolean;
}

/** Reachability through a list of statements so far: the statement after which control never arrives, and the code found after it. */
export interface Reachability {
  ending: A.Statement | undefined;
  unreachableStart: number | undefined;
  unreachableEnd: number;
}

/**
 * Where the check of a file stood before one of its top-level statements:
 * how far each fact list and the checker's own records had grown, and the
 * reachability so far. An analysis of an edited version resumes from the
 * checkpoint of the first statement the edit changed (`resume.ts`).
 */
export interface Checkpoint {
  readonly facts: FactCounts;
  readonly reportedNames: number;
  readonly forwardQueries: number;
  readonly imported: number;
  readonly globalEntries: number;
  readonly globalChildren: number;
  readonly reachability: Readonly<Reachability>;
}

/** Where to start checking a program: at a top-level statement, with the reachability before it. */
export interface StartPoint {
  readonly statement: number;
  readonly reachability: Readonly<Reachability>;
}

/** Statements that only declare, whose position says nothing about reachability. */
const declarationKinds: ReadonlySet<string> = new Set([
  "FunctionDeclaration",
  "StructDeclaration",
  "IncludeDirective",
  "LanguageLevelDirective",
  "EmptyStatement",
  "TemplateText",
]);

export class StatementChecker {
  private readonly expressions: ExpressionChecker;
  private loops: LoopContext[] = [];
  /** Included modules already imported into this file, in order: include-once (spec §2.2). */
  private readonly imported: Set<ModuleExports>;

  constructor(
    private readonly context: CheckContext,
    private readonly includes: IncludeResolver,
    /** Modules an earlier part of the file imported (when the check starts past its beginning). */
    imported: Iterable<ModuleExports> = [],
  ) {
    this.expressions = new ExpressionChecker(context);
    this.imported = new Set(imported);
  }

  private get facts() {
    return this.context.facts;
  }

  /** The modules imported so far, in order. */
  get importedModules(): IterableIterator<ModuleExports> {
    return this.imported.values();
  }

  /**
   * Checks the program's top-level statements from `start` (all by
   * default) and returns a checkpoint before each of them and one after the
   * last; those before `start` are left undefined.
   */
  checkProgram(program: A.Program, start?: StartPoint): Checkpoint[] {
    const place: Place = { scope: this.facts.globalScope, function: undefined };
    const reachability: Reachability = { ...(start?.reachability ?? startReachability()) };
    const statements = program.statements;
    const checkpoints: Checkpoint[] = new Array(statements.length + 1);
    for (let index = start?.statement ?? 0; index < statements.length; index++) {
      checkpoints[index] = this.checkpoint(reachability);
      this.reachabilityStep(statements[index] as A.Statement, place, reachability);
    }
    checkpoints[statements.length] = this.checkpoint(reachability);
    this.endReachability(reachability);
    return checkpoints;
  }

  private checkpoint(reachability: Reachability): Checkpoint {
    const global = this.facts.globalScope;
    return {
      facts: this.facts.counts(),
      reportedNames: this.context.reportedNameCount,
      forwardQueries: this.context.forwardQueries.length,
      imported: this.imported.size,
      globalEntries: global.entries.length,
      globalChildren: global.children.length,
      // Almost every statement is reachable: those checkpoints share one record.
      reachability: reachability.ending === undefined ? REACHABLE : { ...reachability },
    };
  }

  // ---------------------------------------------------------------- statements and control flow

  /** Checks statements in order; returns whether the end of the list can be reached. */
  private statements(statements: readonly A.Statement[], place: Place): boolean {
    const reachability = startReachability();
    for (const statement of statements) this.reachabilityStep(statement, place, reachability);
    return this.endReachability(reachability);
  }

  /** Checks the next statement of a list, noting whether control can reach it and go on after it. */
  private reachabilityStep(statement: A.Statement, place: Place, reachability: Reachability): void {
    if (reachability.ending !== undefined && !declarationKinds.has(statement.kind)) {
      reachability.unreachableStart ??= statement.start;
      reachability.unreachableEnd = statement.end;
    }
    if (!this.statement(statement, place)) reachability.ending ??= statement;
  }

  /** Records the list's code that can never run; returns whether the end of the list can be reached. */
  private endReachability({ ending, unreachableStart, unreachableEnd }: Reachability): boolean {
    if (ending !== undefined && unreachableStart !== undefined)
      this.facts.unreachable.push({ range: { start: unreachableStart, end: unreachableEnd }, after: ending });
    return ending === undefined;
  }

  /** Checks one statement; returns whether execution can continue after it. */
  private statement(statement: A.Statement, place: Place): boolean {
    switch (statement.kind) {
      case "VariableDeclaration":
        this.variableDeclaration(statement, place, place.scope.kind === "global" ? "global" : "local");
        return true;
      case "FunctionDeclaration":
        this.functionDeclaration(statement, place);
        return true;
      case "StructDeclaration":
        this.structDeclaration(statement, place);
        return true;
      case "IncludeDirective":
        this.include(statement, place);
        return true;
      case "Block":
        return this.statements(statement.statements, inScope(place, new Scope("block", statement.start, statement.end, place.scope)));
      case "IfStatement": {
        this.expressions.checkCondition(statement.condition, place, "if");
        const thenCompletes = this.body(statement.thenStatement, place);
        if (statement.elseStatement === undefined) return true;
        return this.body(statement.elseStatement, place) || thenCompletes;
      }
      case "WhileStatement": {
        this.expressions.checkCondition(statement.condition, place, "while");
        return this.loop(statement.body, place, statement.condition);
      }
      case "ForStatement":
        return this.forStatement(statement, place);
      case "ForeachStatement":
        return this.foreachStatement(statement, place);
      case "TryStatement":
        return this.tryStatement(statement, place);
      case "ThrowStatement": {
        const type = this.expressions.check(statement.expression, place);
        if (type.kind !== "unknown" && !isClass(type, "String")) {
          this.facts.report("throw-not-string", statement.expression, `throw needs a String message, found ${typeToString(type)}`);
        }
        return false;
      }
      case "BreakStatement":
      case "ContinueStatement": {
        const loop = this.loops[this.loops.length - 1];
        if (loop === undefined) {
          const word = statement.kind === "BreakStatement" ? "break" : "continue";
          this.facts.report(
            statement.kind === "BreakStatement" ? "break-outside-loop" : "continue-outside-loop",
            statement,
            `'${word}' is only allowed inside a while, for or foreach loop`,
          );
        } else if (statement.kind === "BreakStatement") {
          loop.broken = true;
        }
        return false;
      }
      case "ReturnStatement":
        this.returnStatement(statement, place);
        return false;
      case "ExpressionStatement":
        this.expressions.check(statement.expression, place);
        return !this.isScriptExit(statement.expression);
      case "UnsupportedStatement":
        for (const part of statement.parts) {
          if (isStatement(part)) this.statement(part, place);
          else this.expressions.check(part, place);
        }
        return true;
      case "LanguageLevelDirective":
      case "EmptyStatement":
      case "TemplateText":
        return true;
    }
  }

  /** The body of if/else/a loop: a block, or one statement in a scope of its own. */
  private body(body: A.Statement | undefined, place: Place): boolean {
    if (body === undefined) return true;
    if (body.kind === "Block") return this.statement(body, place);
    return this.statement(body, inScope(place, new Scope("block", body.start, body.end, place.scope)));
  }

  /** A loop body; the loop completes unless its condition is literally `true` and nothing breaks out. */
  private loop(body: A.Statement | undefined, place: Place, condition: A.Expression | undefined): boolean {
    const loop: LoopContext = { broken: false };
    this.loops.push(loop);
    this.body(body, place);
    this.loops.pop();
    const endless = condition !== undefined && condition.kind === "BooleanLiteral" && condition.value;
    return !endless || loop.broken;
  }

  private forStatement(statement: A.ForStatement, place: Place): boolean {
    const header: Place = inScope(place, new Scope("loop", statement.start, statement.end, place.scope));
    const initializer = statement.initializer;
    if (initializer?.kind === "VariableDeclaration") this.variableDeclaration(initializer, header, "local");
    else if (initializer !== undefined) for (const expression of initializer.expressions) this.expressions.check(expression, header);
    if (statement.condition !== undefined) this.expressions.checkCondition(statement.condition, header, "for");
    for (const expression of statement.update?.expressions ?? []) this.expressions.check(expression, header);
    return this.loop(statement.body, header, statement.condition);
  }

  private foreachStatement(statement: A.ForeachStatement, place: Place): boolean {
    const header: Place = inScope(place, new Scope("loop", statement.start, statement.end, place.scope));
    const collection = this.expressions.check(statement.collection, place);
    const variableType = statement.variableType === undefined ? unknownType : this.declaredType(statement.variableType, place.scope, "a foreach variable");
    if (statement.variableName !== undefined) this.declareVariable(statement.variableName, variableType, "foreach", statement, header);
    if (collection.kind === "array") {
      const element = collection.element;
      if (variableType.kind !== "unknown" && element.kind !== "unknown" && variableType !== element && statement.variableType !== undefined) {
        this.facts.report(
          "foreach-type-mismatch",
          statement.variableType,
          `the foreach variable is ${typeToString(variableType)}, but the elements are ${typeToString(element)}: declare it as '${typeToString(element)} ${statement.variableName?.name ?? "item"}'`,
        );
      }
    } else if (collection.kind !== "unknown") {
      this.facts.report("foreach-not-array", statement.collection, `foreach goes over an array, found ${typeToString(collection)}`);
    }
    this.loop(statement.body, header, undefined);
    return true;
  }

  private tryStatement(statement: A.TryStatement, place: Place): boolean {
    const tryCompletes = this.body(statement.tryBlock, place);
    const catchBlock = statement.catchBlock;
    if (catchBlock === undefined) return tryCompletes;
    // Inside catch, the implicit Strings `error` and `errorLocation` are in scope (spec §4.5).
    const scope = new Scope("catch", catchBlock.start, catchBlock.end, place.scope);
    const string = this.context.types.builtin("String");
    for (const name of ["error", "errorLocation"]) {
      const symbol: VariableSymbol = { kind: "variable", variableKind: "implicit", name, type: string, location: undefined, node: statement, owner: undefined };
      scope.declareVariable(symbol, catchBlock.start);
    }
    // A mistaken `catch (e)` is reported by the parser; `e` then stands for the message, so its uses are not errors too.
    const inner = inScope(place, scope);
    if (statement.catchParameter !== undefined) this.declareVariable(statement.catchParameter, string, "implicit", statement, inner);
    const catchCompletes = catchBlock.kind === "Block" ? this.statements(catchBlock.statements, inner) : this.statement(catchBlock, inner);
    return tryCompletes || catchCompletes;
  }

  private returnStatement(statement: A.ReturnStatement, place: Place): void {
    const fn = place.function;
    const expression = statement.expression;
    const returnsValue = fn !== undefined && !isClass(fn.returnType, "Void");
    if (expression === undefined) {
      if (returnsValue && fn.returnType.kind !== "unknown") {
        this.facts.report("missing-return-value", statement, `'${fn.name}' returns ${typeToString(fn.returnType)}, so this return needs a value`);
      }
      return;
    }
    const type = this.expressions.check(expression, place);
    if (returnsValue) {
      this.expressions.checkFits(type, { type: fn.returnType, description: `the return value of '${fn.name}'` }, expression);
    } else if (expression.kind === "CallExpression" && isClass(type, "Void")) {
      // Official code does this, in Void functions and at the top level of EJScript endpoints (spec E18, A15-4).
      const where = fn === undefined ? "the top level of a script returns no value" : `'${fn.name}' returns Void`;
      this.facts.report("return-void-call", expression, `${where}, so this returns nothing: call it on its own line, then write 'return;'`);
    } else if (type.kind !== "unknown" || fn !== undefined) {
      this.facts.report(
        "return-value-in-void",
        expression,
        fn === undefined
          ? "the top level of a script returns no value: write 'return;' to end the script"
          : `'${fn.name}' returns Void, so return takes no value here`,
      );
    }
  }

  /** A call of the built-in `exitWithMessage`, which ends the script (D7). */
  private isScriptExit(expression: A.Expression): boolean {
    if (expression.kind !== "CallExpression" || expression.callee.kind !== "Identifier" || expression.callee.name !== "exitWithMessage") return false;
    const resolution = this.facts.resolutions.get(expression.callee);
    return resolution?.kind === "catalog-function" && resolution.method.name === "exitWithMessage";
  }

  // ---------------------------------------------------------------- declarations

  /** A written type in a declaration, with Void refused (only functions may return Void). */
  private declaredType(reference: A.TypeReference, scope: Scope, what: string): Type {
    const type = this.context.resolveTypeReference(reference, scope);
    if (isClass(type, "Void") && reference.dimensions.length === 0) {
      this.facts.report("void-variable", reference, `${what} cannot be Void: Void is only a return type`);
      return unknownType;
    }
    return type;
  }

  private variableDeclaration(declaration: A.VariableDeclaration, place: Place, kind: VariableKind): VariableSymbol {
    const written = this.declaredType(declaration.type, place.scope, kind === "field" ? "a field" : "a variable");
    const type = written.kind === "unknown" ? written : arrayOfDimensions(written, declaration.trailingDimensions?.length ?? 0);
    for (const dimension of declaration.type.dimensions) {
      if (dimension.size === undefined) continue;
      const sizeType = this.expressions.check(dimension.size, place);
      if (sizeType.kind !== "unknown" && !isClass(sizeType, "Integer")) {
        this.facts.report("type-mismatch", dimension.size, `an array size must be an Integer, found ${typeToString(sizeType)}`);
      }
    }
    if (declaration.initializer !== undefined) {
      // The variable is not visible in its own initial value.
      const valueType = this.expressions.check(declaration.initializer, place);
      this.expressions.checkFits(valueType, { type, description: `the initial value of '${declaration.name.name}'` }, declaration.initializer);
    }
    const symbol = this.declareVariable(declaration.name, type, kind, declaration, place);
    // `Integer a, b = 2;` is reported by the parser; `b` is still declared, so its uses are not reported again.
    for (const extra of declaration.moreDeclarators ?? []) {
      const target = extra.kind === "AssignmentExpression" ? extra.target : extra;
      if (extra.kind === "AssignmentExpression") {
        const valueType = this.expressions.check(extra.value, place);
        if (target.kind === "Identifier") this.expressions.checkFits(valueType, { type, description: `the initial value of '${target.name}'` }, extra.value);
      }
      if (target.kind === "Identifier") this.declareVariable(target, type, kind, declaration, place);
      else this.expressions.check(target, place);
    }
    return symbol;
  }

  private declareVariable(name: A.Identifier, type: Type, kind: VariableKind, node: A.Node, place: Place, owner?: StructSymbol): VariableSymbol {
    const symbol: VariableSymbol = { kind: "variable", variableKind: kind, name: name.name, type, location: locationOf(this.facts.file, name), node, owner };
    this.checkDeclaredName(name, kind === "field" ? "a field" : "a variable");
    const scope = place.scope;
    const previous = kind === "field" ? owner?.fields.get(name.name) : scope.ownVariable(name.name);
    if (previous !== undefined) this.reportDuplicate(name, previous);
    if (kind === "local" || kind === "foreach") {
      const shadowed = scope.shadowedVariable(name.name);
      if (shadowed !== undefined) this.facts.shadowings.push({ symbol, shadowed });
    }
    if (kind !== "field") scope.declareVariable(symbol, node.kind === "Parameter" ? name.end : node.end);
    this.facts.declarations.push(symbol);
    this.facts.refer(name, symbol, false, true);
    return symbol;
  }

  /** Reserved words may not be declared (spec §1.4, E3); other catalog class names are a warning. */
  private checkDeclaredName(name: A.Identifier, what: string): void {
    const text = name.name;
    if (RESERVED_NAMES.has(text)) {
      this.facts.report(
        "reserved-name",
        name,
        `'${text}' is a reserved word in CRMScript and cannot be used as ${what} name: choose another name, such as '${text.toLowerCase()}Value'`,
      );
    } else if (this.context.types.classType(text) !== undefined) {
      this.facts.report(
        "builtin-class-name",
        name,
        `'${text}' is the name of a built-in class; whether it may also be ${what} name is not documented: choose another name`,
      );
    }
  }

  private reportDuplicate(name: A.Identifier, previous: UserSymbol): void {
    const location = previous.location;
    const here = location?.file === this.facts.file;
    const where = location === undefined ? "" : here ? ` on line ${this.context.lineOf(location.start)}` : ` in ${location.file}`;
    const related =
      location !== undefined && here
        ? [{ range: { start: location.start, end: location.end }, message: `the first declaration of '${name.name}'` }]
        : undefined;
    this.facts.report("duplicate-declaration", name, `'${name.name}' is already declared in this scope${where}: rename one of them`, { related });
  }

  private parameters(declaration: A.FunctionDeclaration, scope: Scope): ParameterInfo[] {
    const parameters: ParameterInfo[] = [];
    const place: Place = { scope, function: undefined };
    for (const parameter of declaration.parameters) {
      const type = this.declaredType(parameter.type, scope, "a parameter");
      if (parameter.name === undefined) {
        parameters.push({ name: `arg${parameters.length + 1}`, type });
        continue;
      }
      parameters.push({ name: parameter.name.name, type });
      this.declareVariable(parameter.name, type, "parameter", parameter, place);
    }
    return parameters;
  }

  private functionSymbol(declaration: A.FunctionDeclaration, scope: Scope, owner: StructSymbol | undefined): { symbol: FunctionSymbol; scope: Scope } {
    const returnType = this.context.resolveTypeReference(declaration.returnType, scope);
    const functionScope = new Scope("function", declaration.start, declaration.end, scope);
    const parameters = this.parameters(declaration, functionScope);
    const symbol: FunctionSymbol = {
      kind: "function",
      name: declaration.name.name,
      returnType,
      parameters,
      location: locationOf(this.facts.file, declaration.name),
      node: declaration,
      owner,
    };
    this.facts.functionSymbols.set(declaration, symbol);
    this.facts.declarations.push(symbol);
    this.facts.refer(declaration.name, symbol, false, true);
    return { symbol, scope: functionScope };
  }

  private functionDeclaration(declaration: A.FunctionDeclaration, place: Place): void {
    const { symbol, scope } = this.functionSymbol(declaration, place.scope, undefined);
    const name = declaration.name;
    this.checkDeclaredName(name, "a function");
    const same = place.scope.ownFunctions(name.name)?.find((other) => sameParameters(other.parameters, symbol.parameters));
    if (same !== undefined) this.reportDuplicate(name, same);
    this.checkBuiltinOverload(symbol, name);
    place.scope.declareFunction(symbol, name.end);
    this.functionBody(declaration, symbol, scope, undefined);
  }

  /** A user function named like a built-in one: an error with the same parameters, else a warning (spec A12). */
  private checkBuiltinOverload(symbol: FunctionSymbol, name: A.Identifier): void {
    const builtin = this.context.types.globalFunction(name.name);
    if (builtin === undefined) return;
    const same = builtin.overloads.some((overload) =>
      sameParameters(
        overload.parameters.map((parameter) => ({ name: parameter.name, type: this.context.types.fromCatalogSpelling(parameter.type) })),
        symbol.parameters,
      ),
    );
    if (same) {
      this.facts.report("duplicate-declaration", name, `the built-in function '${name.name}' already has these parameters: rename your function`);
    } else {
      this.facts.report(
        "builtin-overload",
        name,
        `'${name.name}' is also a built-in function; this adds an overload, so calls with other arguments still reach the built-in`,
      );
    }
  }

  private functionBody(declaration: A.FunctionDeclaration, symbol: FunctionSymbol, scope: Scope, owner: StructSymbol | undefined): void {
    if (declaration.body === undefined) return;
    const outerLoops = this.loops;
    this.loops = [];
    const context: FunctionContext = { name: symbol.name, returnType: symbol.returnType, owner };
    // The body shares the parameters' scope: a local that redeclares a parameter there is a duplicate (D4).
    const completes = this.statements(declaration.body.statements, { scope, function: context });
    this.loops = outerLoops;
    if (completes && symbol.returnType.kind !== "unknown" && !isClass(symbol.returnType, "Void")) this.facts.missingReturns.push(symbol);
  }

  /**
   * `struct Name { … };` (spec §4.3). Members are declared first and bodies
   * checked after, so a method may use fields and methods declared below
   * it (D5).
   */
  private structDeclaration(declaration: A.StructDeclaration, place: Place): void {
    const name = declaration.name;
    if (name === undefined) return;
    this.checkDeclaredName(name, "a struct");
    const previous = place.scope.ownStruct(name.name);
    if (previous !== undefined) this.reportDuplicate(name, previous);
    const fields = new Map<string, VariableSymbol>();
    const methods = new Map<string, FunctionSymbol[]>();
    const symbol = declareStructType(name.name, (type) => ({
      kind: "struct",
      name: name.name,
      type,
      location: locationOf(this.facts.file, name),
      node: declaration,
      fields,
      methods,
    }));
    place.scope.declareStruct(symbol, name.end);
    this.facts.declarations.push(symbol);
    this.facts.refer(name, symbol, false, true);

    const bodies: { declaration: A.FunctionDeclaration; symbol: FunctionSymbol; scope: Scope }[] = [];
    for (const member of declaration.members) {
      if (member.kind === "VariableDeclaration") {
        const type = this.declaredType(member.type, place.scope, "a field");
        if (type === symbol.type) {
          this.facts.report("recursive-struct", member.type, `struct '${name.name}' cannot contain a field of its own type; use an array or an id instead`);
        }
        fields.set(member.name.name, this.declareVariable(member.name, type, "field", member, place, symbol));
        continue;
      }
      const method = this.functionSymbol(member, place.scope, symbol);
      const overloads = methods.get(member.name.name) ?? [];
      const same = overloads.find((other) => sameParameters(other.parameters, method.symbol.parameters));
      if (same !== undefined) this.reportDuplicate(member.name, same);
      overloads.push(method.symbol);
      methods.set(member.name.name, overloads);
      bodies.push({ declaration: member, ...method });
    }
    for (const member of declaration.members) {
      if (member.kind !== "VariableDeclaration" || member.initializer === undefined) continue;
      this.facts.report(
        "struct-field-initializer",
        member.initializer,
        "a field with an initial value appears in only one official sample; set the value after declaring the variable if this script must run everywhere",
      );
      const field = fields.get(member.name.name);
      const valueType = this.expressions.check(member.initializer, place);
      if (field !== undefined)
        this.expressions.checkFits(valueType, { type: field.type, description: `the initial value of field '${field.name}'` }, member.initializer);
    }
    for (const body of bodies) this.functionBody(body.declaration, body.symbol, body.scope, symbol);
  }

  // ---------------------------------------------------------------- includes

  private include(directive: A.IncludeDirective, place: Place): void {
    const includeId = directive.includeId?.value;
    if (includeId === undefined || place.scope.kind !== "global") return;
    // Include-once (spec §2.2): a repeated id adds nothing and is not reported again.
    const earlier = this.facts.includes.find((include) => include.includeId === includeId);
    if (earlier !== undefined) {
      this.facts.includes.push({ directive, includeId, resolution: earlier.resolution });
      return;
    }
    const resolution = this.includes.resolve(includeId, this.facts.file);
    this.facts.includes.push({ directive, includeId, resolution });
    const at = directive.includeId ?? directive;
    switch (resolution.kind) {
      case "found":
        if (resolution.cycle !== undefined) this.reportCycle(at, includeId, resolution.cycle);
        this.importModule(resolution.module, place.scope, directive.end);
        return;
      case "not-found": {
        const where = resolution.searched.length === 0 ? "" : ` (looked in ${resolution.searched.join(", ")})`;
        this.facts.report("include-not-found", at, `no script found for include id '${includeId}'${where}; its functions and structs are unknown here`);
        return;
      }
      case "cycle":
        this.reportCycle(at, includeId, resolution.chain);
    }
  }

  private reportCycle(at: A.TextRange, includeId: string, chain: readonly string[]): void {
    this.facts.report("include-cycle", at, `including '${includeId}' closes a circle: ${chain.join(" → ")}; remove one of these includes`);
  }

  /** Makes an included script's names (and those of the scripts it includes) visible, each script once. */
  private importModule(module: ModuleExports, scope: Scope, visibleFrom: number): void {
    if (this.imported.has(module)) return;
    this.imported.add(module);
    for (const included of module.includes) this.importModule(included, scope, visibleFrom);
    for (const symbol of module.symbols) {
      if (symbol.kind === "variable") {
        if (scope.ownVariable(symbol.name) === undefined) scope.declareVariable(symbol, visibleFrom);
      } else if (symbol.kind === "function") {
        scope.declareFunction(symbol, visibleFrom);
      } else if (scope.ownStruct(symbol.name) === undefined) {
        scope.declareStruct(symbol, visibleFrom);
      }
    }
  }
}

/** Reachability before any statement can end the list. */
const REACHABLE: Readonly<Reachability> = Object.freeze(startReachability());

function startReachability(): Reachability {
  return { ending: undefined, unreachableStart: undefined, unreachableEnd: 0 };
}

/** `place` with another scope (same function). */
function inScope(place: Place, scope: Scope): Place {
  return { scope, function: place.function };
}

function sameParameters(a: readonly ParameterInfo[], b: readonly ParameterInfo[]): boolean {
  return a.length === b.length && a.every((parameter, index) => parameter.type === (b[index] as ParameterInfo).type);
}

/**
 * Types every expression (spec §6) and checks it: names against the scopes,
 * calls against user overloads and the catalog, members against the
 * receiver's type, operators against their operand types (spec §6.2).
 * Each expression's type and each name's meaning go into the fact tables.
 * Anything unknown is typed `unknown`, which every check accepts silently,
 * so one mistake gives one diagnostic.
 */
import type * as A from "../../grammar/index.js";
import type { MethodInfo } from "../catalog/types.js";
import type { CheckContext, Place } from "./context.js";
import { conversionHint, conversionMethod } from "./conversion-hints.js";
import { callCandidates } from "./call-candidates.js";
import { DISPUTED_ARITIES } from "./disputed-members.js";
import { structSymbolOf } from "./struct-types.js";
import { chooseOverload, describeArities } from "./overloads.js";
import type { MethodGroup } from "./members.js";
import { bestNames, didYouMean } from "./suggest.js";
import { signatureToString, type FunctionSymbol, type Resolution, type Signature } from "./symbols.js";
import { conversion, isClass, isNumeric, typeToString, unknownType, type BuiltinTypeName, type Type } from "./types.js";

/** What the value of an expression is compared against, for messages: "the initial value of 's'". */
export interface Target {
  readonly type: Type;
  readonly description: string;
}

/** The type of each literal kind (spec §1.5). */
export const literalTypes: Partial<Record<A.Expression["kind"], BuiltinTypeName>> = {
  IntegerLiteral: "Integer",
  LongLiteral: "Long",
  FloatLiteral: "Float",
  StringLiteral: "String",
  BooleanLiteral: "Bool",
};

/**
 * Global functions whose documentation states that a non-String argument
 * fails (the overview page calls `print(Integer)` a type error, spec §3.3,
 * E7): they keep the error instead of the A15-5 warning.
 */
const STRICT_STRING_FUNCTIONS: ReadonlySet<string> = new Set(["print", "printLine"]);

/** Whether a signature takes a scalar for a String parameter with a warning (spec A15-5): built-in and NetServer members, not user functions. */
function convertsScalarsToString(signature: Signature): boolean {
  switch (signature.origin.kind) {
    case "user":
      return false;
    case "intrinsic":
      return true;
    case "catalog":
      return signature.origin.overload.owner !== undefined || !STRICT_STRING_FUNCTIONS.has(signature.name);
  }
}

/** Whether the signatures are those of a catalog method whose parameter count official examples contradict. */
function isDisputedArity(signatures: readonly Signature[]): boolean {
  const origin = signatures[0]?.origin;
  return origin?.kind === "catalog" && origin.overload.owner !== undefined && DISPUTED_ARITIES.has(`${origin.overload.owner.name}.${origin.overload.name}`);
}

/**
 * `.toString()` after an argument where that is certainly what converting
 * it means: a name, call, member or element of type Integer, Long, Bool,
 * Byte, Date, DateTime or Time, or an Integer literal written as a String.
 * None for Float (its toString needs a number of decimals) or for other
 * expressions, where a method call would need parentheses never documented.
 */
function toStringFix(argument: A.Expression, type: Type): A.Fix | undefined {
  if (isClass(type, "Float")) return undefined;
  if (argument.kind === "IntegerLiteral")
    return { range: { start: argument.start, end: argument.end }, text: `"${argument.value}"`, title: `Write it as the String "${argument.value}"` };
  if (!["Identifier", "CallExpression", "MemberExpression", "IndexExpression"].includes(argument.kind)) return undefined;
  return { range: { start: argument.end, end: argument.end }, text: ".toString()", title: "Add .toString()" };
}

/** "Integer and String": the operand types of a binary operator, for messages. */
function typePair(left: Type, right: Type): string {
  return `${typeToString(left)} and ${typeToString(right)}`;
}

export class ExpressionChecker {
  // The built-in types the checks use most, looked up once per file.
  private readonly integerType: Type;
  private readonly stringType: Type;
  private readonly boolType: Type;

  constructor(private readonly context: CheckContext) {
    this.integerType = context.types.builtin("Integer");
    this.stringType = context.types.builtin("String");
    this.boolType = context.types.builtin("Bool");
  }

  private get facts() {
    return this.context.facts;
  }

  private builtin(name: BuiltinTypeName): Type {
    return this.context.types.builtin(name);
  }

  /**
   * Types `expression` (and everything inside it), records the type and
   * returns it. Not recorded, because `SemanticModel.typeOf` derives them:
   * literals (their kind says the type) and names of variables (their
   * symbol does): the two commonest expressions.
   */
  check(expression: A.Expression, place: Place): Type {
    switch (expression.kind) {
      case "IntegerLiteral":
        return this.integerType;
      case "StringLiteral":
        return this.stringType;
      case "BooleanLiteral":
        return this.boolType;
      case "LongLiteral":
      case "FloatLiteral":
        return this.builtin(literalTypes[expression.kind] as BuiltinTypeName);
      case "Identifier": {
        const variableType = this.variableValue(expression, place, false);
        if (variableType !== undefined) return variableType;
        const type = this.nonVariableValue(expression, place);
        this.facts.expressionTypes.set(expression, type);
        return type;
      }
      default: {
        const type = this.typeOf(expression, place);
        this.facts.expressionTypes.set(expression, type);
        return type;
      }
    }
  }

  /** Checks that a condition is Bool (spec §9.1 E4). */
  checkCondition(condition: A.Expression, place: Place, statement: string): void {
    const type = this.check(condition, place);
    if (type.kind === "unknown" || isClass(type, "Bool")) return;
    this.facts.report(
      "condition-not-bool",
      condition,
      `the ${statement} condition must be Bool, found ${typeToString(type)}.${conversionHint(type, this.boolType) || " CRMScript converts nothing to Bool by itself."}`,
    );
  }

  /** Checks that a value of `type` fits `target` (spec §3.3), reporting a mismatch at `at`. */
  checkFits(type: Type, target: Target, at: A.TextRange): void {
    switch (conversion(type, target.type)) {
      case "exact":
      case "widening":
        return;
      case "narrowing":
        this.facts.report("narrowing-conversion", at, `a Long is used as ${target.description}, which is Integer: values beyond ±2147483647 are cut off`);
        return;
      case "none":
        this.facts.report(
          "type-mismatch",
          at,
          `${typeToString(type)} cannot be used as ${target.description}, which is ${typeToString(target.type)}.${conversionHint(type, target.type)}`,
        );
    }
  }

  private typeOf(expression: A.Expression, place: Place): Type {
    switch (expression.kind) {
      case "Identifier":
        return this.identifierValue(expression, place, false);
      case "IntegerLiteral":
      case "LongLiteral":
      case "FloatLiteral":
      case "StringLiteral":
      case "BooleanLiteral":
        return this.builtin(literalTypes[expression.kind] as BuiltinTypeName);
      case "InvalidNumberLiteral":
      case "MissingExpression":
        return unknownType;
      case "ThisExpression":
        return this.thisType(expression, place);
      case "ParenthesizedExpression":
        return this.check(expression.expression, place);
      case "CallExpression":
        return this.call(expression, place);
      case "MemberExpression":
        return this.memberValue(expression, place, false);
      case "IndexExpression":
        return this.index(expression, place);
      case "UnaryExpression":
        return this.unary(expression, place);
      case "PostfixExpression":
        return this.increment(expression.operator, expression.operand, place, expression);
      case "BinaryExpression":
        return this.binaryChain(expression, place);
      case "AssignmentExpression":
        return this.assignment(expression, place);
      case "ConditionalExpression": {
        this.check(expression.condition, place);
        const whenTrue = this.check(expression.whenTrue, place);
        const whenFalse = this.check(expression.whenFalse, place);
        return whenTrue === whenFalse ? whenTrue : unknownType;
      }
    }
  }

  // ---------------------------------------------------------------- names

  private identifierValue(name: A.Identifier, place: Place, write: boolean): Type {
    return this.variableValue(name, place, write) ?? this.nonVariableValue(name, place);
  }

  /** The type of the variable `name` names (recording the use), or undefined when no variable has that name here. */
  private variableValue(name: A.Identifier, place: Place, write: boolean): Type | undefined {
    const variable = place.scope.lookupVariable(name.name);
    if (variable === undefined) return undefined;
    this.facts.refer(name, variable, write);
    return variable.type;
  }

  /** A name that is not a variable: a function, a type or nothing known, each reported. */
  private nonVariableValue(name: A.Identifier, place: Place): Type {
    const functions = place.scope.lookupFunctions(name.name);
    const builtinFunction = this.context.types.globalFunction(name.name);
    if (functions !== undefined || builtinFunction !== undefined) {
      this.resolveFunctionName(name, functions, builtinFunction, undefined);
      this.facts.report("not-a-value", name, `'${name.name}' is a function, not a value: call it as '${name.name}(…)'`);
      return unknownType;
    }
    const struct = place.scope.lookupStruct(name.name);
    const classType = this.context.types.classType(name.name);
    if (struct !== undefined || classType !== undefined) {
      if (struct !== undefined) this.facts.refer(name, struct, false);
      else if (classType !== undefined) this.facts.resolve(name, this.context.members.classResolution(classType.info));
      this.facts.report(
        "not-a-value",
        name,
        `'${name.name}' is a type, not a value: declare a variable of it ('${name.name} value;') or construct one ('${name.name}(…)')`,
      );
      return unknownType;
    }
    this.reportUnknownName(name, place, "variable");
    return unknownType;
  }

  private reportUnknownName(name: A.Identifier, place: Place, kind: "variable" | "function"): void {
    if (!this.context.firstReport(name.name)) return;
    const text = name.name;
    if (kind === "variable" && ["null", "nil", "NULL", "Null", "undefined"].includes(text)) {
      this.facts.report(
        "undeclared-name",
        name,
        `'${text}' is not defined: CRMScript has no null literal; test a value with isNull() or isEmpty(), and leave a variable unassigned to keep it null`,
      );
      return;
    }
    const later = this.context.laterDeclaration(text, name.start);
    if (later !== undefined) {
      const what = kind === "function" ? "function" : "name";
      this.facts.report(
        "used-before-declaration",
        name,
        `${what} '${text}' is used before its declaration on line ${this.context.lineOf(later)}: CRMScript requires declaring before use, so move the declaration above this line`,
      );
      return;
    }
    const candidates = kind === "function" ? this.visibleFunctionNames(place) : this.visibleVariableNames(place);
    const suggestions = bestNames(text, candidates);
    this.facts.report("undeclared-name", name, `${kind === "function" ? "function" : "name"} '${text}' is not declared${didYouMean(suggestions)}`, {
      suggestions,
    });
  }

  private *visibleVariableNames(place: Place): Iterable<string> {
    for (let scope: Place["scope"] | undefined = place.scope; scope !== undefined; scope = scope.parent) {
      for (const entry of scope.entries) if (entry.symbol.kind === "variable") yield entry.symbol.name;
    }
  }

  private *visibleFunctionNames(place: Place): Iterable<string> {
    for (let scope: Place["scope"] | undefined = place.scope; scope !== undefined; scope = scope.parent) {
      for (const entry of scope.entries) if (entry.symbol.kind === "function" && entry.symbol.owner === undefined) yield entry.symbol.name;
    }
    yield* this.context.catalog.functionNames;
  }

  private thisType(expression: A.ThisExpression, place: Place): Type {
    const owner = place.function?.owner;
    if (owner !== undefined) return owner.type;
    this.facts.report("this-outside-struct", expression, "'this' is only available inside a struct method");
    return unknownType;
  }

  // ---------------------------------------------------------------- calls

  private call(call: A.CallExpression, place: Place): Type {
    const argumentTypes: Type[] = [];
    for (const argument of call.arguments) argumentTypes.push(this.check(argument, place));
    const callee = call.callee;
    if (callee.kind === "Identifier") return this.functionCall(call, callee, argumentTypes, place);
    return this.methodCall(call, callee, argumentTypes, place);
  }

  private functionCall(call: A.CallExpression, name: A.Identifier, argumentTypes: readonly Type[], place: Place): Type {
    const functions = place.scope.lookupFunctions(name.name);
    const candidates = callCandidates(this.context.members, name.name, functions ?? []);
    if (candidates.kind === "functions") {
      const chosen = this.resolveCall(call, candidates.signatures, argumentTypes, undefined);
      this.resolveFunctionName(name, functions, this.context.types.globalFunction(name.name), chosen);
      return this.callResult(chosen, candidates.signatures, argumentTypes.length);
    }
    const struct = place.scope.lookupStruct(name.name);
    if (struct !== undefined) {
      this.facts.refer(name, struct, false);
      this.facts.report(
        "struct-constructor",
        name,
        `struct '${name.name}' has no constructor: declare a variable ('${name.name} value;'), or define a factory function '${name.name} ${name.name}(…)' above this line`,
      );
      return struct.type;
    }
    const classType = this.context.types.classType(name.name);
    if (candidates.kind === "constructors" && classType !== undefined) return this.constructorCall(call, name, candidates.signatures, argumentTypes, classType);
    const variable = place.scope.lookupVariable(name.name);
    if (variable !== undefined) {
      this.facts.refer(name, variable, false);
      this.facts.report("not-callable", name, `'${name.name}' is a variable, not a function`);
      return unknownType;
    }
    const enumType = this.context.types.enumOfTypeName(name.name);
    if (enumType !== undefined) {
      this.facts.report(
        "enum-as-type",
        name,
        `${enumType.info.name} is a NetServer enum, which CRMScript treats as Integer (spec A15-2): pass the Integer value instead`,
      );
      return this.builtin("Integer");
    }
    this.reportUnknownName(name, place, "function");
    return unknownType;
  }

  /** `Map("a=1")`, `DateTime(2020, 6, 22, 11, 0, 0)`: a class name called as a constructor (spec §3.3). */
  private constructorCall(
    call: A.CallExpression,
    name: A.Identifier,
    signatures: readonly Signature[] | undefined,
    argumentTypes: readonly Type[],
    type: Type,
  ): Type {
    if (type.kind === "class") {
      this.facts.resolve(name, this.context.members.classResolution(type.info));
      this.context.checkAvailability(type.info, type.name, name);
    }
    // A declaration always default-constructs (D10), so `T()` is always allowed; unknown constructor lists accept anything.
    if (signatures === undefined || argumentTypes.length === 0) return type;
    if (signatures.length === 0) {
      this.facts.report(
        "argument-count",
        call,
        `${name.name} has no documented constructor that takes arguments; declare a variable ('${name.name} value;') instead`,
      );
      return type;
    }
    this.resolveCall(call, signatures, argumentTypes, type);
    return type;
  }

  private methodCall(call: A.CallExpression, callee: A.MemberExpression, argumentTypes: readonly Type[], place: Place): Type {
    const receiver = this.check(callee.object, place);
    const member = callee.member;
    if (member === undefined || receiver.kind === "unknown") return unknownType;
    const members = this.context.members.membersOf(receiver);
    const group = members.methods.get(member.name);
    if (group === undefined) {
      if (!members.complete) return unknownType;
      const field = members.fields.get(member.name);
      if (field !== undefined) {
        this.facts.refer(member, field, false);
        this.facts.report(
          "not-callable",
          member,
          `'${member.name}' is a field of ${typeToString(receiver)}, not a method: write '${member.name}' without parentheses`,
        );
      } else {
        this.reportUnknownMember(receiver, member, [...members.methods.keys()], "method");
      }
      return unknownType;
    }
    const chosen = this.resolveCall(call, group.signatures, argumentTypes, receiver);
    this.resolveMember(member, group, chosen);
    if (member.name === "sort" && receiver.kind === "array" && chosen?.origin.kind === "intrinsic") this.checkSortable(receiver.element, member);
    return this.callResult(chosen, group.signatures, argumentTypes.length);
  }

  private resolveMember(member: A.Identifier, group: MethodGroup, chosen: Signature | undefined): void {
    const resolution = group.resolve(chosen);
    if (resolution.kind === "user-call") {
      // The reference list needs the symbol; the resolution keeps every overload for hover and signature help.
      const target = resolution.symbol ?? resolution.overloads[0];
      if (target !== undefined) this.facts.refer(member, target, false);
    }
    this.facts.resolve(member, resolution);
    if (chosen?.origin.kind === "catalog" && this.context.isRestricted(chosen.origin.overload))
      this.context.checkAvailability(chosen.origin.overload, `${chosen.ownerName ?? ""}.${chosen.name}`, member);
  }

  private resolveFunctionName(
    name: A.Identifier,
    functions: readonly FunctionSymbol[] | undefined,
    builtin: MethodInfo | undefined,
    chosen: Signature | undefined,
  ): void {
    let resolution: Resolution;
    if (chosen?.origin.kind === "catalog" && builtin !== undefined) {
      resolution = this.context.members.methodResolution(builtin, chosen.origin.overload);
      if (this.context.isRestricted(chosen.origin.overload)) this.context.checkAvailability(chosen.origin.overload, `'${name.name}'`, name);
    } else if (functions !== undefined && functions.length > 0) {
      const symbol = chosen?.origin.kind === "user" ? chosen.origin.symbol : undefined;
      this.facts.refer(name, symbol ?? (functions[0] as FunctionSymbol), false);
      resolution = { kind: "user-call", overloads: functions, symbol };
    } else {
      resolution = this.context.members.methodResolution(builtin as MethodInfo, undefined);
    }
    this.facts.resolve(name, resolution);
  }

  /**
   * Picks the overload for a call and reports when none fits (spec §9.1 E6,
   * E7). Returns the chosen signature, or undefined after a report.
   * `receiver` is the type a method is called on, the class a constructor
   * makes, or undefined for a function.
   */
  private resolveCall(
    call: A.CallExpression,
    signatures: readonly Signature[],
    argumentTypes: readonly Type[],
    receiver: Type | undefined,
  ): Signature | undefined {
    const choice = chooseOverload(signatures, argumentTypes, convertsScalarsToString);
    let chosen: Signature | undefined;
    if (choice.kind === "chosen") {
      const signature = choice.signature;
      chosen = signature;
      for (let index = 0; index < choice.conversions.length; index++) {
        const kind = choice.conversions[index];
        if (kind === "exact" || kind === "widening") continue;
        const argument = call.arguments[index] as A.Expression;
        if (kind === "narrowing") {
          this.facts.report(
            "narrowing-conversion",
            argument,
            `argument ${index + 1} of ${this.describeCall(call, receiver)} is a Long where an Integer is expected: values beyond ±2147483647 are cut off`,
          );
        } else if (kind === "implicit-string") {
          const parameter = signature.parameters[index]?.name ?? "";
          this.reportImplicitString(argument, index, argumentTypes[index] as Type, parameter, this.describeCall(call, receiver));
        }
      }
    } else if (choice.kind === "count" && isDisputedArity(signatures)) {
      // The catalog's parameter count is contradicted by official examples: no error (spec §15).
    } else if (choice.kind === "count") {
      const arities = describeArities(choice.arities);
      const expected = choice.arities.length === 1 && choice.arities[0] === 1 ? "1 argument" : `${arities} arguments`;
      this.facts.report(
        "argument-count",
        this.argumentsRange(call),
        `${this.describeCall(call, receiver)} expects ${expected}, ${argumentTypes.length} given: ${this.listSignatures(signatures)}`,
      );
    } else {
      this.reportArgumentTypes(call, choice.candidates, argumentTypes, this.describeCall(call, receiver));
    }
    this.facts.calls.set(call, { signatures, chosen });
    return chosen;
  }

  /** A call as messages name it: `'name'`, `the Map constructor`, `String.subString`; made only when reporting. */
  private describeCall(call: A.CallExpression, receiver: Type | undefined): string {
    const callee = call.callee;
    if (callee.kind === "Identifier") return receiver === undefined ? `'${callee.name}'` : `the ${callee.name} constructor`;
    return `${typeToString(receiver ?? unknownType)}.${callee.kind === "MemberExpression" ? (callee.member?.name ?? "") : ""}`;
  }

  private reportArgumentTypes(call: A.CallExpression, candidates: readonly Signature[], argumentTypes: readonly Type[], what: string): void {
    if (candidates.length === 1) {
      const signature = candidates[0] as Signature;
      for (const [index, type] of argumentTypes.entries()) {
        const parameter = signature.parameters[index];
        if (parameter === undefined || conversion(type, parameter.type) !== "none") continue;
        this.facts.report(
          "argument-type",
          call.arguments[index] as A.Expression,
          `argument ${index + 1} of ${what} ('${parameter.name}') must be ${typeToString(parameter.type)}, found ${typeToString(type)}.${conversionHint(type, parameter.type)}`,
        );
        return;
      }
      return;
    }
    const given = argumentTypes.map((type) => typeToString(type)).join(", ");
    this.facts.report("argument-type", this.argumentsRange(call), `no overload of ${what} takes (${given}): ${this.listSignatures(candidates)}`);
  }

  /** A scalar given to a String parameter of a built-in (spec A15-5): a warning, and `.toString()` offered where that is certain to work. */
  private reportImplicitString(argument: A.Expression, index: number, type: Type, parameter: string, what: string): void {
    const method = conversionMethod(type, this.builtin("String")) ?? "toString()";
    this.facts.report(
      "implicit-string-conversion",
      argument,
      `argument ${index + 1} of ${what} ('${parameter}') is a String: the ${typeToString(type)} is converted implicitly, which the documentation does not promise; convert it with ${method}`,
      { suggestedFix: toStringFix(argument, type) },
    );
  }

  private listSignatures(signatures: readonly Signature[]): string {
    const shown = signatures.slice(0, 6).map((signature) => signatureToString(signature));
    return shown.join("; ") + (signatures.length > shown.length ? `; and ${signatures.length - shown.length} more` : "");
  }

  /** The argument list of a call, or the callee when the list is empty. */
  private argumentsRange(call: A.CallExpression): A.TextRange {
    const first = call.arguments[0];
    const last = call.arguments[call.arguments.length - 1];
    if (first === undefined || last === undefined) return { start: call.callee.start, end: call.end };
    return { start: first.start, end: last.end };
  }

  /** A call's type: the chosen overload's return type, or the one all same-arity candidates share. */
  private callResult(chosen: Signature | undefined, signatures: readonly Signature[], argumentCount: number): Type {
    if (chosen !== undefined) return chosen.returnType;
    const returns = new Set(signatures.filter((signature) => signature.parameters.length === argumentCount).map((signature) => signature.returnType));
    return returns.size === 1 ? ([...returns][0] as Type) : unknownType;
  }

  private checkSortable(element: Type, at: A.Identifier): void {
    if (element.kind === "array") {
      this.facts.report("unsortable-array", at, "sort() works on one-dimensional arrays only; sort each inner array instead");
    } else if (element.kind === "struct") {
      const compare = structSymbolOf(element).methods.get("compare");
      const usable = compare?.some((method) => method.parameters.length === 1 && method.parameters[0]?.type === element && isClass(method.returnType, "Bool"));
      if (usable !== true) {
        this.facts.report(
          "unsortable-array",
          at,
          `sort() on an array of ${element.name} needs a method 'Bool compare(${element.name} other)' in struct ${element.name}`,
        );
      }
    }
  }

  // ---------------------------------------------------------------- members and indexing

  private memberValue(expression: A.MemberExpression, place: Place, write: boolean): Type {
    const receiver = this.check(expression.object, place);
    const member = expression.member;
    if (member === undefined || receiver.kind === "unknown") return unknownType;
    const members = this.context.members.membersOf(receiver);
    const field = members.fields.get(member.name);
    if (field !== undefined) {
      this.facts.refer(member, field, write);
      return field.type;
    }
    const group = members.methods.get(member.name);
    if (group !== undefined) {
      this.resolveMember(member, group, undefined);
      this.facts.report("method-used-as-value", member, `'${member.name}' is a method of ${typeToString(receiver)}: call it as '${member.name}(…)'`);
      return unknownType;
    }
    if (members.complete) this.reportUnknownMember(receiver, member, [...members.fields.keys(), ...members.methods.keys()], "field");
    return unknownType;
  }

  private reportUnknownMember(receiver: Type, member: A.Identifier, candidates: readonly string[], kind: "method" | "field"): void {
    const typeName = typeToString(receiver);
    if (!this.context.firstReport(`${typeName}.${member.name}`)) return;
    const suggestions = bestNames(member.name, candidates);
    let advice = didYouMean(suggestions);
    if (advice === "" && kind === "field" && receiver.kind === "class" && candidates.includes(`Get${member.name}`)) {
      advice = `: NetServer properties are methods, so read it with 'Get${member.name}()'`;
    }
    const what = receiver.kind === "struct" ? (kind === "field" ? "field or method" : "method") : "method";
    this.facts.report("unknown-member", member, `${typeName} has no ${what} '${member.name}'${advice}`, { suggestions });
  }

  private index(expression: A.IndexExpression, place: Place): Type {
    const objectType = this.check(expression.object, place);
    const indexType = this.check(expression.index, place);
    if (isClass(objectType, "Map")) {
      // Spec A15-1: `map["key"]` reads or stores the String value of a key.
      if (indexType.kind !== "unknown" && !isClass(indexType, "String")) {
        this.facts.report(
          "map-key-not-string",
          expression.index,
          `a Map is indexed by a String key, found ${typeToString(indexType)}.${conversionHint(indexType, this.builtin("String"))}`,
        );
      }
      return this.builtin("String");
    }
    if (indexType.kind !== "unknown" && !isClass(indexType, "Integer")) {
      this.facts.report(
        "index-not-integer",
        expression.index,
        `an array index must be Integer, found ${typeToString(indexType)}.${conversionHint(indexType, this.builtin("Integer"))}`,
      );
    }
    if (objectType.kind === "array") return objectType.element;
    if (objectType.kind !== "unknown") {
      const advice = isClass(objectType, "String") ? ": use subString() for parts of a String" : "";
      this.facts.report("not-indexable", expression.object, `${typeToString(objectType)} is not an array, so it cannot be indexed with [ ]${advice}`);
    }
    return unknownType;
  }

  // ---------------------------------------------------------------- operators

  private unary(expression: A.UnaryExpression, place: Place): Type {
    if (expression.operator === "++" || expression.operator === "--") return this.increment(expression.operator, expression.operand, place, expression);
    const type = this.check(expression.operand, place);
    if (type.kind === "unknown") return expression.operator === "!" ? this.builtin("Bool") : unknownType;
    if (expression.operator === "!") {
      if (!isClass(type, "Bool")) this.facts.report("operator-type", expression, `'!' needs a Bool, found ${typeToString(type)}`);
      return this.builtin("Bool");
    }
    if (!isNumeric(type)) {
      this.facts.report("operator-type", expression, `unary '${expression.operator}' needs a number (Integer, Long or Float), found ${typeToString(type)}`);
      return unknownType;
    }
    return type;
  }

  private increment(operator: "++" | "--", operand: A.Expression, place: Place, expression: A.Expression): Type {
    const type = this.checkTarget(operand, place, false);
    if (type.kind !== "unknown" && !isNumeric(type)) {
      this.facts.report("operator-type", expression, `'${operator}' needs a number (Integer, Long or Float), found ${typeToString(type)}`);
    }
    return type;
  }

  /**
   * A left-deep chain `a + b + c …` is checked from the innermost pair out,
   * without recursion, so long concatenations cannot exhaust the stack.
   */
  private binaryChain(expression: A.BinaryExpression, place: Place): Type {
    const chain: A.BinaryExpression[] = [];
    let left: A.Expression = expression;
    while (left.kind === "BinaryExpression") {
      chain.push(left);
      left = left.left;
    }
    let leftType = this.check(left, place);
    for (let index = chain.length - 1; index >= 0; index--) {
      const node = chain[index] as A.BinaryExpression;
      const rightType = this.check(node.right, place);
      leftType = this.binary(node, leftType, rightType);
      if (index > 0) this.facts.expressionTypes.set(node, leftType);
    }
    return leftType;
  }

  private binary(node: A.BinaryExpression, left: Type, right: Type): Type {
    const operator = node.operator;
    const bool = this.boolType;
    const unknown = left.kind === "unknown" || right.kind === "unknown";
    switch (operator) {
      case "&&":
      case "||":
        if (!unknown && !(isClass(left, "Bool") && isClass(right, "Bool"))) {
          const bad = isClass(left, "Bool") ? right : left;
          this.facts.report("operator-type", node, `'${operator}' needs Bool on both sides, found ${typeToString(bad)}.${conversionHint(bad, bool)}`);
        }
        return bool;
      case "==":
      case "!=":
        if (!unknown && !this.comparable(left, right, true)) {
          this.facts.report(
            "operator-type",
            node,
            `'${operator}' compares values of one type, found ${typePair(left, right)}.${conversionHint(right, left) || conversionHint(left, right)}`,
          );
        }
        return bool;
      case "<":
      case "<=":
      case ">":
      case ">=":
        if (!unknown && !this.comparable(left, right, false)) {
          this.facts.report(
            "operator-type",
            node,
            `'${operator}' compares numbers, Strings, Dates, DateTimes or Times of one kind, found ${typePair(left, right)}`,
          );
        }
        return bool;
      case "+":
        if (unknown) return isClass(left, "String") || isClass(right, "String") ? this.stringType : unknownType;
        if (isClass(left, "String") && isClass(right, "String")) return left;
        if (isNumeric(left) && isNumeric(right)) return this.arithmeticResult(left, right);
        if (isClass(left, "String") || isClass(right, "String")) {
          const other = isClass(left, "String") ? right : left;
          const method = conversionMethod(other, this.builtin("String"));
          const fix = method === undefined ? `make the ${typeToString(other)} a String first` : `convert the ${typeToString(other)} with ${method} first`;
          this.facts.report("operator-type", node, `'+' cannot combine ${typePair(left, right)}: ${fix}`);
          return this.builtin("String");
        }
        this.facts.report("operator-type", node, `'+' adds numbers or joins Strings, found ${typePair(left, right)}`);
        return unknownType;
      default:
        if (unknown) return isNumeric(left) && isNumeric(right) ? this.arithmeticResult(left, right) : unknownType;
        if (isNumeric(left) && isNumeric(right)) return this.arithmeticResult(left, right);
        this.facts.report(
          "operator-type",
          node,
          `'${operator}' needs numbers (Integer, Long or Float), found ${typePair(left, right)}${isClass(left, "String") || isClass(right, "String") ? ": only '+' works on Strings" : ""}`,
        );
        return unknownType;
    }
  }

  /** Spec §6.2: numbers with numbers (D8), otherwise two values of one type; ordering only for Strings and dates. */
  private comparable(left: Type, right: Type, equality: boolean): boolean {
    if (isNumeric(left) && isNumeric(right)) return true;
    if (left !== right) return equality && (isClass(left, "Generic") || isClass(right, "Generic"));
    if (equality) return true;
    return left.kind === "class" && ["String", "Date", "DateTime", "Time"].includes(left.name);
  }

  /** Float if either side is Float, else Long if either is Long, else Integer (spec §6.2). */
  private arithmeticResult(left: Type, right: Type): Type {
    if (isClass(left, "Float") || isClass(right, "Float")) return this.builtin("Float");
    if (isClass(left, "Long") || isClass(right, "Long")) return this.builtin("Long");
    return this.builtin("Integer");
  }

  private assignment(expression: A.AssignmentExpression, place: Place): Type {
    const target = this.checkTarget(expression.target, place, expression.operator === "=");
    const value = this.check(expression.value, place);
    if (expression.operator === "=") {
      this.checkFits(value, { type: target, description: this.describeTarget(expression.target) }, expression.value);
      return target;
    }
    if (target.kind === "unknown" || value.kind === "unknown") return target;
    const operator = expression.operator;
    if (operator === "+=" && isClass(target, "String")) {
      if (!isClass(value, "String")) {
        this.facts.report("operator-type", expression, `'+=' on a String needs a String, found ${typeToString(value)}.${conversionHint(value, target)}`);
      }
    } else if (!isNumeric(target) || !isNumeric(value)) {
      const allowed = operator === "+=" ? "numbers, or a String and a String" : "numbers (Integer, Long or Float)";
      this.facts.report("operator-type", expression, `'${operator}' works on ${allowed}, found ${typeToString(target)} and ${typeToString(value)}`);
    } else if (isClass(target, "Integer") && isClass(value, "Float")) {
      this.facts.report(
        "type-mismatch",
        expression.value,
        `'${operator}' would store a Float in ${this.describeTarget(expression.target)}, which is Integer.${conversionHint(value, target)}`,
      );
    }
    return target;
  }

  /** Types an assignment target; a plain name assigned with `=` counts as a write, not a read. */
  private checkTarget(target: A.Expression, place: Place, writeOnly: boolean): Type {
    let type: Type;
    if (target.kind === "Identifier") type = this.identifierValue(target, place, writeOnly);
    else if (target.kind === "MemberExpression") type = this.memberValue(target, place, writeOnly);
    else return this.check(target, place);
    this.facts.expressionTypes.set(target, type);
    return type;
  }

  private describeTarget(target: A.Expression): string {
    if (target.kind === "Identifier") return `'${target.name}'`;
    if (target.kind === "MemberExpression" && target.member !== undefined) return `field '${target.member.name}'`;
    return "the assigned element";
  }
}

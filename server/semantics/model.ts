/**
 * The query API over one analysed file, for the editor features and lint
 * rules: the type of an expression, what the name at an offset refers to,
 * references to a symbol, the names visible at an offset, the members of a
 * type, the call around an offset, and what the file exports to scripts
 * that include it. Plain data in, plain data out; no LSP types.
 */
import {
  parseSource,
  TokenKind,
  type CallExpression,
  type Diagnostic,
  type Expression,
  type FunctionDeclaration,
  type Identifier,
  type SourceFile,
  type TokenBuffer,
} from "../../grammar/index.js";
import { callCandidates } from "./call-candidates.js";
import { CheckContext, type FunctionContext } from "./context.js";
import { DeclarationIndex } from "./declaration-index.js";
import { SemanticFacts, type CallFacts, type IncludeFacts, type Reference } from "./facts.js";
import { Scope } from "./scope.js";
import type { ModuleExports } from "./includes.js";
import type { CheckRecord } from "./resume.js";
import type { TypeMembers } from "./members.js";
import type { MemberTable } from "./members.js";
import { ExpressionChecker, literalTypes } from "./expressions.js";
import type { FunctionSymbol, Resolution, Signature, UserSymbol } from "./symbols.js";
import type { Type } from "./types.js";

/** A name in the file and what it refers to. */
export interface NameAt {
  readonly name: Identifier;
  readonly resolution: Resolution;
}

/** The call whose argument list contains an offset, for signature help. */
export interface CallAt {
  readonly call: CallExpression;
  /** 0-based index of the argument the offset is in (counting top-level commas before it). */
  readonly argumentIndex: number;
  readonly signatures: readonly Signature[];
  /** The overload resolution chose, if the arguments so far determined one. */
  readonly chosen: Signature | undefined;
}

/** The names written in a text's tokens. */
function identifierNames(tokens: TokenBuffer): Set<string> {
  const names = new Set<string>();
  for (let index = 0; index < tokens.count; index++) if (tokens.typeIndex(index) === TokenKind.Identifier) names.add(tokens.image(index));
  return names;
}

export class SemanticModel {
  private sortedNames: Identifier[] | undefined;
  private sortedCalls: CallExpression[] | undefined;
  private cachedExports: ModuleExports | undefined;

  constructor(
    readonly file: string,
    readonly sourceFile: SourceFile,
    private readonly facts: SemanticFacts,
    private readonly members: MemberTable,
    /** Syntax and semantic diagnostics, sorted by position. */
    readonly diagnostics: readonly Diagnostic[],
    /** Where the check stood at each top-level statement, for the analysis of the file's next version (`resume.ts`); undefined after a failed check. */
    readonly checkRecord?: CheckRecord,
  ) {}

  /** The type of an expression the checker saw (undefined for one it did not, such as inside a skipped part). */
  typeOf(expression: Expression): Type | undefined {
    const literal = literalTypes[expression.kind];
    if (literal !== undefined) return this.members.types.builtin(literal);
    if (expression.kind === "Identifier") {
      const resolution = this.facts.resolutions.get(expression);
      if (resolution?.kind === "symbol" && resolution.symbol.kind === "variable") return resolution.symbol.type;
    }
    return this.facts.expressionTypes.get(expression);
  }

  /** Every resolved name of the file, in source order. */
  resolvedNames(): readonly Identifier[] {
    return (this.sortedNames ??= [...this.facts.resolutions.keys()].sort((a, b) => a.start - b.start));
  }

  resolutionOf(name: Identifier): Resolution | undefined {
    return this.facts.resolutions.get(name);
  }

  /** The resolved name whose range contains `offset` (or ends at it, for a cursor just after a name). */
  nameAt(offset: number): NameAt | undefined {
    const names = this.resolvedNames();
    let low = 0;
    let high = names.length - 1;
    let found: Identifier | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const name = names[middle] as Identifier;
      if (name.start > offset) high = middle - 1;
      else {
        if (offset <= name.end) found = name;
        low = middle + 1;
      }
    }
    if (found === undefined) return undefined;
    return { name: found, resolution: this.facts.resolutions.get(found) as Resolution };
  }

  /** Uses of a symbol in this file (its declaration excluded). */
  referencesTo(symbol: UserSymbol): readonly Reference[] {
    return this.facts.references.get(symbol) ?? [];
  }

  /**
   * The user symbols code at `offset` can name, innermost scope first; a
   * name hidden by an inner declaration appears once. Function overloads
   * are all listed. With `onlyNames`, only symbols of those names.
   */
  visibleAt(offset: number, onlyNames?: ReadonlySet<string>): UserSymbol[] {
    const result: UserSymbol[] = [];
    const hidden = new Set<string>();
    for (let scope: typeof this.facts.globalScope | undefined = this.facts.globalScope.innermostAt(offset); scope !== undefined; scope = scope.parent) {
      const names = new Set<string>();
      for (const entry of scope.entries) {
        if (entry.visibleFrom > offset || (onlyNames !== undefined && !onlyNames.has(entry.symbol.name))) continue;
        const key = `${entry.symbol.kind}:${entry.symbol.name}`;
        if (entry.symbol.kind !== "function" && hidden.has(key)) continue;
        names.add(key);
        result.push(entry.symbol);
      }
      for (const name of names) hidden.add(name);
    }
    return result;
  }

  /** Every name with what it resolves to, in source order. */
  *resolvedNamesWithResolutions(): IterableIterator<NameAt> {
    for (const name of this.resolvedNames()) yield { name, resolution: this.facts.resolutions.get(name) as Resolution };
  }

  /** Every call the checker resolved, with its candidate signatures and the chosen one. */
  resolvedCalls(): ReadonlyMap<CallExpression, CallFacts> {
    return this.facts.calls;
  }

  /** The symbols this file declares, in declaration order. */
  declarations(): readonly UserSymbol[] {
    return this.facts.declarations;
  }

  /** Every function and method declaration the checker saw, in source order. */
  functionDeclarations(): IterableIterator<FunctionDeclaration> {
    return this.facts.functionSymbols.keys();
  }

  /** The symbol of a function or method declaration (also of a duplicate one). */
  functionSymbolOf(declaration: FunctionDeclaration): FunctionSymbol | undefined {
    return this.facts.functionSymbols.get(declaration);
  }

  /** The file's `#include` directives, each with its id and how it resolved. */
  includes(): readonly IncludeFacts[] {
    return this.facts.includes;
  }

  /** Runs of statements that can never run, each with the statement after which control never arrives. */
  unreachableCode(): SemanticFacts["unreachable"] {
    return this.facts.unreachable;
  }

  /** Functions and methods with a value type whose end can be reached without a return. */
  missingReturns(): readonly FunctionSymbol[] {
    return this.facts.missingReturns;
  }

  /** Locals that hide a local or parameter of an enclosing scope. */
  shadowings(): SemanticFacts["shadowings"] {
    return this.facts.shadowings;
  }

  /** The innermost scope at an offset. */
  scopeAt(offset: number): Scope {
    return this.facts.globalScope.innermostAt(offset);
  }

  /**
   * What a call of `name` at `offset` chooses from (the user functions of
   * that name visible there and the catalog's, else the class's
   * constructors): the candidates the checker resolves a call against.
   */
  callSignaturesAt(offset: number, name: string): readonly Signature[] {
    const userFunctions = this.visibleAt(offset).filter((symbol): symbol is FunctionSymbol => symbol.kind === "function" && symbol.name === name);
    const candidates = callCandidates(this.members, name, userFunctions);
    return candidates.kind === "functions" ? candidates.signatures : candidates.kind === "constructors" ? (candidates.signatures ?? []) : [];
  }

  /**
   * The type of an expression written as `text` at `offset` (code typed
   * after this analysis, such as the receiver of a `.` being typed), typed
   * by the checker's own expression typing among the names visible there.
   * Undefined when the text is not one expression or its type is unknown.
   */
  typeOfExpressionText(text: string, offset: number): Type | undefined {
    const parsed = parseSource(`${text};`);
    const statement = parsed.program.statements[0];
    if (parsed.program.statements.length !== 1 || statement?.kind !== "ExpressionStatement") return undefined;
    const scope = new Scope("global", 0, text.length, undefined);
    // Only the names the text uses can matter (a large script has hundreds of globals); outermost first, so that an
    // inner declaration replaces an outer one of the same name.
    for (const symbol of this.visibleAt(offset, identifierNames(parsed.tokens)).reverse()) {
      if (symbol.kind === "variable") scope.declareVariable(symbol, 0);
      else if (symbol.kind === "function") scope.declareFunction(symbol, 0);
      else scope.declareStruct(symbol, 0);
    }
    const facts = new SemanticFacts(this.file, scope);
    const context = new CheckContext(facts, this.members.types, this.members, {}, new DeclarationIndex(parsed.program), parsed.lineIndex);
    const type = new ExpressionChecker(context).check(statement.expression, { scope, function: this.functionContextAt(offset) });
    return type.kind === "unknown" ? undefined : type;
  }

  /** The function or method whose body contains `offset` (innermost), as the checker describes it. */
  private functionContextAt(offset: number): FunctionContext | undefined {
    let found: FunctionSymbol | undefined;
    for (const [declaration, symbol] of this.facts.functionSymbols) {
      const body = declaration.body;
      if (body !== undefined && body.start < offset && offset <= body.end && (found === undefined || declaration.start > found.node.start)) found = symbol;
    }
    return found === undefined ? undefined : { name: found.name, returnType: found.returnType, owner: found.owner };
  }

  membersOf(type: Type): TypeMembers {
    return this.members.membersOf(type);
  }

  callFacts(call: CallExpression): CallFacts | undefined {
    return this.facts.calls.get(call);
  }

  /** The innermost call whose parentheses contain `offset`. */
  callAt(offset: number): CallAt | undefined {
    const calls = (this.sortedCalls ??= [...this.facts.calls.keys()].sort((a, b) => a.openParen - b.openParen));
    let best: CallExpression | undefined;
    for (const call of calls) {
      if (call.openParen >= offset) break;
      // A call still being typed has no ')': its arguments reach up to the next token.
      const close = call.closeParen ?? this.nextTokenStart(call.end);
      if (offset <= close && (best === undefined || call.openParen > best.openParen)) best = call;
    }
    if (best === undefined) return undefined;
    const facts = this.facts.calls.get(best) as CallFacts;
    return { call: best, argumentIndex: this.argumentIndex(best, offset), signatures: facts.signatures, chosen: facts.chosen };
  }

  private nextTokenStart(offset: number): number {
    const tokens = this.sourceFile.tokens;
    const index = tokens.indexAtOrAfter(offset);
    return index < tokens.count ? tokens.start(index) : this.sourceFile.text.length;
  }

  /** Commas at the call's own bracket depth between its '(' and `offset`. */
  private argumentIndex(call: CallExpression, offset: number): number {
    const tokens = this.sourceFile.tokens;
    let index = tokens.indexAtOrAfter(call.openParen) + 1;
    let depth = 0;
    let commas = 0;
    for (; index < tokens.count && tokens.start(index) < offset; index++) {
      const image = tokens.image(index);
      if (image === "(" || image === "[" || image === "{") depth++;
      else if (image === ")" || image === "]" || image === "}") {
        if (depth === 0) break;
        depth--;
      } else if (image === "," && depth === 0) commas++;
    }
    return commas;
  }

  /** The file each `#include` of this file resolved to (each id once; ids that found no file are left out). */
  includeTargets(): readonly { readonly includeId: string; readonly file: string }[] {
    const targets = new Map<string, string>();
    for (const include of this.facts.includes) {
      if (include.resolution.kind === "found" && !targets.has(include.includeId)) targets.set(include.includeId, include.resolution.module.file);
    }
    return [...targets].map(([includeId, file]) => ({ includeId, file }));
  }

  /** What a script that includes this one sees: its top-level symbols and its own includes. */
  exports(): ModuleExports {
    if (this.cachedExports === undefined) {
      const symbols = this.facts.globalScope.entries.map((entry) => entry.symbol).filter((symbol) => symbol.location?.file === this.file);
      const includes: ModuleExports[] = [];
      for (const include of this.facts.includes) {
        if (include.resolution.kind === "found" && !includes.includes(include.resolution.module)) includes.push(include.resolution.module);
      }
      this.cachedExports = { file: this.file, symbols, includes };
    }
    return this.cachedExports;
  }
}

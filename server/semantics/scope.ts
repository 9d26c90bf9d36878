/**
 * Scopes (spec §4.5): the tree of global, function, block, loop-header and
 * catch scopes of one file, with the symbols each declares and the offset
 * from which each is visible. Variables, functions and struct types live in
 * separate name spaces: a struct and its factory function share a name, and
 * a struct method may be called like a field (`car.brand("x")` next to
 * `car.brand`).
 */
import type { FunctionSymbol, StructSymbol, UserSymbol, VariableSymbol } from "./symbols.js";

export type ScopeKind = "global" | "function" | "block" | "loop" | "catch";

/** A symbol and the offset from which code in its scope may use it. */
export interface ScopeEntry {
  readonly symbol: UserSymbol;
  readonly visibleFrom: number;
}

const NO_SCOPES: readonly Scope[] = Object.freeze([]);
const NO_ENTRIES: readonly ScopeEntry[] = Object.freeze([]);

export class Scope {
  // Lists and maps are made on first use: most block scopes have no inner scope and declare nothing or one variable.
  private childList: Scope[] | undefined;
  private entryList: ScopeEntry[] | undefined;
  private variables: Map<string, VariableSymbol> | undefined;
  private functions: Map<string, FunctionSymbol[]> | undefined;
  private structs: Map<string, StructSymbol> | undefined;

  constructor(
    readonly kind: ScopeKind,
    readonly start: number,
    readonly end: number,
    readonly parent: Scope | undefined,
  ) {
    if (parent !== undefined) (parent.childList ??= []).push(this);
  }

  /**
   * A new global scope for an analysis that resumes after the first
   * statements of `previous`'s file: its first `entryCount` declarations and
   * a copy of its first `childCount` inner scopes (their trees re-made with
   * new parents, sharing their declarations, which are complete).
   */
  static globalResumedFrom(previous: Scope, end: number, entryCount: number, childCount: number): Scope {
    const global = new Scope("global", previous.start, end, undefined);
    for (const { symbol, visibleFrom } of previous.entries.slice(0, entryCount)) {
      if (symbol.kind === "variable") global.declareVariable(symbol, visibleFrom);
      else if (symbol.kind === "function") global.declareFunction(symbol, visibleFrom);
      else global.declareStruct(symbol, visibleFrom);
    }
    // Breadth first, so each scope's children keep their order; iterative, since blocks nest as deep as the parser allows.
    const pending: { readonly original: Scope; readonly parent: Scope }[] = previous.children
      .slice(0, childCount)
      .map((original) => ({ original, parent: global }));
    for (let next = 0; next < pending.length; next++) {
      const item = pending[next] as (typeof pending)[number];
      const { original } = item;
      const copy = new Scope(original.kind, original.start, original.end, item.parent);
      copy.entryList = original.entryList;
      copy.variables = original.variables;
      copy.functions = original.functions;
      copy.structs = original.structs;
      for (const child of original.children) pending.push({ original: child, parent: copy });
    }
    return global;
  }

  get children(): readonly Scope[] {
    return this.childList ?? NO_SCOPES;
  }

  /** Every declaration of this scope in declaration order (for "visible names at an offset"). */
  get entries(): readonly ScopeEntry[] {
    return this.entryList ?? NO_ENTRIES;
  }

  /** The variable of this name in this scope only. */
  ownVariable(name: string): VariableSymbol | undefined {
    return this.variables?.get(name);
  }

  ownFunctions(name: string): readonly FunctionSymbol[] | undefined {
    return this.functions?.get(name);
  }

  ownStruct(name: string): StructSymbol | undefined {
    return this.structs?.get(name);
  }

  declareVariable(symbol: VariableSymbol, visibleFrom: number): void {
    (this.variables ??= new Map()).set(symbol.name, symbol);
    (this.entryList ??= []).push({ symbol, visibleFrom });
  }

  declareFunction(symbol: FunctionSymbol, visibleFrom: number): void {
    const functions = (this.functions ??= new Map());
    const overloads = functions.get(symbol.name);
    if (overloads === undefined) functions.set(symbol.name, [symbol]);
    else overloads.push(symbol);
    (this.entryList ??= []).push({ symbol, visibleFrom });
  }

  declareStruct(symbol: StructSymbol, visibleFrom: number): void {
    (this.structs ??= new Map()).set(symbol.name, symbol);
    (this.entryList ??= []).push({ symbol, visibleFrom });
  }

  /** The nearest variable of this name, from this scope outwards. */
  lookupVariable(name: string): VariableSymbol | undefined {
    for (let scope: Scope | undefined = this; scope !== undefined; scope = scope.parent) {
      const symbol = scope.variables?.get(name);
      if (symbol !== undefined) return symbol;
    }
    return undefined;
  }

  /** Every function overload of this name visible here (functions are declared at the top level). */
  lookupFunctions(name: string): readonly FunctionSymbol[] | undefined {
    for (let scope: Scope | undefined = this; scope !== undefined; scope = scope.parent) {
      const overloads = scope.functions?.get(name);
      if (overloads !== undefined) return overloads;
    }
    return undefined;
  }

  lookupStruct(name: string): StructSymbol | undefined {
    for (let scope: Scope | undefined = this; scope !== undefined; scope = scope.parent) {
      const symbol = scope.structs?.get(name);
      if (symbol !== undefined) return symbol;
    }
    return undefined;
  }

  /** The variable this scope's new declaration would hide, in an enclosing scope of the same function. */
  shadowedVariable(name: string): VariableSymbol | undefined {
    for (let scope = this.parent; scope !== undefined && scope.kind !== "global"; scope = scope.parent) {
      const symbol = scope.variables?.get(name);
      if (symbol !== undefined) return symbol;
    }
    return undefined;
  }

  /** The innermost scope containing `offset` (this one if no child does). */
  innermostAt(offset: number): Scope {
    let scope: Scope = this;
    for (;;) {
      const child = scope.children.find((candidate) => candidate.start <= offset && offset <= candidate.end);
      if (child === undefined) return scope;
      scope = child;
    }
  }
}

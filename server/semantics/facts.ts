/**
 * What semantic analysis learns about one file, recorded as it walks: the
 * type of every expression, what every name refers to, how every call was
 * resolved, every reference to every symbol, the scope tree, control-flow
 * facts, and the diagnostics. Side tables keyed by syntax node: the AST
 * itself stays untouched. The query API (`SemanticModel`) reads these.
 */
import type {
  CallExpression,
  Diagnostic,
  Expression,
  Fix,
  FunctionDeclaration,
  Identifier,
  IncludeDirective,
  RelatedLocation,
  Statement,
  TextRange,
} from "../../grammar/index.js";
import type { IncludeResolution } from "./includes.js";
import { NodeMap } from "./node-map.js";
import type { Scope } from "./scope.js";
import { semanticCodes, type SemanticCode } from "./semantic-codes.js";
import type { FunctionSymbol, Resolution, Signature, UserSymbol, VariableSymbol } from "./symbols.js";
import type { Type } from "./types.js";

/** One use of a user symbol in this file. */
export interface Reference {
  readonly name: Identifier;
  /** True when the use only stores a value (`x = …`), without reading the old one. */
  readonly write: boolean;
}

/** How a call was understood: the signatures its callee could mean and the one chosen. */
export interface CallFacts {
  readonly signatures: readonly Signature[];
  readonly chosen: Signature | undefined;
}

export interface IncludeFacts {
  readonly directive: IncludeDirective;
  readonly includeId: string;
  readonly resolution: IncludeResolution;
}

/** What a semantic diagnostic may carry beside its message. */
export interface ReportExtras {
  readonly related?: readonly RelatedLocation[];
  /** Names the author probably meant. */
  readonly suggestions?: readonly string[];
  /** A change the editor offers; never applied by `--fix`. */
  readonly suggestedFix?: Fix;
}

/** How many entries each list of `SemanticFacts` had at some point of the walk (its lists only grow). */
export interface FactCounts {
  readonly diagnostics: number;
  readonly declarations: number;
  readonly includes: number;
  readonly unreachable: number;
  readonly missingReturns: number;
  readonly shadowings: number;
  readonly functionSymbols: number;
}

/** A symbol's resolution objects, one per role and shared by all its names (a file has tens of thousands), and its uses. */
interface SymbolRecord {
  readonly use: Resolution;
  readonly declaration: Resolution;
  references: Reference[] | undefined;
  /** The list is also an earlier analysis's (`resumedFrom`): copied before it grows. */
  shared: boolean;
}

export class SemanticFacts {
  readonly diagnostics: Diagnostic[] = [];
  readonly expressionTypes: NodeMap<Expression, Type>;
  readonly resolutions: NodeMap<Identifier, Resolution>;
  readonly calls: NodeMap<CallExpression, CallFacts>;
  readonly references = new Map<UserSymbol, Reference[]>();
  /** Symbols this file declares, in declaration order. */
  readonly declarations: UserSymbol[] = [];
  readonly includes: IncludeFacts[] = [];
  /** Runs of statements that can never run, each with the statement after which control never arrives. */
  readonly unreachable: { readonly range: TextRange; readonly after: Statement }[] = [];
  /** Functions and methods with a value type whose end can be reached without a return. */
  readonly missingReturns: FunctionSymbol[] = [];
  /** Locals that hide a local or parameter of an enclosing scope. */
  readonly shadowings: { readonly symbol: VariableSymbol; readonly shadowed: VariableSymbol }[] = [];
  /** Function declarations with their symbols (the symbol of a duplicate is still recorded). */
  readonly functionSymbols = new Map<FunctionDeclaration, FunctionSymbol>();

  constructor(
    readonly file: string,
    readonly globalScope: Scope,
    /** The tables keyed by node, when they start with entries (`resumedFrom`). */
    tables?: Pick<SemanticFacts, "expressionTypes" | "resolutions" | "calls">,
  ) {
    this.expressionTypes = tables?.expressionTypes ?? new NodeMap();
    this.resolutions = tables?.resolutions ?? new NodeMap();
    this.calls = tables?.calls ?? new NodeMap();
  }

  /** The sizes of the lists now. */
  counts(): FactCounts {
    return {
      diagnostics: this.diagnostics.length,
      declarations: this.declarations.length,
      includes: this.includes.length,
      unreachable: this.unreachable.length,
      missingReturns: this.missingReturns.length,
      shadowings: this.shadowings.length,
      functionSymbols: this.functionSymbols.size,
    };
  }

  /**
   * New facts holding what `previous` had recorded about the code before
   * `cut` (an offset the code after it starts at or beyond) when its lists had
   * `counts` entries: the start of a file an edit left alone, for an analysis
   * that goes on from there. `declaredAfterCut` tells the symbols declared
   * beyond the cut, whose records are left behind.
   */
  static resumedFrom(
    previous: SemanticFacts,
    globalScope: Scope,
    cut: number,
    counts: FactCounts,
    declaredAfterCut: (symbol: UserSymbol) => boolean,
  ): SemanticFacts {
    const facts = new SemanticFacts(previous.file, globalScope, {
      expressionTypes: NodeMap.entriesBefore(previous.expressionTypes, cut),
      resolutions: NodeMap.entriesBefore(previous.resolutions, cut),
      calls: NodeMap.entriesBefore(previous.calls, cut),
    });
    facts.diagnostics.push(...previous.diagnostics.slice(0, counts.diagnostics));
    facts.declarations.push(...previous.declarations.slice(0, counts.declarations));
    facts.includes.push(...previous.includes.slice(0, counts.includes));
    facts.unreachable.push(...previous.unreachable.slice(0, counts.unreachable));
    facts.missingReturns.push(...previous.missingReturns.slice(0, counts.missingReturns));
    facts.shadowings.push(...previous.shadowings.slice(0, counts.shadowings));
    let functions = 0;
    for (const [declaration, symbol] of previous.functionSymbols) {
      if (functions++ >= counts.functionSymbols) break;
      facts.functionSymbols.set(declaration, symbol);
    }
    for (const [symbol, record] of previous.symbolRecords) {
      if (declaredAfterCut(symbol)) continue;
      let references = record.references;
      // Uses are recorded in the order checked, so those before the cut come first; most lists have no other.
      const last = references?.[references.length - 1];
      const shared = last !== undefined && last.name.start < cut;
      if (references !== undefined && !shared) {
        const kept = references.filter((reference) => reference.name.start < cut);
        references = kept.length === 0 ? undefined : kept;
      }
      facts.symbolRecords.set(symbol, { use: record.use, declaration: record.declaration, references, shared });
      if (references !== undefined) facts.references.set(symbol, references);
    }
    return facts;
  }

  report(code: SemanticCode, range: TextRange, message: string, extra: ReportExtras = {}): void {
    const severity = semanticCodes[code].severity;
    const diagnostic: Diagnostic = { code, severity, range: { start: range.start, end: range.end }, message };
    const { related, suggestions, suggestedFix } = extra;
    this.diagnostics.push({
      ...diagnostic,
      ...(related !== undefined && related.length > 0 ? { related } : {}),
      ...(suggestions !== undefined && suggestions.length > 0 ? { suggestions } : {}),
      ...(suggestedFix !== undefined ? { suggestedFix } : {}),
    });
  }

  resolve(name: Identifier, resolution: Resolution): void {
    this.resolutions.set(name, resolution);
  }

  /** Per symbol: one resolution object per role, shared by all its names (a file has tens of thousands), and its list in `references`. */
  private readonly symbolRecords = new Map<UserSymbol, SymbolRecord>();

  /** Records a use (or the declaration) of a user symbol at `name`. */
  refer(name: Identifier, symbol: UserSymbol, write: boolean, declaration = false): void {
    let record = this.symbolRecords.get(symbol);
    if (record === undefined) {
      record = {
        use: { kind: "symbol", symbol, declaration: false },
        declaration: { kind: "symbol", symbol, declaration: true },
        references: undefined,
        shared: false,
      };
      this.symbolRecords.set(symbol, record);
    }
    this.resolutions.set(name, declaration ? record.declaration : record.use);
    if (declaration) return;
    if (record.references === undefined || record.shared) {
      record.references = record.references === undefined ? [] : [...record.references];
      record.shared = false;
      this.references.set(symbol, record.references);
    }
    record.references.push({ name, write });
  }
}

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

export class SemanticFacts {
  readonly diagnostics: Diagnostic[] = [];
  readonly expressionTypes = new NodeMap<Expression, Type>();
  readonly resolutions = new NodeMap<Identifier, Resolution>();
  readonly calls = new NodeMap<CallExpression, CallFacts>();
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
  ) {}

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
  private readonly symbolRecords = new Map<UserSymbol, { use: Resolution; declaration: Resolution; references: Reference[] | undefined }>();

  /** Records a use (or the declaration) of a user symbol at `name`. */
  refer(name: Identifier, symbol: UserSymbol, write: boolean, declaration = false): void {
    let record = this.symbolRecords.get(symbol);
    if (record === undefined) {
      record = { use: { kind: "symbol", symbol, declaration: false }, declaration: { kind: "symbol", symbol, declaration: true }, references: undefined };
      this.symbolRecords.set(symbol, record);
    }
    this.resolutions.set(name, declaration ? record.declaration : record.use);
    if (declaration) return;
    if (record.references === undefined) {
      record.references = [];
      this.references.set(symbol, record.references);
    }
    record.references.push({ name, write });
  }
}

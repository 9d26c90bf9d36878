/**
 * Completion: the members of the receiver's type after a `.` (NetServer
 * agents, entities, carriers, native classes, built-in types, arrays,
 * structs, results of chained calls and indexing); elsewhere the locals and
 * parameters in scope, globals, user functions and structs, the catalog's
 * global functions, type names where a type can stand, keywords and
 * snippets where a statement can start, and script ids after `#include "`.
 * Entries are ranked: locals and members first, then the file's own names,
 * then the catalog; exact-prefix matches first within each group.
 * Documentation is made only when an entry is resolved.
 */
import type { TextRange } from "../../../grammar/index.js";
import type { AnalysisHost } from "../../analysis/host.js";
import type { MethodGroup } from "../../semantics/members.js";
import { signatureToString, typeToString, type FunctionSymbol, type Signature, type Type, type UserSymbol } from "../../semantics/index.js";
import { chainTypeFromTokens } from "../chain-type.js";
import { isFresh, toAnalysisOffset, type EditorState } from "../editor-state.js";
import { describeResolution } from "../hover.js";
import { overloadsMarkdown } from "../render.js";
import { completionContext, type CompletionContext } from "./context.js";
import { snippets } from "./snippets.js";

export type CompletionEntryKind =
  | "method"
  | "function"
  | "field"
  | "variable"
  | "parameter"
  | "class"
  | "struct"
  | "keyword"
  | "snippet"
  | "module"
  | "directive";

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionEntryKind;
  /** The signature or type, shown next to the label. */
  readonly detail: string | undefined;
  readonly sortText: string;
  /** Text to insert instead of the label; a snippet when `snippet` is set. */
  readonly insertText?: string;
  readonly snippet?: boolean;
  /** Markdown made on demand (completion item resolve): overloads, since-version, on-site flag, documentation link. */
  readonly documentation?: () => string | undefined;
}

export interface CompletionResult {
  /** The text the chosen entry replaces (the part of the word already typed). */
  readonly replace: TextRange;
  readonly entries: readonly CompletionEntry[];
}

export interface CompletionSources {
  /** Ids of the scripts that `#include "…"` may name from this file. */
  includeIds(): readonly string[];
  /** A fresh editor state, when the current one cannot answer (the receiver of a `.` is in code typed since the analysis). */
  fresh(): EditorState;
}

/** Ranking groups, in order. */
const Rank = {
  Local: 0,
  Member: 0,
  FileSymbol: 1,
  CatalogFunction: 2,
  Type: 3,
  Keyword: 4,
} as const;
type Rank = (typeof Rank)[keyof typeof Rank];

const STATEMENT_KEYWORDS = ["if", "else", "while", "for", "foreach", "try", "catch", "throw", "return", "break", "continue"];
const VALUE_KEYWORDS = ["true", "false", "this"];

export function complete(host: AnalysisHost, state: EditorState, offset: number, sources: CompletionSources): CompletionResult {
  let context = completionContext(state, offset);
  let receiverType = context.kind === "member" ? receiverTypeOf(state, context) : undefined;
  if (context.kind === "member" && receiverType === undefined && !isFresh(state)) {
    state = sources.fresh();
    context = completionContext(state, offset);
    receiverType = context.kind === "member" ? receiverTypeOf(state, context) : undefined;
  }
  const empty = { start: offset, end: offset };
  if (context.kind === "none") return { replace: empty, entries: [] };
  const prefix = state.current.text.slice(context.replace.start, context.replace.end);
  const builder = new EntryBuilder(prefix);
  switch (context.kind) {
    case "member":
      if (receiverType !== undefined) addMembers(host, receiverType, builder);
      break;
    case "include":
      for (const id of sources.includeIds()) builder.add(id, "module", "script", Rank.FileSymbol);
      break;
    case "directive":
      builder.add("#include", "directive", '#include "id";', Rank.Keyword, { insertText: '#include "$1";', snippet: true });
      builder.add("#setLanguageLevel", "directive", "#setLanguageLevel 4;", Rank.Keyword, { insertText: "#setLanguageLevel ${1:4};", snippet: true });
      break;
    case "statement":
      addValues(host, state, offset, builder, true);
      addTypes(host, state, offset, builder);
      for (const keyword of STATEMENT_KEYWORDS) builder.add(keyword, "keyword", undefined, Rank.Keyword);
      if (context.topLevel) builder.add("struct", "keyword", undefined, Rank.Keyword);
      for (const snippet of snippets) {
        if (snippet.topLevelOnly === true && !context.topLevel) continue;
        builder.add(snippet.label, "snippet", snippet.detail, Rank.Keyword, { insertText: snippet.body, snippet: true });
      }
      break;
    case "type":
      addTypes(host, state, offset, builder);
      break;
    case "expression":
      addValues(host, state, offset, builder, false);
      addTypes(host, state, offset, builder);
      for (const keyword of VALUE_KEYWORDS) builder.add(keyword, "keyword", undefined, Rank.Keyword);
      break;
  }
  return { replace: context.replace, entries: builder.entries };
}

class EntryBuilder {
  readonly entries: CompletionEntry[] = [];
  private readonly seen = new Set<string>();
  private readonly lowerPrefix: string;

  constructor(private readonly prefix: string) {
    this.lowerPrefix = prefix.toLowerCase();
  }

  add(label: string, kind: CompletionEntryKind, detail: string | undefined, rank: Rank, extra: Partial<CompletionEntry> = {}): void {
    const key = `${kind}:${label}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    // Exact-case prefix first, then any-case prefix, then the rest (the client filters fuzzily).
    const match = label.startsWith(this.prefix) ? 0 : label.toLowerCase().startsWith(this.lowerPrefix) ? 1 : 2;
    this.entries.push({ label, kind, detail, sortText: `${rank}${match}${label.toLowerCase()}`, ...extra });
  }
}

function overloadDetail(signatures: readonly Signature[]): string | undefined {
  const first = signatures[0];
  if (first === undefined) return undefined;
  return signatures.length === 1 ? signatureToString(first) : `${signatureToString(first)} (+${signatures.length - 1} overloads)`;
}

/**
 * The type of what stands before the `.`: from the analysed tree when it has
 * the receiver, else read from the current text's tokens.
 */
function receiverTypeOf(state: EditorState, context: Extract<CompletionContext, { kind: "member" }>): Type | undefined {
  const type = context.receiver === undefined ? undefined : state.analysis.model.typeOf(context.receiver);
  const known = type ?? chainTypeFromTokens(state, context.receiverToken);
  return known === undefined || known.kind === "unknown" ? undefined : known;
}

function addMembers(host: AnalysisHost, type: Type, builder: EntryBuilder): void {
  const members = host.environment.members.membersOf(type);
  for (const field of members.fields.values()) {
    builder.add(field.name, "field", typeToString(field.type), Rank.Member, {
      documentation: () => describeResolution(host, { kind: "symbol", symbol: field, declaration: false }),
    });
  }
  for (const group of members.methods.values()) {
    builder.add(group.name, "method", overloadDetail(group.signatures), Rank.Member, { documentation: () => groupDocumentation(host, group) });
  }
}

function groupDocumentation(host: AnalysisHost, group: MethodGroup): string | undefined {
  const resolution = group.resolve(undefined);
  return resolution.kind === "user-call" ? describeResolution(host, resolution) : overloadsMarkdown(host.environment.catalog, group.signatures, undefined);
}

function addValues(host: AnalysisHost, state: EditorState, offset: number, builder: EntryBuilder, statement: boolean): void {
  const model = state.analysis.model;
  const visible = model.visibleAt(toAnalysisOffset(state, offset));
  const functions = new Map<string, FunctionSymbol[]>();
  for (const symbol of visible) {
    if (symbol.kind === "function") {
      const list = functions.get(symbol.name) ?? [];
      list.push(symbol);
      functions.set(symbol.name, list);
    } else if (symbol.kind === "variable") {
      const local = symbol.variableKind !== "global";
      builder.add(
        symbol.name,
        symbol.variableKind === "parameter" ? "parameter" : "variable",
        typeToString(symbol.type),
        local ? Rank.Local : Rank.FileSymbol,
        {
          documentation: () => describeSymbol(host, symbol),
        },
      );
    } else if (statement) {
      builder.add(symbol.name, "struct", `struct ${symbol.name}`, Rank.FileSymbol, { documentation: () => describeSymbol(host, symbol) });
    }
  }
  const members = host.environment.members;
  for (const [name, overloads] of functions) {
    const signatures = overloads.map((symbol) => members.userSignature(symbol));
    builder.add(name, "function", overloadDetail(signatures), Rank.FileSymbol, {
      documentation: () => describeResolution(host, { kind: "user-call", overloads, symbol: undefined }),
    });
  }
  const catalog = host.environment.catalog;
  for (const method of catalog.globalFunctions()) {
    if (functions.has(method.name)) continue;
    const signatures = method.overloads.map((overload) => members.catalogSignature(overload));
    builder.add(method.name, "function", overloadDetail(signatures), Rank.CatalogFunction, {
      documentation: () => describeResolution(host, { kind: "catalog-function", method, overload: undefined }),
    });
  }
}

function addTypes(host: AnalysisHost, state: EditorState, offset: number, builder: EntryBuilder): void {
  for (const symbol of state.analysis.model.visibleAt(toAnalysisOffset(state, offset))) {
    if (symbol.kind === "struct")
      builder.add(symbol.name, "struct", `struct ${symbol.name}`, Rank.FileSymbol, { documentation: () => describeSymbol(host, symbol) });
  }
  const catalog = host.environment.catalog;
  for (const name of catalog.classNames) {
    builder.add(name, "class", undefined, Rank.Type, {
      documentation: () => {
        const info = catalog.classNamed(name);
        return info === undefined ? undefined : describeResolution(host, { kind: "catalog-class", info });
      },
    });
  }
}

function describeSymbol(host: AnalysisHost, symbol: UserSymbol): string | undefined {
  return describeResolution(host, { kind: "symbol", symbol, declaration: false });
}

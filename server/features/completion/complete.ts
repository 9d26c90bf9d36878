/**
 * Completion: the members of the receiver's type after a `.` (NetServer
 * agents, entities, carriers, native classes, built-in types, arrays,
 * structs, results of chained calls and indexing); elsewhere the locals and
 * parameters in scope, globals, user functions and structs, the catalog's
 * global functions, type names where a type can stand, keywords and
 * snippets where a statement can start, and script ids after `#include "`.
 * The word being typed filters and orders the entries (`rank.ts`), and the
 * list is cut at a limit. Documentation is made only when an entry is
 * resolved.
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
import { rankCandidates } from "./rank.js";
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
  /** The entry's place in the ranking, zero-padded, so clients that sort by it keep the order. */
  readonly sortText: string;
  /** Text to insert instead of the label; a snippet when `snippet` is set. */
  readonly insertText?: string;
  readonly snippet?: boolean;
  /** Markdown made on demand (completion item resolve): overloads, since-version, on-site flag, documentation link. */
  readonly documentation?: () => string | undefined;
}

export interface CompletionResult {
  /** The part of the word before the cursor: what was typed, and what an inserting client overwrites. */
  readonly insert: TextRange;
  /** The whole word the cursor is in, which a replacing client overwrites. */
  readonly replace: TextRange;
  /** Best first. */
  readonly entries: readonly CompletionEntry[];
  /** Whether entries that match were left out (the client should ask again as the user types). */
  readonly isIncomplete: boolean;
}

export interface CompletionOptions {
  /** Whether the client accepts snippet syntax (entries that need it are left out otherwise). Default true. */
  readonly snippetSyntax?: boolean;
  /** Whether to offer the statement snippets (false when the client has its own). Default true. */
  readonly offerSnippets?: boolean;
  /** 0 for the label accepted last, 1 for the one before, undefined for others. */
  readonly recency?: (label: string) => number | undefined;
  /** The most entries to answer. Default `COMPLETION_LIMIT`. */
  readonly limit?: number;
}

export const COMPLETION_LIMIT = 200;

export interface CompletionSources {
  /** Ids of the scripts that `#include "…"` may name from this file. */
  includeIds(): readonly string[];
  /** A fresh editor state, when the current one cannot answer (the receiver of a `.` is in code typed since the analysis). */
  fresh(): EditorState;
}

/** Kind groups, in ranking order at the same match quality. */
const Rank = {
  Local: 0,
  Member: 1,
  FileSymbol: 2,
  CatalogFunction: 3,
  Type: 4,
  Keyword: 5,
} as const;
type Rank = (typeof Rank)[keyof typeof Rank];

const STATEMENT_KEYWORDS = ["if", "else", "while", "for", "foreach", "try", "catch", "throw", "return", "break", "continue"];
const VALUE_KEYWORDS = ["true", "false", "this"];

export function complete(
  host: AnalysisHost,
  state: EditorState,
  offset: number,
  sources: CompletionSources,
  options: CompletionOptions = {},
): CompletionResult {
  let context = completionContext(state, offset);
  let receiverType = context.kind === "member" ? receiverTypeOf(state, context) : undefined;
  if (context.kind === "member" && receiverType === undefined && !isFresh(state)) {
    state = sources.fresh();
    context = completionContext(state, offset);
    receiverType = context.kind === "member" ? receiverTypeOf(state, context) : undefined;
  }
  const empty = { start: offset, end: offset };
  if (context.kind === "none") return { insert: empty, replace: empty, entries: [], isIncomplete: false };
  const builder = new EntryBuilder(options);
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
  const insert = { start: context.word.start, end: offset };
  const typed = state.current.text.slice(insert.start, insert.end);
  const ranked = rankCandidates(builder.candidates, typed, options.recency ?? (() => undefined), options.limit ?? COMPLETION_LIMIT);
  const width = String(Math.max(ranked.items.length - 1, 0)).length;
  const entries = ranked.items.map(({ group: _, ...entry }, index) => ({ ...entry, sortText: String(index).padStart(width, "0") }));
  return { insert, replace: context.word, entries, isIncomplete: ranked.cut };
}

type Candidate = Omit<CompletionEntry, "sortText"> & { readonly group: Rank };

class EntryBuilder {
  readonly candidates: Candidate[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly options: CompletionOptions) {}

  add(label: string, kind: CompletionEntryKind, detail: string | undefined, group: Rank, extra: Partial<CompletionEntry> = {}): void {
    if (extra.snippet === true && this.options.snippetSyntax === false) return;
    if (kind === "snippet" && this.options.offerSnippets === false) return;
    const key = `${kind}:${label}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.candidates.push({ label, kind, detail, group, ...extra });
  }
}

function overloadDetail(signatures: readonly Signature[]): string | undefined {
  const first = signatures[0];
  if (first === undefined) return undefined;
  return signatures.length === 1 ? signatureToString(first) : `${signatureToString(first)} (+${signatures.length - 1} overloads)`;
}

/** Details already written, per method group (a class's groups are shared, and listed again at every `.` after one of its objects). */
const methodDetails = new WeakMap<MethodGroup, string | undefined>();

function methodDetail(group: MethodGroup): string | undefined {
  if (methodDetails.has(group)) return methodDetails.get(group);
  const detail = overloadDetail(group.signatures);
  methodDetails.set(group, detail);
  return detail;
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
    builder.add(group.name, "method", methodDetail(group), Rank.Member, { documentation: () => groupDocumentation(host, group) });
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

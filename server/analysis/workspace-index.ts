/**
 * A light index of every script in the workspace, for the questions that
 * need all of them: which scripts include a given one (references and
 * rename across `#include`), and the top-level names of each (workspace
 * symbols). Each entry keeps only names, ranges and include ids, never a
 * syntax tree, so a workspace of thousands of scripts stays small; entries
 * are built on first use and rebuilt when their file changes.
 */
import { parseSource, type Statement } from "../../grammar/index.js";

export type IndexedSymbolKind = "function" | "struct" | "variable" | "method" | "field";

export interface IndexedSymbol {
  readonly name: string;
  readonly kind: IndexedSymbolKind;
  /** The struct a method or field belongs to. */
  readonly container: string | undefined;
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

interface IndexEntry {
  readonly includeIds: readonly string[];
  readonly symbols: readonly IndexedSymbol[];
}

export class WorkspaceIndex {
  private readonly paths = new Set<string>();
  private readonly entries = new Map<string, IndexEntry>();
  private setVersion = 0;

  constructor(private readonly readText: (path: string) => string | undefined) {}

  /** Replaces the set of workspace files. */
  setFiles(paths: Iterable<string>): void {
    this.paths.clear();
    this.entries.clear();
    for (const path of paths) this.paths.add(path);
    this.setVersion++;
  }

  addFile(path: string): void {
    this.paths.add(path);
    this.entries.delete(path);
    this.setVersion++;
  }

  removeFile(path: string): void {
    this.paths.delete(path);
    this.entries.delete(path);
    this.setVersion++;
  }

  /** A number that changes whenever files join or leave the set. */
  get version(): number {
    return this.setVersion;
  }

  /** Forgets what was indexed for `path` (its text changed). */
  changed(path: string): void {
    this.entries.delete(path);
  }

  files(): readonly string[] {
    return [...this.paths];
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** The include ids `path` names, in order. */
  includeIds(path: string): readonly string[] {
    return this.entry(path)?.includeIds ?? [];
  }

  /** Every indexed top-level symbol (and struct member) whose name matches `query` as a subsequence, any case. */
  symbols(query: string, limit = 500): IndexedSymbol[] {
    const lower = query.toLowerCase();
    const found: IndexedSymbol[] = [];
    for (const path of this.paths) {
      for (const symbol of this.entry(path)?.symbols ?? []) {
        if (isSubsequence(lower, symbol.name.toLowerCase())) found.push(symbol);
        if (found.length >= limit) return found;
      }
    }
    return found;
  }

  private entry(path: string): IndexEntry | undefined {
    let entry = this.entries.get(path);
    if (entry === undefined) {
      const text = this.readText(path);
      if (text === undefined) return undefined;
      entry = summarize(path, text);
      this.entries.set(path, entry);
    }
    return entry;
  }
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (let index = 0; index < haystack.length && at < needle.length; index++) if (haystack[index] === needle[at]) at++;
  return at === needle.length;
}

function summarize(file: string, text: string): IndexEntry {
  const includeIds: string[] = [];
  const symbols: IndexedSymbol[] = [];
  const add = (name: { name: string; start: number; end: number }, kind: IndexedSymbolKind, container?: string): void => {
    symbols.push({ name: name.name, kind, container, file, start: name.start, end: name.end });
  };
  const visit = (statement: Statement): void => {
    switch (statement.kind) {
      case "IncludeDirective":
        if (statement.includeId !== undefined) includeIds.push(statement.includeId.value);
        return;
      case "FunctionDeclaration":
        add(statement.name, "function");
        return;
      case "VariableDeclaration":
        add(statement.name, "variable");
        return;
      case "StructDeclaration": {
        const name = statement.name;
        if (name === undefined) return;
        add(name, "struct");
        for (const member of statement.members) add(member.name, member.kind === "FunctionDeclaration" ? "method" : "field", name.name);
        return;
      }
      default:
        return;
    }
  };
  for (const statement of parseSource(text).program.statements) visit(statement);
  return { includeIds, symbols };
}

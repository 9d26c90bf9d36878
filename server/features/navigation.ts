/**
 * Navigation over user symbols, across `#include`d files: go to
 * definition, find references, document highlights, and rename (which
 * refuses a new name that is not a name, is reserved, or would collide with
 * or capture another declaration). A function's overloads are renamed
 * together, since a call picks among them by its arguments.
 */
import { keywordsByLowerCase, type TextRange } from "../../grammar/index.js";
import type { AnalysisHost, FileAnalysis } from "../analysis/host.js";
import { RESERVED_NAMES, type FunctionSymbol, type Resolution, type UserSymbol } from "../semantics/index.js";
import type { Scope } from "../semantics/scope.js";

export interface FileRange {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export interface Highlight {
  readonly range: TextRange;
  /** A declaration or an assignment rather than a read. */
  readonly write: boolean;
}

export type RenameResult =
  | { readonly kind: "edits"; readonly edits: ReadonlyMap<string, readonly { readonly range: TextRange; readonly text: string }[]> }
  | { readonly kind: "refused"; readonly reason: string };

/** The user symbols a resolution points at (for a call that matched no overload: every candidate). */
function targets(resolution: Resolution): UserSymbol[] {
  if (resolution.kind === "symbol") return [resolution.symbol];
  if (resolution.kind === "user-call") return resolution.symbol !== undefined ? [resolution.symbol] : [...resolution.overloads];
  return [];
}

export function definition(analysis: FileAnalysis, offset: number): FileRange[] {
  const found = analysis.model.nameAt(offset);
  if (found === undefined) return [];
  return targets(found.resolution).flatMap((symbol) => (symbol.location === undefined ? [] : [symbol.location]));
}

/** The symbol at `offset` and, for a function, its other overloads of the same name and owner. */
function symbolGroup(
  host: AnalysisHost,
  analysis: FileAnalysis,
  offset: number,
): { readonly symbols: readonly UserSymbol[]; readonly range: TextRange } | undefined {
  const found = analysis.model.nameAt(offset);
  if (found === undefined) return undefined;
  const [first] = targets(found.resolution);
  if (first === undefined || first.location === undefined) return undefined;
  if (first.kind !== "function") return { symbols: [first], range: found.name };
  return { symbols: overloadsOf(host, first), range: found.name };
}

function overloadsOf(host: AnalysisHost, symbol: FunctionSymbol): FunctionSymbol[] {
  if (symbol.owner !== undefined) return [...(symbol.owner.methods.get(symbol.name) ?? [symbol])];
  const declaring = host.analyzeFile(symbol.location.file);
  const all =
    declaring?.model
      .declarations()
      .filter((candidate): candidate is FunctionSymbol => candidate.kind === "function" && candidate.owner === undefined && candidate.name === symbol.name) ??
    [];
  return all.length > 0 ? all : [symbol];
}

/** The files where uses of symbols declared in `file` can be: it and every script that includes it. */
function filesSeeing(host: AnalysisHost, file: string): string[] {
  return [file, ...host.includersOf(file)];
}

/** Every use of the symbols (and their declarations, if asked), in every file that can see them. */
function occurrences(host: AnalysisHost, symbols: readonly UserSymbol[], includeDeclarations: boolean): (FileRange & { write: boolean })[] {
  const declaringFile = symbols[0]?.location?.file;
  if (declaringFile === undefined) return [];
  const found: (FileRange & { write: boolean })[] = [];
  for (const file of filesSeeing(host, declaringFile)) {
    const analysis = host.analyzeFile(file);
    if (analysis === undefined) continue;
    for (const symbol of symbols) {
      if (includeDeclarations && symbol.location?.file === file) found.push({ ...symbol.location, write: true });
      for (const reference of analysis.model.referencesTo(symbol))
        found.push({ file, start: reference.name.start, end: reference.name.end, write: reference.write });
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}

export function references(host: AnalysisHost, analysis: FileAnalysis, offset: number, includeDeclaration: boolean): FileRange[] {
  const group = symbolGroup(host, analysis, offset);
  if (group === undefined) return [];
  return occurrences(host, group.symbols, includeDeclaration).map(({ file, start, end }) => ({ file, start, end }));
}

export function documentHighlights(host: AnalysisHost, analysis: FileAnalysis, offset: number): Highlight[] {
  const group = symbolGroup(host, analysis, offset);
  if (group === undefined) return [];
  const file = analysis.path;
  const highlights: Highlight[] = [];
  for (const symbol of group.symbols) {
    if (symbol.location?.file === file) highlights.push({ range: symbol.location, write: true });
    for (const reference of analysis.model.referencesTo(symbol)) highlights.push({ range: reference.name, write: reference.write });
  }
  return highlights.sort((a, b) => a.range.start - b.range.start);
}

/** Where a rename would start, or why it cannot. */
export function prepareRename(
  host: AnalysisHost,
  analysis: FileAnalysis,
  offset: number,
): { readonly range: TextRange; readonly placeholder: string } | { readonly refused: string } {
  const found = analysis.model.nameAt(offset);
  if (found === undefined) return { refused: "there is no name here to rename" };
  if (symbolGroup(host, analysis, offset) === undefined) {
    return { refused: `'${found.name.name}' is part of CRMScript or its API, not declared in your scripts, so it cannot be renamed` };
  }
  return { range: found.name, placeholder: found.name.name };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function rename(host: AnalysisHost, analysis: FileAnalysis, offset: number, newName: string): RenameResult {
  const group = symbolGroup(host, analysis, offset);
  if (group === undefined) return { kind: "refused", reason: "there is no renameable name here" };
  const symbols = group.symbols;
  const first = symbols[0] as UserSymbol;
  if (!NAME.test(newName)) return { kind: "refused", reason: `'${newName}' is not a valid name: use letters, digits and '_', not starting with a digit` };
  if (keywordsByLowerCase.has(newName.toLowerCase())) return { kind: "refused", reason: `'${newName}' is a keyword` };
  if (RESERVED_NAMES.has(newName) || host.environment.catalog.classNamed(newName) !== undefined) {
    return { kind: "refused", reason: `'${newName}' is reserved in CRMScript (a built-in type or class name)` };
  }
  if (newName === first.name) return { kind: "edits", edits: new Map() };
  const found = occurrences(host, symbols, true);
  const conflict = findConflict(host, first, found, newName);
  if (conflict !== undefined) return { kind: "refused", reason: conflict };
  const edits = new Map<string, { range: TextRange; text: string }[]>();
  for (const occurrence of found) {
    const list = edits.get(occurrence.file) ?? [];
    list.push({ range: { start: occurrence.start, end: occurrence.end }, text: newName });
    edits.set(occurrence.file, list);
  }
  return { kind: "edits", edits };
}

/** Same name space: variables with variables, functions with functions, structs with structs. */
function sameSpace(a: UserSymbol, b: UserSymbol): boolean {
  return a.kind === b.kind && (a.kind !== "variable" || b.kind !== "variable" || (a.owner === undefined) === (b.owner === undefined));
}

/**
 * Why renaming `symbol` to `newName` would change what some name means: a
 * declaration of that name already exists in the symbol's own scope; one
 * declared closer to a use of the symbol would capture that use; or the
 * renamed symbol would hide another `newName` where that one is used.
 */
function findConflict(host: AnalysisHost, symbol: UserSymbol, occurrences: readonly FileRange[], newName: string): string | undefined {
  if (symbol.kind !== "struct" && symbol.owner !== undefined) {
    const owner = symbol.owner;
    if (symbol.kind === "variable" ? owner.fields.has(newName) : owner.methods.has(newName)) {
      return `struct ${owner.name} already has a ${symbol.kind === "variable" ? "field" : "method"} '${newName}'`;
    }
    return undefined;
  }
  const byFile = new Map<string, FileRange[]>();
  for (const occurrence of occurrences) byFile.set(occurrence.file, [...(byFile.get(occurrence.file) ?? []), occurrence]);
  for (const [file, ranges] of byFile) {
    const analysis = host.analyzeFile(file);
    if (analysis === undefined) continue;
    const model = analysis.model;
    const line = (offset: number): number => analysis.sourceFile.lineIndex.position(offset).line + 1;
    if (symbol.location?.file === file) {
      const scope = declaringScope(model.scopeAt(symbol.location.start), symbol);
      const existing =
        scope === undefined
          ? undefined
          : symbol.kind === "variable"
            ? scope.ownVariable(newName)
            : symbol.kind === "function"
              ? scope.ownFunctions(newName)?.[0]
              : scope.ownStruct(newName);
      if (existing !== undefined)
        return `'${newName}' is already declared in the same scope${existing.location === undefined ? "" : ` on line ${line(existing.location.start)}`}`;
    }
    for (const range of ranges) {
      if (symbol.location?.file === file && range.start === symbol.location.start) continue;
      const visible = model.visibleAt(range.start);
      const other = visible.findIndex((candidate) => candidate.name === newName && candidate !== symbol && sameSpace(candidate, symbol));
      const own = visible.indexOf(symbol);
      if (other >= 0 && (own < 0 || other < own)) return `the use on line ${line(range.start)} would then mean the '${newName}' declared closer to it`;
    }
    for (const { name, resolution } of model.resolvedNamesWithResolutions()) {
      if (name.name !== newName || resolution.kind !== "symbol" || resolution.declaration || !sameSpace(resolution.symbol, symbol)) continue;
      const visible = model.visibleAt(name.start);
      const own = visible.indexOf(symbol);
      if (own >= 0 && own < visible.indexOf(resolution.symbol)) return `renaming would hide the '${newName}' used on line ${line(name.start)}`;
    }
  }
  return undefined;
}

/** The scope, from `scope` outwards, that declares `symbol`. */
function declaringScope(scope: Scope | undefined, symbol: UserSymbol): Scope | undefined {
  for (let current = scope; current !== undefined; current = current.parent) {
    if (current.entries.some((entry) => entry.symbol === symbol)) return current;
  }
  return undefined;
}

/**
 * The analysis host: the one entry point the CLI and the language server
 * use. It holds the catalog environment and the settings, reads and parses
 * files through a `FileSystem`, resolves `#include`s (include-once, cycles
 * reported), caches each file's parse and semantic model until the file or
 * a script it includes changes, and returns every diagnostic of a file:
 * syntax, semantic and lint, sorted by position, less what suppression
 * comments silence. Settings may differ by file (configuration files).
 */
import { basename } from "node:path";
import { compareDiagnostics, parseSource, type SourceFile } from "../../grammar/index.js";
import type { Catalog } from "../catalog/catalog.js";
import type { LintRule } from "../lint/rule.js";
import { runLint, type LintDiagnostic } from "../lint/run.js";
import { applySuppressions, type SuppressedDiagnostic } from "../lint/suppressions.js";
import { analyzeSemantics, createEnvironment, type IncludeResolution, type IncludeResolver, type SemanticEnvironment, type SemanticModel } from "../semantics/index.js";
import type { FileSystem } from "./file-system.js";
import { findInclude } from "./include-files.js";
import type { AnalysisSettings } from "./settings.js";
import { WorkspaceIndex } from "./workspace-index.js";

export interface FileAnalysis {
  readonly path: string;
  readonly sourceFile: SourceFile;
  readonly model: SemanticModel;
  /** Syntax, semantic and lint diagnostics, sorted by position, without the suppressed ones. */
  readonly diagnostics: readonly LintDiagnostic[];
  /** What suppression comments silenced, sorted by position. */
  readonly suppressed: readonly SuppressedDiagnostic[];
}

/** An `#include` as resolved: from which file, the id, and the file it named. */
export interface IncludeUse {
  readonly from: string;
  readonly includeId: string;
  readonly file: string;
}

interface CachedFile {
  readonly text: string;
  /** Parsed on demand; dropped (with the model) when the file is evicted from memory. */
  sourceFile: SourceFile | undefined;
  model: SemanticModel | undefined;
  analysis: FileAnalysis | undefined;
  /** When the file's analysis was last asked for (a counter), for eviction. */
  lastUse: number;
}

export interface HostOptions {
  /**
   * How many files may keep their syntax tree and analysis in memory; the
   * least recently used beyond that keep only their text and are analysed
   * again when asked. Unlimited by default.
   */
  readonly maxAnalysedFiles?: number;
  /**
   * The settings of one file, when they differ by file (configuration files
   * in its folders); by default every file has the host's settings. Call
   * `settingsChanged` when what it returns changes.
   */
  readonly settingsFor?: (path: string) => AnalysisSettings;
  /** The lint rules to run (all of the registry by default; tests add failing ones). */
  readonly rules?: readonly LintRule[];
}

export class AnalysisHost implements IncludeResolver {
  private lazyEnvironment: SemanticEnvironment | undefined;
  /** Every script of the workspace (set by the front end), for questions across files. */
  readonly workspace: WorkspaceIndex;
  private readonly files = new Map<string, CachedFile>();
  /** Which workspace files include which (reverse include graph), made when first needed. */
  private includers: Map<string, Set<string>> | undefined;
  /** The files each workspace file's includes resolve to, kept until that file changes or files come and go. */
  private readonly includeTargets = new Map<string, readonly string[]>();
  /** Texts given directly (open editor documents, standard input), which win over the file system. */
  private readonly overlays = new Map<string, string>();
  /** For each file, the files whose analysis used it through an include. */
  private readonly includedBy = new Map<string, Set<string>>();
  /** Files being analysed right now, outermost first: an include of one of them closes a cycle. */
  private readonly inProgress: string[] = [];
  /** Circles of includes found so far, each as the files in include order (the last includes the first). */
  private circles: string[][] = [];
  private readonly reader: FileSystem;

  private uses = 0;
  private readonly maxAnalysedFiles: number;
  private readonly settingsFor: ((path: string) => AnalysisSettings) | undefined;
  private readonly rules: readonly LintRule[] | undefined;

  constructor(
    /** The catalog, or a function that loads it when semantic analysis first needs it (so parsing can start sooner). */
    private readonly catalog: Catalog | (() => Catalog),
    private readonly fileSystem: FileSystem,
    private settings: AnalysisSettings = {},
    options: HostOptions = {},
  ) {
    this.maxAnalysedFiles = options.maxAnalysedFiles ?? Number.POSITIVE_INFINITY;
    this.settingsFor = options.settingsFor;
    this.rules = options.rules;
    this.reader = {
      readFile: (path) => this.textOf(path),
      exists: (path) => this.overlays.has(path) || this.files.has(path) || (this.fileSystem.exists?.(path) ?? this.fileSystem.readFile(path) !== undefined),
    };
    this.workspace = new WorkspaceIndex((path) => this.textOf(path));
  }

  /** The catalog's type and member tables, made on first use. */
  get environment(): SemanticEnvironment {
    this.lazyEnvironment ??= createEnvironment(typeof this.catalog === "function" ? this.catalog() : this.catalog);
    return this.lazyEnvironment;
  }

  /** The settings `path` is analysed with. */
  settingsOf(path: string): AnalysisSettings {
    return this.settingsFor?.(path) ?? this.settings;
  }

  /** Replaces the settings; if they differ, every cached analysis is dropped. Returns whether they differed. */
  updateSettings(settings: AnalysisSettings): boolean {
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return false;
    this.settings = settings;
    this.settingsChanged();
    return true;
  }

  /** Drops every cached analysis: the per-file settings changed (a configuration file was edited). */
  settingsChanged(): void {
    this.files.clear();
    this.circles = [];
    this.includers = undefined;
    this.includeTargets.clear();
  }

  /** Analyses the file at `path` as read through the file system (or its overlay); undefined when it cannot be read. */
  analyzeFile(path: string): FileAnalysis | undefined {
    const cached = this.cached(path);
    if (cached === undefined) return undefined;
    const analysis = this.fullAnalysis(path, cached);
    this.evict();
    return analysis;
  }

  /** The parse of a file alone (for syntax-only features and the first wave of diagnostics); undefined when it cannot be read. */
  sourceFileOf(path: string): SourceFile | undefined {
    const cached = this.cached(path);
    if (cached === undefined) return undefined;
    const sourceFile = this.parsed(cached);
    this.evict();
    return sourceFile;
  }

  /** A file's current text (its overlay, or what the file system has), without parsing it. */
  readText(path: string): string | undefined {
    return this.textOf(path);
  }

  /** Analyses `text` as the content of `path` (which need not exist), remembering it as that file's content. */
  analyzeText(path: string, text: string): FileAnalysis {
    this.setOverlay(path, text);
    return this.analyzeFile(path) as FileAnalysis;
  }

  /** Makes `text` the content of `path` from now on (an open editor document). */
  setOverlay(path: string, text: string): void {
    if (this.overlays.get(path) === text) return;
    this.overlays.set(path, text);
    this.invalidate(path);
  }

  /** Goes back to the file system's content of `path`. */
  removeOverlay(path: string): void {
    if (this.overlays.delete(path)) this.invalidate(path);
  }

  /** Forgets `path` and every analysis that included it, directly or not (its content changed). */
  invalidate(path: string): void {
    this.workspace.changed(path);
    this.includers = undefined;
    this.includeTargets.delete(path);
    this.files.delete(path);
    const affected = [path, ...this.analysedDependents(path)];
    this.circles = this.circles.filter((circle) => !circle.some((file) => affected.includes(file)));
    this.forgetAnalyses(affected.slice(1));
  }

  /** Every file whose analysis used `path` through includes, directly or not (as far as analyses so far know). */
  private analysedDependents(path: string): string[] {
    const found = new Set<string>();
    const pending = [...(this.includedBy.get(path) ?? [])];
    for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
      if (found.has(current) || current === path) continue;
      found.add(current);
      pending.push(...(this.includedBy.get(current) ?? []));
    }
    return [...found];
  }

  /** Drops the semantic models of these files (their parse stays). */
  private forgetAnalyses(paths: readonly string[]): void {
    for (const path of paths) {
      const cached = this.files.get(path);
      if (cached === undefined) continue;
      cached.model = undefined;
      cached.analysis = undefined;
    }
  }

  /**
   * Lets go of a file's text and analysis unless other files include it (a
   * batch run calls this after reporting a file, so memory stays flat).
   */
  release(path: string): void {
    if ((this.includedBy.get(path)?.size ?? 0) > 0) return;
    this.overlays.delete(path);
    this.files.delete(path);
  }

  /** The files whose analysis included `path` directly (for re-checking them when it changes). */
  dependentsOf(path: string): readonly string[] {
    return [...(this.includedBy.get(path) ?? [])];
  }

  /**
   * Every include the analysis of `path` resolved, in it and in the files it
   * included: which file each id named from each file. A result depends on
   * these staying the same (a new file earlier on the search path changes one).
   */
  includeResolutionsOf(path: string): IncludeUse[] {
    const uses: IncludeUse[] = [];
    const seen = new Set<string>();
    const pending = [path];
    for (let from = pending.pop(); from !== undefined; from = pending.pop()) {
      if (seen.has(from)) continue;
      seen.add(from);
      for (const { includeId, file } of this.files.get(from)?.model?.includeTargets() ?? []) {
        uses.push({ from, includeId, file });
        pending.push(file);
      }
    }
    return uses;
  }

  /** Every analysed file that included `path`, directly or not: cheap, it reads no other file. */
  analysedIncludersOf(path: string): readonly string[] {
    return this.analysedDependents(path);
  }

  /** A file appeared in or left the workspace: include resolutions may have changed. */
  workspaceFilesChanged(): void {
    this.includers = undefined;
    this.includeTargets.clear();
  }

  // ---------------------------------------------------------------- IncludeResolver

  /** The file an include id names from `fromFile`, with the folders searched. */
  findInclude(includeId: string, fromFile: string): { readonly path: string | undefined; readonly folders: readonly string[] } {
    const settings = this.settingsOf(fromFile);
    const roots = [...(settings.workspaceRoots ?? []), ...(settings.includePaths ?? [])];
    return findInclude(includeId, fromFile, roots, this.reader);
  }

  /** The workspace files (and analysed files) that include `path`, directly or through other includes. */
  includersOf(path: string): string[] {
    if (this.includers === undefined) {
      const graph = new Map<string, Set<string>>();
      const add = (included: string, by: string): void => {
        let set = graph.get(included);
        if (set === undefined) graph.set(included, (set = new Set()));
        set.add(by);
      };
      for (const file of this.workspace.files()) {
        let targets = this.includeTargets.get(file);
        if (targets === undefined) {
          targets = this.workspace.includeIds(file).flatMap((id) => this.findInclude(id, file).path ?? []);
          this.includeTargets.set(file, targets);
        }
        for (const target of targets) add(target, file);
      }
      for (const [included, by] of this.includedBy) for (const file of by) add(included, file);
      this.includers = graph;
    }
    const result = new Set<string>();
    const pending = [path];
    for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
      for (const includer of this.includers.get(current) ?? []) {
        if (includer === path || result.has(includer)) continue;
        result.add(includer);
        pending.push(includer);
      }
    }
    return [...result];
  }

  resolve(includeId: string, fromFile: string): IncludeResolution {
    const search = this.findInclude(includeId, fromFile);
    if (search.path === undefined) return { kind: "not-found", searched: search.folders };
    const path = search.path;
    let dependents = this.includedBy.get(path);
    if (dependents === undefined) {
      dependents = new Set();
      this.includedBy.set(path, dependents);
    }
    dependents.add(fromFile);
    const cycleStart = this.inProgress.indexOf(path);
    if (cycleStart >= 0) {
      const circle = this.inProgress.slice(cycleStart);
      this.circles.push(circle);
      return { kind: "cycle", chain: chainFrom(circle, fromFile) };
    }
    const cached = this.cached(path);
    if (cached === undefined) return { kind: "not-found", searched: search.folders };
    const module = this.modelOf(path, cached).exports();
    // The included script may have led back here while it was analysed: then this include is part of the circle too.
    const circle = this.circles.find((files) => follows(files, fromFile, path));
    return circle === undefined ? { kind: "found", module } : { kind: "found", module, cycle: chainFrom(circle, fromFile) };
  }

  // ---------------------------------------------------------------- caches

  private textOf(path: string): string | undefined {
    return this.overlays.get(path) ?? this.files.get(path)?.text ?? this.fileSystem.readFile(path);
  }

  private cached(path: string): CachedFile | undefined {
    let cached = this.files.get(path);
    if (cached === undefined) {
      const text = this.overlays.get(path) ?? this.fileSystem.readFile(path);
      if (text === undefined) return undefined;
      cached = { text, sourceFile: undefined, model: undefined, analysis: undefined, lastUse: 0 };
      this.files.set(path, cached);
    }
    cached.lastUse = ++this.uses;
    return cached;
  }

  private parsed(cached: CachedFile): SourceFile {
    cached.sourceFile ??= parseSource(cached.text);
    return cached.sourceFile;
  }

  /**
   * Keeps at most `maxAnalysedFiles` files parsed and analysed, dropping the
   * least recently used, files no other file includes first. Scripts that
   * included a dropped file are dropped with it, so no analysis refers to
   * symbols of an analysis that no longer exists.
   */
  private evict(): void {
    if (this.inProgress.length > 0) return;
    const analysed = [...this.files.entries()].filter(([, cached]) => cached.sourceFile !== undefined);
    if (analysed.length <= this.maxAnalysedFiles) return;
    analysed.sort(([pathA, a], [pathB, b]) => Number(this.includedBy.has(pathA)) - Number(this.includedBy.has(pathB)) || a.lastUse - b.lastUse);
    for (const [path, cached] of analysed.slice(0, analysed.length - this.maxAnalysedFiles)) {
      cached.sourceFile = undefined;
      cached.model = undefined;
      cached.analysis = undefined;
      this.forgetAnalyses(this.analysedDependents(path));
    }
  }

  private modelOf(path: string, cached: CachedFile): SemanticModel {
    if (cached.model === undefined) {
      this.inProgress.push(path);
      const settings = this.settingsOf(path);
      try {
        cached.model = analyzeSemantics({
          sourceFile: this.parsed(cached),
          file: path,
          environment: this.environment,
          includes: this,
          options: { targetVersion: settings.targetVersion, platform: settings.platform },
        });
      } finally {
        this.inProgress.pop();
      }
    }
    return cached.model;
  }

  private fullAnalysis(path: string, cached: CachedFile): FileAnalysis {
    if (cached.analysis === undefined) {
      const model = this.modelOf(path, cached);
      const settings = this.settingsOf(path);
      const { reported, suppressed } = applySuppressions({
        text: cached.text,
        comments: model.sourceFile.comments,
        lines: model.sourceFile.lineIndex,
        diagnostics: [...model.diagnostics, ...runLint(model, settings.rules, this.rules)],
        unusedSeverity: settings.reportUnusedSuppressions ?? "warning",
      });
      const diagnostics = [...reported].sort(compareDiagnostics);
      cached.analysis = { path, sourceFile: model.sourceFile, model, diagnostics, suppressed: [...suppressed].sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic)) };
    }
    return cached.analysis;
  }
}

/** Whether `b` comes right after `a` in a circle of includes. */
function follows(circle: readonly string[], a: string, b: string): boolean {
  const index = circle.indexOf(a);
  return index >= 0 && circle[(index + 1) % circle.length] === b;
}

/** The circle as file names, starting and ending at `file`: `a.crm → b.crm → a.crm`. */
function chainFrom(circle: readonly string[], file: string): string[] {
  const start = Math.max(0, circle.indexOf(file));
  const rotated = [...circle.slice(start), ...circle.slice(0, start)];
  return [...rotated, rotated[0] as string].map((path) => basename(path));
}

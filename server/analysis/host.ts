/**
 * The analysis host: the one entry point the CLI and the language server
 * use. It holds the catalog environment and the settings, reads files
 * through a `FileSystem` and the overlays (`overlays.ts`), resolves
 * `#include`s (include-once; circles reported by `include-cycles.ts`),
 * keeps each file's parse and semantic model in the `AnalysisCache` until
 * the file or a script it includes changes (the `IncludeGraph` says which;
 * an edited file is re-parsed from its previous parse, `reparseSource`,
 * and its check resumes from its previous model where the edit begins),
 * and returns every diagnostic of a file: syntax, semantic and lint, sorted
 * by position, less what suppression comments silence (`file-analysis.ts`).
 * Settings may differ by file (configuration files).
 */
import type { SourceFile } from "../../grammar/index.js";
import type { Catalog } from "../catalog/catalog.js";
import type { LintRule } from "../lint/rule.js";
import {
  analyzeSemantics,
  createEnvironment,
  type IncludeResolution,
  type IncludeResolver,
  type SemanticEnvironment,
  type SemanticModel,
} from "../semantics/index.js";
import { AnalysisCache, defaultLooseLimit, type CachedFile } from "./analysis-cache.js";
import { fullAnalysis, type FileAnalysis } from "./file-analysis.js";
import type { FileSystem } from "./file-system.js";
import { IncludeCycles } from "./include-cycles.js";
import { findInclude, includeFolders, includeIdsIn, type IncludeSearch } from "./include-files.js";
import { IncludeGraph } from "./include-graph.js";
import { Overlays, overlaid } from "./overlays.js";
import type { AnalysisSettings } from "./settings.js";
import { WorkspaceIncludes } from "./workspace-includes.js";
import { WorkspaceIndex } from "./workspace-index.js";

export type { FileAnalysis };

/** An `#include` as resolved: from which file, the id, and the file it named. */
export interface IncludeUse {
  readonly from: string;
  readonly includeId: string;
  readonly file: string;
}

export interface HostOptions {
  /**
   * How many files may keep their syntax tree and analysis in memory; the
   * least recently used beyond that keep only their text and are analysed
   * again when asked. Unlimited by default.
   */
  readonly maxAnalyzedFiles?: number;
  /** How many of them may be files nothing includes (`AnalysisCache`; by default `defaultLooseLimit` of the above). */
  readonly maxLooseFiles?: number;
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
  private readonly overlays = new Overlays();
  /** What each analysed file's includes used, as its latest analysis resolved them. */
  private readonly graph = new IncludeGraph();
  /** Which workspace files include which, as their texts say. */
  private readonly workspaceIncludes: WorkspaceIncludes;
  private readonly cache: AnalysisCache;
  /** An edited file's parse before the edit, until the file is parsed again (see `setOverlay`). */
  private readonly previousParses = new Map<string, SourceFile>();
  /** An edited file's semantic model before the edit, until the file is analysed again: its check resumes from there. */
  private readonly previousModels = new Map<string, SemanticModel>();
  private readonly cycles = new IncludeCycles();
  /** The file system through the overlays and the texts already read. */
  private readonly reader: FileSystem;
  private readonly settingsFor: ((path: string) => AnalysisSettings) | undefined;
  private readonly rules: readonly LintRule[] | undefined;

  constructor(
    /** The catalog, or a function that loads it when semantic analysis first needs it (so parsing can start sooner). */
    private readonly catalog: Catalog | (() => Catalog),
    fileSystem: FileSystem,
    private settings: AnalysisSettings = {},
    options: HostOptions = {},
  ) {
    this.settingsFor = options.settingsFor;
    this.rules = options.rules;
    const limit = options.maxAnalyzedFiles ?? Number.POSITIVE_INFINITY;
    this.cache = new AnalysisCache(limit, (path) => this.graph.directDependents(path).size > 0, options.maxLooseFiles ?? defaultLooseLimit(limit));
    this.reader = overlaid(this.overlays, fileSystem, (path) => this.cache.peek(path)?.text);
    this.workspace = new WorkspaceIndex((path) => this.readText(path));
    this.workspaceIncludes = new WorkspaceIncludes(this.workspace, (includeId, fromFile) => this.findInclude(includeId, fromFile).path);
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
    // The include graph stays: each file's edges are replaced when it is analysed again, and until then they say what to recheck.
    this.cache.clear();
    this.previousParses.clear();
    this.previousModels.clear();
    this.cycles.clear();
    this.workspaceIncludes.everythingChanged();
  }

  /** Analyses the file at `path` as read through the file system (or its overlay); undefined when it cannot be read. */
  analyzeFile(path: string): FileAnalysis | undefined {
    const cached = this.cached(path);
    if (cached === undefined) return undefined;
    const analysis = this.analysisOf(cached);
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
    return this.reader.readFile(path);
  }

  /** Analyses `text` as the content of `path` (which need not exist), remembering it as that file's content. */
  analyzeText(path: string, text: string): FileAnalysis {
    this.setOverlay(path, text);
    return this.analyzeFile(path) as FileAnalysis;
  }

  /** Makes `text` the content of `path` from now on (an open editor document). */
  setOverlay(path: string, text: string): void {
    if (!this.overlays.set(path, text)) return;
    // The newest parse of the file: of the text being replaced, or of an older one when that text was never parsed
    // (edits typed faster than the analysis runs).
    const previous = this.cache.peek(path)?.sourceFile ?? this.previousParses.get(path);
    const previousModel = this.cache.peek(path)?.model ?? this.previousModels.get(path);
    this.invalidate(path);
    // The next parse of the file re-parses only what the edits since that parse touched, and its check starts there.
    if (previous !== undefined) this.previousParses.set(path, previous);
    if (previousModel !== undefined) this.previousModels.set(path, previousModel);
  }

  /** Goes back to the file system's content of `path`. */
  removeOverlay(path: string): void {
    if (this.overlays.delete(path)) this.invalidate(path);
  }

  /** Forgets `path` and every analysis that included it, directly or not (its content changed, or it was deleted). */
  invalidate(path: string): void {
    this.previousParses.delete(path);
    this.previousModels.delete(path);
    this.workspace.changed(path);
    this.workspaceIncludes.fileChanged(path);
    this.cache.delete(path);
    const dependents = this.graph.dependents(path);
    this.cycles.forget([path, ...dependents]);
    for (const dependent of dependents) {
      this.cache.forgetAnalysis(dependent);
      this.previousModels.delete(dependent);
    }
    // A deleted file is analysed no more, so its includes go now; its includers keep their edge to it until they are analysed again.
    if (this.reader.exists?.(path) !== true) this.graph.dropIncludesOf(path);
  }

  /**
   * Lets go of a file's text, analysis and includes unless other files
   * include it (a batch run calls this after reporting a file, so memory
   * stays flat).
   */
  release(path: string): void {
    if (this.graph.directDependents(path).size > 0) return;
    this.overlays.delete(path);
    this.previousParses.delete(path);
    this.previousModels.delete(path);
    this.cache.delete(path);
    this.graph.dropIncludesOf(path);
  }

  /** The files whose analysis included `path` directly (for re-checking them when it changes). */
  dependentsOf(path: string): readonly string[] {
    return [...this.graph.directDependents(path)];
  }

  /**
   * Every include the analysis of `path` resolved, in it and in the files it
   * included: which file each id named from each file. A result depends on
   * these staying the same (a new file earlier on the search path changes one).
   */
  includeResolutionsOf(path: string): IncludeUse[] {
    return [path, ...this.graph.dependencies(path)].flatMap((from) =>
      (this.cache.peek(from)?.model?.includeTargets() ?? []).map(({ includeId, file }) => ({ from, includeId, file })),
    );
  }

  /** Every analysed file that included `path`, directly or not: cheap, it reads no other file. */
  analyzedIncludersOf(path: string): readonly string[] {
    return this.graph.dependents(path);
  }

  /** A file appeared in or left the workspace: include resolutions may have changed. */
  workspaceFilesChanged(): void {
    this.workspaceIncludes.everythingChanged();
  }

  /** The workspace files (and analysed files) that include `path`, directly or through other includes. */
  includersOf(path: string): string[] {
    return IncludeGraph.dependentsIn([this.workspaceIncludes.current(), this.graph], path);
  }

  /** The include ids `#include "…"` may name from `path` (for completion): the scripts of the folders its includes are looked for in. */
  includeIdsVisibleFrom(path: string): string[] {
    return includeIdsIn(includeFolders(path, this.searchRoots(path)), path, this.reader);
  }

  // ---------------------------------------------------------------- IncludeResolver

  /** The file an include id names from `fromFile`, with the folders searched. */
  findInclude(includeId: string, fromFile: string): IncludeSearch {
    return findInclude(includeId, fromFile, this.searchRoots(fromFile), this.reader);
  }

  resolve(includeId: string, fromFile: string): IncludeResolution {
    const search = this.findInclude(includeId, fromFile);
    // What the include depends on: the file it names, and the paths before it that held none.
    for (const probed of search.probed) this.graph.addInclude(fromFile, probed);
    if (search.path === undefined) return { kind: "not-found", searched: search.folders };
    const path = search.path;
    this.graph.addInclude(fromFile, path);
    const chain = this.cycles.closedBy(path, fromFile);
    if (chain !== undefined) return { kind: "cycle", chain };
    const cached = this.cached(path);
    if (cached === undefined) return { kind: "not-found", searched: search.folders };
    const module = this.modelOf(cached).exports();
    // The included script may have led back here while it was analysed: then this include is part of the circle too.
    const cycle = this.cycles.chainThrough(fromFile, path);
    return cycle === undefined ? { kind: "found", module } : { kind: "found", module, cycle };
  }

  // ---------------------------------------------------------------- analysing

  /** Workspace roots, then include paths: searched for `path`'s includes after its own folder. */
  private searchRoots(path: string): string[] {
    const settings = this.settingsOf(path);
    return [...(settings.workspaceRoots ?? []), ...(settings.includePaths ?? [])];
  }

  private cached(path: string): CachedFile | undefined {
    return this.cache.use(path, () => this.reader.readFile(path));
  }

  /**
   * Keeps at most `maxAnalyzedFiles` files parsed and analysed (see
   * `AnalysisCache`). Scripts that included an evicted file lose their
   * analysis with it, so no analysis refers to symbols of one that no longer
   * exists.
   */
  private evict(): void {
    if (this.cycles.busy) return;
    for (const path of this.cache.evictOverflow()) {
      const dependents = this.graph.dependents(path);
      this.cycles.forget([path, ...dependents]);
      for (const dependent of dependents) this.cache.forgetAnalysis(dependent);
    }
  }

  /** The file's parse, from its previous parse when it was edited since. */
  private parsed(cached: CachedFile): SourceFile {
    if (cached.sourceFile !== undefined) return cached.sourceFile;
    const previous = this.previousParses.get(cached.path);
    this.previousParses.delete(cached.path);
    return this.cache.parsed(cached, previous);
  }

  private modelOf(cached: CachedFile): SemanticModel {
    if (cached.model === undefined) {
      const path = cached.path;
      this.cycles.enter(path);
      // The includes are resolved again: the edges of the file's last analysis go, and `resolve` adds this one's.
      this.graph.setIncludes(path, []);
      const settings = this.settingsOf(path);
      const previous = this.previousModels.get(path);
      this.previousModels.delete(path);
      try {
        cached.model = analyzeSemantics({
          sourceFile: this.parsed(cached),
          file: path,
          environment: this.environment,
          includes: this,
          options: { targetVersion: settings.targetVersion, platform: settings.platform },
          previous,
        });
      } finally {
        this.cycles.leave();
      }
    }
    return cached.model;
  }

  private analysisOf(cached: CachedFile): FileAnalysis {
    cached.analysis ??= fullAnalysis(cached.path, cached.text, this.modelOf(cached), this.settingsOf(cached.path), this.rules);
    return cached.analysis;
  }
}

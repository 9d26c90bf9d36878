/**
 * The analysis host: the one entry point the CLI and the language server
 * use. It holds the catalog environment and the settings, reads and parses
 * files through a `FileSystem`, resolves `#include`s (include-once, cycles
 * reported), caches each file's parse and semantic model until the file or
 * a script it includes changes, and returns every diagnostic of a file:
 * syntax, semantic and lint, sorted by position.
 */
import { basename } from "node:path";
import { compareDiagnostics, parseSource, type SourceFile } from "../../grammar/index.js";
import type { Catalog } from "../catalog/catalog.js";
import { runLint, type LintDiagnostic } from "../lint/run.js";
import { analyzeSemantics, createEnvironment, type IncludeResolution, type IncludeResolver, type SemanticEnvironment, type SemanticModel } from "../semantics/index.js";
import type { FileSystem } from "./file-system.js";
import { findInclude } from "./include-files.js";
import type { AnalysisSettings } from "./settings.js";
import { WorkspaceIndex } from "./workspace-index.js";

export interface FileAnalysis {
  readonly path: string;
  readonly sourceFile: SourceFile;
  readonly model: SemanticModel;
  /** Syntax, semantic and lint diagnostics, sorted by position. */
  readonly diagnostics: readonly LintDiagnostic[];
}

interface CachedFile {
  readonly text: string;
  readonly sourceFile: SourceFile;
  model: SemanticModel | undefined;
  analysis: FileAnalysis | undefined;
}

export class AnalysisHost implements IncludeResolver {
  readonly environment: SemanticEnvironment;
  /** Every script of the workspace (set by the front end), for questions across files. */
  readonly workspace: WorkspaceIndex;
  private readonly files = new Map<string, CachedFile>();
  /** Which workspace files include which (reverse include graph), made when first needed. */
  private includers: Map<string, Set<string>> | undefined;
  /** Texts given directly (open editor documents, standard input), which win over the file system. */
  private readonly overlays = new Map<string, string>();
  /** For each file, the files whose analysis used it through an include. */
  private readonly includedBy = new Map<string, Set<string>>();
  /** Files being analysed right now, outermost first: an include of one of them closes a cycle. */
  private readonly inProgress: string[] = [];
  /** Circles of includes found so far, each as the files in include order (the last includes the first). */
  private circles: string[][] = [];
  private readonly reader: FileSystem;

  constructor(
    catalog: Catalog,
    private readonly fileSystem: FileSystem,
    private settings: AnalysisSettings = {},
  ) {
    this.environment = createEnvironment(catalog);
    this.reader = { readFile: (path) => this.textOf(path) };
    this.workspace = new WorkspaceIndex((path) => this.textOf(path));
  }

  get currentSettings(): AnalysisSettings {
    return this.settings;
  }

  /** Replaces the settings; every cached analysis is dropped. */
  updateSettings(settings: AnalysisSettings): void {
    this.settings = settings;
    this.files.clear();
    this.circles = [];
    this.includers = undefined;
  }

  /** Analyses the file at `path` as read through the file system (or its overlay); undefined when it cannot be read. */
  analyzeFile(path: string): FileAnalysis | undefined {
    const cached = this.cached(path);
    return cached === undefined ? undefined : this.fullAnalysis(path, cached);
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
    const pending = [path];
    const seen = new Set<string>();
    for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
      if (seen.has(current)) continue;
      seen.add(current);
      this.circles = this.circles.filter((circle) => !circle.includes(current as string));
      if (current === path) this.files.delete(current);
      else {
        const cached = this.files.get(current);
        if (cached !== undefined) {
          cached.model = undefined;
          cached.analysis = undefined;
        }
      }
      for (const dependent of this.includedBy.get(current) ?? []) pending.push(dependent);
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

  /** The files whose analysis included `path` (for re-checking them when it changes). */
  dependentsOf(path: string): readonly string[] {
    return [...(this.includedBy.get(path) ?? [])];
  }

  // ---------------------------------------------------------------- IncludeResolver

  /** The file an include id names from `fromFile`, with the folders searched. */
  findInclude(includeId: string, fromFile: string): { readonly path: string | undefined; readonly folders: readonly string[] } {
    const roots = [...(this.settings.workspaceRoots ?? []), ...(this.settings.includePaths ?? [])];
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
        for (const id of this.workspace.includeIds(file)) {
          const target = this.findInclude(id, file).path;
          if (target !== undefined) add(target, file);
        }
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
      cached = { text, sourceFile: parseSource(text), model: undefined, analysis: undefined };
      this.files.set(path, cached);
    }
    return cached;
  }

  private modelOf(path: string, cached: CachedFile): SemanticModel {
    if (cached.model === undefined) {
      this.inProgress.push(path);
      try {
        cached.model = analyzeSemantics({
          sourceFile: cached.sourceFile,
          file: path,
          environment: this.environment,
          includes: this,
          options: { targetVersion: this.settings.targetVersion, platform: this.settings.platform },
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
      const diagnostics: LintDiagnostic[] = [...model.diagnostics, ...runLint(model, this.settings.rules)];
      diagnostics.sort(compareDiagnostics);
      cached.analysis = { path, sourceFile: cached.sourceFile, model, diagnostics };
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

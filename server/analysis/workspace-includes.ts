/**
 * The include graph of the whole workspace as its scripts' texts say: each
 * `#include` id the workspace index lists for a file, resolved from that
 * file, for the questions across files that analyses so far cannot answer
 * (references and rename across `#include`). A file's edges are resolved
 * when first needed and again after its text changes; when files come and
 * go (or settings change), every file's are.
 */
import { IncludeGraph } from "./include-graph.js";
import type { WorkspaceIndex } from "./workspace-index.js";

export class WorkspaceIncludes {
  private readonly graph = new IncludeGraph();
  /** Files whose text changed since their edges were resolved. */
  private readonly changedFiles = new Set<string>();
  /** The version of the index's file set the graph was built for; undefined when it must be built again. */
  private builtFor: number | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    /** The file an include id names from a file, if any. */
    private readonly resolve: (includeId: string, fromFile: string) => string | undefined,
  ) {}

  /** The text of `path` changed: its includes are resolved again when next needed. */
  fileChanged(path: string): void {
    if (this.builtFor !== undefined) this.changedFiles.add(path);
  }

  /** Files came or went, or settings changed: any include may name another file now. */
  everythingChanged(): void {
    this.builtFor = undefined;
    this.changedFiles.clear();
  }

  /** The graph, brought up to date. */
  current(): IncludeGraph {
    if (this.builtFor !== this.index.version) {
      this.graph.clear();
      this.changedFiles.clear();
      for (const file of this.index.files()) this.resolveFile(file);
      this.builtFor = this.index.version;
    }
    for (const file of this.changedFiles) {
      if (this.index.has(file)) this.resolveFile(file);
      else this.graph.dropIncludesOf(file);
    }
    this.changedFiles.clear();
    return this.graph;
  }

  private resolveFile(file: string): void {
    this.graph.setIncludes(
      file,
      this.index.includeIds(file).flatMap((id) => this.resolve(id, file) ?? []),
    );
  }
}

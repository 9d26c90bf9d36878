/**
 * Which scripts include which: for each file, the paths its `#include`s
 * depend on (the files they named, and the paths searched before them, whose
 * appearance would change what they name), and the same edges reversed, kept
 * in step. A file's edges are replaced as a whole when it is analysed again,
 * so a removed `#include` stops counting, and dropped when the file goes.
 * One traversal answers every transitive question, in either direction,
 * over one graph or several.
 */

export class IncludeGraph {
  /** For each file, what its includes depend on. */
  private readonly forward = new Map<string, Set<string>>();
  /** For each path, the files whose includes depend on it. */
  private readonly reverse = new Map<string, Set<string>>();

  /** Whether the edges of `from` are known (set since it last changed). */
  knows(from: string): boolean {
    return this.forward.has(from);
  }

  /** Replaces every edge out of `from` with edges to `targets`. */
  setIncludes(from: string, targets: Iterable<string>): void {
    this.dropIncludesOf(from);
    this.forward.set(from, new Set());
    for (const target of targets) this.addInclude(from, target);
  }

  addInclude(from: string, to: string): void {
    let targets = this.forward.get(from);
    if (targets === undefined) this.forward.set(from, (targets = new Set()));
    targets.add(to);
    let sources = this.reverse.get(to);
    if (sources === undefined) this.reverse.set(to, (sources = new Set()));
    sources.add(from);
  }

  /** Forgets every edge out of `from` (it was released or deleted, or changed and is not resolved yet). */
  dropIncludesOf(from: string): void {
    for (const target of this.forward.get(from) ?? []) {
      const sources = this.reverse.get(target);
      sources?.delete(from);
      if (sources?.size === 0) this.reverse.delete(target);
    }
    this.forward.delete(from);
  }

  clear(): void {
    this.forward.clear();
    this.reverse.clear();
  }

  /** The files that include `path` themselves. */
  directDependents(path: string): ReadonlySet<string> {
    return this.reverse.get(path) ?? EMPTY;
  }

  /** What the includes of `path` depend on themselves. */
  directDependencies(path: string): ReadonlySet<string> {
    return this.forward.get(path) ?? EMPTY;
  }

  /** Every file that includes `path`, directly or through other includes (never `path` itself). */
  dependents(path: string): string[] {
    return IncludeGraph.dependentsIn([this], path);
  }

  /** Every path the includes of `path` depend on, directly or through other includes (never `path` itself). */
  dependencies(path: string): string[] {
    return reach(path, (node) => this.directDependencies(node));
  }

  /** `dependents` over the union of several graphs. */
  static dependentsIn(graphs: readonly IncludeGraph[], path: string): string[] {
    return reach(path, (node) => graphs.flatMap((graph) => [...graph.directDependents(node)]));
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** Every node reachable from `start` by `next`, in the order found, without `start` itself; each visited once (cycles end). */
function reach(start: string, next: (node: string) => Iterable<string>): string[] {
  const found = new Set<string>();
  const pending = [start];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    for (const neighbour of next(node)) {
      if (neighbour === start || found.has(neighbour)) continue;
      found.add(neighbour);
      pending.push(neighbour);
    }
  }
  return [...found];
}

/**
 * The host's memory of files: each file's text as first read, and for the
 * files used lately its syntax tree, semantic model and full analysis. At
 * most `limit` files keep a syntax tree; beyond that the least recently used
 * lose it (and their analysis; the text stays), those no other file includes
 * before included ones (evicting an included file costs the analyses of its
 * includers too). Files nothing includes also have a smaller limit of their
 * own (`looseLimit`): only their own features use their analysis again, and
 * one kept while dozens of other files are analysed lives long enough to be
 * moved to V8's old generation and die there, which made the language
 * server's memory grow with the number of files opened (issue 15). Recency
 * is the insertion order of two maps, one per kind, re-inserted on use, so
 * using a file and evicting one are O(1).
 */
import { parseSource, reparseSource, type SourceFile } from "../../grammar/index.js";
import type { SemanticModel } from "../semantics/index.js";
import type { FileAnalysis } from "./file-analysis.js";

export interface CachedFile {
  readonly path: string;
  readonly text: string;
  /** Parsed on demand; dropped (with the model) when the file is evicted. */
  sourceFile: SourceFile | undefined;
  model: SemanticModel | undefined;
  analysis: FileAnalysis | undefined;
  /** When the parse was last used (a counter), to compare the oldest of each kind. */
  lastUse: number;
}

export class AnalysisCache {
  private readonly files = new Map<string, CachedFile>();
  /** Parsed files no other file included when last used, least recently used first: evicted first. */
  private readonly loose = new Map<string, CachedFile>();
  /** Parsed files other files include, least recently used first. */
  private readonly shared = new Map<string, CachedFile>();
  private uses = 0;

  constructor(
    /** How many files may keep a syntax tree. */
    private readonly limit: number,
    /** Whether other files include `path` now. */
    private readonly isIncluded: (path: string) => boolean,
    /** How many of them may be files nothing includes (by default an eighth of `limit`, at least 8). */
    private readonly looseLimit: number = defaultLooseLimit(limit),
  ) {}

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The cached file, without counting it as used. */
  peek(path: string): CachedFile | undefined {
    return this.files.get(path);
  }

  /** The cached file, counted as just used; read with `read` when not cached (undefined when that fails). */
  use(path: string, read: () => string | undefined): CachedFile | undefined {
    let cached = this.files.get(path);
    if (cached === undefined) {
      const text = read();
      if (text === undefined) return undefined;
      cached = { path, text, sourceFile: undefined, model: undefined, analysis: undefined, lastUse: 0 };
      this.files.set(path, cached);
    }
    if (cached.sourceFile !== undefined) this.rank(cached);
    return cached;
  }

  /** The file's syntax tree, parsed now if needed (re-parsing only what changed since `previous`, an earlier version's parse, when given). */
  parsed(cached: CachedFile, previous?: SourceFile): SourceFile {
    if (cached.sourceFile === undefined) {
      cached.sourceFile = previous === undefined ? parseSource(cached.text) : reparseSource(previous, cached.text);
      this.rank(cached);
    }
    return cached.sourceFile;
  }

  /** Drops a file's model and analysis (a script it includes changed); its parse stays. */
  forgetAnalysis(path: string): void {
    const cached = this.files.get(path);
    if (cached === undefined) return;
    cached.model = undefined;
    cached.analysis = undefined;
  }

  /** Forgets a file altogether. */
  delete(path: string): void {
    this.files.delete(path);
    this.loose.delete(path);
    this.shared.delete(path);
  }

  clear(): void {
    this.files.clear();
    this.loose.clear();
    this.shared.clear();
  }

  /** How many files hold a syntax tree. */
  get parsedCount(): number {
    return this.loose.size + this.shared.size;
  }

  /**
   * Drops syntax trees and analyses until at most `limit` files hold one,
   * at most `looseLimit` of them files nothing includes, and returns the
   * files evicted: the least recently used of those nothing includes, or
   * (when only `limit` is exceeded) the oldest included one when it is
   * older and nothing includes it any more, or, when every file is
   * included, the oldest.
   */
  evictOverflow(): string[] {
    const evicted: string[] = [];
    while (this.parsedCount > this.limit || this.loose.size > this.looseLimit) {
      const oldLoose = firstOf(this.loose);
      if (oldLoose !== undefined && this.isIncluded(oldLoose.path)) {
        // Included since it was last used: it waits with the included ones.
        this.loose.delete(oldLoose.path);
        this.shared.set(oldLoose.path, oldLoose);
        continue;
      }
      const oldShared = firstOf(this.shared);
      const sharedFirst =
        this.loose.size <= this.looseLimit &&
        oldShared !== undefined &&
        (oldLoose === undefined || (oldShared.lastUse < oldLoose.lastUse && !this.isIncluded(oldShared.path)));
      const victim = (sharedFirst ? oldShared : oldLoose) as CachedFile;
      this.loose.delete(victim.path);
      this.shared.delete(victim.path);
      victim.sourceFile = undefined;
      victim.model = undefined;
      victim.analysis = undefined;
      evicted.push(victim.path);
    }
    return evicted;
  }

  /** Makes a parsed file the most recently used of its kind. */
  private rank(cached: CachedFile): void {
    this.loose.delete(cached.path);
    this.shared.delete(cached.path);
    cached.lastUse = ++this.uses;
    (this.isIncluded(cached.path) ? this.shared : this.loose).set(cached.path, cached);
  }
}

/** An eighth of `limit`, at least 8 (and never more than `limit`); the language server sets its own (`MAX_LOOSE_FILES`). */
export function defaultLooseLimit(limit: number): number {
  return Math.min(limit, Math.max(8, Math.ceil(limit / 8)));
}

function firstOf(map: ReadonlyMap<string, CachedFile>): CachedFile | undefined {
  return map.values().next().value;
}

/**
 * `--cache`: results of earlier runs, kept in a JSON file, reused for a
 * file only while everything the result depends on is unchanged: the tool
 * itself (its identity: a hash of the bundle, which holds the code, the
 * catalog and the rules), the file's text and configuration, the texts of
 * the files it included (compared by content hash), and which file each of
 * its `#include`s resolves to (a new file earlier on the search path takes
 * over an include). Results with fixes applied, fatal problems, includes
 * that were not found or include circles are not kept. Entries of files that
 * no longer exist are dropped when the cache is written. Paths are kept
 * relative to the working folder, so a cache restored into another checkout
 * (a CI cache) still applies.
 */
import { createHash } from "node:crypto";
import { relative, resolve } from "node:path";
import type { IncludeUse } from "../analysis/host.js";
import type { LintResult } from "./lint-result.js";

interface CacheEntry {
  readonly hash: string;
  readonly config: string;
  /** Included file → its content hash when the result was made. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** Each include as resolved then: including file, id, included file (paths relative to the root). */
  readonly includes: readonly (readonly [string, string, string])[];
  readonly result: LintResult;
}

interface CacheFile {
  readonly format: 2;
  readonly tool: string;
  readonly entries: Record<string, CacheEntry>;
}

/** What the cache needs from the file system and the linter. */
export interface CacheEnvironment {
  /** The folder paths are kept relative to. */
  readonly root: string;
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  /** The file an include id names from a file now, if any. */
  resolveInclude(includeId: string, fromFile: string): string | undefined;
}

export const DEFAULT_CACHE_FILE = ".crmscriptlintcache";

/** Results that depend on more than the contents the cache compares are not kept. */
const UNCACHEABLE_CODES: ReadonlySet<string | null> = new Set(["include-not-found", "include-cycle"]);

export function contentHash(text: string | Uint8Array): string {
  return createHash("sha1").update(text).digest("hex");
}

export class LintCache {
  private readonly entries: Record<string, CacheEntry>;
  private readonly hashes = new Map<string, string | undefined>();
  private changed = false;

  /**
   * `text` is the cache file's content, if there is one; anything unreadable,
   * of another format or written by another build of the tool (`tool`, its
   * identity) starts an empty cache.
   */
  constructor(
    text: string | undefined,
    private readonly tool: string,
    private readonly environment: CacheEnvironment,
  ) {
    let entries: Record<string, CacheEntry> = {};
    try {
      const parsed = text === undefined ? undefined : (JSON.parse(text) as Partial<CacheFile>);
      if (parsed?.format === 2 && parsed.tool === tool && typeof parsed.entries === "object" && parsed.entries !== null) entries = parsed.entries;
      else if (text !== undefined) this.changed = true;
    } catch {
      // A broken cache is no cache.
      this.changed = true;
    }
    this.entries = entries;
  }

  /** The stored result for `path`, when everything it depends on is unchanged. */
  lookup(path: string, text: string, config: string): LintResult | undefined {
    const entry = this.entries[this.key(path)];
    if (entry === undefined || entry.hash !== contentHash(text) || entry.config !== config) return undefined;
    for (const [dependency, hash] of Object.entries(entry.dependencies)) if (this.hashOf(this.absolute(dependency)) !== hash) return undefined;
    for (const [from, includeId, file] of entry.includes) {
      if (this.environment.resolveInclude(includeId, this.absolute(from)) !== this.absolute(file)) return undefined;
    }
    return { ...entry.result, filePath: path };
  }

  store(path: string, text: string, config: string, includes: readonly IncludeUse[], result: LintResult): void {
    const cacheable = result.output === undefined && result.fatalErrorCount === 0 && !result.messages.some((message) => UNCACHEABLE_CODES.has(message.ruleId));
    const key = this.key(path);
    if (!cacheable) {
      if (this.entries[key] !== undefined) {
        delete this.entries[key];
        this.changed = true;
      }
      return;
    }
    const dependencies: Record<string, string> = {};
    for (const { file } of includes) {
      const hash = this.hashOf(file);
      if (hash === undefined) return;
      dependencies[this.key(file)] = hash;
    }
    const resolved = includes.map(({ from, includeId, file }) => [this.key(from), includeId, this.key(file)] as const);
    this.entries[key] = { hash: contentHash(text), config, dependencies, includes: resolved, result };
    this.changed = true;
  }

  /** The cache file's new content (without the entries of files that are gone), or undefined when nothing changed. */
  serialize(): string | undefined {
    for (const key of Object.keys(this.entries)) {
      if (this.environment.exists(this.absolute(key))) continue;
      delete this.entries[key];
      this.changed = true;
    }
    if (!this.changed) return undefined;
    const file: CacheFile = { format: 2, tool: this.tool, entries: this.entries };
    return JSON.stringify(file);
  }

  private key(path: string): string {
    return relative(this.environment.root, path).split("\\").join("/");
  }

  private absolute(key: string): string {
    return resolve(this.environment.root, key);
  }

  private hashOf(path: string): string | undefined {
    if (!this.hashes.has(path)) {
      const text = this.environment.readFile(path);
      this.hashes.set(path, text === undefined ? undefined : contentHash(text));
    }
    return this.hashes.get(path);
  }
}

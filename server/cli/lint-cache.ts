/**
 * `--cache`: results of earlier runs, kept in a JSON file, reused for a
 * file whose text, configuration and included files are all unchanged
 * (compared by content hash) and written by the same tool version.
 * Results with fixes applied, fatal problems or includes that were not
 * found are not kept: they depend on more than those contents. Paths are
 * kept relative to the working folder, so a cache restored into another
 * checkout (a CI cache) still applies.
 */
import { createHash } from "node:crypto";
import { relative, resolve } from "node:path";
import type { LintResult } from "./lint-result.js";

interface CacheEntry {
  readonly hash: string;
  readonly config: string;
  /** Included file → its content hash when the result was made. */
  readonly dependencies: Readonly<Record<string, string>>;
  readonly result: LintResult;
}

interface CacheFile {
  readonly format: 1;
  readonly tool: string;
  readonly entries: Record<string, CacheEntry>;
}

export const DEFAULT_CACHE_FILE = ".crmscriptlintcache";

export function contentHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

export class LintCache {
  private readonly entries: Record<string, CacheEntry>;
  private readonly hashes = new Map<string, string | undefined>();
  private changed = false;

  /** `text` is the cache file's content, if there is one; anything unreadable or from another version starts an empty cache. */
  constructor(
    text: string | undefined,
    private readonly tool: string,
    /** The folder paths are kept relative to. */
    private readonly root: string,
    private readonly readFile: (path: string) => string | undefined,
  ) {
    let entries: Record<string, CacheEntry> = {};
    try {
      const parsed = text === undefined ? undefined : (JSON.parse(text) as Partial<CacheFile>);
      if (parsed?.format === 1 && parsed.tool === tool && typeof parsed.entries === "object" && parsed.entries !== null) entries = parsed.entries;
    } catch {
      // A broken cache is no cache.
    }
    this.entries = entries;
  }

  /** The stored result for `path`, when everything it depends on is unchanged. */
  lookup(path: string, text: string, config: string): LintResult | undefined {
    const entry = this.entries[this.key(path)];
    if (entry === undefined || entry.hash !== contentHash(text) || entry.config !== config) return undefined;
    for (const [dependency, hash] of Object.entries(entry.dependencies)) if (this.hashOf(resolve(this.root, dependency)) !== hash) return undefined;
    return { ...entry.result, filePath: path };
  }

  store(path: string, text: string, config: string, dependencies: readonly string[], result: LintResult): void {
    const cacheable = result.output === undefined && result.fatalErrorCount === 0 && !result.messages.some((message) => message.ruleId === "include-not-found");
    const key = this.key(path);
    if (!cacheable) {
      if (this.entries[key] !== undefined) {
        delete this.entries[key];
        this.changed = true;
      }
      return;
    }
    const hashes: Record<string, string> = {};
    for (const dependency of dependencies) {
      const hash = this.hashOf(dependency);
      if (hash === undefined) return;
      hashes[this.key(dependency)] = hash;
    }
    this.entries[key] = { hash: contentHash(text), config, dependencies: hashes, result };
    this.changed = true;
  }

  /** The cache file's new content, or undefined when nothing changed. */
  serialize(): string | undefined {
    if (!this.changed) return undefined;
    const file: CacheFile = { format: 1, tool: this.tool, entries: this.entries };
    return JSON.stringify(file);
  }

  private key(path: string): string {
    return relative(this.root, path).split("\\").join("/");
  }

  private hashOf(path: string): string | undefined {
    if (!this.hashes.has(path)) {
      const text = this.readFile(path);
      this.hashes.set(path, text === undefined ? undefined : contentHash(text));
    }
    return this.hashes.get(path);
  }
}

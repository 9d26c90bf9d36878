/**
 * Ignore patterns: `ignorePatterns` matched as git matches `.gitignore`
 * lines (by the `ignore` package), each relative to the folder of the layer
 * that gives it. Within a layer git's rules hold: a name without a `/`
 * (other than a trailing one) matches at any depth, a trailing `/` matches
 * only folders, `**` any number of folders, `!` re-includes (but not inside
 * a folder the layer ignores), `\#` and `\!` escape, `#` starts a comment.
 * Across layers the last pattern that matches decides; a layer says nothing
 * about a path outside its folder.
 */
import ignore, { type Ignore } from "ignore";
import { isWindowsPath, relativeInside } from "../analysis/paths.js";

export interface IgnorePattern {
  /** As written in the configuration. */
  readonly pattern: string;
  /** The folder the pattern is relative to. */
  readonly folder: string;
}

/** Patterns given in one folder, in order, as one gitignore file. */
interface FolderMatcher {
  readonly folder: string;
  readonly matcher: Ignore;
}

export function parseIgnorePattern(pattern: string, folder: string): IgnorePattern {
  return { pattern, folder };
}

/** Whether the patterns ignore the file at `path` (absolute). Patterns are applied in order. */
export function isIgnored(path: string, patterns: readonly IgnorePattern[]): boolean {
  let ignored = false;
  for (const { folder, matcher } of matchersOf(patterns)) {
    const relativePath = relativeInside(folder, path);
    if (relativePath === undefined) continue;
    const result = matcher.test(relativePath);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

const matcherCache = new WeakMap<readonly IgnorePattern[], readonly FolderMatcher[]>();

/** One matcher for each run of patterns that share a folder (a layer's), built once per list. */
function matchersOf(patterns: readonly IgnorePattern[]): readonly FolderMatcher[] {
  let matchers = matcherCache.get(patterns);
  if (matchers !== undefined) return matchers;
  const runs: { folder: string; patterns: string[] }[] = [];
  for (const { pattern, folder } of patterns) {
    const last = runs.at(-1);
    if (last?.folder === folder) last.patterns.push(pattern);
    else runs.push({ folder, patterns: [pattern] });
  }
  // Windows file names are case-insensitive, as Git for Windows matches them.
  matchers = runs.map(({ folder, patterns: lines }) => ({ folder, matcher: ignore({ ignorecase: isWindowsPath(folder) }).add(lines) }));
  matcherCache.set(patterns, matchers);
  return matchers;
}

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
import { posix, win32, type PlatformPath } from "node:path";

export interface IgnorePattern {
  /** As written in the configuration. */
  readonly pattern: string;
  /** The folder the pattern is relative to. */
  readonly folder: string;
}

/** Patterns given in one folder, in order, as one gitignore file. */
interface FolderMatcher {
  readonly folder: string;
  readonly paths: PlatformPath;
  readonly matcher: Ignore;
}

export function parseIgnorePattern(pattern: string, folder: string): IgnorePattern {
  return { pattern, folder };
}

/** Whether the patterns ignore the file at `path` (absolute). Patterns are applied in order. */
export function isIgnored(path: string, patterns: readonly IgnorePattern[]): boolean {
  let ignored = false;
  for (const { folder, paths, matcher } of matchersOf(patterns)) {
    const relativePath = relativeInside(paths, folder, path);
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
  matchers = runs.map(({ folder, patterns: lines }) => {
    const paths = isWindowsPath(folder) ? win32 : posix;
    // Windows file names are case-insensitive, as Git for Windows matches them.
    return { folder, paths, matcher: ignore({ ignorecase: paths === win32 }).add(lines) };
  });
  matcherCache.set(patterns, matchers);
  return matchers;
}

/** A drive letter or a UNC share: such paths are compared the Windows way on any platform. */
function isWindowsPath(path: string): boolean {
  return /^(?:[A-Za-z]:|\\\\)/.test(path);
}

/** `path` relative to `folder` with `/` separators, or undefined when it is not inside the folder. */
function relativeInside(paths: PlatformPath, folder: string, path: string): string | undefined {
  const relativePath = paths.relative(folder, path).replace(/\\/g, "/");
  if (relativePath === "" || relativePath === ".." || relativePath.startsWith("../") || paths.isAbsolute(relativePath)) return undefined;
  return relativePath;
}

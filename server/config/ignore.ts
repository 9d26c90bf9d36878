/**
 * Ignore patterns, read the way `.gitignore` reads them, each relative to
 * the folder of the configuration that gives it: a pattern without a `/`
 * (other than a trailing one) matches a name at any depth, a leading `/`
 * anchors it to that folder, a trailing `/` matches only folders, `!`
 * re-includes what an earlier pattern ignored, and a matched folder
 * ignores everything inside it. The last pattern that matches decides.
 */
import { relative, sep } from "node:path";
import { globToRegExp } from "./glob.js";

export interface IgnorePattern {
  /** As written in the configuration. */
  readonly pattern: string;
  /** The folder the pattern is relative to. */
  readonly folder: string;
  readonly negated: boolean;
  readonly onlyFolders: boolean;
  readonly matcher: RegExp;
}

export function parseIgnorePattern(pattern: string, folder: string): IgnorePattern {
  const negated = pattern.startsWith("!");
  let body = negated ? pattern.slice(1) : pattern;
  const onlyFolders = body.endsWith("/");
  if (onlyFolders) body = body.replace(/\/+$/, "");
  const anchored = body.includes("/");
  body = body.replace(/^\//, "");
  return { pattern, folder, negated, onlyFolders, matcher: globToRegExp(anchored ? body : `**/${body}`) };
}

/** Whether the patterns ignore the file at `path` (absolute). Patterns are applied in order. */
export function isIgnored(path: string, patterns: readonly IgnorePattern[]): boolean {
  let ignored = false;
  for (const pattern of patterns) {
    const relativePath = relative(pattern.folder, path).split(sep).join("/");
    if (relativePath === "" || relativePath.startsWith("../") || relativePath === "..") continue;
    if (matches(pattern, relativePath)) ignored = !pattern.negated;
  }
  return ignored;
}

/** The path itself (a file) or any folder above it, as the pattern requires. */
function matches(pattern: IgnorePattern, relativePath: string): boolean {
  const parts = relativePath.split("/");
  for (let length = 1; length <= parts.length; length++) {
    const isFolder = length < parts.length;
    if (pattern.onlyFolders && !isFolder) continue;
    if (pattern.matcher.test(parts.slice(0, length).join("/"))) return true;
  }
  return false;
}

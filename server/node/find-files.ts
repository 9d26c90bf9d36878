/**
 * Turns file arguments (files, folders, quoted globs) into the list
 * of files to lint. Folders are searched recursively for the configured
 * extensions, skipping `node_modules` and dot-folders; a file named
 * explicitly is found whatever its extension (the caller may still leave it
 * out by the configuration's ignore patterns, and knows it was named).
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { globToRegExp } from "../config/glob.js";

export interface FileSearchResult {
  /** Absolute paths, without duplicates, in argument order (folder contents sorted). */
  readonly files: string[];
  /** Arguments that matched nothing, with the reason. */
  readonly problems: string[];
  /** The files named as such (not found in a folder or by a pattern). */
  readonly explicit: ReadonlySet<string>;
}

const GLOB_CHARACTERS = /[*?[{]/;

export function findFiles(inputs: readonly string[], cwd: string, extensions: readonly string[]): FileSearchResult {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const explicit = new Set<string>();
  const add = (path: string): void => {
    if (!seen.has(path)) {
      seen.add(path);
      files.push(path);
    }
  };
  const hasExtension = (name: string): boolean => extensions.some((extension) => name.toLowerCase().endsWith(extension.toLowerCase()));

  for (const input of inputs) {
    if (GLOB_CHARACTERS.test(input)) {
      const before = files.length;
      const { base, pattern } = splitGlob(input);
      const root = resolve(cwd, base);
      const matcher = globToRegExp(pattern);
      walk(root, (path) => {
        if (matcher.test(relative(root, path).split(sep).join("/"))) add(path);
      });
      if (files.length === before) problems.push(`no files match the pattern '${input}'`);
      continue;
    }
    const path = resolve(cwd, input);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      problems.push(`no such file or folder: '${input}'`);
      continue;
    }
    if (!isDirectory) {
      explicit.add(path);
      add(path);
      continue;
    }
    const before = files.length;
    walk(path, (file) => {
      if (hasExtension(file)) add(file);
    });
    if (files.length === before) problems.push(`no files ending in ${extensions.join(" or ")} in the folder '${input}'`);
  }
  return { files, problems, explicit };
}

/** Visits every file below `root` in sorted order, skipping node_modules and dot-folders; unreadable folders are skipped. */
function walk(root: string, visit: (path: string) => void): void {
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) subfolders.push(path);
      } else if (entry.isFile()) {
        visit(path);
      }
    }
    for (let index = subfolders.length - 1; index >= 0; index--) pending.push(subfolders[index] as string);
  }
}

/** Splits `scripts/**\/*.crm` into the folder to search (`scripts`) and the pattern below it (`**\/*.crm`). */
function splitGlob(glob: string): { base: string; pattern: string } {
  const parts = glob.split(/[\\/]/);
  const baseParts: string[] = [];
  while (parts.length > 1 && !GLOB_CHARACTERS.test(parts[0] as string)) baseParts.push(parts.shift() as string);
  return { base: baseParts.length === 0 ? "." : baseParts.join("/") || "/", pattern: parts.join("/") };
}

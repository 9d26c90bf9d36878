/**
 * Where an include id (spec §2.2) can live on disk: the id with each script
 * extension in turn (`id.crm`, `id.crmscript`, `id.ej`, …; just `id` when
 * it already ends in one), in the including script's folder, then each
 * workspace root, then each configured include path; and, the other way
 * round, which ids those folders offer a script (for completion).
 */
import type { FileSystem } from "./file-system.js";
import { basenameOf, dirnameOf, joinPath, normalizePath, samePath } from "./paths.js";
import { SCRIPT_EXTENSIONS, isScriptPath, scriptExtensionOf } from "./script-files.js";

export interface IncludeSearch {
  /** The first file found, if any. */
  readonly path: string | undefined;
  /** The folders searched, in order. */
  readonly folders: readonly string[];
  /** The paths looked at that held no file, in order (one appearing would change what the id names). */
  readonly probed: readonly string[];
}

export function includeCandidates(includeId: string): string[] {
  if (isScriptPath(includeId)) return [includeId];
  return SCRIPT_EXTENSIONS.map((candidate) => `${includeId}${candidate}`);
}

/** The folders an include in `fromFile` is looked for in, in order: its own folder, then `roots` (workspace roots and include paths). */
export function includeFolders(fromFile: string, roots: readonly string[]): string[] {
  const folders: string[] = [];
  for (const folder of [dirnameOf(fromFile), ...roots].map(normalizePath)) if (!folders.some((known) => samePath(known, folder))) folders.push(folder);
  return folders;
}

export function findInclude(includeId: string, fromFile: string, roots: readonly string[], fileSystem: FileSystem): IncludeSearch {
  const folders = includeFolders(fromFile, roots);
  const names = includeCandidates(includeId);
  const probed: string[] = [];
  for (const folder of folders) {
    for (const name of names) {
      const path = joinPath(folder, name);
      if (fileSystem.exists?.(path) ?? fileSystem.readFile(path) !== undefined) return { path, folders, probed };
      probed.push(path);
    }
  }
  return { path: undefined, folders, probed };
}

/**
 * The include ids the scripts in `folders` can be named by, sorted: each
 * script's name without its extension, leaving out `fromFile`'s own name.
 */
export function includeIdsIn(folders: readonly string[], fromFile: string, fileSystem: FileSystem): string[] {
  const own = basenameOf(fromFile);
  const ids = new Set<string>();
  for (const folder of folders) {
    for (const name of fileSystem.listFolder?.(folder) ?? []) {
      const extension = scriptExtensionOf(name);
      if (extension !== undefined && name !== own) ids.add(name.slice(0, -extension.length));
    }
  }
  return [...ids].sort();
}

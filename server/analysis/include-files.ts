/**
 * Where an include id (spec §2.2) can live on disk: the id with each script
 * extension in turn (`id.crm`, `id.crmscript`, `id.ej`, …; just `id` when
 * it already ends in one), in the including script's folder, then each
 * workspace root, then each configured include path.
 */
import { dirname, resolve } from "node:path";
import type { FileSystem } from "./file-system.js";
import { SCRIPT_EXTENSIONS, isScriptPath } from "./script-files.js";

export interface IncludeSearch {
  /** The first file found, if any. */
  readonly path: string | undefined;
  /** The folders searched, in order. */
  readonly folders: readonly string[];
}

export function includeCandidates(includeId: string): string[] {
  if (isScriptPath(includeId)) return [includeId];
  return SCRIPT_EXTENSIONS.map((candidate) => `${includeId}${candidate}`);
}

export function findInclude(includeId: string, fromFile: string, roots: readonly string[], fileSystem: FileSystem): IncludeSearch {
  const folders = [...new Set([dirname(fromFile), ...roots.map((root) => resolve(root))])];
  const names = includeCandidates(includeId);
  for (const folder of folders) {
    for (const name of names) {
      const path = resolve(folder, name);
      if (fileSystem.exists?.(path) ?? fileSystem.readFile(path) !== undefined) return { path, folders };
    }
  }
  return { path: undefined, folders };
}

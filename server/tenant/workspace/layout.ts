/**
 * Where each tenant item lives in a workspace: CRMScripts under `scripts/`
 * in folders that follow the tenant's script hierarchy, one file per script
 * named by its include id with the extension `#include` finds first
 * (`scripts/Library/lib-http.crm`); trigger scripts, which have no include
 * id or folder, under `triggers/<event>/<name>.crm`. Names are made safe for
 * every file system.
 */
import type { HierarchyEntity } from "../contract/types.js";
import type { FolderEntry } from "./state.js";

export const SCRIPTS_FOLDER = "scripts";
export const TRIGGERS_FOLDER = "triggers";
export const SCRIPT_FILE_EXTENSION = ".crm";

/** Names Windows keeps for devices, whatever the extension. */
const DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/** A name as a file or folder name: no characters Windows forbids, no trailing dots or spaces, no device names, never empty. */
export function safeName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what file names must not hold.
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_")
    .replace(/[. ]+$/, "")
    .trim();
  if (cleaned === "" || cleaned === "." || cleaned === "..") return "_";
  return DEVICE_NAME.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** Every folder of the tree with its path (names joined by `/`), parents first. */
export function foldersOf(tree: readonly HierarchyEntity[]): FolderEntry[] {
  const folders: FolderEntry[] = [];
  const pending = tree.map((entity) => ({ entity, parent: "" }));
  for (let item = pending.shift(); item !== undefined; item = pending.shift()) {
    const path = item.parent === "" ? safeName(item.entity.Name ?? "") : `${item.parent}/${safeName(item.entity.Name ?? "")}`;
    if (item.entity.HierarchyId !== undefined) folders.push({ id: item.entity.HierarchyId, path });
    for (const child of item.entity.Children ?? []) pending.push({ entity: child, parent: path });
  }
  return folders;
}

/** The file of a CRMScript: its folder's path, then its include id (or name). */
export function scriptFile(folders: readonly FolderEntry[], folderId: number, includeId: string, name: string): string {
  const folder = folders.find((candidate) => candidate.id === folderId)?.path;
  const fileName = `${safeName(includeId !== "" ? includeId : name)}${SCRIPT_FILE_EXTENSION}`;
  return folder === undefined || folder === "" ? `${SCRIPTS_FOLDER}/${fileName}` : `${SCRIPTS_FOLDER}/${folder}/${fileName}`;
}

/** The file of a trigger script: its event's folder, then its name. */
export function triggerFile(event: string, name: string): string {
  return `${TRIGGERS_FOLDER}/${safeName(event)}/${safeName(name)}${SCRIPT_FILE_EXTENSION}`;
}

/**
 * `file`, or when another item already has that path (file systems that ignore case included) the same
 * path with `~id` before the extension; the path chosen is added to `taken` (lower-case paths).
 */
export function unclaimedFile(file: string, id: number, taken: Set<string>): string {
  const chosen = taken.has(file.toLowerCase()) ? file.replace(/(\.[^./]*)?$/, (extension) => `~${id}${extension}`) : file;
  taken.add(chosen.toLowerCase());
  return chosen;
}

/** The folder a new script file under `scripts/` is filed in, from its path, or undefined when no tenant folder matches. */
export function folderOfFile(folders: readonly FolderEntry[], file: string): FolderEntry | "root" | undefined {
  const parts = file.split("/");
  if (parts[0] !== SCRIPTS_FOLDER) return undefined;
  const folder = parts.slice(1, -1).join("/");
  if (folder === "") return "root";
  return folders.find((candidate) => candidate.path === folder);
}

/**
 * The state of every script on both sides, three ways: the file now, the
 * tenant's copy now (from the lists: its `Updated`), and what both were at
 * the last pull or push (the base). From them each script is clean,
 * changed on one side, changed on both (a conflict), removed on one side,
 * or new on one side. Pull, push and `crmscript status` all start here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { isScriptPath } from "../../analysis/script-files.js";
import type { ScriptRow, TenantApi, TriggerRow } from "../api.js";
import { foldersOf, SCRIPTS_FOLDER, scriptFile, TRIGGERS_FOLDER, triggerFile, unclaimedFile } from "./layout.js";
import { contentHash, type Entry, type FolderEntry, sameTime, type Workspace } from "./state.js";

export type LocalState = "unchanged" | "modified" | "deleted";
export type RemoteState = "unchanged" | "changed" | "deleted";

export type ItemStatus =
  /** A tracked script: how each side changed since the base. */
  | {
      readonly kind: "tracked";
      readonly entry: Entry;
      readonly local: LocalState;
      readonly remote: RemoteState;
      readonly row: ScriptRow | TriggerRow | undefined;
    }
  /** In the tenant, not in the workspace. */
  | { readonly kind: "new-remote"; readonly entry: Entry; readonly row: ScriptRow | TriggerRow; readonly fileExists: boolean }
  /** A script file in the workspace the tenant does not have. */
  | { readonly kind: "new-local"; readonly file: string };

export interface RemoteSnapshot {
  readonly folders: readonly FolderEntry[];
  readonly scripts: readonly ScriptRow[];
  readonly triggers: readonly TriggerRow[];
}

/** The tenant's lists (scripts, triggers, folders), fetched side by side. */
export async function remoteSnapshot(api: TenantApi): Promise<RemoteSnapshot> {
  const [tree, scripts, triggers] = await Promise.all([api.scriptFolders(), api.listScripts(), api.listTriggers()]);
  return { folders: foldersOf(tree), scripts, triggers };
}

/** The text of a workspace file, or undefined when it is not there. */
export function readWorkspaceFile(workspace: Workspace, file: string): string | undefined {
  try {
    return readFileSync(workspace.absolute(file), "utf8");
  } catch {
    return undefined;
  }
}

export function localState(workspace: Workspace, file: string): LocalState {
  const text = readWorkspaceFile(workspace, file);
  if (text === undefined) return "deleted";
  const base = workspace.baseOf(file);
  return base !== undefined && base.hash === contentHash(text) ? "unchanged" : "modified";
}

/** Every item's status, tracked entries first (in file order), then what is new on either side. */
export function statusOf(workspace: Workspace, remote: RemoteSnapshot): ItemStatus[] {
  const statuses: ItemStatus[] = [];
  const scriptRows = new Map(remote.scripts.map((row) => [row.id, row]));
  const triggerRows = new Map(remote.triggers.map((row) => [row.id, row]));
  const tracked = new Set<string>();
  const known = new Set<string>();
  /** Lower-case paths already given to an item, so two tenant items never share a file. */
  const taken = new Set<string>();
  for (const entry of [...workspace.manifest.entries].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    tracked.add(entry.file);
    taken.add(entry.file.toLowerCase());
    known.add(`${entry.kind}:${entry.id}`);
    const row = entry.kind === "script" ? scriptRows.get(entry.id) : triggerRows.get(entry.id);
    const base = workspace.baseOf(entry.file);
    const remoteState: RemoteState = row === undefined ? "deleted" : base !== undefined && sameTime(base.updated, row.updated) ? "unchanged" : "changed";
    statuses.push({ kind: "tracked", entry, local: localState(workspace, entry.file), remote: remoteState, row });
  }
  for (const row of remote.scripts) {
    if (known.has(`script:${row.id}`)) continue;
    const file = unclaimedFile(scriptFile(remote.folders, row.hierarchyId, row.includeId, row.name), row.id, taken);
    const entry: Entry = {
      kind: "script",
      file,
      id: row.id,
      uniqueIdentifier: row.uniqueIdentifier,
      name: row.name,
      includeId: row.includeId,
      folderId: row.hierarchyId,
    };
    statuses.push({ kind: "new-remote", entry, row, fileExists: existsSync(workspace.absolute(file)) });
    tracked.add(file);
  }
  for (const row of remote.triggers) {
    if (known.has(`trigger:${row.id}`)) continue;
    const entry: Entry = {
      kind: "trigger",
      file: unclaimedFile(triggerFile(row.event, row.name), row.id, taken),
      id: row.id,
      uniqueIdentifier: row.uniqueIdentifier,
      name: row.name,
      event: row.event,
    };
    statuses.push({ kind: "new-remote", entry, row, fileExists: existsSync(workspace.absolute(entry.file)) });
    tracked.add(entry.file);
  }
  for (const file of scriptFilesIn(workspace.root)) if (!tracked.has(file)) statuses.push({ kind: "new-local", file });
  return statuses;
}

/** The file an item is (or would be) in. */
export function fileOfStatus(status: ItemStatus): string {
  return status.kind === "new-local" ? status.file : status.entry.file;
}

/** The statuses of the files asked for (all when none are); throws, naming them, when some are no script here or in the tenant. */
export function selectStatuses(statuses: readonly ItemStatus[], files: readonly string[] | undefined): ItemStatus[] {
  if (files === undefined || files.length === 0) return [...statuses];
  const wanted = new Set(files);
  const selected = statuses.filter((status) => wanted.has(fileOfStatus(status)));
  const found = new Set(selected.map(fileOfStatus));
  const unknown = files.filter((file) => !found.has(file));
  if (unknown.length > 0) throw new Error(`no script here or in the tenant is ${unknown.map((file) => `'${file}'`).join(", ")}`);
  return selected;
}

/**
 * The statuses, with every apparent conflict (changed on both sides) checked against the tenant's copy: when
 * it equals the file (a push or pull that ended before recording it), the file is recorded as matching the
 * tenant and is unchanged. Only those scripts are read.
 */
export async function settleEqualCopies(api: TenantApi, workspace: Workspace, statuses: readonly ItemStatus[]): Promise<ItemStatus[]> {
  const settled = await Promise.all(
    statuses.map(async (status): Promise<ItemStatus> => {
      if (status.kind !== "tracked" || status.local !== "modified" || status.remote !== "changed") return status;
      const { entry } = status;
      const current = entry.kind === "script" ? await api.getScript(entry.id) : await api.getTrigger(entry.id);
      const text = readWorkspaceFile(workspace, entry.file);
      if (text === undefined || current.Source !== text) return status;
      workspace.setBase(entry.file, { updated: current.Updated ?? "", hash: contentHash(text) });
      return { ...status, local: "unchanged", remote: "unchanged" };
    }),
  );
  if (settled.some((status, index) => status !== statuses[index])) workspace.saveBase();
  return settled;
}

/** The script files under `scripts/` and `triggers/`, relative to the workspace, with `/`. */
export function scriptFilesIn(root: string): string[] {
  const found: string[] = [];
  const pending = [SCRIPTS_FOLDER, TRIGGERS_FOLDER].map((folder) => join(root, folder)).filter((folder) => existsSync(folder));
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name.startsWith(".")) continue;
      if (statSync(path).isDirectory()) pending.push(path);
      else if (isScriptPath(name)) found.push(relative(root, path).split("\\").join("/"));
    }
  }
  return found.sort();
}

/** A one-word description of a status, as `crmscript status` prints it. */
export function describeStatus(status: ItemStatus): string {
  if (status.kind === "new-remote") return status.fileExists ? "conflict: new in the tenant, and a local file is in the way" : "new in the tenant";
  if (status.kind === "new-local") return "new locally";
  const { local, remote } = status;
  if (local === "unchanged" && remote === "unchanged") return "unchanged";
  if (remote === "deleted") return local === "deleted" ? "removed on both sides" : "removed in the tenant";
  if (local === "deleted") return remote === "changed" ? "conflict: deleted locally, changed in the tenant" : "deleted locally";
  if (local === "modified" && remote === "changed") return "conflict: changed on both sides";
  return local === "modified" ? "changed locally" : "changed in the tenant";
}

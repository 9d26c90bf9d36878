/**
 * `crmscript pull`: brings the tenant's scripts into the workspace without
 * ever losing local work. Scripts new or changed in the tenant are read
 * (a bounded number at a time) and written, each file atomically. A file
 * changed locally is never overwritten: when the tenant changed it too (or
 * a new tenant script's file is already there with other content), the pull
 * reports the conflicts and writes nothing at all, unless forced. A script
 * removed in the tenant, or a file deleted locally, is reported; pull never
 * deletes a local file.
 */
import type { TenantApi } from "../api.js";
import type { CRMScriptEntity, TriggerScriptEntity } from "../contract/types.js";
import { fileOfStatus, type ItemStatus, readWorkspaceFile, remoteSnapshot, selectStatuses, statusOf } from "./status.js";
import { contentHash, writeAtomically, type Entry, type Workspace } from "./state.js";

export interface PullOptions {
  /** Overwrite local changes with the tenant's copies. */
  readonly force?: boolean;
  /** Only these files (relative to the workspace); every script when empty. */
  readonly files?: readonly string[];
}

export interface PullReport {
  readonly written: readonly string[];
  /** Files where local work would be lost; nothing was written when there are any (and `force` was not given). */
  readonly conflicts: readonly string[];
  readonly removedInTenant: readonly string[];
  readonly deletedLocally: readonly string[];
  readonly unchanged: number;
}

/** What a pull wants to write: the entry, and where its content comes from. */
interface Planned {
  readonly entry: Entry;
  readonly localText: string | undefined;
}

export async function pull(api: TenantApi, workspace: Workspace, options: PullOptions = {}): Promise<PullReport> {
  const remote = await remoteSnapshot(api);
  const planned: Planned[] = [];
  const removedInTenant: string[] = [];
  const deletedLocally: string[] = [];
  let unchanged = 0;
  for (const status of selectStatuses(statusOf(workspace, remote), options.files)) {
    const file = fileOfStatus(status);
    if (status.kind === "new-local") continue;
    if (status.kind === "new-remote") planned.push({ entry: status.entry, localText: status.fileExists ? readWorkspaceFile(workspace, file) : undefined });
    else sortTracked(status, workspace, planned, removedInTenant, deletedLocally, () => unchanged++);
  }
  const fetched = await fetchContents(
    api,
    planned.map((item) => item.entry),
  );
  const conflicts: string[] = [];
  const writes: { entry: Entry; text: string; updated: string }[] = [];
  for (const [index, item] of planned.entries()) {
    const content = fetched[index] as { text: string; updated: string };
    const base = workspace.baseOf(item.entry.file);
    const locallyChanged = item.localText !== undefined && (base === undefined || base.hash !== contentHash(item.localText));
    if (locallyChanged && item.localText !== content.text && options.force !== true) conflicts.push(item.entry.file);
    else writes.push({ entry: item.entry, text: content.text, updated: content.updated });
  }
  if (conflicts.length > 0 && options.force !== true) {
    return { written: [], conflicts, removedInTenant, deletedLocally, unchanged };
  }
  workspace.manifest = { ...workspace.manifest, folders: remote.folders };
  for (const write of writes) {
    if (readWorkspaceFile(workspace, write.entry.file) !== write.text) writeAtomically(workspace.absolute(write.entry.file), write.text);
    workspace.putEntries([write.entry]);
    workspace.setBase(write.entry.file, { updated: write.updated, hash: contentHash(write.text) });
  }
  workspace.save();
  return { written: writes.map((write) => write.entry.file), conflicts: [], removedInTenant, deletedLocally, unchanged };
}

/** A tracked script: pulled when the tenant changed it; removals and local deletions are only reported. */
function sortTracked(
  status: Extract<ItemStatus, { kind: "tracked" }>,
  workspace: Workspace,
  planned: Planned[],
  removedInTenant: string[],
  deletedLocally: string[],
  countUnchanged: () => void,
): void {
  const file = status.entry.file;
  if (status.remote === "deleted") {
    removedInTenant.push(file);
    return;
  }
  if (status.local === "deleted") {
    deletedLocally.push(file);
    return;
  }
  // Without a base (a fresh clone), the file is compared with the tenant's copy.
  if (status.remote === "changed" || workspace.baseOf(file) === undefined) planned.push({ entry: status.entry, localText: readWorkspaceFile(workspace, file) });
  else countUnchanged();
}

/** The source and `Updated` of each entry, read from the tenant (the HTTP client bounds how many at once). */
export async function fetchContents(api: TenantApi, entries: readonly Entry[]): Promise<{ text: string; updated: string }[]> {
  return Promise.all(
    entries.map(async (entry) => {
      const entity: CRMScriptEntity | TriggerScriptEntity = entry.kind === "script" ? await api.getScript(entry.id) : await api.getTrigger(entry.id);
      return { text: entity.Source ?? "", updated: entity.Updated ?? "" };
    }),
  );
}

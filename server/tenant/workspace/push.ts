/**
 * `crmscript push`: sends the workspace's changes to the tenant without
 * ever overwriting anyone's work there. Only files changed since the last
 * pull or push are sent; each is checked against the tenant's copy right
 * before it is written (three ways: base, file, tenant) and refused when
 * someone changed it in the tenant since, unless forced. New script files
 * are created. Every script written is recorded as it lands (the base state
 * is saved every quarter second and at the end, a created script's manifest
 * entry at once); a push interrupted before recording a script finds the
 * tenant's copy equal to the file next time and records it then, so
 * pushing again resumes where it stopped. Nothing is
 * deleted in the tenant except by `deleteInTenant`, which names each script
 * and needs its local file to be gone.
 */
import type { TenantApi } from "../api.js";
import type { CRMScriptEntity, TriggerScriptEntity } from "../contract/types.js";
import { TenantError } from "../http.js";
import { folderOfFile, safeName, SCRIPT_FILE_EXTENSION, TRIGGERS_FOLDER } from "./layout.js";
import { fileOfStatus, type ItemStatus, readWorkspaceFile, remoteSnapshot, selectStatuses, statusOf } from "./status.js";
import { contentHash, type Entry, sameTime, type Workspace } from "./state.js";

export interface PushOptions {
  /** Overwrite tenant copies that changed since the last pull. */
  readonly force?: boolean;
  /**
   * A file's text at an earlier base the workspace has no record of (CI: the file in the commit before the
   * pushed one): the tenant's copy still being that text also proves nobody changed it there.
   */
  readonly baseTextOf?: (file: string) => string | undefined;
  /** Only these files (relative to the workspace); every changed file when empty. */
  readonly files?: readonly string[];
}

export interface Refusal {
  readonly file: string;
  readonly reason: string;
  /** The tenant's copy may hold someone else's work: only a forced push would send the file. */
  readonly conflict: boolean;
}

export interface PushReport {
  updated: string[];
  created: string[];
  /** Files not sent, with why (changed in the tenant since the last pull, removed there, no folder for a new file). */
  refused: Refusal[];
  /** Files whose requests failed (network, server); pushing again retries just these. */
  failed: { file: string; reason: string }[];
  unchanged: number;
}

export async function push(api: TenantApi, workspace: Workspace, options: PushOptions = {}): Promise<PushReport> {
  const remote = await remoteSnapshot(api);
  const report: PushReport = { updated: [], created: [], refused: [], failed: [], unchanged: 0 };
  const work: Promise<void>[] = [];
  // One file's failure does not stop the others: each is recorded as it lands, the failures are reported.
  const settle = (file: string, sending: Promise<void>): Promise<void> =>
    sending.catch((error: unknown) => {
      report.failed.push({ file, reason: error instanceof Error ? error.message : String(error) });
    });
  for (const status of selectStatuses(statusOf(workspace, remote), options.files)) {
    const file = fileOfStatus(status);
    if (status.kind === "new-local") work.push(settle(file, create(api, workspace, file, remote.folders, report)));
    else if (status.kind === "tracked") work.push(settle(file, update(api, workspace, status, options, report)));
  }
  await Promise.all(work);
  workspace.saveBase();
  return report;
}

async function update(
  api: TenantApi,
  workspace: Workspace,
  status: Extract<ItemStatus, { kind: "tracked" }>,
  options: PushOptions,
  report: PushReport,
): Promise<void> {
  const { entry } = status;
  const refused = report.refused;
  if (status.local !== "modified") {
    if (status.local === "unchanged") report.unchanged++;
    return;
  }
  if (status.remote === "deleted") {
    refused.push({ file: entry.file, reason: "removed in the tenant since the last pull; push will not create it again (pull reports it)", conflict: false });
    return;
  }
  const text = readWorkspaceFile(workspace, entry.file) as string;
  // The tenant's copy now, read right before writing: the lists may be a moment old.
  const current = entry.kind === "script" ? await api.getScript(entry.id) : await api.getTrigger(entry.id);
  const base = workspace.baseOf(entry.file);
  if (current.Source === text) {
    record(workspace, entry, current.Updated ?? "", text);
    report.unchanged++;
    return;
  }
  const earlier = options.baseTextOf?.(entry.file);
  const untouchedInTenant = (base !== undefined && sameTime(base.updated, current.Updated)) || (earlier !== undefined && earlier === current.Source);
  if (options.force !== true && !untouchedInTenant) {
    const reason =
      base === undefined && earlier === undefined
        ? "this workspace has no record of the tenant's copy (a fresh clone?): pull it first, or push --base-ref with the commit the tenant holds"
        : "changed in the tenant since the last pull: pull (or diff) first, or push --force to overwrite it";
    refused.push({ file: entry.file, reason, conflict: true });
    return;
  }
  const saved =
    entry.kind === "script"
      ? await api.putScript({ ...(current as CRMScriptEntity), Source: text })
      : await api.putTrigger({ ...(current as TriggerScriptEntity), Source: text });
  record(workspace, entry, saved.Updated ?? "", text);
  report.updated.push(entry.file);
}

/** A new script file: created in the tenant folder its path names (triggers under their event's folder). */
async function create(api: TenantApi, workspace: Workspace, file: string, folders: Parameters<typeof folderOfFile>[0], report: PushReport): Promise<void> {
  const refused = report.refused;
  const text = readWorkspaceFile(workspace, file) as string;
  const name = (file.split("/").at(-1) as string).replace(/\.[^.]+$/, "");
  if (file.startsWith(`${TRIGGERS_FOLDER}/`)) {
    refused.push({
      file,
      reason: "new trigger scripts are created in SuperOffice (they need an event and a screen); pull then brings them here",
      conflict: false,
    });
    return;
  }
  const folder = folderOfFile(folders, file);
  if (folder === undefined) {
    refused.push({ file, reason: "no folder of that name in the tenant's script hierarchy: create the folder there, or move the file", conflict: false });
    return;
  }
  if (!file.endsWith(SCRIPT_FILE_EXTENSION) || safeName(name) !== name) {
    refused.push({ file, reason: `a new script's file name is its include id and must end in ${SCRIPT_FILE_EXTENSION}`, conflict: false });
    return;
  }
  const created = await api.createScript({
    Name: name,
    IncludeId: name,
    HierarchyId: folder === "root" ? 0 : folder.id,
    Source: text,
    ScriptType: "CRMScript",
  });
  const entry: Entry = {
    kind: "script",
    file,
    id: created.EjscriptId ?? 0,
    uniqueIdentifier: created.UniqueIdentifier ?? "",
    name,
    includeId: created.IncludeId ?? name,
    folderId: created.HierarchyId ?? 0,
  };
  workspace.putEntries([entry]);
  workspace.saveManifest();
  record(workspace, entry, created.Updated ?? "", text);
  report.created.push(file);
}

/** How often a push saves the base state while it runs. */
const BASE_SAVE_INTERVAL_MS = 250;

/** Records a file as matching the tenant (saved with the next save of the base state). */
function record(workspace: Workspace, entry: Entry, updated: string, text: string): void {
  workspace.setBase(entry.file, { updated, hash: contentHash(text) });
  workspace.saveBaseEvery(BASE_SAVE_INTERVAL_MS);
}

/**
 * `crmscript push --delete NAME…`: deletes these scripts in the tenant. Each
 * must be named (file or include id), its local file must already be
 * deleted, and the tenant's copy must not have changed since the last pull
 * (unless forced).
 */
export async function deleteInTenant(
  api: TenantApi,
  workspace: Workspace,
  names: readonly string[],
  force = false,
): Promise<{ deleted: string[]; refused: Refusal[] }> {
  const deleted: string[] = [];
  const refused: Refusal[] = [];
  for (const name of names) {
    const entry = workspace.manifest.entries.find((candidate) => candidate.file === name || (candidate.kind === "script" && candidate.includeId === name));
    if (entry === undefined) {
      refused.push({ file: name, reason: "no script of this file or include id in the workspace", conflict: false });
      continue;
    }
    if (readWorkspaceFile(workspace, entry.file) !== undefined) {
      refused.push({
        file: entry.file,
        reason: "its local file still exists: delete the file first, so that deleting is a decision made twice",
        conflict: false,
      });
      continue;
    }
    try {
      const current = entry.kind === "script" ? await api.getScript(entry.id) : await api.getTrigger(entry.id);
      if (!force && !sameTime(workspace.baseOf(entry.file)?.updated, current.Updated)) {
        refused.push({ file: entry.file, reason: "changed in the tenant since the last pull: pull it and look first, or --force", conflict: true });
        continue;
      }
      if (entry.kind === "script") await api.deleteScript(entry.id);
      else await api.deleteTrigger(entry.id);
    } catch (error) {
      if (!(error instanceof TenantError) || error.kind !== "not-found") throw error;
    }
    workspace.removeEntry(entry.file);
    workspace.save();
    deleted.push(entry.file);
  }
  return { deleted, refused };
}

/**
 * The tenant scripts tree as plain data: the tenant's script folders (as its
 * hierarchy names them) holding their CRMScripts, then trigger scripts
 * grouped by the event they run on. When the open tenant workspace belongs
 * to the tenant, each script also carries its workspace file and sync
 * state. Folders come before scripts; names sort case-insensitively.
 */
import type { ScriptRow, TriggerRow } from "../../server/tenant/api.js";
import type { HierarchyEntity } from "../../server/tenant/contract/types.js";
import { describeStatus, type ItemStatus } from "../../server/tenant/workspace/status.js";
import { sideOf, type SyncSide } from "./sync-summary.js";

/** A script's place in the open tenant workspace. */
export interface WorkspaceState {
  /** Its file, relative to the workspace (where pull puts it). */
  readonly file: string;
  /** Whether that file is there now. */
  readonly present: boolean;
  readonly side: SyncSide;
  /** As `crmscript status` says it, such as "changed locally". */
  readonly description: string;
}

export interface FolderNode {
  readonly kind: "folder";
  readonly id: number;
  readonly name: string;
  readonly children: readonly TenantNode[];
}

export interface ScriptNode {
  readonly kind: "script";
  readonly id: number;
  readonly name: string;
  readonly includeId: string;
  readonly workspace?: WorkspaceState;
}

export interface TriggersNode {
  readonly kind: "triggers";
  readonly children: readonly EventNode[];
}

export interface EventNode {
  readonly kind: "event";
  readonly event: string;
  readonly children: readonly TriggerNode[];
}

export interface TriggerNode {
  readonly kind: "trigger";
  readonly id: number;
  readonly name: string;
  readonly event: string;
  readonly workspace?: WorkspaceState;
}

export type TenantNode = FolderNode | ScriptNode | TriggersNode | EventNode | TriggerNode;

const byName = (a: { name: string }, b: { name: string }): number =>
  a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.name.localeCompare(b.name);

/** The workspace state of every item, keyed `script:12` or `trigger:3`. */
export function workspaceStates(statuses: readonly ItemStatus[]): Map<string, WorkspaceState> {
  const states = new Map<string, WorkspaceState>();
  for (const status of statuses) {
    if (status.kind === "new-local") continue;
    const { entry } = status;
    const present = status.kind === "new-remote" ? status.fileExists : status.local !== "deleted";
    states.set(`${entry.kind}:${entry.id}`, { file: entry.file, present, side: sideOf(status), description: describeStatus(status) });
  }
  return states;
}

/**
 * The tree's top level: folders, then the scripts of the root folder, then
 * a `triggers` node (when there are trigger scripts). A script whose folder
 * the hierarchy does not list is shown at the top level.
 */
export function buildTenantTree(
  folders: readonly HierarchyEntity[],
  scripts: readonly ScriptRow[],
  triggers: readonly TriggerRow[],
  states: ReadonlyMap<string, WorkspaceState> = new Map(),
): TenantNode[] {
  const scriptsByFolder = new Map<number, ScriptNode[]>();
  for (const row of scripts) {
    const state = states.get(`script:${row.id}`);
    const node: ScriptNode = { kind: "script", id: row.id, name: row.name, includeId: row.includeId, ...(state === undefined ? {} : { workspace: state }) };
    const list = scriptsByFolder.get(row.hierarchyId);
    if (list === undefined) scriptsByFolder.set(row.hierarchyId, [node]);
    else list.push(node);
  }
  const placed = new Set<number>();
  const folderNode = (entity: HierarchyEntity, depth: number): FolderNode | undefined => {
    const id = entity.HierarchyId;
    if (id === undefined || placed.has(id) || depth > 100) return undefined;
    placed.add(id);
    const subfolders = (entity.Children ?? []).flatMap((child) => folderNode(child, depth + 1) ?? []).sort(byName);
    const own = (scriptsByFolder.get(id) ?? []).sort(byName);
    return { kind: "folder", id, name: entity.Name ?? `Folder ${id}`, children: [...subfolders, ...own] };
  };
  const topFolders = folders.flatMap((entity) => folderNode(entity, 0) ?? []).sort(byName);
  const loose = [...scriptsByFolder.entries()].filter(([id]) => !placed.has(id)).flatMap(([, list]) => list);
  const top: TenantNode[] = [...topFolders, ...loose.sort(byName)];
  if (triggers.length > 0) top.push({ kind: "triggers", children: triggerEvents(triggers, states) });
  return top;
}

function triggerEvents(triggers: readonly TriggerRow[], states: ReadonlyMap<string, WorkspaceState>): EventNode[] {
  const byEvent = new Map<string, TriggerNode[]>();
  for (const row of triggers) {
    const state = states.get(`trigger:${row.id}`);
    const node: TriggerNode = { kind: "trigger", id: row.id, name: row.name, event: row.event, ...(state === undefined ? {} : { workspace: state }) };
    const list = byEvent.get(row.event);
    if (list === undefined) byEvent.set(row.event, [node]);
    else list.push(node);
  }
  return [...byEvent.entries()]
    .map(([event, children]): EventNode => ({ kind: "event", event, children: children.sort(byName) }))
    .sort((a, b) => byName({ name: a.event }, { name: b.event }));
}

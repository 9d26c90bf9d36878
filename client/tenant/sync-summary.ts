/**
 * The sync state of a tenant workspace in a few words: every item's status
 * (`statusOf`) counted as changed here, changed in the tenant or in
 * conflict, the status bar's text and tooltip from those counts, and the
 * items worth listing (everything not in sync).
 */
import { describeStatus, type ItemStatus } from "../../server/tenant/workspace/status.js";

export interface SyncSummary {
  /** Changed, new or deleted in the workspace only: push sends them. */
  readonly changedHere: number;
  /** Changed, new or removed in the tenant only: pull brings them. */
  readonly changedInTenant: number;
  /** Changed on both sides, or a new tenant script whose file is already taken. */
  readonly conflicts: number;
  readonly unchanged: number;
}

export type SyncSide = "unchanged" | "here" | "tenant" | "conflict";

/** Which side an item changed on. */
export function sideOf(status: ItemStatus): SyncSide {
  if (status.kind === "new-local") return "here";
  if (status.kind === "new-remote") return status.fileExists ? "conflict" : "tenant";
  const { local, remote } = status;
  // As `describeStatus` says: a script removed in the tenant is that, whatever happened here (push refuses it).
  if (remote === "deleted") return "tenant";
  if (local !== "unchanged" && remote === "changed") return "conflict";
  if (local !== "unchanged") return "here";
  return remote === "changed" ? "tenant" : "unchanged";
}

export function summarize(statuses: readonly ItemStatus[]): SyncSummary {
  const counts: Record<SyncSide, number> = { unchanged: 0, here: 0, tenant: 0, conflict: 0 };
  for (const status of statuses) counts[sideOf(status)]++;
  return { changedHere: counts.here, changedInTenant: counts.tenant, conflicts: counts.conflict, unchanged: counts.unchanged };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The status bar's text: `Cust12345: 1 changed here, 2 in tenant, 1 conflict`, or `Cust12345: in sync`. */
export function statusText(tenant: string, summary: SyncSummary): string {
  const parts: string[] = [];
  if (summary.changedHere > 0) parts.push(`${summary.changedHere} changed here`);
  if (summary.changedInTenant > 0) parts.push(`${summary.changedInTenant} in tenant`);
  if (summary.conflicts > 0) parts.push(count(summary.conflicts, "conflict", "conflicts"));
  return `${tenant}: ${parts.length === 0 ? "in sync" : parts.join(", ")}`;
}

/** The tooltip: the tenant's address and each count spelled out. */
export function statusTooltip(apiBase: string, summary: SyncSummary): string {
  return [
    `Tenant workspace of ${apiBase}`,
    `${count(summary.changedHere, "script", "scripts")} changed here (push sends them)`,
    `${count(summary.changedInTenant, "script", "scripts")} changed in the tenant (pull brings them)`,
    `${count(summary.conflicts, "conflict", "conflicts")} (changed on both sides)`,
    `${summary.unchanged} unchanged`,
  ].join("\n");
}

/** An item that is not in sync, as a list shows it. */
export interface ChangedItem {
  readonly file: string;
  readonly side: Exclude<SyncSide, "unchanged">;
  readonly description: string;
}

/** The items not in sync, conflicts first, then by file. */
export function changedItems(statuses: readonly ItemStatus[]): ChangedItem[] {
  const order: Record<ChangedItem["side"], number> = { conflict: 0, here: 1, tenant: 2 };
  const items: ChangedItem[] = [];
  for (const status of statuses) {
    const side = sideOf(status);
    if (side === "unchanged") continue;
    items.push({ file: status.kind === "new-local" ? status.file : status.entry.file, side, description: describeStatus(status) });
  }
  return items.sort((a, b) => order[a.side] - order[b.side] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

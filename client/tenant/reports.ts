/**
 * What pull and push tell the user: one message per report, how serious it
 * is, the files in conflict (to compare), and the files a forced run would
 * change (push: only those refused because they changed in the tenant; a
 * script removed there, or a new file without a folder, is not helped by
 * forcing).
 */
import type { PullReport } from "../../server/tenant/workspace/pull.js";
import type { PushReport } from "../../server/tenant/workspace/push.js";

export interface ReportMessage {
  readonly severity: "info" | "warning" | "error";
  readonly text: string;
  /** Files changed on both sides: what Compare shows. */
  readonly conflicts: readonly string[];
  /** Files that only a forced run would write (after the user confirms). */
  readonly forceable: readonly string[];
}

function scripts(n: number): string {
  return `${n} ${n === 1 ? "script" : "scripts"}`;
}

/** Up to three files by name, then how many more. */
export function fileList(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(", ");
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}

export function pullMessage(report: PullReport, tenant: string): ReportMessage {
  if (report.conflicts.length > 0) {
    const n = report.conflicts.length;
    return {
      severity: "warning",
      text: `Nothing was pulled from ${tenant}: ${n === 1 ? "1 file changed here was" : `${n} files changed here were`} also changed in the tenant (${fileList(report.conflicts)}). Compare them, push them, or overwrite your changes.`,
      conflicts: report.conflicts,
      forceable: report.conflicts,
    };
  }
  const notes: string[] = [];
  if (report.removedInTenant.length > 0)
    notes.push(`${scripts(report.removedInTenant.length)} removed in the tenant (kept here: ${fileList(report.removedInTenant)})`);
  if (report.deletedLocally.length > 0) notes.push(`${scripts(report.deletedLocally.length)} deleted here (not restored: ${fileList(report.deletedLocally)})`);
  const text = `Pulled ${scripts(report.written.length)} from ${tenant}, ${report.unchanged} unchanged.${notes.length > 0 ? ` ${notes.join("; ")}.` : ""}`;
  return { severity: notes.length > 0 ? "warning" : "info", text, conflicts: [], forceable: [] };
}

export function pushMessage(report: PushReport, tenant: string): ReportMessage {
  const sent = report.updated.length + report.created.length;
  const conflicts = report.refused.filter((refusal) => refusal.conflict).map((refusal) => refusal.file);
  const others = report.refused.filter((refusal) => !refusal.conflict);
  const parts =
    sent === 0 && report.refused.length + report.failed.length > 0
      ? [`Nothing was pushed to ${tenant}.`]
      : [`Pushed ${scripts(sent)} to ${tenant}${report.created.length > 0 ? ` (${report.created.length} new)` : ""}, ${report.unchanged} unchanged.`];
  if (conflicts.length > 0) {
    parts.push(
      `${conflicts.length === 1 ? "1 script was" : `${conflicts.length} scripts were`} not pushed, because ${conflicts.length === 1 ? "it" : "they"} changed in the tenant since your last pull: ${fileList(conflicts)}.`,
    );
  }
  for (const refusal of others) parts.push(`Not pushed: ${refusal.file}: ${refusal.reason}.`);
  if (report.failed.length > 0) parts.push(`Failed (push again to retry): ${report.failed.map((failure) => `${failure.file}: ${failure.reason}`).join("; ")}.`);
  const severity = report.failed.length > 0 ? "error" : report.refused.length > 0 ? "warning" : "info";
  return { severity, text: parts.join(" "), conflicts, forceable: conflicts };
}

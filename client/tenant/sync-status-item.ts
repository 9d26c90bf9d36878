/**
 * The status bar item of the open tenant workspace: its tenant and sync
 * state (changed here, changed in the tenant, conflicts; see
 * `sync-summary.ts`), a spinner while it is read, a warning when the tenant
 * cannot be reached. Clicking it lists what is not in sync. Hidden when no
 * tenant workspace is open.
 */
import * as vscode from "vscode";
import { describeError, needsSignIn } from "./errors.js";
import { statusText, statusTooltip, summarize } from "./sync-summary.js";
import type { SyncState, TenantWorkspaceState } from "./workspace-state.js";

export class SyncStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("crmscript.tenant.sync", vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(state: TenantWorkspaceState) {
    this.item.name = "CRMScript tenant sync";
    this.subscription = state.onDidChange((current) => this.update(current));
    this.update(state.state);
  }

  private update(state: SyncState): void {
    switch (state.kind) {
      case "none":
        this.item.hide();
        return;
      case "loading":
        this.item.text = `$(sync~spin) ${state.label}`;
        this.item.tooltip = `Reading the state of ${state.apiBase}…`;
        this.item.command = undefined;
        this.item.backgroundColor = undefined;
        break;
      case "failed":
        this.item.text = `$(cloud-offline) ${state.label}: not connected`;
        this.item.tooltip = `${state.apiBase}\n${describeError(state.error)}`;
        this.item.command = needsSignIn(state.error) ? "crmscript.tenant.signIn" : "crmscript.tenant.refresh";
        this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.warningBackground");
        break;
      default: {
        const summary = summarize(state.statuses);
        this.item.text = `$(${summary.conflicts > 0 ? "warning" : "cloud"}) ${statusText(state.label, summary)}`;
        this.item.tooltip = `${statusTooltip(state.apiBase, summary)}\n\nClick to list the changes.`;
        this.item.command = "crmscript.tenant.showChanges";
        this.item.backgroundColor = summary.conflicts > 0 ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
      }
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

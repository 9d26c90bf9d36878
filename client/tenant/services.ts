/**
 * What the tenant commands work with, made once at activation: the
 * connections, the open workspace's state, the tree, the tenant copies,
 * the compiler's diagnostics, the Accounts provider and the two output
 * channels (the log, and what scripts run in the tenant print).
 */
import type * as vscode from "vscode";
import type { SuperOfficeAuthProvider } from "./auth-provider.js";
import type { TenantConnections } from "./connections.js";
import type { TenantCopies } from "./tenant-copies.js";
import type { TenantDiagnostics } from "./tenant-diagnostics.js";
import type { TenantTreeProvider } from "./tree-view.js";
import type { TenantWorkspaceState } from "./workspace-state.js";

export interface TenantServices {
  readonly connections: TenantConnections;
  readonly state: TenantWorkspaceState;
  readonly tree: TenantTreeProvider;
  readonly copies: TenantCopies;
  readonly diagnostics: TenantDiagnostics;
  readonly auth: SuperOfficeAuthProvider;
  readonly log: vscode.LogOutputChannel;
  readonly runOutput: vscode.OutputChannel;
}

/** After anything that may have changed the tenant or the workspace: read both again. */
export function afterChange(services: TenantServices): void {
  services.copies.forget();
  services.tree.refresh();
  void services.state.refresh();
}

/**
 * The tenant scripts features of the extension, wired into VS Code: the
 * SuperOffice authentication provider (Accounts menu) over a SecretStorage
 * token store, the "SuperOffice Tenant Scripts" view, the read-only tenant
 * copies, the status item of the open tenant workspace, the commands, and
 * their output channels. The work itself is `server/tenant/`; nothing here
 * starts until the extension is activated.
 */
import * as vscode from "vscode";
import { AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, SESSION_SCOPES, SuperOfficeAuthProvider } from "./auth-provider.js";
import { registerTenantCommands } from "./commands.js";
import { TenantConnections } from "./connections.js";
import { describeError } from "./errors.js";
import { isTokenStoreKey, SecretTokenStore } from "./secret-token-store.js";
import type { TenantServices } from "./services.js";
import { changedItems } from "./sync-summary.js";
import { SyncStatusItem } from "./sync-status-item.js";
import { TenantCopies } from "./tenant-copies.js";
import { TenantDiagnostics } from "./tenant-diagnostics.js";
import { TENANT_SCHEME } from "./tenant-uri.js";
import { TenantTreeProvider } from "./tree-view.js";
import { TenantWorkspaceState } from "./workspace-state.js";

export const TENANT_VIEW_ID = "crmscript.tenantScripts";

export function activateTenantFeatures(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel("CRMScript Tenant", { log: true });
  const runOutput = vscode.window.createOutputChannel("CRMScript Run in Tenant");
  const store = new SecretTokenStore(context.secrets);
  const connections = new TenantConnections(store, process.env);
  const auth = new SuperOfficeAuthProvider(store, log);
  const state = new TenantWorkspaceState(connections, log);
  const tree = new TenantTreeProvider(connections, state, log);
  const copies = new TenantCopies(connections);
  const diagnostics = new TenantDiagnostics();
  const services: TenantServices = { connections, state, tree, copies, diagnostics, auth, log, runOutput };

  // The tree shows each script's sync state: it is read again when the workspace, or what is out of sync, changes.
  let shown = "";
  context.subscriptions.push(
    log,
    runOutput,
    auth,
    state,
    tree,
    copies,
    diagnostics,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, auth, { supportsMultipleAccounts: true }),
    vscode.workspace.registerFileSystemProvider(TENANT_SCHEME, copies, { isReadonly: true, isCaseSensitive: true }),
    vscode.window.createTreeView(TENANT_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    new SyncStatusItem(state),
    ...registerTenantCommands(services),
    // Sign-ins made, renewed or removed in another window.
    context.secrets.onDidChange((event) => {
      if (isTokenStoreKey(event.key)) void auth.storeChanged();
    }),
    auth.onDidChangeSessions(() => {
      tree.refresh();
      void state.refresh();
    }),
    state.onDidChange((current) => {
      const now = current.kind === "ready" ? `${current.root}\n${JSON.stringify(changedItems(current.statuses))}` : current.kind === "none" ? "" : current.root;
      if (current.kind !== "loading" && now !== shown) {
        shown = now;
        tree.refresh();
      }
    }),
  );
  void vscode.commands.executeCommand("setContext", "crmscript.tenant.available", true);
  void start(services).catch((error: unknown) => log.error(`The tenant features did not start: ${describeError(error)}`));
}

/** Reads the stored sign-ins and the workspace's state; a tenant workspace without any credentials asks for a sign-in in the Accounts menu. */
async function start(services: TenantServices): Promise<void> {
  await services.auth.load();
  await services.state.refresh();
  if (services.state.root !== undefined && (await services.connections.available()).length === 0) {
    // Neither silent nor creating: VS Code shows the request in the Accounts menu (until a session with these scopes is added).
    await vscode.authentication.getSession(AUTH_PROVIDER_ID, SESSION_SCOPES, {});
  }
}

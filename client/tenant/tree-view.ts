/**
 * The "SuperOffice Tenant Scripts" view: one root per tenant the extension
 * can reach (each stored sign-in, and the environment's credentials), under
 * it the tenant's script folders, scripts and triggers (`tree-model.ts`),
 * read when a root is expanded and again on refresh. A tenant that the
 * open tenant workspace belongs to shows each script's sync state. A click
 * on a script opens its read-only tenant copy.
 */
import * as vscode from "vscode";
import { foldersOf } from "../../server/tenant/workspace/layout.js";
import { statusOf } from "../../server/tenant/workspace/status.js";
import type { AvailableTenant, TenantConnections } from "./connections.js";
import { describeError } from "./errors.js";
import { environmentLabel, sameApiBase, tenantLabel, userLabel } from "./labels.js";
import { ENVIRONMENT_CONNECTION } from "./tenant-uri.js";
import { buildTenantTree, type TenantNode, type WorkspaceState, workspaceStates } from "./tree-model.js";
import type { TenantWorkspaceState } from "./workspace-state.js";

export type TenantElement =
  | { readonly type: "tenant"; readonly connection: string; readonly tenant: AvailableTenant; readonly workspace: boolean }
  | { readonly type: "node"; readonly connection: string; readonly node: TenantNode; readonly path: string }
  | { readonly type: "message"; readonly connection: string; readonly text: string; readonly error: boolean };

export class TenantTreeProvider implements vscode.TreeDataProvider<TenantElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TenantElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly connections: TenantConnections,
    private readonly workspace: TenantWorkspaceState,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Reads everything again when next shown. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(element?: TenantElement): Promise<TenantElement[]> {
    if (element === undefined) {
      const tenants = await this.connections.available();
      const workspaceBase = this.workspace.state.kind === "none" ? undefined : this.workspace.state.apiBase;
      return tenants.map((tenant) => ({
        type: "tenant",
        connection: tenant.key,
        tenant,
        workspace: workspaceBase !== undefined && sameApiBase(workspaceBase, tenant.apiBase),
      }));
    }
    if (element.type === "tenant") return this.tenantChildren(element);
    if (element.type === "message") return [];
    const { node } = element;
    if (node.kind === "folder" || node.kind === "triggers" || node.kind === "event") {
      return node.children.map((child, index) => ({
        type: "node",
        connection: element.connection,
        node: child,
        path: `${element.path}/${keyOf(child, index)}`,
      }));
    }
    return [];
  }

  private async tenantChildren(element: Extract<TenantElement, { type: "tenant" }>): Promise<TenantElement[]> {
    const { connection } = element;
    try {
      const { api } = await this.connections.forKey(connection);
      const [folders, scripts, triggers] = await Promise.all([api.scriptFolders(), api.listScripts(), api.listTriggers()]);
      let states = new Map<string, WorkspaceState>();
      if (element.workspace) {
        const workspace = this.workspace.open();
        if (workspace !== undefined) {
          states = workspaceStates(statusOf(workspace, { folders: foldersOf(folders), scripts, triggers }));
        }
      }
      const nodes = buildTenantTree(folders, scripts, triggers, states);
      if (nodes.length === 0) return [{ type: "message", connection, text: "No scripts in this tenant", error: false }];
      return nodes.map((node, index) => ({ type: "node", connection, node, path: `${connection}/${keyOf(node, index)}` }));
    } catch (error) {
      this.log.error(`Cannot list the scripts of ${tenantLabel(element.tenant.apiBase)}: ${describeError(error)}`);
      return [{ type: "message", connection, text: describeError(error), error: true }];
    }
  }

  getTreeItem(element: TenantElement): vscode.TreeItem {
    if (element.type === "tenant") return tenantItem(element.tenant, element.workspace);
    if (element.type === "message") {
      const item = new vscode.TreeItem(element.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(element.error ? "error" : "info");
      item.tooltip = element.text;
      return item;
    }
    return nodeItem(element);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function keyOf(node: TenantNode, index: number): string {
  switch (node.kind) {
    case "folder":
      return `folder-${node.id}`;
    case "script":
      return `script-${node.id}`;
    case "trigger":
      return `trigger-${node.id}`;
    case "event":
      return `event-${node.event}`;
    default:
      return `triggers-${index}`;
  }
}

function tenantItem(tenant: AvailableTenant, workspace: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(tenantLabel(tenant.apiBase), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `tenant/${tenant.key}`;
  item.iconPath = new vscode.ThemeIcon("cloud");
  const who = tenant.signIn === undefined ? "environment credentials" : `${userLabel(tenant.signIn)} · ${environmentLabel(tenant.signIn.discoveryUrl)}`;
  item.description = workspace ? `${who} · this workspace` : who;
  item.tooltip = `${tenant.apiBase}\n${tenant.key === ENVIRONMENT_CONNECTION ? "From SUPEROFFICE_API_URL and its token" : `Profile ${tenant.key}`}`;
  item.contextValue = tenant.key === ENVIRONMENT_CONNECTION ? "tenantEnvironment" : "tenantProfile";
  return item;
}

function nodeItem(element: Extract<TenantElement, { type: "node" }>): vscode.TreeItem {
  const { node } = element;
  switch (node.kind) {
    case "folder": {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = element.path;
      item.iconPath = vscode.ThemeIcon.Folder;
      return item;
    }
    case "triggers": {
      const item = new vscode.TreeItem("Triggers", vscode.TreeItemCollapsibleState.Collapsed);
      item.id = element.path;
      item.iconPath = new vscode.ThemeIcon("zap");
      return item;
    }
    case "event": {
      const item = new vscode.TreeItem(node.event, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = element.path;
      item.iconPath = new vscode.ThemeIcon("symbol-event");
      return item;
    }
    default: {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
      item.id = element.path;
      const state = node.workspace;
      const detail = node.kind === "script" ? node.includeId : node.event;
      item.description = state === undefined || state.side === "unchanged" ? detail : `${detail} · ${state.description}`;
      item.iconPath = new vscode.ThemeIcon(node.kind === "script" ? "file-code" : "zap", state === undefined ? undefined : sideColor(state.side));
      item.tooltip = new vscode.MarkdownString(
        [
          `**${node.name}**`,
          node.kind === "script" ? `Include id \`${node.includeId}\`` : `Trigger on ${node.event}`,
          state === undefined ? "" : `Workspace: \`${state.file}\` (${state.description})`,
        ]
          .filter((line) => line !== "")
          .join("\n\n"),
      );
      item.contextValue = `tenant${node.kind === "script" ? "Script" : "Trigger"}${state?.present ? ".local" : ""}`;
      item.command = { title: "Open Tenant Copy", command: "crmscript.tenant.openRemote", arguments: [element] };
      return item;
    }
  }
}

function sideColor(side: WorkspaceState["side"]): vscode.ThemeColor | undefined {
  if (side === "conflict") return new vscode.ThemeColor("list.errorForeground");
  if (side === "here") return new vscode.ThemeColor("gitDecoration.modifiedResourceForeground");
  if (side === "tenant") return new vscode.ThemeColor("gitDecoration.untrackedResourceForeground");
  return undefined;
}

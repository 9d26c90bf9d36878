/**
 * The open tenant workspace and its sync state: the folder holding
 * `crmscript-tenant.json` at or above a workspace folder, found again when
 * a manifest appears or goes or the folders change, and every item's status
 * against the tenant (`statusOf`), refreshed on request (after each
 * operation) and shortly after a file in the workspace is saved. The status
 * item and the tree listen to it; the context key `crmscript.tenant.workspace`
 * says whether there is one.
 */
import { isAbsolute, relative } from "node:path";
import * as vscode from "vscode";
import { MANIFEST_FILE, findWorkspace, Workspace } from "../../server/tenant/workspace/state.js";
import { type ItemStatus, remoteSnapshot, statusOf } from "../../server/tenant/workspace/status.js";
import type { TenantConnection, TenantConnections } from "./connections.js";
import { describeError } from "./errors.js";
import { tenantLabel } from "./labels.js";

export type SyncState =
  | { readonly kind: "none" }
  | { readonly kind: "loading"; readonly root: string; readonly label: string; readonly apiBase: string }
  | { readonly kind: "ready"; readonly root: string; readonly label: string; readonly apiBase: string; readonly statuses: readonly ItemStatus[] }
  | { readonly kind: "failed"; readonly root: string; readonly label: string; readonly apiBase: string; readonly error: unknown };

/** How long after a save the state is refreshed (saves in a row refresh once). */
const SAVE_DELAY_MS = 800;

export class TenantWorkspaceState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SyncState>();
  readonly onDidChange = this.changed.event;
  private current: SyncState = { kind: "none" };
  private readonly subscriptions: vscode.Disposable[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The refresh under way, and whether another was asked for meanwhile. */
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly connections: TenantConnections,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const manifests = vscode.workspace.createFileSystemWatcher(`**/${MANIFEST_FILE}`);
    this.subscriptions.push(
      manifests,
      manifests.onDidCreate(() => void this.refresh()),
      manifests.onDidDelete(() => void this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      vscode.workspace.onDidSaveTextDocument((document) => {
        const root = this.root;
        if (root !== undefined && document.uri.scheme === "file" && isInside(root, document.uri.fsPath)) this.refreshSoon();
      }),
    );
  }

  get state(): SyncState {
    return this.current;
  }

  /** The workspace's folder, when one is open. */
  get root(): string | undefined {
    return this.current.kind === "none" ? undefined : this.current.root;
  }

  /** The tenant workspace as it is on disk now (each operation reads it afresh), or undefined. */
  open(): Workspace | undefined {
    const root = this.find();
    return root === undefined ? undefined : Workspace.open(root);
  }

  /** Finds the workspace again and asks the tenant for its state; concurrent calls share one run and one more after it. */
  refresh(): Promise<void> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  private refreshSoon(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.refresh(), SAVE_DELAY_MS);
  }

  private async run(): Promise<void> {
    let workspace: Workspace | undefined;
    try {
      workspace = this.open();
    } catch (error) {
      this.log.error(`Cannot read the tenant workspace: ${describeError(error)}`);
    }
    await vscode.commands.executeCommand("setContext", "crmscript.tenant.workspace", workspace !== undefined);
    if (workspace === undefined) return this.set({ kind: "none" });
    const { root } = workspace;
    const apiBase = workspace.manifest.tenant.apiBase;
    const label = tenantLabel(apiBase);
    if (this.current.kind === "none" || this.current.root !== root) this.set({ kind: "loading", root, label, apiBase });
    let connection: TenantConnection;
    try {
      connection = await this.connections.forWorkspace(workspace);
      const statuses = statusOf(workspace, await remoteSnapshot(connection.api));
      this.set({ kind: "ready", root, label, apiBase, statuses });
    } catch (error) {
      this.log.warn(`Cannot get the sync state of ${root}: ${describeError(error)}`);
      this.set({ kind: "failed", root, label, apiBase, error });
    }
  }

  private set(state: SyncState): void {
    this.current = state;
    this.changed.fire(state);
  }

  private find(): string | undefined {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== "file") continue;
      const root = findWorkspace(folder.uri.fsPath);
      if (root !== undefined) return root;
    }
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}

/** Whether a path is inside a folder (or is it). */
export function isInside(folder: string, path: string): boolean {
  const inner = relative(folder, path);
  return inner === "" || (!inner.startsWith("..") && !isAbsolute(inner));
}

/**
 * Pull, push and compare in VS Code, over `server/tenant/workspace`: each
 * with a progress notification, a message saying what happened, and
 * conflicts shown before anything is overwritten (Compare opens the
 * tenant's copy beside the file; overwriting needs a second, explicit
 * confirmation). Pulling into a folder that is not yet a tenant workspace
 * makes it one, after asking. Also the list of what is not in sync, and a
 * tenant script opened read-only.
 */
import { basename } from "node:path";
import * as vscode from "vscode";
import { pull } from "../../server/tenant/workspace/pull.js";
import { push } from "../../server/tenant/workspace/push.js";
import { MANIFEST_FILE, Workspace } from "../../server/tenant/workspace/state.js";
import { remoteSnapshot, statusOf } from "../../server/tenant/workspace/status.js";
import type { AvailableTenant, TenantConnection } from "./connections.js";
import { showTenantError, UserCancelled } from "./errors.js";
import { sameApiBase, tenantLabel, userLabel } from "./labels.js";
import { pullMessage, pushMessage, type ReportMessage } from "./reports.js";
import { afterChange, type TenantServices } from "./services.js";
import { changedItems } from "./sync-summary.js";
import { givenFiles, isTenantElement, oneFile, requireWorkspace, saveUnsaved } from "./targets.js";
import { tenantCopyUri } from "./tenant-copies.js";
import { ENVIRONMENT_CONNECTION } from "./tenant-uri.js";
import type { TenantElement } from "./tree-view.js";

type Progress = <T>(title: string, work: () => Promise<T>) => Thenable<T>;

const withProgress: Progress = (title, work) => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, work);

export async function pullCommand(services: TenantServices, target: unknown, selected: unknown): Promise<void> {
  const existing = services.state.open();
  const tenantTarget = isTenantElement(target) && target.type === "tenant" ? target.tenant : undefined;
  const itemTarget =
    isTenantElement(target) && target.type === "node" && (target.node.kind === "script" || target.node.kind === "trigger") ? target : undefined;
  let workspace: Workspace;
  let connection: TenantConnection;
  if (existing === undefined) {
    ({ workspace, connection } = await newWorkspace(services, isTenantElement(target) ? target.connection : undefined));
  } else {
    workspace = existing;
    connection = await services.connections.forWorkspace(workspace);
    if (isTenantElement(target)) {
      // A tree item may belong to another tenant than the workspace's.
      const targetBase = tenantTarget?.apiBase ?? (await services.connections.forKey(target.connection)).apiBase;
      if (!sameApiBase(targetBase, workspace.manifest.tenant.apiBase)) {
        throw new Error(`this folder is the tenant workspace of ${workspace.manifest.tenant.apiBase}; open another folder to pull from ${targetBase}`);
      }
    }
  }
  const files = itemTarget !== undefined ? [await fileOfItem(workspace, connection, itemTarget)] : givenFiles(workspace, target, selected);
  await saveUnsaved(workspace, files);
  const report = await withProgress(`Pulling from ${connection.label}…`, () => pull(connection.api, workspace, { files }));
  afterChange(services);
  const message = pullMessage(report, connection.label);
  services.log.info(message.text);
  if (message.conflicts.length === 0 && itemTarget !== undefined && report.written.length === 1) {
    await vscode.window.showTextDocument(vscode.Uri.file(workspace.absolute(report.written[0] as string)));
  }
  void offer(services, message, workspace, connection, "Overwrite Local Changes…", async () => {
    const count = message.forceable.length;
    const confirmed = await vscode.window.showWarningMessage(
      `Overwrite your changes to ${count === 1 ? "1 file" : `${count} files`} with the tenant's copies?`,
      { modal: true, detail: "Your local changes to these files are lost. Compare them first to keep what you need." },
      "Overwrite",
    );
    if (confirmed !== "Overwrite") return;
    // Forced only for the files the user was asked about; then the rest of what was asked for, unforced.
    const forced = await withProgress(`Pulling from ${connection.label}…`, async () => {
      const overwritten = await pull(connection.api, Workspace.open(workspace.root), { files: message.forceable, force: true });
      const rest = await pull(connection.api, Workspace.open(workspace.root), { files });
      // The overwritten files are unchanged to the second run: count them as pulled.
      return { ...rest, written: [...overwritten.written, ...rest.written], unchanged: Math.max(0, rest.unchanged - overwritten.written.length) };
    });
    afterChange(services);
    void show(pullMessage(forced, connection.label));
  });
}

export async function pushCommand(services: TenantServices, target: unknown, selected: unknown): Promise<void> {
  const workspace = requireWorkspace(services.state);
  const connection = await services.connections.forWorkspace(workspace);
  const files = givenFiles(workspace, target, selected);
  await saveUnsaved(workspace, files);
  const report = await withProgress(`Pushing to ${connection.label}…`, () => push(connection.api, workspace, { files }));
  afterChange(services);
  const message = pushMessage(report, connection.label);
  services.log.info(message.text);
  void offer(services, message, workspace, connection, "Push Anyway…", async () => {
    const count = message.forceable.length;
    const confirmed = await vscode.window.showWarningMessage(
      `Overwrite the tenant's copies of ${count === 1 ? "1 script" : `${count} scripts`}?`,
      { modal: true, detail: `What was changed in ${connection.label} since your last pull is lost. Compare first to keep what you need.` },
      "Overwrite",
    );
    if (confirmed !== "Overwrite") return;
    const forced = await withProgress(`Pushing to ${connection.label}…`, () =>
      push(connection.api, Workspace.open(workspace.root), { files: message.forceable, force: true }),
    );
    afterChange(services);
    void show(pushMessage(forced, connection.label));
  });
}

/** Shows a report; with conflicts, offers Compare and the forced run (`forceAction`), and does what is chosen. */
async function offer(
  services: TenantServices,
  message: ReportMessage,
  workspace: Workspace,
  connection: TenantConnection,
  forceAction: string,
  force: () => Promise<void>,
): Promise<void> {
  const actions = message.forceable.length > 0 ? ["Compare", forceAction] : [];
  const choice = await show(message, actions);
  try {
    if (choice === "Compare") await compareFiles(services, workspace, connection, message.conflicts);
    else if (choice === forceAction) await force();
  } catch (error) {
    await showTenantError(choice ?? "", error, services.log);
  }
}

function show(message: ReportMessage, actions: string[] = []): Thenable<string | undefined> {
  if (message.severity === "error") return vscode.window.showErrorMessage(message.text, ...actions);
  if (message.severity === "warning") return vscode.window.showWarningMessage(message.text, ...actions);
  return vscode.window.showInformationMessage(message.text, ...actions);
}

/** Compares a file given or the active editor's with the tenant's copy. */
export async function compareCommand(services: TenantServices, target: unknown): Promise<void> {
  const workspace = requireWorkspace(services.state);
  const file = oneFile(workspace, target);
  await compareFiles(services, workspace, await services.connections.forWorkspace(workspace), [file]);
}

/** Opens the tenant's copy beside the file (asking which when there are several). */
async function compareFiles(services: TenantServices, workspace: Workspace, connection: TenantConnection, files: readonly string[]): Promise<void> {
  const file =
    files.length === 1 ? files[0] : (await vscode.window.showQuickPick([...files], { placeHolder: "Compare which file with the tenant?" }))?.toString();
  if (file === undefined) return;
  const entry = workspace.entryOf(file) ?? (await newRemoteEntry(workspace, connection, file));
  if (entry === undefined) throw new Error(`${file} is not a script of ${connection.label} (push creates it there)`);
  services.copies.forget();
  const tenant = tenantCopyUri({ connection: connection.key, kind: entry.kind, id: entry.id, name: basename(file) });
  await vscode.commands.executeCommand("vscode.diff", tenant, vscode.Uri.file(workspace.absolute(file)), `${basename(file)} (${connection.label} ↔ local)`);
}

/** The tenant item a file not yet in the manifest would be pulled from (a new tenant script whose file is in the way). */
async function newRemoteEntry(workspace: Workspace, connection: TenantConnection, file: string) {
  const status = statusOf(workspace, await remoteSnapshot(connection.api)).find(
    (candidate) => candidate.kind === "new-remote" && candidate.entry.file === file,
  );
  return status?.kind === "new-remote" ? status.entry : undefined;
}

/** The workspace file of a tree item: where the workspace has it, or where pull will put it. */
async function fileOfItem(workspace: Workspace, connection: TenantConnection, element: Extract<TenantElement, { type: "node" }>): Promise<string> {
  const { node } = element;
  if ((node.kind === "script" || node.kind === "trigger") && node.workspace !== undefined) return node.workspace.file;
  const status = statusOf(workspace, await remoteSnapshot(connection.api)).find(
    (candidate) => candidate.kind !== "new-local" && candidate.entry.kind === node.kind && "id" in node && candidate.entry.id === node.id,
  );
  if (status === undefined || status.kind === "new-local") throw new Error(`${"name" in node ? node.name : "the item"} is not in ${connection.label} any more`);
  return status.entry.file;
}

/** Makes the first workspace folder a tenant workspace, after asking which tenant (if several) and whether to. */
async function newWorkspace(services: TenantServices, key: string | undefined): Promise<{ workspace: Workspace; connection: TenantConnection }> {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === "file");
  if (folder === undefined) throw new Error("open a folder to pull the tenant's scripts into");
  const chosen = key ?? (await pickTenant(services));
  const connection = await services.connections.forKey(chosen);
  const confirmed = await vscode.window.showInformationMessage(
    `Pull the scripts of ${connection.label} into ${folder.name}?`,
    { modal: true, detail: `The folder becomes the tenant workspace of ${connection.apiBase} (${MANIFEST_FILE} records which scripts are where).` },
    "Pull",
  );
  if (confirmed !== "Pull") throw new UserCancelled("the folder was not made a tenant workspace");
  const workspace = Workspace.create(folder.uri.fsPath, { apiBase: connection.apiBase, ...(chosen === ENVIRONMENT_CONNECTION ? {} : { profile: chosen }) });
  return { workspace, connection };
}

/** The tenant to use: the only one, or the one the user picks; signing in first when there is none. */
async function pickTenant(services: TenantServices): Promise<string> {
  const tenants = await services.connections.available();
  if (tenants.length === 1) return (tenants[0] as AvailableTenant).key;
  if (tenants.length === 0) {
    const choice = await vscode.window.showInformationMessage("Sign in to SuperOffice to pull a tenant's scripts.", "Sign In");
    if (choice === "Sign In") await vscode.commands.executeCommand("crmscript.tenant.signIn");
    throw new UserCancelled("not signed in");
  }
  const picked = await vscode.window.showQuickPick(
    tenants.map((tenant) => ({
      label: tenantLabel(tenant.apiBase),
      description: tenant.signIn === undefined ? "environment credentials" : userLabel(tenant.signIn),
      detail: tenant.apiBase,
      key: tenant.key,
    })),
    { placeHolder: "Pull the scripts of which tenant?" },
  );
  if (picked === undefined) throw new UserCancelled("no tenant was chosen");
  return picked.key;
}

/** Lists what is not in sync; the one picked is compared (or opened). */
export async function showChangesCommand(services: TenantServices): Promise<void> {
  await services.state.refresh();
  const state = services.state.state;
  if (state.kind === "none") throw new Error("no tenant workspace is open");
  if (state.kind === "failed") throw state.error;
  if (state.kind !== "ready") return;
  const items = changedItems(state.statuses);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(`The workspace is in sync with ${state.label}.`);
    return;
  }
  const icons = { conflict: "$(warning)", here: "$(arrow-up)", tenant: "$(arrow-down)" } as const;
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({ label: `${icons[item.side]} ${item.file}`, description: item.description, file: item.file })),
    { placeHolder: `Not in sync with ${state.label}: pick one to compare it with the tenant's copy` },
  );
  if (picked === undefined) return;
  const workspace = requireWorkspace(services.state);
  const connection = await services.connections.forWorkspace(workspace);
  const status = state.statuses.find((candidate) => (candidate.kind === "new-local" ? candidate.file : candidate.entry.file) === picked.file);
  if (status === undefined) return;
  if (status.kind === "new-local" || (status.kind === "tracked" && status.remote === "deleted")) {
    await vscode.window.showTextDocument(vscode.Uri.file(workspace.absolute(picked.file)));
  } else if ((status.kind === "tracked" && status.local !== "deleted") || (status.kind === "new-remote" && status.fileExists)) {
    await compareFiles(services, workspace, connection, [picked.file]);
  } else {
    const { entry } = status;
    await vscode.window.showTextDocument(tenantCopyUri({ connection: connection.key, kind: entry.kind, id: entry.id, name: basename(entry.file) }));
  }
}

/** Opens a tree item's tenant copy, read-only. */
export async function openTenantCopyCommand(target: unknown): Promise<void> {
  if (!isTenantElement(target) || target.type !== "node" || (target.node.kind !== "script" && target.node.kind !== "trigger")) {
    throw new Error("pick a script in the SuperOffice Tenant Scripts view");
  }
  const { node } = target;
  await vscode.window.showTextDocument(tenantCopyUri({ connection: target.connection, kind: node.kind, id: node.id, name: node.name }), { preview: true });
}

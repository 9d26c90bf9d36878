/**
 * What a tenant command is about: the open tenant workspace (or an error
 * saying how to get one), the files it was given (an Explorer selection,
 * an editor's title or context menu, a tree item) or else the active
 * editor's file, as paths relative to the workspace, and saving unsaved
 * files there before the tenant sees them.
 */
import { statSync } from "node:fs";
import { relative } from "node:path";
import * as vscode from "vscode";
import type { Workspace } from "../../server/tenant/workspace/state.js";
import { UserCancelled } from "./errors.js";
import type { TenantElement } from "./tree-view.js";
import { isInside, type TenantWorkspaceState } from "./workspace-state.js";

export function isTenantElement(value: unknown): value is TenantElement {
  return typeof value === "object" && value !== null && "type" in value && ["tenant", "node", "message"].includes(String((value as { type: unknown }).type));
}

/** The open tenant workspace; throws when there is none. */
export function requireWorkspace(state: TenantWorkspaceState): Workspace {
  const workspace = state.open();
  if (workspace === undefined)
    throw new Error("no tenant workspace is open (no crmscript-tenant.json in the folder): pull a tenant's scripts into a folder first");
  return workspace;
}

/** A file as the workspace names it (relative, with `/`), or undefined when it is outside. */
export function workspaceFile(workspace: Workspace, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== "file" || !isInside(workspace.root, uri.fsPath)) return undefined;
  return relative(workspace.root, uri.fsPath).split("\\").join("/");
}

/** The files a command was given (`selected` is the Explorer's multi-selection); none when it was given none. */
export function givenFiles(workspace: Workspace, target: unknown, selected: unknown): string[] {
  if (isTenantElement(target)) {
    return target.type === "node" && (target.node.kind === "script" || target.node.kind === "trigger") && target.node.workspace !== undefined
      ? [target.node.workspace.file]
      : [];
  }
  const uris = Array.isArray(selected) && selected.length > 0 ? selected : target instanceof vscode.Uri ? [target] : [];
  return uris.flatMap((uri) => {
    if (!(uri instanceof vscode.Uri)) return [];
    const file = workspaceFile(workspace, uri);
    if (file === undefined) throw new Error(`${uri.fsPath} is not in the tenant workspace ${workspace.root}`);
    if (file === "") return [];
    if (isFolder(uri.fsPath)) throw new Error(`${file} is a folder: pick script files, or the workspace's folder for all of them`);
    return [file];
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The one file a command is about: the one given, else the active editor's. */
export function oneFile(workspace: Workspace, target: unknown): string {
  const [given] = givenFiles(workspace, target, undefined);
  if (given !== undefined) return given;
  const active = vscode.window.activeTextEditor?.document.uri;
  const file = active === undefined ? undefined : workspaceFile(workspace, active);
  if (file === undefined || file === "") throw new Error("open a script of the tenant workspace in the editor first");
  return file;
}

/** Saves the unsaved files of the workspace, after asking; throws `UserCancelled` when the user declines. */
export async function saveUnsaved(workspace: Workspace, files: readonly string[] = []): Promise<void> {
  const wanted = new Set(files);
  const dirty = vscode.workspace.textDocuments.filter((document) => {
    if (!document.isDirty) return false;
    const file = workspaceFile(workspace, document.uri);
    return file !== undefined && (wanted.size === 0 || wanted.has(file));
  });
  if (dirty.length === 0) return;
  const names = dirty.map((document) => workspaceFile(workspace, document.uri)).join(", ");
  const choice = await vscode.window.showWarningMessage(
    `${dirty.length === 1 ? "1 file has" : `${dirty.length} files have`} unsaved changes (${names}). Save before going on?`,
    { modal: true },
    "Save",
  );
  if (choice !== "Save") throw new UserCancelled("unsaved files were not saved");
  for (const document of dirty) if (!(await document.save())) throw new Error(`cannot save ${document.uri.fsPath}`);
}

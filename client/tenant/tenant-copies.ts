/**
 * Read-only copies of tenant scripts in the editor: a file system for the
 * `crmscript-tenant` scheme (see `tenant-uri.ts`) that reads a script's or
 * trigger's source from the tenant and refuses every change. What `stat`
 * reads is kept a few seconds for the `readFile` that follows; `forget`
 * drops it and tells open editors to read again (after a pull or push).
 */
import * as vscode from "vscode";
import type { TenantConnections } from "./connections.js";
import { parseTenantCopyPath, TENANT_SCHEME, type TenantCopy, tenantCopyPath } from "./tenant-uri.js";

const KEEP_MS = 5_000;

export function tenantCopyUri(copy: TenantCopy): vscode.Uri {
  return vscode.Uri.from({ scheme: TENANT_SCHEME, path: tenantCopyPath(copy) });
}

export class TenantCopies implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly read = new Map<string, { bytes: Uint8Array; mtime: number; at: number }>();

  constructor(private readonly connections: TenantConnections) {}

  /** Forgets what was read and tells open copies to read again. */
  forget(): void {
    const uris = [...this.read.keys()].map((key) => vscode.Uri.parse(key, true));
    this.read.clear();
    if (uris.length > 0) this.changed.fire(uris.map((uri) => ({ type: vscode.FileChangeType.Changed, uri })));
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const copy = await this.fetch(uri, false);
    return { type: vscode.FileType.File, ctime: 0, mtime: copy.mtime, size: copy.bytes.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.fetch(uri, true)).bytes;
  }

  private async fetch(uri: vscode.Uri, reuse: boolean): Promise<{ bytes: Uint8Array; mtime: number }> {
    const key = uri.toString();
    const kept = this.read.get(key);
    if (reuse && kept !== undefined && Date.now() - kept.at < KEEP_MS) return kept;
    const copy = parseTenantCopyPath(uri.path);
    if (copy === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    const { api } = await this.connections.forKey(copy.connection);
    const entity = copy.kind === "script" ? await api.getScript(copy.id) : await api.getTrigger(copy.id);
    const updated = Date.parse(entity.Updated ?? "");
    const fetched = { bytes: new TextEncoder().encode(entity.Source ?? ""), mtime: Number.isNaN(updated) ? 0 : updated, at: Date.now() };
    this.read.set(key, fetched);
    return fetched;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * A tenant workspace on disk: the folder holding `crmscript-tenant.json`
 * (the tracked manifest: which tenant, its script folders, and for every
 * pulled script its file, id, names, folder or event; sorted, stable, no
 * secrets) and `.crmscript/base.json` (untracked: what each file was at the
 * last pull or push, the tenant's `Updated` and a content hash), found
 * upward from a folder like `.crmscriptrc.json`. Both are written atomically.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { replaceAtomically } from "../../node/write-source.js";

export const MANIFEST_FILE = "crmscript-tenant.json";
const BASE_FOLDER = ".crmscript";
const BASE_FILE = "base.json";

export interface TenantInfo {
  /** The tenant's API base (not a secret), such as `https://sod.superoffice.com/Cust12345/api/`. */
  readonly apiBase: string;
  /** The sign-in profile that reaches it, if one was used. */
  readonly profile?: string;
}

export interface FolderEntry {
  readonly id: number;
  /** The folder's path in the tenant's hierarchy, names joined by `/`. */
  readonly path: string;
}

export interface ScriptEntry {
  readonly kind: "script";
  /** The file, relative to the workspace, with `/`. */
  readonly file: string;
  readonly id: number;
  readonly uniqueIdentifier: string;
  readonly name: string;
  readonly includeId: string;
  readonly folderId: number;
}

export interface TriggerEntry {
  readonly kind: "trigger";
  readonly file: string;
  readonly id: number;
  readonly uniqueIdentifier: string;
  readonly name: string;
  /** The event the trigger runs on (`ScreenType`). */
  readonly event: string;
}

export type Entry = ScriptEntry | TriggerEntry;

export interface Manifest {
  readonly tenant: TenantInfo;
  readonly folders: readonly FolderEntry[];
  readonly entries: readonly Entry[];
}

/** What a file was when it last matched the tenant. */
export interface BaseRecord {
  /** The tenant's `Updated` of the script then. */
  readonly updated: string;
  /** The content hash of the file then. */
  readonly hash: string;
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Whether two of the tenant's `Updated` values are the same moment (lists and entities may write them differently). */
export function sameTime(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const [left, right] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(left) && left === right;
}

/** The folder at or above `from` that holds a manifest, or undefined. */
export function findWorkspace(from: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, MANIFEST_FILE))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

export class Workspace {
  private base: Record<string, BaseRecord>;
  private baseSavedAt = 0;

  private constructor(
    readonly root: string,
    public manifest: Manifest,
    base: Record<string, BaseRecord>,
  ) {
    this.base = base;
  }

  /** The workspace at `root` (its manifest must exist). */
  static open(root: string): Workspace {
    const manifest = parseManifest(readFileSync(join(root, MANIFEST_FILE), "utf8"), join(root, MANIFEST_FILE));
    let base: Record<string, BaseRecord> = {};
    try {
      base = (JSON.parse(readFileSync(join(root, BASE_FOLDER, BASE_FILE), "utf8")) as { files: Record<string, BaseRecord> }).files ?? {};
    } catch {
      // No base yet (a fresh clone of a repository): every file is compared with the tenant as if nothing was pulled.
    }
    return new Workspace(root, manifest, base);
  }

  /** A new workspace at `root` for a tenant (nothing written until `save`). */
  static create(root: string, tenant: TenantInfo): Workspace {
    return new Workspace(root, { tenant, folders: [], entries: [] }, {});
  }

  baseOf(file: string): BaseRecord | undefined {
    return this.base[file];
  }

  setBase(file: string, record: BaseRecord | undefined): void {
    if (record === undefined) delete this.base[file];
    else this.base[file] = record;
  }

  entryOf(file: string): Entry | undefined {
    return this.manifest.entries.find((entry) => entry.file === file);
  }

  /** Replaces the entries for the files given (and adds new ones), keeping the others. */
  putEntries(entries: readonly Entry[]): void {
    const files = new Set(entries.map((entry) => entry.file));
    this.manifest = { ...this.manifest, entries: [...this.manifest.entries.filter((entry) => !files.has(entry.file)), ...entries] };
  }

  removeEntry(file: string): void {
    this.manifest = { ...this.manifest, entries: this.manifest.entries.filter((entry) => entry.file !== file) };
    this.setBase(file, undefined);
  }

  absolute(file: string): string {
    return join(this.root, ...file.split("/"));
  }

  /** Writes the manifest and the base state (each atomically). */
  save(): void {
    this.saveManifest();
    this.saveBase();
  }

  saveManifest(): void {
    writeAtomically(join(this.root, MANIFEST_FILE), formatManifest(this.manifest));
  }

  /** Saves the base state unless it was saved less than `intervalMs` ago (a long push saves it as it goes, not per file). */
  saveBaseEvery(intervalMs: number): void {
    if (performance.now() - this.baseSavedAt >= intervalMs) this.saveBase();
  }

  saveBase(): void {
    this.baseSavedAt = performance.now();
    const folder = join(this.root, BASE_FOLDER);
    mkdirSync(folder, { recursive: true });
    // The base state is this machine's: keep it out of version control.
    if (!existsSync(join(folder, ".gitignore"))) writeFileSync(join(folder, ".gitignore"), "*\n");
    const files = Object.fromEntries(Object.entries(this.base).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    writeAtomically(join(folder, BASE_FILE), `${JSON.stringify({ files }, null, 2)}\n`);
  }
}

/** The manifest as text: sorted, two-space JSON, one entry per line, so it diffs well. */
export function formatManifest(manifest: Manifest): string {
  const byPath = (a: { path?: string; file?: string }, b: { path?: string; file?: string }): number => {
    const left = a.file ?? a.path ?? "";
    const right = b.file ?? b.path ?? "";
    return left < right ? -1 : left > right ? 1 : 0;
  };
  const lines = [
    "{",
    `  "tenant": ${JSON.stringify(manifest.tenant)},`,
    `  "folders": [${listLines([...manifest.folders].sort(byPath))}],`,
    `  "entries": [${listLines([...manifest.entries].sort(byPath))}]`,
    "}",
  ];
  return `${lines.join("\n")}\n`;
}

function listLines(items: readonly object[]): string {
  return items.length === 0 ? "" : `\n${items.map((item) => `    ${JSON.stringify(item)}`).join(",\n")}\n  `;
}

export function parseManifest(text: string, where: string): Manifest {
  const data = JSON.parse(text) as Partial<Manifest>;
  if (typeof data.tenant?.apiBase !== "string" || !Array.isArray(data.folders) || !Array.isArray(data.entries)) {
    throw new Error(`${where} is not a tenant workspace manifest (it needs "tenant", "folders" and "entries")`);
  }
  return data as Manifest;
}

/** Writes a text file atomically, making its folder; a new file gets the default permissions, a replaced one keeps its own. */
export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const mode = existsSync(path) ? statSync(path).mode & 0o7777 : undefined;
  replaceAtomically(path, Buffer.from(text, "utf8"), mode);
}

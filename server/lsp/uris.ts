/**
 * Document URIs and the file paths analysis works with. `file:` URIs map to
 * their file-system paths; other schemes (an unsaved `untitled:` buffer)
 * get a stable made-up path under `/<scheme>/`. The way back uses the
 * client's own spelling of the URI where it is known: an open document's
 * until it closes, and for other files the most recently seen few thousand
 * (least recently used go first), so the map stays bounded however many
 * documents come and go.
 */
import { URI } from "vscode-uri";
import { isWindowsPath, normalizePath } from "../analysis/paths.js";
import { MAX_REMEMBERED_URIS } from "./limits.js";

export class UriMap {
  /** Open documents' URIs by path, kept until they close. */
  private readonly openUris = new Map<string, string>();
  /** Other URIs by path, least recently used first. */
  private readonly recentUris = new Map<string, string>();

  constructor(private readonly limit = MAX_REMEMBERED_URIS) {}

  toPath(uri: string): string {
    const path = pathOf(uri);
    if (!this.openUris.has(path)) this.remember(path, uri);
    return path;
  }

  toUri(path: string): string {
    const open = this.openUris.get(path);
    if (open !== undefined) return open;
    const recent = this.recentUris.get(path);
    if (recent === undefined) return fileUriOf(path);
    this.remember(path, recent);
    return recent;
  }

  /** A document opened: its URI is kept until it closes. Returns its path. */
  opened(uri: string): string {
    const path = pathOf(uri);
    this.recentUris.delete(path);
    this.openUris.set(path, uri);
    return path;
  }

  /** A document closed: its URI is forgotten. */
  closed(uri: string): void {
    const path = pathOf(uri);
    if (this.openUris.get(path) === uri) this.openUris.delete(path);
    this.recentUris.delete(path);
  }

  /** How many URIs are remembered. */
  get size(): number {
    return this.openUris.size + this.recentUris.size;
  }

  private remember(path: string, uri: string): void {
    this.recentUris.delete(path);
    this.recentUris.set(path, uri);
    if (this.recentUris.size > this.limit) this.recentUris.delete(this.recentUris.keys().next().value as string);
  }
}

/**
 * The path of a URI, the same on every system: `file:///c%3A/Scripts/a.crm`
 * is `C:\Scripts\a.crm`, `file://server/share/a.crm` is
 * `\\server\share\a.crm`, `file:///home/a.crm` is `/home/a.crm`.
 */
function pathOf(uri: string): string {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== "file") return `/${parsed.scheme}/${parsed.authority}${parsed.path}`.replace(/\/+/g, "/");
  if (parsed.authority !== "") return normalizePath(`\\\\${parsed.authority}${parsed.path}`.replace(/\//g, "\\"));
  if (/^\/[A-Za-z]:/.test(parsed.path)) return normalizePath(parsed.path.slice(1));
  return normalizePath(parsed.path);
}

/** The `file:` URI of a path, spelled as VS Code spells it (a lower-case drive letter, `:` encoded). */
function fileUriOf(path: string): string {
  if (!isWindowsPath(path)) return URI.file(path).toString();
  const slashed = path.replace(/\\/g, "/");
  if (slashed.startsWith("//")) {
    const [authority = "", ...rest] = slashed.slice(2).split("/");
    return URI.from({ scheme: "file", authority, path: `/${rest.join("/")}` }).toString();
  }
  return URI.from({ scheme: "file", authority: "", path: `/${slashed.charAt(0).toLowerCase()}${slashed.slice(1)}` }).toString();
}

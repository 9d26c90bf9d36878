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
    if (recent === undefined) return URI.file(path).toString();
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

function pathOf(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === "file" ? parsed.fsPath : `/${parsed.scheme}/${parsed.authority}${parsed.path}`.replace(/\/+/g, "/");
}

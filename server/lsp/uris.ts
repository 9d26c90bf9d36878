/**
 * Document URIs and the file paths analysis works with. `file:` URIs map to
 * their file-system paths; other schemes (an unsaved `untitled:` buffer)
 * get a stable made-up path under `/<scheme>/`, remembered for the way back.
 */
import { URI } from "vscode-uri";

export class UriMap {
  private readonly uriByPath = new Map<string, string>();

  toPath(uri: string): string {
    const parsed = URI.parse(uri);
    const path = parsed.scheme === "file" ? parsed.fsPath : `/${parsed.scheme}/${parsed.authority}${parsed.path}`.replace(/\/+/g, "/");
    this.uriByPath.set(path, uri);
    return path;
  }

  toUri(path: string): string {
    return this.uriByPath.get(path) ?? URI.file(path).toString();
  }
}

/**
 * Texts given directly (open editor documents, standard input), which win
 * over the file system, and the file system as analysis sees it through
 * them: an overlaid file exists and lists in its folder even when it is not
 * on disk (yet, or any more).
 */
import type { FileSystem } from "./file-system.js";
import { basenameOf, dirnameOf, samePath } from "./paths.js";

export class Overlays {
  private readonly texts = new Map<string, string>();

  get(path: string): string | undefined {
    return this.texts.get(path);
  }

  has(path: string): boolean {
    return this.texts.has(path);
  }

  /** Makes `text` the content of `path`; returns whether that changed anything. */
  set(path: string, text: string): boolean {
    if (this.texts.get(path) === text) return false;
    this.texts.set(path, text);
    return true;
  }

  /** Goes back to the file system's content; returns whether there was an overlay. */
  delete(path: string): boolean {
    return this.texts.delete(path);
  }

  /** The names of the overlaid files directly in `folder`. */
  namesIn(folder: string): string[] {
    return [...this.texts.keys()].filter((path) => samePath(dirnameOf(path), folder)).map((path) => basenameOf(path));
  }
}

/**
 * `base` seen through `overlays`, with `held` (texts already read, which
 * stay what analysis saw until the file is invalidated) in between.
 */
export function overlaid(overlays: Overlays, base: FileSystem, held: (path: string) => string | undefined): FileSystem {
  return {
    readFile: (path) => overlays.get(path) ?? held(path) ?? base.readFile(path),
    exists: (path) => overlays.has(path) || held(path) !== undefined || (base.exists?.(path) ?? base.readFile(path) !== undefined),
    listFolder: (folder) => {
      const listed = base.listFolder?.(folder);
      const extra = overlays.namesIn(folder);
      if (extra.length === 0) return listed;
      return [...new Set([...(listed ?? []), ...extra])];
    },
  };
}

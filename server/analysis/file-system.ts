/**
 * How analysis reads scripts it was not handed directly (included files):
 * a minimal file-system interface, so the analysis layer does no I/O of its
 * own. The CLI and the language server pass a real one; tests pass a
 * `MemoryFileSystem`.
 */
import { basenameOf, dirnameOf, samePath } from "./paths.js";

export interface FileSystem {
  /** The text of the file at an absolute path, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** Whether a file exists, without reading it (by default: whether `readFile` finds it). */
  exists?(path: string): boolean;
  /** The names of the files directly in a folder (absolute path), or undefined when it cannot be listed. */
  listFolder?(folder: string): string[] | undefined;
}

/** Files held in memory, by absolute path. */
export class MemoryFileSystem implements FileSystem {
  private readonly files: Map<string, string>;

  constructor(files: Record<string, string> = {}) {
    this.files = new Map(Object.entries(files));
  }

  readFile(path: string): string | undefined {
    return this.files.get(path);
  }

  exists(path: string): boolean {
    return this.files.has(path);
  }

  /** The files whose folder is `folder`; undefined when there are none (the folder does not exist). */
  listFolder(folder: string): string[] | undefined {
    const names = [...this.files.keys()].filter((path) => samePath(dirnameOf(path), folder)).map((path) => basenameOf(path));
    return names.length === 0 ? undefined : names;
  }

  writeFile(path: string, text: string): void {
    this.files.set(path, text);
  }

  deleteFile(path: string): void {
    this.files.delete(path);
  }
}

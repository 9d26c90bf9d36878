/**
 * Finding the workspace's scripts in the background. Folders are read one
 * at a time without blocking (so the server handles messages between
 * them; opening a home folder delays nothing), in the order and with the
 * rules of `crmscript-lint`'s folder search: sorted, depth first, skipping
 * `node_modules` and dot-folders, not following links. The scripts of each
 * folder are handed over as soon as it has been read; the scan can be
 * stopped, and says when it has ended. It reads through `node:fs`'s
 * `promises`, which Node loads when first used: importing `node:fs/promises`
 * would load it with the server, 4 ms of every start.
 */
import { type Dirent, promises as fileSystem } from "node:fs";
import { join } from "node:path";

export class WorkspaceScan {
  private stopped = false;
  private started: Promise<number | undefined> | undefined;

  constructor(
    private readonly roots: readonly string[],
    private readonly extensions: readonly string[],
  ) {}

  /** Starts the scan (once); resolves with how many scripts it found, or undefined when it was stopped first. */
  start(found: (scripts: readonly string[]) => void): Promise<number | undefined> {
    this.started ??= this.run(found);
    return this.started;
  }

  /** Settles when the scan has ended, however it ended; at once when it never started. */
  async ended(): Promise<void> {
    await this.started?.catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(found: (scripts: readonly string[]) => void): Promise<number | undefined> {
    const seen = new Set<string>();
    const pending = [...this.roots].reverse();
    for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
      const entries = await entriesOf(folder);
      if (this.stopped) return undefined;
      const scripts: string[] = [];
      const subfolders: string[] = [];
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "node_modules" && !entry.name.startsWith(".")) subfolders.push(path);
        } else if (entry.isFile() && this.isScript(entry.name) && !seen.has(path)) {
          seen.add(path);
          scripts.push(path);
        }
      }
      for (let index = subfolders.length - 1; index >= 0; index--) pending.push(subfolders[index] as string);
      if (scripts.length > 0) found(scripts);
    }
    return seen.size;
  }

  private isScript(name: string): boolean {
    const lower = name.toLowerCase();
    return this.extensions.some((extension) => lower.endsWith(extension.toLowerCase()));
  }
}

/** A folder's entries, sorted by name; none when it cannot be read. */
async function entriesOf(folder: string): Promise<Dirent[]> {
  try {
    const entries = await fileSystem.readdir(folder, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

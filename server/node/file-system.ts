/**
 * The analysis `FileSystem` on Node's `fs`, for the front ends: files are
 * decoded whatever their encoding; a file that is missing or unreadable is
 * undefined, never an exception, and so is a folder that cannot be listed.
 */
import { readdirSync, statSync } from "node:fs";
import type { FileSystem } from "../analysis/file-system.js";
import { readSource } from "./read-source.js";

export const nodeFileSystem: FileSystem = {
  readFile(path: string): string | undefined {
    try {
      return readSource(path);
    } catch {
      return undefined;
    }
  },
  exists(path: string): boolean {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  listFolder(folder: string): string[] | undefined {
    try {
      // Symbolic links are listed too: most point at files, and a script name that turns out to be a folder is not found when included.
      return readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isFile() || entry.isSymbolicLink())
        .map((entry) => entry.name);
    } catch {
      return undefined;
    }
  },
};

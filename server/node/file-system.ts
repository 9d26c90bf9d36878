/**
 * The analysis `FileSystem` on Node's `fs`, for the front ends: files are
 * decoded whatever their encoding; a file that is missing or unreadable is
 * undefined, never an exception.
 */
import { statSync } from "node:fs";
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
};

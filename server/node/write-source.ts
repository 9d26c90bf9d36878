/**
 * Writing a changed script back without damaging anything else in it: the
 * file must still hold the text the change was made from; it is written in
 * the encoding, with the byte-order mark and the permissions it had (line
 * endings are part of the text, so they stay as they were), only when the
 * text changed, and atomically: into a temporary file in the same folder
 * that then replaces it. A file that cannot be written back faithfully is
 * left untouched and the reason thrown as a `SourceWriteError`.
 */
import { accessSync, chmodSync, closeSync, constants, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { decodeSourceFile, describeEncoding, encodeSource } from "./read-source.js";

/** Why a file was left as it was. */
export class SourceWriteError extends Error {}

/** Replaces `original` with `changed` in the file at `path`; false when there was nothing to write. */
export function writeSourceFile(path: string, original: string, changed: string): boolean {
  if (changed === original) return false;
  const target = realpathSync(path);
  const bytes = readFileSync(target);
  const { text, encoding } = decodeSourceFile(bytes);
  if (text !== original) throw new SourceWriteError("the file changed after it was read; run again");
  const again = encodeSource(text, encoding);
  if (again === undefined || Buffer.compare(Buffer.from(again), bytes) !== 0) {
    throw new SourceWriteError(`its bytes are not exactly ${describeEncoding(encoding)}, so it cannot be written back unchanged`);
  }
  const encoded = encodeSource(changed, encoding);
  if (encoded === undefined) throw new SourceWriteError(`the changed text cannot be written in the file's encoding, ${describeEncoding(encoding)}`);
  const mode = statSync(target).mode & 0o7777;
  // A file nobody may write is read-only for this tool too, even where the process could write it (as root).
  if ((mode & 0o222) === 0 || !isWritable(target)) throw new SourceWriteError("the file is read-only");
  replaceAtomically(target, encoded, mode);
  return true;
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the bytes to a new file beside `target`, then renames it over
 * `target`: readers see the old file or the new one, never half of it. With
 * `mode`, the file gets exactly those permissions; without, a new file's
 * defaults.
 */
export function replaceAtomically(target: string, bytes: Uint8Array, mode?: number): void {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const handle = openSync(temporary, "wx", mode ?? 0o666);
    try {
      writeSync(handle, bytes);
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    // The mode given to open is reduced by the umask; a replaced file keeps exactly the permissions it had.
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

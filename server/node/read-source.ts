/**
 * Reads a script file as text whatever its encoding: UTF-8 (with or without
 * a byte-order mark) and UTF-16 with a byte-order mark. Bytes that are not
 * valid UTF-8 become U+FFFD instead of failing the read.
 */
import { readFileSync } from "node:fs";

const utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
const utf16le = new TextDecoder("utf-16le", { fatal: false, ignoreBOM: false });
const utf16be = new TextDecoder("utf-16be", { fatal: false, ignoreBOM: false });

export function decodeSource(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes);
  return utf8.decode(bytes);
}

export function readSource(path: string): string {
  return decodeSource(readFileSync(path));
}

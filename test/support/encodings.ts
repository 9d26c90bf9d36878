/**
 * The encodings a script file may come in, for tests that check a tool
 * writes a file back the way it found it (`--fix`, `--write`).
 */
import iconv from "iconv-lite";

/** Each encoding to test: a title, its iconv name, and whether it has a byte-order mark. */
export const SOURCE_ENCODINGS: readonly (readonly [title: string, encoding: string, bom: boolean])[] = [
  ["UTF-8", "utf-8", false],
  ["UTF-8 with a byte-order mark", "utf-8", true],
  ["UTF-16LE with a byte-order mark", "utf-16le", true],
  ["UTF-16BE with a byte-order mark", "utf-16be", true],
  ["Windows code page 1252", "windows-1252", false],
];

/** `text` encoded as `encoding`, with a byte-order mark when `bom`. */
export function bytesOf(text: string, encoding: string, bom: boolean): Buffer {
  return iconv.encode(text, encoding, { addBOM: bom });
}

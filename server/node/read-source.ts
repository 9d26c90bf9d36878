/**
 * Script files as text, and back: which encoding a file's bytes are in
 * (UTF-8 with or without a byte-order mark, UTF-16 LE or BE with a mark, or,
 * when the bytes are not valid UTF-8, the Windows code page 1252 that older
 * Windows editors write), decoding them, and encoding a text the same way
 * again. Writers use the encoding to give a file back exactly as it was
 * except for what they changed.
 */
import { readFileSync } from "node:fs";
import type { ConfigFileText } from "../config/resolve.js";
import { decodeWindows1252, encodeWindows1252 } from "./code-page-1252.js";

/** How a file's text is stored. */
export interface SourceEncoding {
  readonly name: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  /** Whether the bytes start with a byte-order mark. */
  readonly bom: boolean;
}

export interface DecodedSource {
  readonly text: string;
  readonly encoding: SourceEncoding;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder("utf-16le", { fatal: false, ignoreBOM: true });
const utf16be = new TextDecoder("utf-16be", { fatal: false, ignoreBOM: true });

/** Reads the encoding from the bytes: a byte-order mark, else valid UTF-8, else code page 1252. */
export function decodeSourceFile(bytes: Uint8Array): DecodedSource {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text !== undefined) return { text, encoding: { name: "utf-8", bom: true } };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16le.decode(bytes.subarray(2)), encoding: { name: "utf-16le", bom: true } };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16be.decode(bytes.subarray(2)), encoding: { name: "utf-16be", bom: true } };
  const text = tryUtf8(bytes);
  if (text !== undefined) return { text, encoding: { name: "utf-8", bom: false } };
  return { text: decodeWindows1252(bytes), encoding: { name: "windows-1252", bom: false } };
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A script's text, whatever its encoding (the byte-order mark is not part of it). */
export function decodeSource(bytes: Uint8Array): string {
  return decodeSourceFile(bytes).text;
}

export function readSource(path: string): string {
  return decodeSource(readFileSync(path));
}

/**
 * A configuration file's text, or undefined when it cannot be read (missing,
 * a folder). JSON is Unicode: bytes that are neither UTF-8 nor UTF-16 with a
 * byte-order mark are a problem, reported at the first character that is
 * not ASCII.
 */
export function readConfigText(path: string): ConfigFileText | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const { text, encoding } = decodeSourceFile(bytes);
  if (encoding.name !== "windows-1252") return text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class is every ASCII character; the first outside it is reported.
  const offset = Math.max(0, text.search(/[^\x00-\x7f]/));
  return { text, offset, problem: "the file is not valid UTF-8 (it looks like a legacy code page such as Windows-1252): save it as UTF-8" };
}

const BOMS: Record<SourceEncoding["name"], readonly number[]> = {
  "utf-8": [0xef, 0xbb, 0xbf],
  "utf-16le": [0xff, 0xfe],
  "utf-16be": [0xfe, 0xff],
  "windows-1252": [],
};

/**
 * The bytes of `text` in `encoding`, or undefined when the encoding cannot
 * hold every character of it (decoding the bytes must give the text back).
 */
export function encodeSource(text: string, encoding: SourceEncoding): Uint8Array | undefined {
  const body = encodeBody(text, encoding.name);
  const bom = encoding.bom ? BOMS[encoding.name] : [];
  const bytes = new Uint8Array(bom.length + body.length);
  bytes.set(bom, 0);
  bytes.set(body, bom.length);
  const back = decodeSourceFile(bytes);
  return back.text === text && back.encoding.name === encoding.name && back.encoding.bom === encoding.bom ? bytes : undefined;
}

function encodeBody(text: string, name: SourceEncoding["name"]): Uint8Array {
  switch (name) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "utf-16le":
      return Buffer.from(text, "utf16le");
    case "utf-16be":
      return Buffer.from(text, "utf16le").swap16();
    case "windows-1252":
      return encodeWindows1252(text);
  }
}

/** "UTF-8 with a byte-order mark", "windows-1252": for messages. */
export function describeEncoding(encoding: SourceEncoding): string {
  const name = encoding.name === "windows-1252" ? "Windows code page 1252" : encoding.name.toUpperCase();
  return encoding.bom ? `${name} with a byte-order mark` : name;
}

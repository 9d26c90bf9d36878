/**
 * Windows code page 1252, the single-byte encoding older Windows editors
 * save scripts in, as the WHATWG Encoding Standard defines it: bytes below
 * 0x80 and from 0xA0 are the Unicode characters of the same number; 0x80 to
 * 0x9F are the 32 characters below, where the five bytes the code page
 * leaves undefined stand for the control characters of their own number, so
 * every byte sequence reads as text and is written back as the same bytes.
 * (Node 20's `TextDecoder("windows-1252")` decodes 0x80 to 0x9F as Latin-1.)
 */

/** The characters of bytes 0x80 to 0x9F. */
const HIGH_CONTROL_RANGE = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const characterOfByte = Uint16Array.from({ length: 256 }, (_, byte) => (byte >= 0x80 && byte < 0xa0 ? (HIGH_CONTROL_RANGE[byte - 0x80] as number) : byte));
const byteOfCharacter = new Map<number, number>(Array.from(characterOfByte, (character, byte) => [character, byte]));

/** Characters turned into a string per call of `String.fromCharCode` (its arguments go on the stack). */
const CHUNK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let index = start; index < end; index++) codes[index - start] = characterOfByte[bytes[index] as number] as number;
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/** The bytes of `text`; a character the code page lacks becomes `?` (callers check that decoding gives the text back). */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = byteOfCharacter.get(text.charCodeAt(index)) ?? 0x3f;
  return bytes;
}

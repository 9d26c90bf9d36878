/**
 * Code page 1252 (`server/node/code-page-1252.ts`) against iconv-lite as an
 * independent reference: the same character for every defined byte, the
 * Encoding Standard's control characters for the five undefined ones, and
 * every byte sequence written back as the same bytes.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeWindows1252, encodeWindows1252 } from "../../server/node/code-page-1252.js";

const UNDEFINED_BYTES = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const everyByte = Uint8Array.from({ length: 256 }, (_, byte) => byte);

describe("code page 1252", () => {
  it("reads each defined byte as iconv-lite does, and each undefined one as the control character of its number", () => {
    const ours = decodeWindows1252(everyByte);
    const reference = iconv.decode(Buffer.from(everyByte), "windows-1252");
    expect(ours).toHaveLength(256);
    for (let byte = 0; byte < 256; byte++) {
      const expected = UNDEFINED_BYTES.includes(byte) ? String.fromCharCode(byte) : reference[byte];
      expect([byte, ours[byte]]).toEqual([byte, expected]);
    }
    expect(ours[0x80]).toBe("€");
  });

  it("writes the characters back as the bytes they came from, as iconv-lite does for the defined ones", () => {
    expect(Buffer.from(encodeWindows1252(decodeWindows1252(everyByte))).equals(Buffer.from(everyByte))).toBe(true);
    const defined = decodeWindows1252(everyByte.filter((byte) => !UNDEFINED_BYTES.includes(byte)));
    expect(Buffer.from(encodeWindows1252(defined)).equals(iconv.encode(defined, "windows-1252"))).toBe(true);
  });

  it("writes a character the code page lacks as '?'", () => {
    expect([...encodeWindows1252("a\u0100\u{1f600}b")]).toEqual([0x61, 0x3f, 0x3f, 0x3f, 0x62]);
  });

  it("reads a large file whole", () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, index) => (index * 7) % 256);
    const text = decodeWindows1252(bytes);
    expect(text).toHaveLength(bytes.length);
    expect(Buffer.from(encodeWindows1252(text)).equals(Buffer.from(bytes))).toBe(true);
  });
});

/**
 * `--fix` never changes anything in a file but the fixed text: the encoding
 * (UTF-8 with and without a byte-order mark, UTF-16 LE and BE, Windows code
 * page 1252), line endings (CRLF, mixed), the permissions and symbolic links
 * stay as they were; the file is replaced atomically and only when the text
 * changed; a file it cannot write back faithfully (read-only, changed since
 * it was read, bytes its encoding cannot reproduce, a text its encoding
 * cannot hold) is reported and left untouched.
 */
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bytesOf, SOURCE_ENCODINGS } from "../support/encodings.js";
import { decodeSourceFile, encodeSource } from "../../server/node/read-source.js";
import { SourceWriteError, writeSourceFile } from "../../server/node/write-source.js";
import { lint, makeTree } from "../support/cli-runner.js";

/** A script whose one problem is an upper-case keyword, with a non-ASCII letter that every encoding must keep. */
const SCRIPT = '#setLanguageLevel 4;\nInteger n = 1;\nIF (n > 0) printLine("Ærlig talt, blåbær");\n';
const FIXED = SCRIPT.replace("IF", "if");
const isWindows = process.platform === "win32";

async function fixFile(bytes: Uint8Array): Promise<{ root: string; path: string; code: number; stderr: string }> {
  const root = makeTree({ "script.crm": bytes });
  const run = await lint(["--fix", "script.crm"], { cwd: root });
  return { root, path: join(root, "script.crm"), code: run.code, stderr: run.stderr };
}

describe("--fix keeps everything but the fixed text", () => {
  for (const [title, encoding, bom] of SOURCE_ENCODINGS) {
    it(`keeps ${title}`, async () => {
      const { path, code, stderr } = await fixFile(bytesOf(SCRIPT, encoding, bom));
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(readFileSync(path).equals(bytesOf(FIXED, encoding, bom))).toBe(true);
    });
  }

  it("keeps CRLF and mixed line endings, and a missing final newline", async () => {
    const mixed = '#setLanguageLevel 4;\r\nInteger n = 1;\nIF (n > 0) printLine("x");\r\nWHILE (n < 0) n++;';
    const { path } = await fixFile(Buffer.from(mixed, "utf8"));
    expect(readFileSync(path, "utf8")).toBe(mixed.replace("IF", "if").replace("WHILE", "while"));
  });

  it.skipIf(isWindows)("keeps the file's permissions, writes through a symbolic link, and leaves no temporary file", async () => {
    const root = makeTree({ "real/script.crm": SCRIPT });
    const real = join(root, "real", "script.crm");
    chmodSync(real, 0o751);
    symlinkSync(real, join(root, "link.crm"));
    const run = await lint(["--fix", "link.crm"], { cwd: root });
    expect(run.code).toBe(0);
    expect(readFileSync(real, "utf8")).toBe(FIXED);
    expect(statSync(real).mode & 0o777).toBe(0o751);
    expect(statSync(join(root, "link.crm"), { throwIfNoEntry: true }).isFile()).toBe(true);
    expect(readdirSync(join(root, "real"))).toEqual(["script.crm"]);
    expect(readdirSync(root).sort()).toEqual(["link.crm", "real"]);
  });

  it("does not touch a file that needs no fix", async () => {
    const root = makeTree({ "clean.crm": FIXED });
    const path = join(root, "clean.crm");
    const before = statSync(path).mtimeMs;
    writeFileSync(path, FIXED);
    const stamp = statSync(path).mtimeMs;
    expect((await lint(["--fix", "clean.crm"], { cwd: root })).code).toBe(0);
    expect(statSync(path).mtimeMs).toBe(stamp);
    expect(before).toBeLessThanOrEqual(stamp);
  });
});

describe("--fix leaves a file it cannot write back faithfully untouched, and says why", () => {
  it("a read-only file, even where the process could write it (as root)", async () => {
    const root = makeTree({ "locked.crm": SCRIPT });
    const path = join(root, "locked.crm");
    chmodSync(path, 0o444);
    const run = await lint(["--fix", "locked.crm"], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("crmscript-lint: locked.crm is unchanged: cannot write the fixes (the file is read-only)\n");
    expect(readFileSync(path, "utf8")).toBe(SCRIPT);
    expect(() => writeSourceFile(path, SCRIPT, FIXED)).toThrow(new SourceWriteError("the file is read-only"));
  });

  it("a file that changed after it was read", () => {
    const root = makeTree({ "script.crm": SCRIPT });
    const path = join(root, "script.crm");
    writeFileSync(path, `${SCRIPT}// edited meanwhile\n`);
    expect(() => writeSourceFile(path, SCRIPT, FIXED)).toThrow("the file changed after it was read");
    expect(readFileSync(path, "utf8")).toBe(`${SCRIPT}// edited meanwhile\n`);
  });

  it("bytes the detected encoding cannot reproduce (a lone surrogate in UTF-16)", async () => {
    // `//`, the high surrogate D800 with no low one after it, a line break: read as U+FFFD, which would write other bytes.
    const bytes = Buffer.concat([bytesOf(SCRIPT, "utf-16le", true), Buffer.from([0x2f, 0x00, 0x2f, 0x00, 0x00, 0xd8, 0x0a, 0x00])]);
    const { path, code, stderr } = await fixFile(bytes);
    expect(code).toBe(2);
    expect(stderr).toContain("script.crm is unchanged: cannot write the fixes (its bytes are not exactly UTF-16LE with a byte-order mark");
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("code page 1252: the five bytes the code page leaves undefined are kept as they were", async () => {
    const bytes = Buffer.concat([bytesOf(SCRIPT, "windows-1252", false), Buffer.from([0x2f, 0x2f, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xe5, 0x0a])]);
    const { path, code } = await fixFile(bytes);
    expect(code).toBe(0);
    const fixedBytes = Buffer.concat([bytesOf(FIXED, "windows-1252", false), Buffer.from([0x2f, 0x2f, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xe5, 0x0a])]);
    expect(readFileSync(path).equals(fixedBytes)).toBe(true);
  });

  it("a changed text the file's encoding cannot hold", () => {
    const root = makeTree({ "latin.crm": bytesOf(SCRIPT, "windows-1252", false) });
    const path = join(root, "latin.crm");
    const original = decodeSourceFile(readFileSync(path)).text;
    expect(() => writeSourceFile(path, original, `${original}// 😀\n`)).toThrow(
      "the changed text cannot be written in the file's encoding, Windows code page 1252",
    );
    expect(readFileSync(path).equals(bytesOf(SCRIPT, "windows-1252", false))).toBe(true);
  });

  it("never writes standard input anywhere: --fix-dry-run shows its fixed text", async () => {
    const root = makeTree({});
    const refused = await lint(["--fix", "--stdin", "--stdin-filename", "piped.crm"], { cwd: root, stdin: SCRIPT });
    expect(refused.code).toBe(2);
    const run = await lint(["--fix-dry-run", "--stdin", "--stdin-filename", "piped.crm", "-f", "json"], { cwd: root, stdin: SCRIPT });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].output).toBe(FIXED);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe("reading a script", () => {
  it("detects each encoding and keeps mixed line endings in the text", () => {
    expect(decodeSourceFile(bytesOf("a\r\nb\nc", "utf-16be", true))).toEqual({ text: "a\r\nb\nc", encoding: { name: "utf-16be", bom: true } });
    expect(decodeSourceFile(Buffer.from([0x62, 0xe5, 0x72]))).toEqual({ text: "bår", encoding: { name: "windows-1252", bom: false } });
    expect(decodeSourceFile(Buffer.from("bår", "utf8"))).toEqual({ text: "bår", encoding: { name: "utf-8", bom: false } });
  });

  it("code page 1252: every byte is one character, and written back as the same byte", () => {
    // 0x80 first, so the bytes are not UTF-8; then every byte value.
    const bytes = Uint8Array.from([0x80, ...Array.from({ length: 256 }, (_, byte) => byte)]);
    const { text, encoding } = decodeSourceFile(bytes);
    expect(encoding).toEqual({ name: "windows-1252", bom: false });
    expect(text).toHaveLength(257);
    expect(text.slice(0, 5)).toBe("\u20ac\u0000\u0001\u0002\u0003");
    expect(text.charCodeAt(1 + 0x9f)).toBe(0x178);
    expect(Buffer.from(encodeSource(text, encoding) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    expect(encodeSource(`${text}\u0100`, encoding)).toBeUndefined();
  });

  it("UTF-16 in both byte orders, with characters outside the Basic Multilingual Plane", () => {
    for (const name of ["utf-16le", "utf-16be"] as const) {
      const text = "a\u00e5\u20ac\ud83d\ude00\r\n";
      const bytes = encodeSource(text, { name, bom: true });
      expect(Buffer.from(bytes as Uint8Array).equals(bytesOf(text, name, true))).toBe(true);
      expect(decodeSourceFile(bytes as Uint8Array)).toEqual({ text, encoding: { name, bom: true } });
    }
  });
});

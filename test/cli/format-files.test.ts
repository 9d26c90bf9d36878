/**
 * `crmscript-format --write` never changes anything in a file but its
 * layout: the encoding (UTF-8 with and without a byte-order mark, UTF-16
 * LE and BE, Windows code page 1252), CRLF line endings (unless
 * `endOfLine` asks for others), the permissions; the file is replaced
 * atomically, only while it still holds the text that was formatted, and
 * not touched at all when it is formatted already.
 */
import { chmodSync, readdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bytesOf, SOURCE_ENCODINGS } from "../support/encodings.js";
import { formatCli, makeTree } from "../support/cli-runner.js";

/** Cramped code with non-ASCII letters that every encoding must keep. */
const SCRIPT = '#setLanguageLevel 4;\nString greeting="Blåbærsyltetøy";\nif(greeting!=""){printLine(greeting+" – Ærlig talt");}\n';
const FORMATTED = '#setLanguageLevel 4;\nString greeting = "Blåbærsyltetøy";\nif (greeting != "") {\n  printLine(greeting + " – Ærlig talt");\n}\n';
const isWindows = process.platform === "win32";

describe("--write keeps everything but the layout", () => {
  for (const [title, encoding, bom] of SOURCE_ENCODINGS) {
    it(`keeps ${title}`, async () => {
      const root = makeTree({ "script.crm": bytesOf(SCRIPT, encoding, bom) });
      const run = await formatCli(["--write", "script.crm"], { cwd: root });
      expect(run).toEqual({ code: 0, stdout: "script.crm\n", stderr: "" });
      expect(readFileSync(join(root, "script.crm")).equals(bytesOf(FORMATTED, encoding, bom))).toBe(true);
    });
  }

  it("prints a file with a byte-order mark without it, as its text", async () => {
    const root = makeTree({ "script.crm": bytesOf(SCRIPT, "utf-8", true) });
    expect((await formatCli(["script.crm"], { cwd: root })).stdout).toBe(FORMATTED);
  });

  it("keeps CRLF line endings, and a file without a final line break gets one in its own line ending", async () => {
    const crlf = SCRIPT.replace(/\n/g, "\r\n");
    const root = makeTree({ "crlf.crm": crlf, "open.crm": crlf.slice(0, -2) });
    expect((await formatCli(["--write", "."], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, "crlf.crm"), "utf8")).toBe(FORMATTED.replace(/\n/g, "\r\n"));
    expect(readFileSync(join(root, "open.crm"), "utf8")).toBe(FORMATTED.replace(/\n/g, "\r\n"));
  });

  it("turns line endings into the ones endOfLine names, and a formatted CRLF file into LF", async () => {
    const crlfFormatted = FORMATTED.replace(/\n/g, "\r\n");
    const root = makeTree({ ".crmscriptrc.json": JSON.stringify({ format: { endOfLine: "lf" } }), "a.crm": crlfFormatted });
    expect(await formatCli(["--check", "a.crm"], { cwd: root })).toEqual({ code: 1, stdout: "a.crm\n", stderr: "" });
    expect((await formatCli(["--write", "a.crm"], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, "a.crm"), "utf8")).toBe(FORMATTED);
  });

  it.skipIf(isWindows)("keeps the file's permissions and leaves no temporary file", async () => {
    const root = makeTree({ "scripts/a.crm": SCRIPT });
    const path = join(root, "scripts", "a.crm");
    chmodSync(path, 0o751);
    expect((await formatCli(["--write", "scripts"], { cwd: root })).code).toBe(0);
    expect(readFileSync(path, "utf8")).toBe(FORMATTED);
    expect(statSync(path).mode & 0o777).toBe(0o751);
    expect(readdirSync(join(root, "scripts"))).toEqual(["a.crm"]);
  });

  it("does not touch a file that is formatted already", async () => {
    const root = makeTree({ "done.crm": FORMATTED });
    const path = join(root, "done.crm");
    const past = new Date("2020-01-01T00:00:00Z");
    utimesSync(path, past, past);
    expect(await formatCli(["--write", "done.crm"], { cwd: root })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(statSync(path).mtime.getTime()).toBe(past.getTime());
  });

  it("leaves a file that changed after it was read untouched, and says so (exit 2)", async () => {
    const root = makeTree({ "busy.crm": SCRIPT });
    // The formatter sees an older text than the file now holds.
    const run = await formatCli(["--write", "busy.crm"], { cwd: root, readFile: () => SCRIPT.replaceAll("greeting", "welcome") });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "crmscript-format: busy.crm is unchanged: cannot write it (the file changed after it was read; run again)\n",
    });
    expect(readFileSync(join(root, "busy.crm"), "utf8")).toBe(SCRIPT);
  });

  it("leaves a file whose bytes its encoding cannot reproduce untouched, and says why (exit 2)", async () => {
    // UTF-16LE with a lone surrogate (D800) in a comment: it reads as U+FFFD, which would be written as two other bytes.
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("#setLanguageLevel 4;\nInteger n=1;\n// ", "utf16le"),
      Buffer.from([0x00, 0xd8]),
      Buffer.from("\n", "utf16le"),
    ]);
    const root = makeTree({ "odd.crm": bytes });
    const run = await formatCli(["--write", "odd.crm"], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^crmscript-format: odd\.crm is unchanged: cannot write it \(its bytes are not exactly .*\)\n$/);
    expect(readFileSync(join(root, "odd.crm")).equals(bytes)).toBe(true);
  });
});

/**
 * The bundled `dist/crmscript-format.js` as a process: real standard input
 * and exit codes, and worker threads on a tree of many files (with
 * per-folder options, ignore patterns, broken and binary files) giving
 * exactly what the in-process run on one thread gives, for `--check` and
 * for `--write`.
 */
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBundle, formatBundle, formatCli, makeTree, runBundle } from "../support/cli-runner.js";

const LEVEL = "#setLanguageLevel 4;\n";
const MESSY = `${LEVEL}Integer n=1;\nif(n>0){printLine("positive");}\n`;
const FORMATTED = `${LEVEL}Integer n = 1;\nif (n > 0) {\n  printLine("positive");\n}\n`;

const format = (argv: string[], cwd: string, input?: string) => runBundle(argv, { cwd, executable: formatBundle, ...(input === undefined ? {} : { input }) });

/** Every file below `root` with its bytes, by relative path. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(root, { recursive: true, encoding: "utf8" }).sort()) {
    const path = join(root, name);
    try {
      files[relative(root, path)] = readFileSync(path).toString("base64");
    } catch {
      // A folder.
    }
  }
  return files;
}

/** 300 scripts in six folders: most need formatting, some are formatted, some broken; two folders indent by 4, one is ignored. */
function bigTree(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    ".crmscriptrc.json": JSON.stringify({ ignorePatterns: ["area5/"], format: { lineWidth: 60 } }),
    "area1/.crmscriptrc.json": JSON.stringify({ format: { indentWidth: 4 } }),
    "area3/.crmscriptrc.json": JSON.stringify({ format: { useTabs: true, endOfLine: "crlf" } }),
    "area0/binary.crm": new Uint8Array([0, 255, 1, 254, 0, 0, 7]),
  };
  for (let index = 0; index < 300; index++) {
    const name = `area${index % 6}/s${String(index).padStart(3, "0")}.crm`;
    if (index % 23 === 0) files[name] = `${LEVEL}Integer x${index} = ;\nVoid f( {\n`;
    else if (index % 7 === 0) files[name] = FORMATTED;
    else
      files[name] =
        `${LEVEL}Void f${index}(Integer a,String b){\nif(a>${index}){printLine(b+"${"x".repeat(index % 40)}"+a.toString());}else{printLine("none");}\n}\nf${index}(${index},"y");\n`;
  }
  return files;
}

describe("dist/crmscript-format.js as a process", () => {
  beforeAll(ensureBundle, 120_000);

  it("formats standard input and exits 0; --check exits 1; a syntax error exits 2", () => {
    const root = makeTree({});
    expect(format(["--stdin"], root, MESSY)).toMatchObject({ status: 0, stdout: FORMATTED, stderr: "" });
    expect(format(["--stdin", "--check"], root, MESSY)).toMatchObject({ status: 1, stdout: "<stdin>\n", stderr: "" });
    const broken = format(["--stdin"], root, `${LEVEL}Integer n = ;\n`);
    expect(broken.status).toBe(2);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toBe("crmscript-format: <stdin>:2:12: not formatted: syntax error: expected an expression after '=', found ';'\n");
  });

  it("exits 2 on a usage error", () => {
    expect(format(["--check", "--write", "a.crm"], makeTree({}))).toMatchObject({ status: 2, stdout: "" });
  });

  it("on worker threads checks and writes a tree of many files exactly as one thread in-process does", async () => {
    const original = makeTree(bigTree());
    const inProcess = await formatCli(["--check", "."], { cwd: original });
    expect(inProcess.code).toBe(2);
    expect(inProcess.stdout.split("\n").length).toBeGreaterThan(150);
    expect(inProcess.stderr).toContain(`crmscript-format: ${join("area0", "binary.crm")}:1:1: not formatted: this is not a text file`);
    expect(inProcess.stderr).toContain(`crmscript-format: ${join("area4", "s184.crm")}:2:15: not formatted: syntax error: expected an expression`);
    for (const argv of [
      ["--check", "--jobs", "3", "."],
      ["--check", "."],
      ["--check", "--jobs", "1", "."],
    ]) {
      const run = format(argv, original);
      expect({ argv, status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
        argv,
        status: inProcess.code,
        stdout: inProcess.stdout,
        stderr: inProcess.stderr,
      });
    }

    const here = makeTree({});
    const there = makeTree({});
    cpSync(original, here, { recursive: true });
    cpSync(original, there, { recursive: true });
    const written = await formatCli(["--write", "."], { cwd: here });
    const parallel = format(["--write", "--jobs", "3", "."], there);
    expect({ status: parallel.status, stdout: parallel.stdout, stderr: parallel.stderr }).toEqual({
      status: written.code,
      stdout: written.stdout,
      stderr: written.stderr,
    });
    expect(written.stdout).toBe(inProcess.stdout);
    expect(snapshot(there)).toEqual(snapshot(here));
    expect(readFileSync(join(here, "area1", "s001.crm"), "utf8")).toContain("\n    if (a > 1) {\n");
    expect(readFileSync(join(here, "area3", "s003.crm"), "utf8")).toContain("\r\n\tif (a > 3) {\r\n");
    expect(readFileSync(join(here, "area5", "s005.crm"), "utf8")).toBe(readFileSync(join(original, "area5", "s005.crm"), "utf8"));
    expect(format(["--check", "--jobs", "3", "."], there)).toMatchObject({ status: 2, stdout: "" });
  }, 120_000);
});

/**
 * The `crmscript-lint` command line: output formats, exit codes, standard
 * input, file search (folders, extensions, globs), unreadable and missing
 * files, usage errors and large inputs. Most tests run `main()` in-process
 * with a fake `CliIo` over real files in a temporary folder; a few run the
 * bundled `dist/crmscript-lint.js` as a child process to check real stdin
 * piping and the process exit code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../bench/realistic-script.js";
import { readSource } from "../../server/node/read-source.js";
import { ANSI, ANSI_START, ensureBundle, lint, makeTree, parseJson, runBundle, type FakeIoOptions, type JsonResult } from "../support/cli-runner.js";
import { repositoryRoot } from "../support/paths.js";

// Each starts with #setLanguageLevel, so the only problems are the deliberate ones: a missing ';'
// reported at the end of line 2 (1-based 2:14), and an empty statement (a warning) at 2:15.
const LEVEL = "#setLanguageLevel 4;\n";
const MISSING_SEMICOLON = `${LEVEL}Integer x = 1\nString s = "a";\n`;
const EMPTY_STATEMENT = `${LEVEL}Integer x = 1;;\n`;
const CLEAN = `${LEVEL}Integer y = 2;\nprintLine(y.toString());\n`;

// ---------------------------------------------------------------- stylish

describe("stylish output", () => {
  it("groups problems per file with aligned columns and a summary", async () => {
    const root = makeTree({
      "bad.crm": MISSING_SEMICOLON,
      "sub/mixed.crm": `${LEVEL}Integer w = 1;;\n${"\n".repeat(7)}Integer z = 1\nString t = "b";\n`,
      "sub/clean.crmscript": CLEAN,
    });
    const run = await lint(["."], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "bad.crm",
        "  2:14  error    expected ';' after the variable declaration, found 'String' on the next line  syntax-missing-semicolon",
        "",
        "sub/mixed.crm",
        "  2:15   warning  unnecessary ';': an empty statement does nothing                              syntax-empty-statement",
        "  10:14  error    expected ';' after the variable declaration, found 'String' on the next line  syntax-missing-semicolon",
        "",
        "✖ 3 problems (2 errors, 1 warning)",
        "",
      ].join("\n"),
    );
  });

  it("prints nothing for clean files", async () => {
    const root = makeTree({ "clean.crm": CLEAN });
    expect(await lint(["clean.crm"], { cwd: root })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("summarises warnings only, in the singular", async () => {
    const root = makeTree({ "warn.crm": EMPTY_STATEMENT });
    const run = await lint(["warn.crm"], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith("\n✖ 1 problem (0 errors, 1 warning)\n")).toBe(true);
  });

  describe("colours", () => {
    const files = { "bad.crm": MISSING_SEMICOLON, "warn.crm": EMPTY_STATEMENT };

    it("are off when stdout is not a terminal", async () => {
      const run = await lint(["."], { cwd: makeTree(files) });
      expect(run.stdout).not.toMatch(ANSI);
      expect(run.stdout).toContain("✖ 2 problems");
    });

    it("are on for a terminal, and are the only difference from the plain output", async () => {
      const root = makeTree(files);
      const plain = await lint(["."], { cwd: root });
      const colored = await lint(["."], { cwd: root, terminal: true });
      expect(colored.stdout).toContain("\u001b[31merror  \u001b[39m");
      expect(colored.stdout).toContain("\u001b[33mwarning\u001b[39m");
      expect(colored.stdout).toContain("\u001b[4mbad.crm\u001b[24m");
      expect(colored.stdout.replace(ANSI, "")).toBe(plain.stdout);
      expect(colored.code).toBe(plain.code);
    });

    it("are forced on by --color and by FORCE_COLOR, off by --no-color and NO_COLOR", async () => {
      const root = makeTree(files);
      const colored = async (argv: string[], options: Partial<FakeIoOptions>): Promise<boolean> =>
        ANSI_START.test((await lint([...argv, "."], { cwd: root, ...options })).stdout);
      expect(await colored(["--color"], { terminal: false })).toBe(true);
      expect(await colored([], { terminal: false, env: { FORCE_COLOR: "1" } })).toBe(true);
      expect(await colored([], { terminal: false, env: { FORCE_COLOR: "0" } })).toBe(false);
      expect(await colored(["--no-color"], { terminal: true })).toBe(false);
      expect(await colored([], { terminal: true, env: { NO_COLOR: "1" } })).toBe(false);
      expect(await colored(["--no-color"], { terminal: false, env: { FORCE_COLOR: "1" } })).toBe(false);
      expect(await colored(["--color"], { terminal: false, env: { NO_COLOR: "1" } })).toBe(true);
    });

    it("never appear in JSON output", async () => {
      const run = await lint(["--format", "json", "--color", "."], { cwd: makeTree(files), terminal: true });
      expect(run.stdout).not.toMatch(ANSI);
      expect(parseJson(run.stdout)).toHaveLength(2);
    });
  });
});

// ---------------------------------------------------------------- json

describe("JSON output", () => {
  it("is an ESLint-compatible array with 1-based positions", async () => {
    const root = makeTree({ "bad.crm": MISSING_SEMICOLON, "warn.crm": EMPTY_STATEMENT, "clean.crm": CLEAN });
    const run = await lint(["--format", "json", "."], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const results = parseJson(run.stdout);
    expect(results.map((result) => result.filePath)).toEqual([join(root, "bad.crm"), join(root, "clean.crm"), join(root, "warn.crm")]);
    const [bad, clean, warn] = results as [JsonResult, JsonResult, JsonResult];
    expect(bad).toEqual({
      filePath: join(root, "bad.crm"),
      messages: [
        {
          ruleId: "syntax-missing-semicolon",
          severity: 2,
          message: expect.stringContaining("expected ';'"),
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 14,
        },
      ],
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      suppressedMessages: [],
      usedDeprecatedRules: [],
    });
    expect(clean.messages).toEqual([]);
    expect(clean.errorCount + clean.warningCount).toBe(0);
    expect(warn.messages).toEqual([expect.objectContaining({ ruleId: "syntax-empty-statement", severity: 1, line: 2, column: 15, endLine: 2, endColumn: 16 })]);
    expect(warn.warningCount).toBe(1);
    expect(warn.errorCount).toBe(0);
  });

  it("counts lines across CRLF and columns in UTF-16 code units", async () => {
    const root = makeTree({ "wide.crm": '#setLanguageLevel 4;\r\nString a = "";\r\na = "😀";;\r\n' });
    const [result] = parseJson((await lint(["-f", "json", "wide.crm"], { cwd: root })).stdout);
    // Line 3 (two CRLF before it); `a = "😀";` is 9 UTF-16 units, so the second ';' is column 10.
    expect(result?.messages).toEqual([expect.objectContaining({ ruleId: "syntax-empty-statement", line: 3, column: 10, endLine: 3, endColumn: 11 })]);
  });

  it("lists a fix that --fix does not apply as an ESLint suggestion, and --fix leaves it alone", async () => {
    const text = `${LEVEL}EventData ed = getEventData();\nInteger orgNr = 5;\ned.setOutputValue("OrgNr", orgNr);\n`;
    const root = makeTree({ "event.crm": text });
    const [result] = parseJson((await lint(["-f", "json", "event.crm"], { cwd: root })).stdout);
    const end = text.indexOf("orgNr);") + "orgNr".length;
    expect(result?.messages).toEqual([
      expect.objectContaining({
        ruleId: "implicit-string-conversion",
        severity: 1,
        suggestions: [{ desc: "Add .toString()", fix: { range: [end, end], text: ".toString()" } }],
      }),
    ]);
    expect(result?.messages[0]?.fix).toBeUndefined();
    expect(result?.fixableWarningCount).toBe(0);
    const written: string[] = [];
    await lint(["--fix", "event.crm"], { cwd: root, writeFile: (_path, fixed) => written.push(fixed) });
    expect(written).toEqual([]);
  });

  it("accepts --format=json", async () => {
    const root = makeTree({ "warn.crm": EMPTY_STATEMENT });
    const run = await lint(["--format=json", "warn.crm"], { cwd: root });
    expect(run.code).toBe(0);
    expect(parseJson(run.stdout)[0]?.warningCount).toBe(1);
  });
});

// ---------------------------------------------------------------- exit codes

describe("exit codes", () => {
  it("0 without problems or with warnings only, 1 with an error", async () => {
    const root = makeTree({ "clean.crm": CLEAN, "warn.crm": EMPTY_STATEMENT, "bad.crm": MISSING_SEMICOLON });
    expect((await lint(["clean.crm"], { cwd: root })).code).toBe(0);
    expect((await lint(["clean.crm", "warn.crm"], { cwd: root })).code).toBe(0);
    expect((await lint(["clean.crm", "warn.crm", "bad.crm"], { cwd: root })).code).toBe(1);
  });

  it("2 for bad usage, with a clear message on stderr and nothing on stdout", async () => {
    const root = makeTree({ "clean.crm": CLEAN });
    const cases: [string[], RegExp][] = [
      [["--bogus", "clean.crm"], /unknown option '--bogus'/],
      [[], /no files given[\s\S]*Usage: crmscript-lint/],
      [["--format", "xml", "clean.crm"], /unknown format 'xml'/],
      [["clean.crm", "--format"], /--format needs a value/],
      [["--ext=", "."], /--ext needs/],
      [["--stdin", "clean.crm"], /--stdin .*do not also give files/],
      [["--stdin-filename", "x.crm", "clean.crm"], /--stdin-filename only makes sense with --stdin/],
    ];
    for (const [argv, message] of cases) {
      const run = await lint(argv, { cwd: root });
      expect({ argv, code: run.code, stdout: run.stdout }).toEqual({ argv, code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^crmscript-lint: /);
      expect(run.stderr).toMatch(message);
    }
  });
});

// ---------------------------------------------------------------- semantic options

describe("semantic checks and their options", () => {
  it("reports semantic and lint diagnostics with their codes as ruleId", async () => {
    const root = makeTree({
      "agent.crm": `${LEVEL}NSContactAgent agent;\nNSContactEntity c = agent.GetContactEntityy(1);\nVoid f() { Integer unused = 1; }\n`,
    });
    const [result] = parseJson((await lint(["--format", "json", "agent.crm"], { cwd: root })).stdout);
    expect(result?.messages.map((message) => `${message.ruleId} ${message.severity} ${message.line}:${message.column}`)).toEqual([
      "unknown-member 2 3:27",
      "no-unused-variable 1 4:20",
    ]);
    expect(result?.messages[0]?.message).toBe("NSContactAgent has no method 'GetContactEntityy'; did you mean 'GetContactEntity'?");
  });

  it("--target-version warns about API newer than the target", async () => {
    const root = makeTree({ "http.crm": `${LEVEL}HTTP http;\nhttp.getAsStream("https://example.com");\n` });
    expect(parseJson((await lint(["-f", "json", "http.crm"], { cwd: root })).stdout)[0]?.messages).toEqual([]);
    const run = await lint(["-f", "json", "--target-version", "8.0", "http.crm"], { cwd: root });
    expect(run.code).toBe(0);
    expect(parseJson(run.stdout)[0]?.messages.map((message) => message.ruleId)).toEqual(["api-newer-than-target"]);
  });

  it("--platform online reports on-site-only API as an error", async () => {
    const root = makeTree({ "run.crm": `${LEVEL}String out = runProgram("dir");\n` });
    expect((await lint(["run.crm"], { cwd: root })).code).toBe(0);
    expect((await lint(["--platform", "onsite", "run.crm"], { cwd: root })).code).toBe(0);
    const online = await lint(["--platform=online", "run.crm"], { cwd: root });
    expect(online.code).toBe(1);
    expect(online.stdout).toContain("onsite-only-api");
  });

  it("finds included scripts next to the file, in the current folder and in --include-path folders", async () => {
    const root = makeTree({
      "scripts/main.crm": `${LEVEL}#include "lib-local";\n#include "lib-shared";\nprintLine(localName() + sharedName());\n`,
      "scripts/lib-local.crm": `${LEVEL}String localName() { return "local"; }\n`,
      "shared/lib-shared.crmscript": `${LEVEL}String sharedName() { return "shared"; }\n`,
    });
    const without = parseJson((await lint(["-f", "json", "scripts/main.crm"], { cwd: root })).stdout)[0];
    expect(without?.messages.map((message) => message.ruleId)).toEqual(["include-not-found", "undeclared-name"]);
    for (const flag of ["--include-path", "-I"]) {
      const run = await lint(["-f", "json", flag, "shared", "scripts/main.crm"], { cwd: root });
      expect(parseJson(run.stdout)[0]?.messages).toEqual([]);
    }
  });

  it("rejects a bad target version, platform or include path with exit code 2", async () => {
    const root = makeTree({ "clean.crm": CLEAN });
    for (const [argv, message] of [
      [["--target-version", "latest", "clean.crm"], /--target-version needs a SuperOffice version/],
      [["--platform", "cloud", "clean.crm"], /--platform needs 'online' or 'onsite'/],
      [["--include-path"], /--include-path needs a folder/],
    ] as [string[], RegExp][]) {
      const run = await lint(argv, { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});

// ---------------------------------------------------------------- help, version

describe("--help and --version", () => {
  it("--help prints the usage on stdout and exits 0 without linting", async () => {
    const root = makeTree({ "bad.crm": MISSING_SEMICOLON });
    for (const flag of ["--help", "-h"]) {
      const run = await lint([flag, "bad.crm"], { cwd: root });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(/^Usage: crmscript-lint /);
      for (const option of [
        "--format",
        "--ext",
        "--stdin",
        "--stdin-filename",
        "--target-version",
        "--platform",
        "--include-path",
        "--color",
        "--no-color",
        "--help",
        "--version",
        "--config",
        "--print-config",
        "--rule",
        "--fix",
        "--fix-dry-run",
        "--max-warnings",
        "--quiet",
        "--cache",
        "--cache-location",
        "--jobs",
        "--no-ignore",
        "--no-warn-ignored",
        "--report-suppressed",
        "sarif",
        "github",
        "crmscript-lint-disable-next-line",
      ])
        expect(run.stdout).toContain(option);
      expect(run.stdout).not.toContain("syntax-missing-semicolon");
    }
  });

  it("--version prints one line and exits 0", async () => {
    const root = makeTree({});
    for (const flag of ["--version", "-v"]) {
      const run = await lint([flag], { cwd: root });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(/^\S+\n$/);
    }
  });
});

// ---------------------------------------------------------------- stdin

describe("--stdin", () => {
  it("lints standard input, reported as <stdin>", async () => {
    const run = await lint(["--stdin"], { cwd: makeTree({}), stdin: MISSING_SEMICOLON });
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      "<stdin>",
      "  2:14  error    expected ';' after the variable declaration, found 'String' on the next line  syntax-missing-semicolon",
    ]);
  });

  it("uses --stdin-filename as the file path", async () => {
    const run = await lint(["--stdin", "--stdin-filename", "trigger.crm", "--format", "json"], { cwd: makeTree({}), stdin: EMPTY_STATEMENT });
    expect(run.code).toBe(0);
    const results = parseJson(run.stdout);
    expect(results).toHaveLength(1);
    expect(results[0]?.filePath).toMatch(/trigger\.crm$/);
    expect(results[0]?.messages.map((message) => message.ruleId)).toEqual(["syntax-empty-statement"]);
  });

  it("exits 0 with no output for clean or empty input", async () => {
    const root = makeTree({});
    expect(await lint(["--stdin"], { cwd: root, stdin: CLEAN })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await lint(["--stdin"], { cwd: root, stdin: "" })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("exits 2 when standard input cannot be read", async () => {
    const run = await lint(["--stdin"], { cwd: makeTree({}), stdin: new Error("stream closed") });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot read standard input: stream closed");
  });
});

// ---------------------------------------------------------------- finding files

/** The linted files, relative to `root` with `/`, in output order (from JSON output). */
async function lintedFiles(argv: readonly string[], root: string): Promise<{ code: number; files: string[]; stderr: string }> {
  const run = await lint(["--format", "json", ...argv], { cwd: root });
  const files = parseJson(run.stdout).map((result) =>
    result.filePath
      .slice(root.length + 1)
      .split("\\")
      .join("/"),
  );
  return { code: run.code, files, stderr: run.stderr };
}

describe("finding files", () => {
  const tree = {
    "top.crm": CLEAN,
    "top.crmscript": CLEAN,
    "notes.txt": "not a script",
    "upper.CRM": CLEAN,
    "a/one.crm": CLEAN,
    "a/b/c/deep.crmscript": CLEAN,
    "a/b/other.ej": CLEAN,
    "node_modules/pkg/skip.crm": CLEAN,
    "a/node_modules/skip.crm": CLEAN,
    ".git/skip.crm": CLEAN,
    "a/.cache/skip.crmscript": CLEAN,
  };

  it("searches folders recursively for every script extension, skipping node_modules and dot-folders", async () => {
    const root = makeTree(tree);
    const found = await lintedFiles(["."], root);
    expect(found.code).toBe(0);
    expect(found.stderr).toBe("");
    expect([...found.files].sort()).toEqual(["a/b/c/deep.crmscript", "a/b/other.ej", "a/one.crm", "top.crm", "top.crmscript", "upper.CRM"]);
    expect((await lintedFiles(["a"], root)).files.sort()).toEqual(["a/b/c/deep.crmscript", "a/b/other.ej", "a/one.crm"]);
  });

  it("lints a file named explicitly whatever its extension, and each file once", async () => {
    const root = makeTree(tree);
    expect((await lintedFiles(["notes.txt", "a/b/other.ej"], root)).files).toEqual(["notes.txt", "a/b/other.ej"]);
    expect((await lintedFiles(["a/one.crm", "a", "a/one.crm"], root)).files.sort()).toEqual(["a/b/c/deep.crmscript", "a/b/other.ej", "a/one.crm"]);
  });

  it("--ext replaces the extensions searched for in folders", async () => {
    const root = makeTree(tree);
    expect((await lintedFiles(["--ext", ".ej", "."], root)).files).toEqual(["a/b/other.ej"]);
    expect((await lintedFiles(["--ext", "crmscript", "."], root)).files.sort()).toEqual(["a/b/c/deep.crmscript", "top.crmscript"]);
    expect((await lintedFiles(["--ext", ".txt,.ej", "."], root)).files.sort()).toEqual(["a/b/other.ej", "notes.txt"]);
    expect((await lintedFiles(["--ext=.ej", "."], root)).files).toEqual(["a/b/other.ej"]);
  });

  it("reports a folder without matching files (exit 2)", async () => {
    const root = makeTree(tree);
    const found = await lintedFiles(["--ext", ".nothing", "."], root);
    expect(found.code).toBe(2);
    expect(found.files).toEqual([]);
    expect(found.stderr).toMatch(/no files ending in \.nothing/);
  });

  it("expands ** globs, skipping node_modules and dot-folders", async () => {
    const root = makeTree(tree);
    expect((await lintedFiles(["**/*.crm"], root)).files.sort()).toEqual(["a/one.crm", "top.crm"]);
    expect((await lintedFiles(["**/*.crmscript"], root)).files.sort()).toEqual(["a/b/c/deep.crmscript", "top.crmscript"]);
    expect((await lintedFiles(["a/**/*.crmscript"], root)).files).toEqual(["a/b/c/deep.crmscript"]);
    expect((await lintedFiles([`${root}/**/*.crm`], root)).files.sort()).toEqual(["a/one.crm", "top.crm"]);
  });

  it("expands *, ? and {a,b} globs", async () => {
    const root = makeTree(tree);
    expect((await lintedFiles(["*.crm"], root)).files).toEqual(["top.crm"]);
    expect((await lintedFiles(["top.{crm,crmscript}"], root)).files.sort()).toEqual(["top.crm", "top.crmscript"]);
    expect((await lintedFiles(["{top,notes}.*"], root)).files.sort()).toEqual(["notes.txt", "top.crm", "top.crmscript"]);
    expect((await lintedFiles(["a/???.crm"], root)).files).toEqual(["a/one.crm"]);
  });

  it("reports a glob that matches nothing (exit 2)", async () => {
    const root = makeTree(tree);
    const found = await lintedFiles(["**/*.nothing"], root);
    expect(found.code).toBe(2);
    expect(found.stderr).toContain("no files match the pattern '**/*.nothing'");
  });

  it("reports a missing file (exit 2) and still lints the others", async () => {
    const root = makeTree({ "bad.crm": MISSING_SEMICOLON, "clean.crm": CLEAN });
    const run = await lint(["missing.crm", "bad.crm", "clean.crm"], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("crmscript-lint: no such file or folder: 'missing.crm'\n");
    expect(run.stdout).toContain("bad.crm\n  2:14  error");
    const json = await lintedFiles(["missing.crm", "bad.crm", "clean.crm"], root);
    expect(json.code).toBe(2);
    expect(json.files).toEqual(["bad.crm", "clean.crm"]);
  });
});

// ---------------------------------------------------------------- unreadable and odd files

describe("unreadable and odd files", () => {
  it("reports an unreadable file as a fatal message, lints the others and exits 2", async () => {
    const root = makeTree({ "a.crm": CLEAN, "locked.crm": CLEAN, "z.crm": MISSING_SEMICOLON });
    const readFile = (path: string): string => {
      if (path.endsWith("locked.crm")) throw new Error("EACCES: permission denied");
      return readSource(path);
    };
    const run = await lint(["--format", "json", "."], { cwd: root, readFile });
    expect(run.code).toBe(2);
    const results = parseJson(run.stdout);
    expect(results.map((result) => result.filePath)).toEqual([join(root, "a.crm"), join(root, "locked.crm"), join(root, "z.crm")]);
    expect(results[1]).toMatchObject({
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 1,
      messages: [{ ruleId: null, severity: 2, fatal: true, line: 1, column: 1, message: expect.stringContaining("EACCES: permission denied") }],
    });
    expect(results[2]?.messages.map((message) => message.ruleId)).toEqual(["syntax-missing-semicolon"]);

    const stylish = await lint(["."], { cwd: root, readFile });
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).toContain("locked.crm\n  1:1  error    cannot read the file: EACCES: permission denied\n");
    expect(stylish.stdout).toContain("z.crm\n  2:14  error");
  });

  it("survives a file of random binary garbage", async () => {
    const random = seededRandom(2024);
    const bytes = new Uint8Array(256 * 1024);
    for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(random() * 256);
    bytes[0] = 0x00; // not a byte-order mark
    const root = makeTree({ "garbage.crm": bytes, "clean.crm": CLEAN });
    const run = await lint(["--format", "json", "."], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const results = parseJson(run.stdout);
    expect(results).toHaveLength(2);
    const garbage = results.find((result) => result.filePath.endsWith("garbage.crm"));
    // One diagnostic instead of tens of thousands: a binary file is not checked.
    expect(garbage?.messages.map((message) => [message.ruleId, message.severity, message.message])).toEqual([
      ["syntax-not-text", 1, "this is not a text file (it has NUL characters, as binary files and UTF-16 without a byte-order mark do), so it is not checked"],
    ]);
    for (const message of garbage?.messages ?? []) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
      expect(message.endLine > message.line || (message.endLine === message.line && message.endColumn >= message.column)).toBe(true);
    }
    expect((await lint(["garbage.crm"], { cwd: root })).code).toBe(0);
  });

  it("reads UTF-16 files with a byte-order mark and UTF-8 files with one", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, "utf16le")]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EMPTY_STATEMENT, "utf8")]);
    const root = makeTree({ "utf16.crm": utf16, "utf8bom.crm": utf8 });
    const results = parseJson((await lint(["--format", "json", "."], { cwd: root })).stdout);
    expect(results.map((result) => result.messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`))).toEqual([
      [],
      ["syntax-empty-statement 2:15"],
    ]);
  });

  it("lints a folder of 3,000 small files and reports every one", async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 3000; index++) {
      const folder = `group${String(Math.floor(index / 100)).padStart(2, "0")}`;
      files[`${folder}/script${String(index).padStart(4, "0")}.crm`] = `${LEVEL}Integer n${index} = ${index}${index % 3 === 0 ? "" : ";"}\n`;
    }
    const root = makeTree(files);
    const started = performance.now();
    const run = await lint(["--format", "json", "."], { cwd: root });
    const elapsed = performance.now() - started;
    expect(run.code).toBe(1);
    const results = parseJson(run.stdout);
    expect(results).toHaveLength(3000);
    expect(new Set(results.map((result) => result.filePath)).size).toBe(3000);
    expect(results.reduce((sum, result) => sum + result.errorCount, 0)).toBe(1000);
    expect(
      results
        .filter((result) => result.errorCount > 0)
        .every((result) => /script\d{4}\.crm$/.test(result.filePath) && Number(/(\d{4})\.crm$/.exec(result.filePath)?.[1]) % 3 === 0),
    ).toBe(true);
    expect(elapsed).toBeLessThan(30_000);

    const stylish = await lint(["."], { cwd: root });
    expect(stylish.stdout.endsWith("✖ 1000 problems (1000 errors, 0 warnings)\n")).toBe(true);
  });
});

// ---------------------------------------------------------------- the built executable

describe("dist/crmscript-lint.js as a process", () => {
  beforeAll(ensureBundle, 120_000);

  it("lints piped standard input and exits 1 on an error, 0 when clean", () => {
    const root = makeTree({});
    const failing = runBundle(["--stdin", "--stdin-filename", "trigger.crm"], { cwd: root, input: MISSING_SEMICOLON });
    expect(failing.stderr).toBe("");
    expect(failing.status).toBe(1);
    expect(failing.stdout).toBe(
      "trigger.crm\n" +
        "  2:14  error    expected ';' after the variable declaration, found 'String' on the next line  syntax-missing-semicolon\n" +
        "\n" +
        "✖ 1 problem (1 error, 0 warnings)\n",
    );
    const clean = runBundle(["--stdin"], { cwd: root, input: CLEAN });
    expect({ status: clean.status, stdout: clean.stdout, stderr: clean.stderr }).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("writes a large JSON report through a pipe completely", () => {
    const root = makeTree({});
    const lines = 20_000;
    const input = LEVEL + Array.from({ length: lines }, (_, index) => `Integer v${index} = ${index}`).join("\n");
    const run = runBundle(["--stdin", "--format", "json"], { cwd: root, input });
    expect(run.status).toBe(1);
    const results = parseJson(run.stdout);
    expect(results).toHaveLength(1);
    expect(results[0]?.errorCount).toBe(lines);
    expect(results[0]?.messages.at(-1)).toMatchObject({ ruleId: "syntax-missing-semicolon", line: lines + 1 });
  });

  it("exits 2 on bad usage and a missing file, and prints the package version", () => {
    const root = makeTree({ "clean.crm": CLEAN });
    const bogus = runBundle(["--bogus"], { cwd: root });
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toContain("unknown option '--bogus'");
    const missing = runBundle(["missing.crm", "clean.crm"], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file or folder: 'missing.crm'");
    const version = runBundle(["--version"], { cwd: root });
    expect(version.status).toBe(0);
    const packageJson = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { version: string };
    expect(version.stdout).toBe(`${packageJson.version}\n`);
  });
});

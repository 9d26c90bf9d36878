/**
 * `crmscript-format` in-process over real temporary folders: printing one
 * file, `--check` (the listing and exit codes), `--write`, files with
 * syntax errors reported at file:line:column and left alone while the
 * others are formatted, standard input, folders and globs with
 * ignorePatterns, per-folder `format` options, `--config` and
 * `--no-config`, configuration problems, usage errors, and the same command
 * as `crmscript format`.
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toolVersion } from "../../server/analysis/tool-version.js";
import { FORMAT_USAGE } from "../../server/cli/format-arguments.js";
import { formatCli, makeTree, runCrmscript } from "../support/cli-runner.js";

const LEVEL = "#setLanguageLevel 4;\n";
/** Cramped code the formatter spaces out and breaks into lines. */
const MESSY = `${LEVEL}Integer n=1;\nif(n>0){printLine("positive");}\nVoid greet(String name){\nif (name!=""){printLine("Hello, "+name);}\n}\n`;
const FORMATTED = `${LEVEL}Integer n = 1;\nif (n > 0) {\n  printLine("positive");\n}\nVoid greet(String name) {\n  if (name != "") {\n    printLine("Hello, " + name);\n  }\n}\n`;
const FORMATTED_4 = FORMATTED.replace(/^( +)/gm, (indent) => " ".repeat(indent.length * 2));
/** A declaration whose initializer is missing: a syntax error at line 3, column 12. */
const BROKEN = `${LEVEL}Integer n=1;\nInteger m=;\nprintLine(n.toString());\n`;
const BROKEN_REPORT = "broken.crm:3:11: not formatted: syntax error: expected an expression after '=', found ';'";

const read = (root: string, path: string): string => readFileSync(join(root, path), "utf8");

describe("printing one file", () => {
  it("prints the formatted text and changes nothing", async () => {
    const root = makeTree({ "messy.crm": MESSY });
    expect(await formatCli(["messy.crm"], { cwd: root })).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
    expect(read(root, "messy.crm")).toBe(MESSY);
  });

  it("prints a formatted file as it is, and the one file of a folder", async () => {
    const root = makeTree({ "scripts/done.crm": FORMATTED, "scripts/notes.txt": "not a script" });
    expect(await formatCli(["scripts/done.crm"], { cwd: root })).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
    expect(await formatCli(["scripts"], { cwd: root })).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
  });

  it("refuses several files without --check or --write (exit 2), printing nothing", async () => {
    const root = makeTree({ "a.crm": MESSY, "b.crm": MESSY });
    const run = await formatCli(["."], { cwd: root });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "crmscript-format: 2 files to format: name one file to print its formatted text, or use --check or --write\n",
    });
  });

  it("prints nothing for a file with a syntax error, and says where the error is (exit 2)", async () => {
    const root = makeTree({ "broken.crm": BROKEN });
    expect(await formatCli(["broken.crm"], { cwd: root })).toEqual({ code: 2, stdout: "", stderr: `crmscript-format: ${BROKEN_REPORT}\n` });
  });
});

describe("--check", () => {
  it("lists the files that would change, relative to the working folder, and exits 1; changes nothing", async () => {
    const root = makeTree({ "b.crm": MESSY, "a.crm": FORMATTED, "sub/c.crmscript": MESSY, "sub/d.ej": FORMATTED });
    const run = await formatCli(["--check", "."], { cwd: root });
    expect(run).toEqual({ code: 1, stdout: `b.crm\n${join("sub", "c.crmscript")}\n`, stderr: "" });
    expect(read(root, "b.crm")).toBe(MESSY);
    const fromSub = await formatCli(["--check", "."], { cwd: join(root, "sub") });
    expect(fromSub.stdout).toBe("c.crmscript\n");
    const outside = await formatCli(["--check", join(root, "b.crm")], { cwd: join(root, "sub") });
    expect(outside.stdout).toBe(`${join("..", "b.crm")}\n`);
  });

  it("exits 0 and prints nothing when every file is formatted", async () => {
    const root = makeTree({ "a.crm": FORMATTED, "sub/b.crm": FORMATTED });
    expect(await formatCli(["--check", "."], { cwd: root })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("exits 2 when a file has a syntax error, still listing the files that would change", async () => {
    const root = makeTree({ "a.crm": MESSY, "broken.crm": BROKEN, "c.crm": FORMATTED });
    expect(await formatCli(["--check", "."], { cwd: root })).toEqual({ code: 2, stdout: "a.crm\n", stderr: `crmscript-format: ${BROKEN_REPORT}\n` });
  });
});

describe("--write", () => {
  it("rewrites the files that change, lists them, and leaves the others alone", async () => {
    const root = makeTree({ "a.crm": MESSY, "b.crm": FORMATTED, "sub/c.crm": MESSY });
    const run = await formatCli(["--write", "."], { cwd: root });
    expect(run).toEqual({ code: 0, stdout: `a.crm\n${join("sub", "c.crm")}\n`, stderr: "" });
    expect(read(root, "a.crm")).toBe(FORMATTED);
    expect(read(root, "sub/c.crm")).toBe(FORMATTED);
    expect(read(root, "b.crm")).toBe(FORMATTED);
    expect(await formatCli(["--check", "."], { cwd: root })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await formatCli(["-w", "."], { cwd: root })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("reports a file with a syntax error and leaves it untouched while the others are written (exit 2)", async () => {
    const root = makeTree({ "a.crm": MESSY, "broken.crm": BROKEN, "z.crm": MESSY });
    const run = await formatCli(["--write", "."], { cwd: root });
    expect(run).toEqual({ code: 2, stdout: "a.crm\nz.crm\n", stderr: `crmscript-format: ${BROKEN_REPORT}\n` });
    expect(read(root, "broken.crm")).toBe(BROKEN);
    expect(read(root, "a.crm")).toBe(FORMATTED);
    expect(read(root, "z.crm")).toBe(FORMATTED);
  });

  it("reports a file it cannot read and goes on with the others (exit 2)", async () => {
    const root = makeTree({ "a.crm": MESSY, "locked.crm": MESSY });
    const run = await formatCli(["--write", "."], {
      cwd: root,
      readFile: (path) => {
        if (path.endsWith("locked.crm")) throw new Error("EACCES: permission denied");
        return readFileSync(path, "utf8");
      },
    });
    expect(run).toEqual({ code: 2, stdout: "a.crm\n", stderr: "crmscript-format: locked.crm: cannot be read: EACCES: permission denied\n" });
    expect(read(root, "a.crm")).toBe(FORMATTED);
  });

  it.skipIf(process.platform === "win32")("reports a read-only file as unchanged and goes on with the others (exit 2)", async () => {
    const root = makeTree({ "a.crm": MESSY, "readonly.crm": MESSY });
    chmodSync(join(root, "readonly.crm"), 0o444);
    const run = await formatCli(["--write", "."], { cwd: root });
    expect(run).toEqual({ code: 2, stdout: "a.crm\n", stderr: "crmscript-format: readonly.crm is unchanged: cannot write it (the file is read-only)\n" });
    expect(read(root, "readonly.crm")).toBe(MESSY);
  });
});

describe("standard input", () => {
  it("is formatted to standard output", async () => {
    const root = makeTree({});
    expect(await formatCli(["--stdin"], { cwd: root, stdin: MESSY })).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
  });

  it("with --check, is listed as <stdin> (or its file path) when it would change", async () => {
    const root = makeTree({});
    expect(await formatCli(["--stdin", "--check"], { cwd: root, stdin: MESSY })).toEqual({ code: 1, stdout: "<stdin>\n", stderr: "" });
    expect(await formatCli(["--check", "--stdin-filepath", "x.crm"], { cwd: root, stdin: MESSY })).toEqual({ code: 1, stdout: "x.crm\n", stderr: "" });
    expect(await formatCli(["--stdin", "--check"], { cwd: root, stdin: FORMATTED })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("with a syntax error prints nothing and exits 2", async () => {
    const root = makeTree({});
    const run = await formatCli(["--stdin-filepath", "broken.crm"], { cwd: root, stdin: BROKEN });
    expect(run).toEqual({ code: 2, stdout: "", stderr: `crmscript-format: ${BROKEN_REPORT}\n` });
    expect((await formatCli(["--stdin"], { cwd: root, stdin: BROKEN })).stderr).toBe(
      `crmscript-format: <stdin>:3:11: ${BROKEN_REPORT.split(": ").slice(1).join(": ")}\n`,
    );
  });

  it("takes the configuration of --stdin-filepath, and comes back as it is when its ignore patterns name that file", async () => {
    const root = makeTree({
      ".crmscriptrc.json": JSON.stringify({ ignorePatterns: ["vendor/"] }),
      "wide/.crmscriptrc.json": JSON.stringify({ format: { indentWidth: 4 } }),
    });
    expect((await formatCli(["--stdin", "--stdin-filepath", "wide/x.crm"], { cwd: root, stdin: MESSY })).stdout).toBe(FORMATTED_4);
    expect((await formatCli(["--stdin", "--stdin-filename", "x.crm"], { cwd: root, stdin: MESSY })).stdout).toBe(FORMATTED);
    expect(await formatCli(["--stdin-filepath", "vendor/x.crm"], { cwd: root, stdin: MESSY })).toEqual({ code: 0, stdout: MESSY, stderr: "" });
    expect(await formatCli(["--stdin-filepath", "vendor/x.crm", "--check"], { cwd: root, stdin: MESSY })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await formatCli(["--stdin-filepath", "vendor/x.crm", "--no-ignore"], { cwd: root, stdin: MESSY })).stdout).toBe(FORMATTED);
  });

  it("that cannot be read is exit 2", async () => {
    const run = await formatCli(["--stdin"], { cwd: makeTree({}), stdin: new Error("EPIPE") });
    expect(run).toEqual({ code: 2, stdout: "", stderr: "crmscript-format: cannot read standard input: EPIPE\n" });
  });
});

describe("finding files", () => {
  const tree = () =>
    makeTree({
      ".crmscriptrc.json": JSON.stringify({ ignorePatterns: ["vendor/", "*.gen.crm"] }),
      "src/a.crm": MESSY,
      "src/deep/b.crm": MESSY,
      "src/deep/c.gen.crm": MESSY,
      "src/deep/d.ej": MESSY,
      "src/notes.txt": "not a script",
      "vendor/lib.crm": MESSY,
      "node_modules/pkg/x.crm": MESSY,
      ".hidden/y.crm": MESSY,
    });

  it("searches folders for the script extensions, skipping what ignorePatterns name, node_modules and dot-folders", async () => {
    const root = tree();
    const run = await formatCli(["--check", "."], { cwd: root });
    expect(run.stdout.split("\n")).toEqual([join("src", "a.crm"), join("src", "deep", "b.crm"), join("src", "deep", "d.ej"), ""]);
    expect(run.code).toBe(1);
  });

  it("expands globs, still leaving out ignored files", async () => {
    const root = tree();
    const run = await formatCli(["--check", "src/**/*.crm"], { cwd: root });
    expect(run.stdout.split("\n")).toEqual([join("src", "a.crm"), join("src", "deep", "b.crm"), ""]);
    expect((await formatCli(["--check", "--ext", "ej", "src"], { cwd: root })).stdout).toBe(`${join("src", "deep", "d.ej")}\n`);
  });

  it("says so for an ignored file named on the command line, which --no-ignore formats", async () => {
    const root = tree();
    const run = await formatCli(["--check", "vendor/lib.crm", "src/a.crm"], { cwd: root });
    expect(run).toEqual({
      code: 1,
      stdout: `${join("src", "a.crm")}\n`,
      stderr: `crmscript-format: ${join("vendor", "lib.crm")} is not formatted: the configuration's ignorePatterns name it (use --no-ignore to format it)\n`,
    });
    expect((await formatCli(["--check", "--no-ignore", "vendor", "src/deep/c.gen.crm"], { cwd: root })).stdout).toBe(
      `${join("vendor", "lib.crm")}\n${join("src", "deep", "c.gen.crm")}\n`,
    );
  });

  it("reports arguments that match nothing (exit 2) and still formats the rest", async () => {
    const root = tree();
    const run = await formatCli(["--write", "missing.crm", "nothing/*.crm", "src/a.crm"], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`${join("src", "a.crm")}\n`);
    expect(run.stderr).toBe("crmscript-format: no such file or folder: 'missing.crm'\ncrmscript-format: no files match the pattern 'nothing/*.crm'\n");
    expect(read(root, "src/a.crm")).toBe(FORMATTED);
  });
});

describe("configuration", () => {
  it("formats each folder with its own format options, nearer files overriding farther ones", async () => {
    const root = makeTree({
      ".crmscriptrc.json": JSON.stringify({ format: { lineWidth: 100 } }),
      "top.crm": MESSY,
      "wide/.crmscriptrc.json": JSON.stringify({ format: { indentWidth: 4 } }),
      "wide/w.crm": MESSY,
      "wide/tabs/.crmscriptrc.json": JSON.stringify({ format: { useTabs: true } }),
      "wide/tabs/t.crm": MESSY,
    });
    expect(await formatCli(["--write", "."], { cwd: root })).toMatchObject({ code: 0, stderr: "" });
    expect(read(root, "top.crm")).toBe(FORMATTED);
    expect(read(root, "wide/w.crm")).toBe(FORMATTED_4);
    expect(read(root, "wide/tabs/t.crm")).toBe(FORMATTED.replace(/^( +)/gm, (indent) => "\t".repeat(indent.length / 2)));
  });

  it("takes the line ending from endOfLine, keeping each file's own by default", async () => {
    const crlf = MESSY.replace(/\n/g, "\r\n");
    const root = makeTree({ "keep/a.crm": crlf, "lf/.crmscriptrc.json": JSON.stringify({ format: { endOfLine: "lf" } }), "lf/b.crm": crlf });
    await formatCli(["--write", "."], { cwd: root });
    expect(read(root, "keep/a.crm")).toBe(FORMATTED.replace(/\n/g, "\r\n"));
    expect(read(root, "lf/b.crm")).toBe(FORMATTED);
  });

  it("stops on a problem in the format section, at its line and column, before formatting anything (exit 2)", async () => {
    const root = makeTree({ ".crmscriptrc.json": '{\n  "format": {\n    "indentWidth": "4",\n    "tabs": true\n  }\n}\n', "a.crm": MESSY });
    const config = join(root, ".crmscriptrc.json");
    for (const argv of [["--write", "a.crm"], ["a.crm"], ["--stdin-filepath", "a.crm"]]) {
      const run = await formatCli(argv, { cwd: root, stdin: MESSY });
      expect(run, argv.join(" ")).toEqual({
        code: 2,
        stdout: "",
        stderr: [
          `crmscript-format: ${config}:3:20: format.indentWidth must be a whole number from 1 to 16`,
          `crmscript-format: ${config}:4:5: unknown formatting option 'tabs' (the options are indentWidth, lineWidth, useTabs, endOfLine)`,
          "crmscript-format: fix the configuration and run again",
          "",
        ].join("\n"),
      });
    }
    expect(read(root, "a.crm")).toBe(MESSY);
  });

  it("--config uses one file alone; --no-config uses none, so the defaults and no ignore patterns", async () => {
    const root = makeTree({
      ".crmscriptrc.json": JSON.stringify({ format: { indentWidth: 4 }, ignorePatterns: ["skip.crm"] }),
      "team.json": JSON.stringify({ format: { useTabs: true } }),
      "a.crm": MESSY,
      "skip.crm": MESSY,
    });
    expect((await formatCli(["a.crm"], { cwd: root })).stdout).toBe(FORMATTED_4);
    expect((await formatCli(["-c", "team.json", "a.crm"], { cwd: root })).stdout).toBe(
      FORMATTED.replace(/^( +)/gm, (indent) => "\t".repeat(indent.length / 2)),
    );
    expect((await formatCli(["--no-config", "a.crm"], { cwd: root })).stdout).toBe(FORMATTED);
    expect((await formatCli(["--no-config", "--check", "."], { cwd: root })).stdout).toBe("a.crm\nskip.crm\n");
    const missing = await formatCli(["--config", "nowhere.json", "a.crm"], { cwd: root });
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: `crmscript-format: ${join(root, "nowhere.json")}:1:1: cannot read the configuration file\ncrmscript-format: fix the configuration and run again\n`,
    });
  });
});

describe("usage", () => {
  it.each([
    [["--check", "--write", "a.crm"], "--check changes nothing and --write changes files: give one of them"],
    [["--stdin", "a.crm"], "--stdin formats standard input; do not also give files"],
    [["--stdin", "--write"], "--write cannot write standard input: without it, the formatted text goes to standard output"],
    [["--config", "x.json", "--no-config", "a.crm"], "--config and --no-config do not go together"],
    [["--chek", "a.crm"], "unknown option '--chek'; did you mean '--check'?"],
    [["--write=yes", "a.crm"], "--write takes no value: write --write, or leave it out"],
    [["--jobs", "0", "a.crm"], "--jobs needs a number of worker threads, 1 or more"],
    [["--stdin-filepath"], "--stdin-filepath needs a file name"],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const root = makeTree({ "a.crm": MESSY });
    expect(await formatCli(argv, { cwd: root })).toEqual({ code: 2, stdout: "", stderr: `crmscript-format: ${message}\n` });
    expect(read(root, "a.crm")).toBe(MESSY);
  });

  it("without files is a usage error that shows the help", async () => {
    expect(await formatCli([], { cwd: makeTree({}) })).toEqual({ code: 2, stdout: "", stderr: `crmscript-format: no files given\n\n${FORMAT_USAGE}` });
  });

  it("--help names every option and the exit codes; --version prints the version", async () => {
    const help = await formatCli(["--help"], { cwd: makeTree({}) });
    expect(help.code).toBe(0);
    for (const option of ["--check", "--write", "--stdin", "--stdin-filepath", "--config", "--no-config", "--no-ignore", "--ext", "--jobs", "Exit codes: 0"])
      expect(help.stdout).toContain(option);
    expect((await formatCli(["-v"], { cwd: makeTree({}) })).stdout).toBe(`${toolVersion()}\n`);
  });
});

describe("crmscript format", () => {
  it("is crmscript-format, and the crmscript help lists it", async () => {
    const root = makeTree({ "a.crm": MESSY, "b.crm": FORMATTED });
    expect(await runCrmscript(["format", "--check", "."], { cwd: root })).toEqual({ code: 1, stdout: "a.crm\n", stderr: "" });
    expect(await runCrmscript(["format", "a.crm"], { cwd: root })).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
    expect((await runCrmscript(["format", "--help"], { cwd: root })).stdout).toBe(FORMAT_USAGE);
    expect((await runCrmscript(["--help"], { cwd: root })).stdout).toContain("format [options] <files…>");
    writeFileSync(join(root, "a.crm"), MESSY);
    expect(await runCrmscript(["format", "--write", "a.crm"], { cwd: root })).toEqual({ code: 0, stdout: "a.crm\n", stderr: "" });
    expect(read(root, "a.crm")).toBe(FORMATTED);
  });
});

/**
 * `crmscript-lint` for teams and CI: configuration files (discovery,
 * precedence, `--config`, `--print-config`, broken files), ignore patterns,
 * `--rule`, suppressions in the report, `--fix` and `--fix-dry-run`,
 * `--max-warnings`, `--quiet`, `--cache`, the SARIF and GitHub formats from
 * the command line, snapshots of the stylish and JSON reports, the
 * progress line, and usage errors that must stop a run before it writes
 * anything (`--fix=false`, `--cache=false`). Runs `main()` in-process over
 * real temporary folders.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint, makeTree, parseJson } from "../support/cli-runner.js";

const LEVEL = "#setLanguageLevel 4;\n";
/** Two keyword-case warnings (each with a fix) and nothing else. */
const UPPER_KEYWORDS = `${LEVEL}Integer n = 1;\nIF (n > 0) {\n  printLine("yes");\n} ELSE {\n  printLine("no");\n}\n`;
/** An unused local: one no-unused-variable warning. */
const UNUSED = `${LEVEL}Void f() {\n  Integer spare = 0;\n}\nf();\n`;
const CLEAN = `${LEVEL}Integer y = 2;\nprintLine(y.toString());\n`;
/** A type error: one argument-type error. */
const TYPE_ERROR = `${LEVEL}Integer x = "one";\n`;

const codes = (stdout: string): string[] => parseJson(stdout).flatMap((result) => result.messages.map((message) => `${message.ruleId}:${message.severity}`));

describe("configuration files", () => {
  it("are found upward from each file, nearer ones overriding, and change what is reported", async () => {
    const root = makeTree({
      ".crmscriptrc.json": JSON.stringify({ rules: { "no-unused-variable": "error" } }),
      "relaxed/.crmscriptrc.json": JSON.stringify({ rules: { "no-unused-variable": "off" } }),
      "strict.crm": UNUSED,
      "relaxed/loose.crm": UNUSED,
    });
    const run = await lint(["-f", "json", "."], { cwd: root });
    expect(run.code).toBe(1);
    expect(
      parseJson(run.stdout).map((result) => [
        result.filePath.slice(root.length + 1),
        result.messages.map((message) => `${message.ruleId}:${message.severity}`),
      ]),
    ).toEqual([
      ["strict.crm", ["no-unused-variable:2"]],
      ["relaxed/loose.crm", []],
    ]);
  });

  it("give way to --rule and the semantic options on the command line", async () => {
    const root = makeTree({ ".crmscriptrc.json": JSON.stringify({ rules: { "no-unused-variable": "error" }, targetVersion: "7.0" }), "a.crm": UNUSED });
    expect(codes((await lint(["-f", "json", "--rule", "no-unused-variable:warn", "a.crm"], { cwd: root })).stdout)).toEqual(["no-unused-variable:1"]);
    expect(codes((await lint(["-f", "json", "--rule=no-unused-variable=off", "a.crm"], { cwd: root })).stdout)).toEqual([]);
    expect(codes((await lint(["-f", "json", "--rule", "no-unused-variable:2", "a.crm"], { cwd: root })).stdout)).toEqual(["no-unused-variable:2"]);
    const printed = JSON.parse((await lint(["--print-config", "a.crm", "--target-version", "10.2"], { cwd: root })).stdout) as { targetVersion: string };
    expect(printed.targetVersion).toBe("10.2");
  });

  it("--config uses one file instead of searching", async () => {
    const root = makeTree({
      ".crmscriptrc.json": JSON.stringify({ rules: { "no-unused-variable": "error" } }),
      "team.json": JSON.stringify({ rules: { "no-unused-variable": "off" } }),
      "a.crm": UNUSED,
    });
    const run = await lint(["-f", "json", "--config", "team.json", "a.crm"], { cwd: root });
    expect(run.code).toBe(0);
    expect(codes(run.stdout)).toEqual([]);
  });

  it("--print-config shows the effective configuration of a file, every rule included", async () => {
    const root = makeTree({
      ".crmscriptrc.json": JSON.stringify({ platform: "online", rules: { "no-shadow": "error" }, ignorePatterns: ["old/"] }),
      "old/x.crm": CLEAN,
    });
    const run = await lint(["--print-config", "old/x.crm"], { cwd: root });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown> & { rules: Record<string, string> };
    expect(printed).toMatchObject({
      file: join(root, "old/x.crm"),
      configFiles: [join(root, ".crmscriptrc.json")],
      ignored: true,
      platform: "online",
      targetVersion: null,
      reportUnusedSuppressions: "warn",
    });
    expect(printed.rules["no-shadow"]).toBe("error");
    expect(printed.rules["keyword-case"]).toBe("warn");
    expect(printed.rules["no-netserver-call-in-loop"]).toBe("off");
  });

  it("a broken file stops the run with its position and exit code 2", async () => {
    const root = makeTree({ ".crmscriptrc.json": '{\n  "rules": {\n    "no-shadow": "of"\n  },\n  "plaform": "online"\n}\n', "a.crm": CLEAN });
    const config = join(root, ".crmscriptrc.json");
    for (const argv of [["a.crm"], ["--print-config", "a.crm"], ["--stdin", "--stdin-filename", "a.crm"]]) {
      const run = await lint(argv, { cwd: root, stdin: CLEAN });
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`crmscript-lint: ${config}:3:18: the severity of 'no-shadow' must be "off", "warn" or "error"\n`);
      expect(run.stderr).toContain(`crmscript-lint: ${config}:5:3: unknown property 'plaform'; did you mean 'platform'?`);
    }
    const notJson = makeTree({ ".crmscriptrc.json": "{ rules: {} }", "a.crm": CLEAN });
    const run = await lint(["a.crm"], { cwd: notJson });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(":1:3: not valid JSON: expected a property name in double quotes");
    const missing = await lint(["--config", "nope.json", "a.crm"], { cwd: notJson });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.json:1:1: cannot read the configuration file");
  });

  it("ignore patterns leave files out of a folder search; a file named explicitly gets a warning; --no-ignore lints them", async () => {
    const root = makeTree({
      ".crmscriptrc.json": JSON.stringify({ ignorePatterns: ["generated/", "*.old.crm"] }),
      "generated/g.crm": TYPE_ERROR,
      "a.old.crm": TYPE_ERROR,
      "b.crm": CLEAN,
    });
    const folder = await lint(["-f", "json", "."], { cwd: root });
    expect(folder.code).toBe(0);
    expect(parseJson(folder.stdout).map((result) => result.filePath)).toEqual([join(root, "b.crm")]);
    const named = await lint(["-f", "json", "a.old.crm"], { cwd: root });
    expect(parseJson(named.stdout)[0]?.messages.map((message) => [message.severity, message.message])).toEqual([
      [1, "a.old.crm is not linted: the configuration's ignorePatterns name it (use --no-ignore to lint it)"],
    ]);
    const quiet = await lint(["-f", "json", "--no-warn-ignored", "--max-warnings", "0", "a.old.crm"], { cwd: root });
    expect(quiet.code).toBe(0);
    expect(parseJson(quiet.stdout)).toEqual([]);
    const stdin = await lint(["-f", "json", "--stdin", "--stdin-filename", "generated/new.crm"], { cwd: root, stdin: TYPE_ERROR });
    expect(parseJson(stdin.stdout)[0]?.messages.map((message) => message.message)).toEqual([
      "generated/new.crm is not linted: the configuration's ignorePatterns name it (use --no-ignore to lint it)",
    ]);
    const all = await lint(["-f", "json", "--no-ignore", "."], { cwd: root });
    expect(all.code).toBe(1);
    expect(parseJson(all.stdout)).toHaveLength(3);
  });

  it("--rule rejects unknown rules and severities", async () => {
    const root = makeTree({ "a.crm": CLEAN });
    const unknown = await lint(["--rule", "no-shadw:off", "a.crm"], { cwd: root });
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toBe("crmscript-lint: unknown rule 'no-shadw'; did you mean 'no-shadow'?\n");
    const severity = await lint(["--rule", "no-shadow:loud", "a.crm"], { cwd: root });
    expect(severity.code).toBe(2);
    expect(severity.stderr).toMatch(/--rule needs rule-id:severity/);
  });
});

describe("suppressions in the report", () => {
  it("are left out of messages and listed in suppressedMessages with their reason", async () => {
    const root = makeTree({
      "a.crm": `${LEVEL}Void f() {\n  // crmscript-lint-disable-next-line no-unused-variable -- filled in later\n  Integer spare = 0;\n}\nf();\n`,
    });
    const [result] = parseJson((await lint(["-f", "json", "a.crm"], { cwd: root })).stdout);
    expect(result?.messages).toEqual([]);
    expect(result?.suppressedMessages).toEqual([
      {
        ruleId: "no-unused-variable",
        severity: 1,
        message: "'spare' is declared but never used: remove it, or use it",
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 16,
        suppressions: [{ kind: "directive", justification: "filled in later" }],
      },
    ]);
  });
});

describe("--fix and --fix-dry-run", () => {
  it("--fix writes the fixed text to the files that change, and only to those", async () => {
    const root = makeTree({ "upper.crm": UPPER_KEYWORDS, "clean.crm": CLEAN });
    const cleanTime = statSync(join(root, "clean.crm")).mtimeMs;
    const written: string[] = [];
    const run = await lint(["--fix", "-f", "json", "."], {
      cwd: root,
      writeFile: (path, text) => {
        written.push(path);
        writeFileSync(path, text);
      },
    });
    expect(run.code).toBe(0);
    expect(written).toEqual([join(root, "upper.crm")]);
    expect(readFileSync(join(root, "upper.crm"), "utf8")).toBe(UPPER_KEYWORDS.replace("IF", "if").replace("ELSE", "else"));
    expect(statSync(join(root, "clean.crm")).mtimeMs).toBe(cleanTime);
    const [fixed] = parseJson(run.stdout).filter((result) => result.filePath.endsWith("upper.crm"));
    expect(fixed?.messages).toEqual([]);
    expect(fixed?.output).toBe(readFileSync(join(root, "upper.crm"), "utf8"));
    expect((await lint(["--fix", "."], { cwd: root, writeFile: () => expect.fail("nothing is left to fix") })).code).toBe(0);
  });

  it("--fix leaves what it cannot fix reported, and never applies the parser's quick fixes", async () => {
    const missingSemicolon = `${LEVEL}Integer x = 1\nIF (x > 0) {\n  printLine(x.toString());\n}\n`;
    const root = makeTree({ "a.crm": missingSemicolon });
    const run = await lint(["--fix", "-f", "json", "a.crm"], { cwd: root });
    expect(readFileSync(join(root, "a.crm"), "utf8")).toBe(missingSemicolon.replace("IF", "if"));
    expect(codes(run.stdout)).toEqual(["syntax-missing-semicolon:2"]);
    expect(run.code).toBe(1);
  });

  it("--fix-dry-run writes nothing, shows the changes as a diff and the fixed text in JSON", async () => {
    const root = makeTree({ "upper.crm": UPPER_KEYWORDS });
    const options = { cwd: root, writeFile: () => expect.fail("--fix-dry-run must not write") };
    const stylish = await lint(["--fix-dry-run", "upper.crm"], options);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toBe(
      [
        "--- upper.crm",
        "+++ upper.crm (fixed)",
        "@@ -2,5 +2,5 @@",
        " Integer n = 1;",
        "-IF (n > 0) {",
        "+if (n > 0) {",
        '   printLine("yes");',
        "-} ELSE {",
        "+} else {",
        '   printLine("no");',
        "",
      ].join("\n"),
    );
    const json = await lint(["--fix-dry-run", "-f", "json", "upper.crm"], options);
    expect(parseJson(json.stdout)[0]?.output).toBe(UPPER_KEYWORDS.replace("IF", "if").replace("ELSE", "else"));
    expect(readFileSync(join(root, "upper.crm"), "utf8")).toBe(UPPER_KEYWORDS);
    const stdin = await lint(["--fix-dry-run", "-f", "json", "--stdin"], { cwd: root, stdin: UPPER_KEYWORDS });
    expect(parseJson(stdin.stdout)[0]?.output).toContain("} else {");
    expect((await lint(["--fix", "--stdin"], { cwd: root, stdin: UPPER_KEYWORDS })).code).toBe(2);
  });

  it("reports the fix of each fixable message in JSON, as ESLint does", async () => {
    const root = makeTree({ "upper.crm": UPPER_KEYWORDS });
    const [result] = parseJson((await lint(["-f", "json", "upper.crm"], { cwd: root })).stdout);
    expect(result?.fixableWarningCount).toBe(2);
    const offset = UPPER_KEYWORDS.indexOf("IF");
    expect(result?.messages[0]?.fix).toEqual({ range: [offset, offset + 2], text: "if" });
  });
});

describe("--max-warnings and --quiet", () => {
  it("--max-warnings fails a run with more warnings than allowed", async () => {
    const root = makeTree({ "a.crm": UPPER_KEYWORDS });
    const over = await lint(["--max-warnings", "1", "a.crm"], { cwd: root });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("crmscript-lint: 2 warnings, more than --max-warnings 1 allows\n");
    expect((await lint(["--max-warnings", "-1", "a.crm"], { cwd: root })).code).toBe(0);
    expect((await lint(["--max-warnings", "2", "a.crm"], { cwd: root })).code).toBe(0);
    expect((await lint(["--max-warnings=0", "a.crm"], { cwd: root })).code).toBe(1);
    expect((await lint(["--max-warnings", "lots", "a.crm"], { cwd: root })).code).toBe(2);
  });

  it("--quiet reports errors only, and warnings then do not count", async () => {
    const root = makeTree({ "warn.crm": UPPER_KEYWORDS, "error.crm": TYPE_ERROR });
    const run = await lint(["--quiet", "-f", "json", "."], { cwd: root });
    expect(codes(run.stdout).map((code) => code.slice(code.indexOf(":")))).toEqual([":2"]);
    expect(parseJson(run.stdout).every((result) => result.warningCount === 0)).toBe(true);
    expect((await lint(["--quiet", "--max-warnings", "0", "warn.crm"], { cwd: root })).code).toBe(0);
  });
});

describe("--cache", () => {
  it("reuses a file's result while the file, its includes and its configuration are unchanged", async () => {
    const root = makeTree({
      "main.crm": `${LEVEL}#include "helper";\nVoid f() {\n  Integer spare = helperValue();\n}\nf();\n`,
      "helper.crm": `Integer helperValue() {\n  return 1;\n}\n`,
    });
    const cacheFile = join(root, ".crmscriptlintcache");
    const first = await lint(["--cache", "-f", "json", "main.crm"], { cwd: root });
    expect(codes(first.stdout)).toEqual(["no-unused-variable:1"]);
    // Mark the cached message, so a second run shows whether it reused it.
    const marked = readFileSync(cacheFile, "utf8").replace("is declared but never used", "CACHED");
    writeFileSync(cacheFile, marked);
    const message = async (argv: string[] = []): Promise<string | undefined> =>
      parseJson((await lint(["--cache", "-f", "json", ...argv, "main.crm"], { cwd: root })).stdout)[0]?.messages[0]?.message;
    expect(await message()).toContain("CACHED");
    writeFileSync(join(root, "helper.crm"), `Integer helperValue() {\n  return 2;\n}\n`);
    expect(await message()).toContain("is declared but never used");
    writeFileSync(cacheFile, readFileSync(cacheFile, "utf8").replace("is declared but never used", "CACHED"));
    expect(await message()).toContain("CACHED");
    expect(await message(["--rule", "no-unused-variable:error"])).toContain("is declared but never used");
    writeFileSync(cacheFile, "not json");
    expect(await message()).toContain("is declared but never used");
  });

  it("--cache-location keeps the cache where it is told", async () => {
    const root = makeTree({ "a.crm": CLEAN });
    await lint(["--cache-location", "build/lint-cache.json", "a.crm"], {
      cwd: root,
      writeFile: (path, text) => {
        expect(path).toBe(join(root, "build/lint-cache.json"));
        expect(JSON.parse(text)).toMatchObject({ format: 2 });
      },
    });
  });
});

describe("the report formats from the command line", () => {
  const files = { "a.crm": UPPER_KEYWORDS, "b.crm": TYPE_ERROR, "c.crm": CLEAN };

  it("stylish and JSON match their snapshots", async () => {
    const root = makeTree(files);
    const stylish = await lint(["--no-color", "."], { cwd: root });
    await expect(stylish.stdout).toMatchFileSnapshot("__snapshots__/options.stylish.txt");
    const json = await lint(["-f", "json", "."], { cwd: root });
    await expect(`${JSON.stringify(JSON.parse(json.stdout.split(root).join("<root>")), null, 2)}\n`).toMatchFileSnapshot("__snapshots__/options.json");
  });

  it("sarif and github write their formats", async () => {
    const root = makeTree(files);
    const sarif = await lint(["-f", "sarif", "."], { cwd: root });
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]?.results.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ["keyword-case", "a.crm"],
      ["keyword-case", "a.crm"],
      [expect.any(String), "b.crm"],
    ]);
    const suppressedRoot = makeTree({
      "s.crm": `${LEVEL}Integer x = 1;\n// crmscript-lint-disable-next-line keyword-case -- legacy\nIF (x > 0) { printLine("x"); }\n`,
    });
    const resultsOf = async (argv: string[]) =>
      (
        JSON.parse((await lint(["-f", "sarif", ...argv, "s.crm"], { cwd: suppressedRoot })).stdout) as {
          runs: { results: { suppressions?: { justification: string }[] }[] }[];
        }
      ).runs[0]?.results;
    expect((await resultsOf([])) ?? []).toEqual([]);
    expect((await resultsOf(["--report-suppressed"]))?.map((result) => result.suppressions?.[0]?.justification)).toEqual(["legacy"]);
    const github = await lint(["-f", "github", "."], { cwd: root });
    expect(
      github.stdout
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.slice(0, line.indexOf(",")))
        .sort(),
    ).toEqual(["::error file=b.crm", "::warning file=a.crm", "::warning file=a.crm"]);
  });
});

describe("usage errors stop the run before it writes anything", () => {
  const usageError = async (argv: string[], message: string): Promise<string> => {
    const root = makeTree({ "upper.crm": UPPER_KEYWORDS });
    const run = await lint(argv, { cwd: root, writeFile: () => expect.fail(`${argv.join(" ")} must not write`) });
    expect(run).toEqual({ code: 2, stdout: "", stderr: `crmscript-lint: ${message}\n` });
    expect(readFileSync(join(root, "upper.crm"), "utf8")).toBe(UPPER_KEYWORDS);
    return root;
  };

  it("--fix=false fixes nothing: a flag given a value is an error", async () => {
    await usageError(["--fix=false", "upper.crm"], "--fix takes no value: write --fix, or leave it out");
    await usageError(["--fix-dry-run=no", "upper.crm"], "--fix-dry-run takes no value: write --fix-dry-run, or leave it out");
    await usageError(["-q=1", "upper.crm"], "-q takes no value: write -q, or leave it out");
  });

  it("--cache=false creates no cache", async () => {
    const root = await usageError(["--cache=false", "upper.crm"], "--cache takes no value: write --cache, or leave it out");
    expect(existsSync(join(root, ".crmscriptlintcache"))).toBe(false);
  });

  it("an unknown option, or a missing value, names the option", async () => {
    await usageError(["--fixx", "upper.crm"], "unknown option '--fixx'; did you mean '--fix'?");
    await usageError(["upper.crm", "--format"], "--format needs a value: stylish or json or sarif or github");
    await usageError(["--max-warnings", "--fix", "upper.crm"], "--max-warnings needs a whole number");
  });

  it("--name=value works for options that take a value, and a file after -- may start with '-'", async () => {
    const root = makeTree({ "-upper.crm": UPPER_KEYWORDS });
    const run = await lint(["--format=json", "--max-warnings=1", "--rule=keyword-case:error", "--", "-upper.crm"], { cwd: root });
    expect(run.code).toBe(1);
    expect(codes(run.stdout)).toEqual(["keyword-case:2", "keyword-case:2"]);
  });
});

describe("the progress line", () => {
  it("counts files on a terminal's standard error during a long run, and is erased at the end", async () => {
    const root = makeTree(Object.fromEntries(Array.from({ length: 220 }, (_, index) => [`s${index}.crm`, CLEAN])));
    const terminal = await lint(["."], { cwd: root, stderrTerminal: true });
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toContain("\rcrmscript-lint: 220/220 files");
    expect(terminal.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect((await lint(["."], { cwd: root, stderrTerminal: false })).stderr).toBe("");
  });
});

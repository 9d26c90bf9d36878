/**
 * Input people really have, through the whole CLI: a configuration file in a
 * legacy code page, a configuration "file" that is a folder, a binary file
 * among the scripts, a script that vanishes while the run goes on. Each gets
 * a clear message with its place, never a stack trace, and the rest of the
 * run goes on.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { lint, makeTree, parseJson } from "../support/cli-runner.js";

const CLEAN = "#setLanguageLevel 4;\nInteger y = 2;\nprintLine(y.toString());\n";

describe("configuration files that are not usable text", () => {
  it("reports a file that is not UTF-8 at its first non-ASCII character, and stops with exit code 2", async () => {
    const config = iconv.encode('{\n  "ignorePatterns": ["bøker/"]\n}\n', "windows-1252");
    const root = makeTree({ ".crmscriptrc.json": config, "a.crm": CLEAN });
    const run = await lint(["a.crm"], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        `crmscript-lint: ${join(root, ".crmscriptrc.json")}:2:24: the file is not valid UTF-8 (it looks like a legacy code page such as Windows-1252): save it as UTF-8`,
        "crmscript-lint: fix the configuration and run again",
        "",
      ].join("\n"),
    );
  });

  it("accepts UTF-16 with a byte-order mark", async () => {
    const root = makeTree({ ".crmscriptrc.json": iconv.encode('{ "rules": { "no-shadow": "error" } }', "utf-16le", { addBOM: true }), "a.crm": CLEAN });
    const run = await lint(["--print-config", "a.crm"], { cwd: root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).rules["no-shadow"]).toBe("error");
  });

  it("treats a folder named like the configuration file as no configuration file", async () => {
    const root = makeTree({ "a.crm": CLEAN });
    mkdirSync(join(root, ".crmscriptrc.json"));
    const run = await lint(["-f", "json", "a.crm"], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(parseJson(run.stdout)[0]?.messages).toEqual([]);
  });
});

describe("scripts that vanish", () => {
  it("reports a file that disappears after the search as unreadable and lints the others", async () => {
    const root = makeTree({ "a.crm": CLEAN, "b.crm": CLEAN, "c.crm": CLEAN });
    let removed = false;
    const run = await lint(["-f", "json", "."], {
      cwd: root,
      readFile: (path) => {
        if (!removed && path.endsWith("b.crm")) {
          removed = true;
          rmSync(path);
        }
        return readFileSync(path, "utf8");
      },
    });
    expect(run.code).toBe(2);
    const results = parseJson(run.stdout);
    expect(results.map((result) => [result.filePath.slice(root.length + 1), result.errorCount])).toEqual([
      ["a.crm", 0],
      ["b.crm", 1],
      ["c.crm", 0],
    ]);
    expect(results[1]?.messages[0]).toMatchObject({ fatal: true, message: expect.stringContaining("cannot read the file") });
  });
});

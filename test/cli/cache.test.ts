/**
 * What `--cache` keys on besides a file's text, configuration and included
 * texts: the identity of the tool's build (a rebuilt or upgraded linter does
 * not reuse results, even within one version), which file each include
 * resolves to (a new file earlier on the search path takes over an include),
 * and only files that exist (entries of deleted files are dropped).
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toolIdentity } from "../../server/cli/tool-identity.js";
import { ensureBundle, bundle, lint, makeTree, parseJson } from "../support/cli-runner.js";

const LEVEL = "#setLanguageLevel 4;\n";
const MAIN = `${LEVEL}#include "helper";\nVoid f() {\n  Integer spare = helperValue();\n}\nf();\n`;

/** Runs with --cache and returns the first message, after marking the cached one so a reuse shows. */
async function cachedRun(root: string, argv: readonly string[], toolIdentity = "build-1"): Promise<string | undefined> {
  const run = await lint(["--cache", "-f", "json", ...argv], { cwd: root, toolIdentity });
  return parseJson(run.stdout)[0]?.messages[0]?.message;
}

function markCache(root: string): void {
  const file = join(root, ".crmscriptlintcache");
  writeFileSync(file, readFileSync(file, "utf8").replaceAll("is declared but never used", "CACHED"));
}

describe("--cache", () => {
  it("does not reuse results of another build of the tool", async () => {
    const root = makeTree({ "main.crm": MAIN, "helper.crm": "Integer helperValue() { return 1; }\n" });
    await cachedRun(root, ["main.crm"]);
    markCache(root);
    expect(await cachedRun(root, ["main.crm"])).toContain("CACHED");
    expect(await cachedRun(root, ["main.crm"], "build-2")).toContain("is declared but never used");
    expect(JSON.parse(readFileSync(join(root, ".crmscriptlintcache"), "utf8")).tool).toBe("build-2");
  });

  it("notices a new file that now satisfies an include first", async () => {
    const root = makeTree({ "app/main.crm": MAIN, "shared/helper.crm": "Integer helperValue() { return 1; }\n" });
    const argv = ["-I", "shared", "app/main.crm"];
    expect(await cachedRun(root, argv)).toContain("is declared but never used");
    markCache(root);
    expect(await cachedRun(root, argv)).toContain("CACHED");
    // The script's own folder is searched before the include path: this file takes over the include.
    writeFileSync(join(root, "app", "helper.crm"), 'String helperValue() { return "one"; }\n');
    expect(await cachedRun(root, argv)).toContain("is declared but never used");
    rmSync(join(root, "app", "helper.crm"));
    markCache(root);
    expect(await cachedRun(root, argv)).toContain("is declared but never used");
  });

  it("drops the entries of files that no longer exist", async () => {
    const root = makeTree({ "a.crm": MAIN, "b.crm": MAIN, "helper.crm": "Integer helperValue() { return 1; }\n" });
    await cachedRun(root, ["a.crm", "b.crm"]);
    const entries = (): string[] => Object.keys(JSON.parse(readFileSync(join(root, ".crmscriptlintcache"), "utf8")).entries).sort();
    expect(entries()).toEqual(["a.crm", "b.crm"]);
    rmSync(join(root, "b.crm"));
    await cachedRun(root, ["a.crm"]);
    expect(entries()).toEqual(["a.crm"]);
  });

  it("keys a bundled linter on the bundle's bytes: a rebuild with any change is another tool", () => {
    ensureBundle();
    const root = makeTree({});
    const copy = join(root, "crmscript-lint.js");
    copyFileSync(bundle, copy);
    const same = toolIdentity("0.1.0", copy);
    expect(toolIdentity("0.1.0", bundle)).toBe(same);
    writeFileSync(copy, `${readFileSync(copy, "utf8")}\n// rebuilt\n`);
    expect(toolIdentity("0.1.0", copy)).not.toBe(same);
    expect(same.startsWith("0.1.0+")).toBe(true);
  });
});

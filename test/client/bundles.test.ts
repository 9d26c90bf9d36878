/**
 * The bundles in dist/ are plain ASCII (a single other character makes Node
 * read a whole bundle as two-byte text, slower to read and to compile at
 * every start), and the escaping that makes them so changes nothing a
 * program can observe in strings, templates, regular expressions or names.
 * The API catalog is not in them but beside them, read when first needed;
 * a program installed without it says so. The language server's bundle is
 * a function expression (the loader compiles the file's text as it is),
 * and it loads no TLS module: the extension starts it without
 * `NODE_EXTRA_CA_CERTS` (`client/server-environment.ts`). Loading it
 * requires no built-in module it does not use at start (`child_process`
 * waits for its first use: `scripts/esbuild-lazy-builtins.mjs`).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { runInNewContext, runInThisContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureServerBuilt } from "../support/lsp-client.js";
import { repositoryRoot } from "../support/paths.js";

const pluginUrl = pathToFileURL(join(repositoryRoot, "scripts", "esbuild-ascii-output.mjs")).href;
const { toAscii } = (await import(pluginUrl)) as { toAscii: (text: string) => string };
const lazyUrl = pathToFileURL(join(repositoryRoot, "scripts", "esbuild-lazy-builtins.mjs")).href;
const { lazyBuiltins } = (await import(lazyUrl)) as { lazyBuiltins: import("esbuild").Plugin };

/**
 * Runs `script` (CommonJS) in a fresh Node with `moduleFile`'s text as a function of a module's five parameters,
 * called with a `require` that records what it is asked for; the script writes its answer as JSON to stderr.
 */
function runRecordingRequires(moduleFile: string, script: string): unknown {
  const folder = mkdtempSync(join(tmpdir(), "crmscript-requires-"));
  try {
    const runner = join(folder, "runner.cjs");
    writeFileSync(
      runner,
      [
        'const { readFileSync, writeSync } = require("node:fs");',
        'const { dirname } = require("node:path");',
        'const { runInThisContext } = require("node:vm");',
        "const file = process.argv[2];",
        "const required = [];",
        "const recording = (id) => { required.push(id); return require(id); };",
        "recording.resolve = require.resolve;",
        "const answer = (value) => { writeSync(2, JSON.stringify(value)); process.exit(0); };",
        'const load = () => { const exports = {}; const module = { exports }; runInThisContext(readFileSync(file, "latin1"), { filename: file })(exports, recording, module, file, dirname(file)); return module.exports; };',
        script,
      ].join("\n"),
    );
    const result = spawnSync(process.execPath, [runner, moduleFile, "--stdio"], { encoding: "utf8", timeout: 60_000, input: "" });
    return JSON.parse(result.stderr);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

beforeAll(() => ensureServerBuilt(), 150_000);

describe("the bundles", () => {
  it("are ASCII", () => {
    const bundles = readdirSync(join(repositoryRoot, "dist")).filter((name) => name.endsWith(".js"));
    expect(bundles).toContain("crmscript-language-server.js");
    for (const name of bundles) {
      const text = readFileSync(join(repositoryRoot, "dist", name), "utf8");
      const first = text.search(/[\u0080-\uffff]/);
      expect(first === -1 ? "" : `${name}: ${JSON.stringify(text.slice(Math.max(0, first - 30), first + 10))}`).toBe("");
    }
  });

  it("include the language server's as a function of a module's five parameters, which its loader compiles as read", () => {
    const text = readFileSync(join(repositoryRoot, "dist", "crmscript-language-server-bundle.js"), "latin1");
    // Evaluated, not called: the value of the file's text is the function itself.
    const server = runInThisContext(text, { filename: "crmscript-language-server-bundle.js" }) as unknown;
    expect(typeof server).toBe("function");
    expect((server as (...parameters: unknown[]) => void).length).toBe(5);
  });

  it("of the language server neither load a TLS module nor use the global fetch", () => {
    // `fetch` as a value or a call, not as a property (`this.fetch(`) or a word in a message.
    const opensTls = /\b(?:require|import)\(\s*["'](?:node:)?(?:tls|https|http2)["']\s*\)|(?<![.\w$])fetch(?=\s*[()|&?,;\]])/;
    for (const name of ["crmscript-language-server.js", "crmscript-language-server-bundle.js"]) {
      const text = readFileSync(join(repositoryRoot, "dist", name), "latin1");
      expect([name, opensTls.exec(text)?.[0]]).toEqual([name, undefined]);
    }
    // The pattern finds what it is for: the extension's bundle (the tenant features' HTTP client) uses the global fetch.
    const extension = readFileSync(join(repositoryRoot, "dist", "extension.js"), "latin1");
    const found = opensTls.exec(extension);
    expect(found === null ? "" : extension.slice(found.index - 3, found.index + 7)).toMatch(/(\?\?|\|\|) fetch\)/);
  });
});

describe("lazily loaded built-in modules", () => {
  it("are not loaded with the language server, which loads the built-ins it starts with", () => {
    const required = runRecordingRequires(join(repositoryRoot, "dist", "crmscript-language-server-bundle.js"), "load(); answer(required);") as string[];
    expect(required).toContain("node:fs");
    expect(required.filter((id) => /child_process|fs\/promises/.test(id))).toEqual([]);
  });

  it("load on first use and work as the module itself", async () => {
    const folder = mkdtempSync(join(tmpdir(), "crmscript-lazy-"));
    try {
      // CommonJS, as the dependency it is for (an ES import would list the module's keys, and so load it, at once).
      writeFileSync(
        join(folder, "entry.cjs"),
        [
          'const childProcess = require("child_process");',
          'exports.run = () => childProcess.spawnSync(process.execPath, ["-e", "process.stdout.write(\'ran\')"], { encoding: "utf8" }).stdout;',
          'exports.keys = () => Object.keys(childProcess).includes("fork") && "execFile" in childProcess;',
        ].join("\n"),
      );
      const bundle = join(folder, "bundle.js");
      await build({
        entryPoints: [join(folder, "entry.cjs")],
        bundle: true,
        platform: "node",
        format: "cjs",
        outfile: bundle,
        plugins: [lazyBuiltins],
        logLevel: "silent",
      });
      writeFileSync(bundle, `(function (exports, require, module, __filename, __dirname) {\n${readFileSync(bundle, "utf8")}\n})`);
      const answer = runRecordingRequires(
        bundle,
        "const loaded = load(); const before = [...required]; const ran = loaded.run(); const keys = loaded.keys(); answer({ before, ran, keys, after: required });",
      );
      expect(answer).toEqual({ before: [], ran: "ran", keys: true, after: ["node:child_process"] });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the catalog", () => {
  const dist = join(repositoryRoot, "dist");

  it("is beside the bundles, as the product's data file, and in none of them", () => {
    expect(readFileSync(join(dist, "catalog.json")).equals(readFileSync(join(repositoryRoot, "server", "catalog", "data", "catalog.json")))).toBe(true);
    for (const name of readdirSync(dist).filter((file) => file.endsWith(".js"))) {
      expect([name, readFileSync(join(dist, name), "latin1").includes('"NSContactAgent":{"kind":"class"')]).toEqual([name, false]);
    }
  });

  it("is read by the programs from beside them, and its absence is named", () => {
    const folder = mkdtempSync(join(tmpdir(), "crmscript-alone-"));
    try {
      copyFileSync(join(dist, "crmscript-lint.js"), join(folder, "crmscript-lint.js"));
      writeFileSync(join(folder, "script.crm"), "#setLanguageLevel 4;\nNSContactAgent agent;\nInteger id = agent.GetContact(1);\n");
      const alone = spawnSync(process.execPath, [join(folder, "crmscript-lint.js"), "script.crm"], { cwd: folder, encoding: "utf8" });
      expect(alone.status).toBe(2);
      expect(alone.stderr).toContain(`cannot read ${join(folder, "catalog.json")}, which is installed with this program (reinstall it)`);
      copyFileSync(join(dist, "catalog.json"), join(folder, "catalog.json"));
      const installed = spawnSync(process.execPath, [join(folder, "crmscript-lint.js"), "script.crm"], { cwd: folder, encoding: "utf8" });
      expect(installed.status).toBe(1);
      expect(installed.stdout).toContain("type-mismatch");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("toAscii", () => {
  it("keeps what code means and escapes comments readably", () => {
    const source = [
      "// spec § 1 … “quoted”",
      "const café = 'ünïcödé…'; /* — ¥ */",
      // A template literal with a substitution (escaped here, so this one has none).
      `const template = \`line … $\{café.length} 😀\`;`,
      "const matches = /é+…/.test('éé…');",
      "[café, template, matches, 'x😀y'.length, café.charCodeAt(0)]",
    ].join("\n");
    const ascii = toAscii(source);
    expect(ascii).not.toMatch(/[\u0080-\uffff]/);
    expect(ascii).toContain("// spec \\u00a7 1 \\u2026");
    expect(runInNewContext(ascii)).toEqual(runInNewContext(source));
  });
});

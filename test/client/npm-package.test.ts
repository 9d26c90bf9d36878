/**
 * The npm package as users get it: `npm run pack:npm` packs what
 * `package.json`'s `files` names (the four bundled executables, the JSON
 * schema, the diagnostic pages, README, licence, changelog) and nothing
 * else; installed from the tarball into an empty folder, without the
 * network, `crmscript-lint` and `crmscript-format` run from `node_modules/.bin`, `crmscript pull`
 * brings a (fake) tenant's scripts, and the language server answers over
 * stdio.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient } from "../support/lsp-client.js";
import { repositoryRoot } from "../support/paths.js";
import { startTenantServer } from "../support/tenant-server.js";

const execFileAsync = promisify(execFile);

const scratch = mkdtempSync(join(tmpdir(), "crmscript-npm-test-"));
const project = join(scratch, "project");
let tarball: string;
const { version } = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { version: string };
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

beforeAll(() => {
  const packed = execFileSync(process.execPath, [join(repositoryRoot, "scripts", "pack-npm.mjs"), "--out", scratch], { cwd: repositoryRoot, encoding: "utf8" });
  tarball = packed.trim().split("\n").at(-1) as string;
  execFileSync(process.execPath, ["-e", `require("node:fs").mkdirSync(${JSON.stringify(project)})`]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scripts", version: "1.0.0", private: true }));
  execFileSync(npm, ["install", "--offline", "--no-audit", "--no-fund", "--silent", tarball], {
    cwd: project,
    stdio: "pipe",
    shell: process.platform === "win32",
  });
}, 180_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("the npm package", () => {
  it("holds only what users need", () => {
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
    const docs = readdirSync(join(repositoryRoot, "docs"), { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".md"))
      .map((path) => `package/docs/${path.split("\\").join("/")}`);
    expect(listing).toEqual(
      [
        "package/CHANGELOG.md",
        "package/LICENSE",
        "package/README.md",
        "package/dist/catalog.json",
        "package/dist/crmscript-format.js",
        "package/dist/crmscript-language-server-bundle.js",
        "package/dist/crmscript-language-server.js",
        "package/dist/crmscript-lint.js",
        "package/dist/crmscript.js",
        ...docs,
        "package/package.json",
        "package/schemas/crmscriptrc.schema.json",
      ].sort(),
    );
    const manifest = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" })) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: "crmscript",
      version,
      license: "MIT",
      engines: { node: ">=20" },
      bin: {
        crmscript: "dist/crmscript.js",
        "crmscript-lint": "dist/crmscript-lint.js",
        "crmscript-format": "dist/crmscript-format.js",
        "crmscript-language-server": "dist/crmscript-language-server.js",
      },
    });
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
  });

  it("runs `npx crmscript-lint` after an offline install", () => {
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const shell = process.platform === "win32";
    const crmscriptLint = (argv: string[]) => spawnSync(npx, ["--no-install", "crmscript-lint", ...argv], { cwd: project, encoding: "utf8", shell });
    expect(crmscriptLint(["--version"]).stdout.trim()).toBe(version);
    writeFileSync(join(project, "greet.crm"), '#setLanguageLevel 4;\nString s = "count: " + 3;\n');
    const run = crmscriptLint(["greet.crm"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("'+' cannot combine String and Integer");
    expect(run.stdout).toContain("operator-type");
  });

  it("runs `npx crmscript-format` after an offline install", () => {
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const shell = process.platform === "win32";
    const crmscriptFormat = (argv: string[]) => spawnSync(npx, ["--no-install", "crmscript-format", ...argv], { cwd: project, encoding: "utf8", shell });
    writeFileSync(join(project, "messy.crm"), "#setLanguageLevel 4;\nInteger n=1;\n");
    const check = crmscriptFormat(["--check", "messy.crm"]);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe("messy.crm\n");
    expect(crmscriptFormat(["messy.crm"]).stdout).toBe("#setLanguageLevel 4;\nInteger n = 1;\n");
  });

  it("runs `npx crmscript pull` against a tenant after an offline install", async () => {
    const tenant = await startTenantServer();
    try {
      const [script] = tenant.store.seedScripts(1, { folders: ["Library"] });
      const workspace = join(scratch, "tenant-workspace");
      mkdirSync(workspace);
      const env = { ...process.env, SUPEROFFICE_API_URL: tenant.apiBase, SUPEROFFICE_TOKEN: tenant.token };
      const binary = join(project, "node_modules", ".bin", process.platform === "win32" ? "crmscript.cmd" : "crmscript");
      const { stdout } = await execFileAsync(binary, ["pull"], { cwd: workspace, env, encoding: "utf8", shell: process.platform === "win32" });
      expect(stdout).toContain("1 pulled");
      expect(readFileSync(join(workspace, "scripts", "Library", `${script?.IncludeId}.crm`), "utf8")).toBe(script?.Source);
      const signedOut = await execFileAsync(binary, ["whoami"], {
        cwd: workspace,
        env: { PATH: process.env.PATH, XDG_CONFIG_HOME: join(scratch, "config") },
        encoding: "utf8",
      }).catch((error: { code: number; stderr: string }) => error);
      expect(signedOut).toMatchObject({ code: 2, stderr: expect.stringContaining("not signed in: run crmscript login") });
    } finally {
      await tenant.close();
    }
    expect(tenant.contractProblems).toEqual([]);
  });

  it("starts the installed language server, which answers over stdio", async () => {
    const client = await LspClient.start({ serverPath: join(project, "node_modules", "crmscript", "dist", "crmscript-language-server.js") });
    try {
      const published = await client.openAndWait(pathToFileURL(join(project, "greet.crm")).toString(), '#setLanguageLevel 4;\nString s = "count: " + 3;\n');
      expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["operator-type"]);
    } finally {
      await client.stop();
    }
  });
});

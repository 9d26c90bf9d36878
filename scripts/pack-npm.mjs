// npm run pack:npm [-- --out FOLDER] — makes the npm package of the command-line tools (crmscript-lint,
// crmscript-format, crmscript and crmscript-language-server) the way `npm pack` does from this folder, but staged in a temporary folder with
// production bundles of its own, so it never rewrites dist/ under a running test or server. What goes in is
// package.json's `files` (and README and LICENSE, which npm always adds). Prints the tarball's path.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : root);
const { name, version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const stage = mkdtempSync(join(tmpdir(), "crmscript-npm-"));
try {
  for (const path of ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "docs", "schemas"])
    cpSync(join(root, path), join(stage, path), { recursive: true });
  execFileSync(process.execPath, [join(root, "esbuild.mjs"), "--production", `--outdir=${join(stage, "dist")}`], { cwd: root, stdio: "inherit" });
  mkdirSync(out, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["pack", "--ignore-scripts", "--silent", "--pack-destination", out], {
    cwd: stage,
    stdio: ["ignore", "ignore", "inherit"],
    shell: process.platform === "win32",
  });
  console.log(join(out, `${name}-${version}.tgz`));
} catch (error) {
  console.error(`packing failed: ${error.message.split("\n")[0]}`);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}

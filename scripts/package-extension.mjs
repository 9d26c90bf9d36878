// npm run package [-- --out FILE.vsix] — packs the VS Code extension offline with @vscode/vsce.
// The extension is bundled (no node_modules inside): it is staged in a temporary folder with
// production bundles of its own, so packaging never rewrites dist/ under a running test or server.
// The marketplace page is client/README.md; what goes in is what .vscodeignore lets through.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const { name, version } = manifest;
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : join(root, `${name}-${version}.vsix`));

const stage = mkdtempSync(join(tmpdir(), "crmscript-vsix-"));
try {
  // `files` is what npm packs (the command-line tools); vsce refuses it next to .vscodeignore.
  delete manifest.files;
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const path of [".vscodeignore", "LICENSE", "CHANGELOG.md", "syntaxes", "schemas", "docs", "client"]) {
    cpSync(join(root, path), join(stage, path), { recursive: true });
  }
  cpSync(join(root, "client", "README.md"), join(stage, "README.md"));
  execFileSync(process.execPath, [join(root, "esbuild.mjs"), "--production", `--outdir=${join(stage, "dist")}`], { cwd: root, stdio: "inherit" });
  const vsce = createRequire(join(root, "package.json")).resolve("@vscode/vsce/vsce");
  execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--out", out], {
    cwd: stage,
    stdio: ["ignore", "inherit", "inherit"],
  });
} catch (error) {
  console.error(`packaging failed: ${error.message.split("\n")[0]}`);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}

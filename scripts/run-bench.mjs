// npm run bench / npm run bench:lsp — bundles a benchmark entry with esbuild (TypeScript stays
// external: it is a baseline) and runs it. `node scripts/run-bench.mjs lsp` runs the protocol benchmark.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { build } from "esbuild";
import { nodeBundle } from "./bundle-options.mjs";
import { jsonAsString } from "./esbuild-json-as-string.mjs";

const which = process.argv[2] === "lsp" ? "lsp" : "main";
const rest = process.argv.slice(which === "lsp" ? 3 : 2);
mkdirSync("node_modules/.cache/bench", { recursive: true });
const outfile = `node_modules/.cache/bench/${which}.cjs`;
await build({
  ...nodeBundle,
  entryPoints: [which === "lsp" ? "bench/lsp-main.ts" : "bench/main.ts"],
  outfile,
  external: ["typescript"],
  plugins: [jsonAsString],
  define: { "import.meta.url": "undefined" },
});
{
  // The lint-tree benchmark runs the built CLI; the protocol benchmark talks to the server as it ships (the
  // production build that `npm pack` and the extension package put in, minified), built into a folder of its own.
  const built = spawnSync(process.execPath, ["esbuild.mjs"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const shippedFolder = "node_modules/.cache/bench/shipped";
if (which === "lsp") {
  const built = spawnSync(process.execPath, ["esbuild.mjs", "--production", `--outdir=${shippedFolder}`], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// --expose-gc: the parse benchmark times a parse right after a full garbage collection, and the protocol benchmark's
// client collects its own garbage between series. The protocol benchmark's client also starts with an old generation
// large enough that V8 never begins a collection of it on its own during a series: otherwise the client's marking
// steps and final pause (10-20 ms, at the same request in every run) were counted as the server's latency.
const clientFlags = which === "lsp" ? ["--initial-old-space-size=512"] : [];
const benchArguments = which === "lsp" ? ["--server", `${shippedFolder}/crmscript-language-server.js`, ...rest] : rest;
const result = spawnSync(process.execPath, ["--expose-gc", ...clientFlags, outfile, ...benchArguments], { stdio: "inherit" });
process.exitCode = result.status ?? 1;

// Bundles bench/main.ts with esbuild (TypeScript stays external: it is the baseline) and runs it.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { build } from "esbuild";
import { jsonAsString } from "./esbuild-json-as-string.mjs";

mkdirSync("node_modules/.cache/bench", { recursive: true });
const outfile = "node_modules/.cache/bench/main.cjs";
await build({ entryPoints: ["bench/main.ts"], outfile, bundle: true, platform: "node", format: "cjs", target: "node20", external: ["typescript"], logLevel: "warning", plugins: [jsonAsString] });
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: "inherit" });
process.exitCode = result.status ?? 1;

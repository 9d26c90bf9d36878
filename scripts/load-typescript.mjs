// Bundles a TypeScript module of scripts/ (with the data-file plugin the real bundles use) into
// node_modules/.cache and imports it, so that generators written in TypeScript run from plain Node.
import { mkdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { build } from "esbuild";
import { nodeBundle } from "./bundle-options.mjs";
import { jsonAsString } from "./esbuild-json-as-string.mjs";

export async function loadTypeScript(entry) {
  const folder = join(process.cwd(), "node_modules", ".cache", "generators");
  mkdirSync(folder, { recursive: true });
  const outfile = join(folder, `${basename(entry).replace(/\.ts$/, "")}-${process.pid}.cjs`);
  await build({ ...nodeBundle, entryPoints: [entry], outfile, plugins: [jsonAsString] });
  try {
    return await import(outfile);
  } finally {
    rmSync(outfile, { force: true });
  }
}

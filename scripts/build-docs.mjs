// npm run build:docs — writes docs/rules/*.md, docs/diagnostics/*.md and docs/README.md from the
// rule headers and the code registries (the generator is scripts/docs.ts), removing stale pages.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";

mkdirSync("node_modules/.cache/docs", { recursive: true });
const outfile = "node_modules/.cache/docs/docs.cjs";
await build({ entryPoints: ["scripts/docs.ts"], outfile, bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "warning" });
const { generateDocs, existingDocs } = await import(join(process.cwd(), outfile));
const root = process.cwd();
const pages = generateDocs(root);
for (const old of existingDocs(root).keys()) if (!pages.has(old)) rmSync(join(root, "docs", old));
for (const [path, content] of pages) {
  mkdirSync(dirname(join(root, "docs", path)), { recursive: true });
  writeFileSync(join(root, "docs", path), content);
}
console.log(`wrote ${pages.size} pages under docs/`);

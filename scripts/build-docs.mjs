// npm run build:docs — writes docs/rules/*.md, docs/diagnostics/*.md and docs/README.md from the
// rule headers and the code registries (the generator is scripts/docs.ts), removing stale pages.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadTypeScript } from "./load-typescript.mjs";

const { generateDocs, existingDocs } = await loadTypeScript("scripts/docs.ts");
const root = process.cwd();
const pages = generateDocs(root);
for (const old of existingDocs(root).keys()) if (!pages.has(old)) rmSync(join(root, "docs", old));
for (const [path, content] of pages) {
  mkdirSync(dirname(join(root, "docs", path)), { recursive: true });
  writeFileSync(join(root, "docs", path), content);
}
console.log(`wrote ${pages.size} pages under docs/`);

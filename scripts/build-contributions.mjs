// npm run build:contributions — writes what the VS Code extension contributes from the code: the TextMate
// grammar, the language configuration, the snippets and package.json's contributes (generator: scripts/contributions/).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadTypeScript } from "./load-typescript.mjs";

const { generateContributions } = await loadTypeScript("scripts/contributions/index.ts");
const files = generateContributions(process.cwd());
for (const [path, content] of files) {
  mkdirSync(dirname(join(process.cwd(), path)), { recursive: true });
  writeFileSync(join(process.cwd(), path), content);
}
console.log(`wrote ${[...files.keys()].join(", ")}`);

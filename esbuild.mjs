// Bundles the entry points into dist/ (CommonJS for Node and the VS Code extension host).
// esbuild does not type-check; `npm run lint:types` does.
import { chmodSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { jsonAsString } from "./scripts/esbuild-json-as-string.mjs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const production = process.argv.includes("--production");

await build({
  entryPoints: {
    "crmscript-lint": "server/cli/bin.ts",
    "crmscript-language-server": "server/lsp/main.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  plugins: [jsonAsString],
  banner: { js: "#!/usr/bin/env node" },
  define: { CRMSCRIPT_TOOLS_VERSION: JSON.stringify(version) },
});

// The bundles are the package's executables.
for (const name of ["crmscript-lint", "crmscript-language-server"]) chmodSync(`dist/${name}.js`, 0o755);

// Bundles the entry points into dist/ (CommonJS for Node and the VS Code extension host): the
// executables, and the VS Code extension, which starts the language server. The language server is two
// files: its loader (server/lsp/launcher.ts, the executable) and its bundle, which the loader compiles with
// V8's code cache.
// esbuild does not type-check; `npm run lint:types` does.
import { chmodSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { nodeBundle } from "./scripts/bundle-options.mjs";
import { asciiOutput } from "./scripts/esbuild-ascii-output.mjs";
import { dataBesideBundle } from "./scripts/esbuild-data-beside-bundle.mjs";
import { jsonAsString } from "./scripts/esbuild-json-as-string.mjs";
import { lazyBuiltins } from "./scripts/esbuild-lazy-builtins.mjs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const production = process.argv.includes("--production");
const outdir = process.argv.find((argument) => argument.startsWith("--outdir="))?.slice("--outdir=".length) ?? "dist";

// The server bundle's first and last text: a function of the parameters Node passes a CommonJS module, which
// `server/lsp/launcher.ts` compiles and calls.
const SERVER_BUNDLE_WRAPPER = { start: "(function (exports, require, module, __filename, __dirname) {", end: "})" };

const common = { ...nodeBundle, outdir, sourcemap: !production, minify: production };

await Promise.all([
  build({
    ...common,
    entryPoints: {
      "crmscript-lint": "server/cli/bin.ts",
      "crmscript-format": "server/cli/format-bin.ts",
      crmscript: "server/cli/crmscript-bin.ts",
      "crmscript-language-server": "server/lsp/launcher.ts",
    },
    plugins: [dataBesideBundle, jsonAsString, asciiOutput],
    banner: { js: "#!/usr/bin/env node" },
    define: { CRMSCRIPT_TOOLS_VERSION: JSON.stringify(version) },
  }),
  // A function expression the loader compiles (the module wrapper Node would add, written into the file so the
  // loader compiles the file's text as it is read, without copying 1.4 MB into a joined string).
  build({
    ...common,
    entryPoints: { "crmscript-language-server-bundle": "server/lsp/main.ts" },
    plugins: [dataBesideBundle, jsonAsString, lazyBuiltins, asciiOutput],
    banner: { js: SERVER_BUNDLE_WRAPPER.start },
    footer: { js: SERVER_BUNDLE_WRAPPER.end },
    define: { CRMSCRIPT_TOOLS_VERSION: JSON.stringify(version) },
  }),
  // The extension host provides `vscode`.
  build({ ...common, entryPoints: { extension: "client/extension.ts" }, external: ["vscode"], plugins: [asciiOutput] }),
]);

// The bundles are the package's executables.
for (const name of ["crmscript-lint", "crmscript-format", "crmscript", "crmscript-language-server"]) chmodSync(`${outdir}/${name}.js`, 0o755);

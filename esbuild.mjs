// Bundles the entry points into dist/ (CommonJS for Node and the VS Code extension host): the
// executables, and the VS Code extension, which starts the language server bundle.
// esbuild does not type-check; `npm run lint:types` does.
import { chmodSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { nodeBundle } from "./scripts/bundle-options.mjs";
import { asciiOutput } from "./scripts/esbuild-ascii-output.mjs";
import { jsonAsString } from "./scripts/esbuild-json-as-string.mjs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const production = process.argv.includes("--production");
const outdir = process.argv.find((argument) => argument.startsWith("--outdir="))?.slice("--outdir=".length) ?? "dist";

const common = { ...nodeBundle, outdir, sourcemap: !production, minify: production };

/**
 * Marks a package as free of side effects, so that a bundle leaves it out when nothing it exports is used: the
 * extension uses the tenant library's atomic file writes, not the encodings (iconv-lite, half a megabyte of
 * tables) of the module those writes live in.
 */
function sideEffectFree(name) {
  return {
    name: `side-effect-free:${name}`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name}$`) }, async (args) => {
        if (args.pluginData === "resolving") return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "resolving" });
        return { ...resolved, sideEffects: false };
      });
    },
  };
}

await Promise.all([
  build({
    ...common,
    entryPoints: {
      "crmscript-lint": "server/cli/bin.ts",
      "crmscript-format": "server/cli/format-bin.ts",
      crmscript: "server/cli/crmscript-bin.ts",
      "crmscript-language-server": "server/lsp/main.ts",
    },
    plugins: [jsonAsString, asciiOutput],
    banner: { js: "#!/usr/bin/env node" },
    define: { CRMSCRIPT_TOOLS_VERSION: JSON.stringify(version) },
  }),
  // The extension host provides `vscode`.
  build({ ...common, entryPoints: { extension: "client/extension.ts" }, external: ["vscode"], plugins: [sideEffectFree("iconv-lite"), asciiOutput] }),
]);

// The bundles are the package's executables.
for (const name of ["crmscript-lint", "crmscript-format", "crmscript", "crmscript-language-server"]) chmodSync(`${outdir}/${name}.js`, 0o755);

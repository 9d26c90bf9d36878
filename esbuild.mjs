// Bundles the entry points into dist/ (CommonJS for Node and the VS Code extension host): the
// executables, and the VS Code extension, which starts the language server bundle. The language
// server's file is a small loader with the server's bundle packed into it (server/lsp/launcher.ts).
// Every Node bundle is ASCII only, so that Node reads it into a one-byte string.
// esbuild does not type-check; `npm run lint:types` does.
import { createHash } from "node:crypto";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { build } from "esbuild";
import { nodeBundle } from "./scripts/bundle-options.mjs";
import { jsonAsString } from "./scripts/esbuild-json-as-string.mjs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const production = process.argv.includes("--production");
const outdir = process.argv.find((argument) => argument.startsWith("--outdir="))?.slice("--outdir=".length) ?? "dist";

const common = { ...nodeBundle, sourcemap: !production, minify: production };

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

/**
 * esbuild escapes non-ASCII characters everywhere but in comments; escaping those too (`\u00a7` means the same in a
 * string, a regular expression or an identifier) keeps a whole bundle ASCII, which Node reads and V8 scans as one
 * byte a character instead of two.
 */
function asciiOnly(text) {
  return text.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const tools = { plugins: [jsonAsString], define: { CRMSCRIPT_TOOLS_VERSION: JSON.stringify(version) } };

/**
 * The language server: its bundle, as a function expression over the CommonJS module variables (how the loader runs
 * it), compressed into the last line of the loader (`server/lsp/launcher.ts`), which gets the bundle's hash and length.
 * The source map (development builds) is the bundle's: the loader compiles the bundle under the file's name.
 */
async function buildLanguageServer() {
  const file = join(outdir, "crmscript-language-server.js");
  const server = await build({ ...common, ...tools, entryPoints: ["server/lsp/main.ts"], outfile: file, write: false });
  let bundle = "";
  for (const output of server.outputFiles) {
    if (output.path.endsWith(".map")) writeFileSync(output.path, output.contents);
    else bundle = `(function (exports, require, module, __filename, __dirname) {${asciiOnly(output.text)}\n})`;
  }
  const packed = Buffer.from(bundle, "latin1");
  const hash = createHash("sha256").update(packed).digest("hex");
  const loader = await build({
    ...common,
    entryPoints: ["server/lsp/launcher.ts"],
    outfile: file,
    write: false,
    sourcemap: false,
    banner: { js: "#!/usr/bin/env node" },
    define: { CRMSCRIPT_SERVER_BUNDLE: JSON.stringify({ hash, length: packed.length }) },
  });
  const compressed = brotliCompressSync(packed, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: packed.length } });
  // The marker the loader looks for (PACKED_BUNDLE_MARKER).
  const marker = "//crmscript-language-server-bundle:";
  writeFileSync(file, `${asciiOnly(loader.outputFiles[0].text)}${marker}${compressed.toString("base64")}\n`);
}

/** The command-line tools, made ASCII only after esbuild wrote them. */
async function buildCommandLineTools() {
  const entryPoints = { "crmscript-lint": "server/cli/bin.ts", "crmscript-format": "server/cli/format-bin.ts", crmscript: "server/cli/crmscript-bin.ts" };
  await build({ ...common, ...tools, outdir, entryPoints, banner: { js: "#!/usr/bin/env node" } });
  for (const name of Object.keys(entryPoints)) {
    const path = join(outdir, `${name}.js`);
    const text = readFileSync(path, "utf8");
    const ascii = asciiOnly(text);
    if (ascii !== text) writeFileSync(path, ascii);
  }
}

await Promise.all([
  buildCommandLineTools(),
  buildLanguageServer(),
  // The extension host provides `vscode`.
  build({ ...common, outdir, entryPoints: { extension: "client/extension.ts" }, external: ["vscode"], plugins: [sideEffectFree("iconv-lite")] }),
]);

// The bundles are the package's executables.
for (const name of ["crmscript-lint", "crmscript-format", "crmscript", "crmscript-language-server"]) chmodSync(`${outdir}/${name}.js`, 0o755);

// An esbuild plugin for the product's bundles: a `.json?raw` import (the API catalog) is not put into the bundle
// but read, on first use, from a file of the same name beside the bundle, which the plugin copies into the output
// folder. A bundle is then smaller to read and to compile at every start (and its V8 code cache a megabyte
// smaller), and only a run that needs the data reads it. Other builds keep `jsonAsString`, which embeds the text.
import { copyFile, mkdir } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { RAW_JSON_IMPORT, rawJsonFile } from "./esbuild-json-as-string.mjs";

/** The module a `?raw` import becomes: the text of `name` beside the bundle, read once, when first asked for. */
function readerModule(name) {
  return `const { readFileSync } = require("node:fs");
const { join } = require("node:path");
let text;
module.exports = {
  __esModule: true,
  get default() {
    if (text === undefined) {
      const path = join(__dirname, ${JSON.stringify(name)});
      try {
        text = readFileSync(path, "utf8");
      } catch (error) {
        throw new Error(\`cannot read \${path}, which is installed with this program (reinstall it): \${error.message}\`);
      }
    }
    return text;
  },
};
`;
}

/** The copy into each output file, shared by builds that run at once (so one file is never written twice at a time). */
const copies = new Map();

function copyOnce(from, to) {
  if (!copies.has(to))
    copies.set(
      to,
      mkdir(dirname(to), { recursive: true }).then(() => copyFile(from, to)),
    );
  return copies.get(to);
}

export const dataBesideBundle = {
  name: "data-beside-bundle",
  setup(build) {
    const outdir = build.initialOptions.outdir ?? dirname(build.initialOptions.outfile);
    build.onResolve({ filter: RAW_JSON_IMPORT }, (args) => ({ path: rawJsonFile(args), namespace: "data-beside-bundle" }));
    build.onLoad({ filter: /.*/, namespace: "data-beside-bundle" }, async (args) => {
      const name = basename(args.path);
      await copyOnce(args.path, resolve(outdir, name));
      return { contents: readerModule(name), loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

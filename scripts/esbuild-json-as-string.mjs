// An esbuild plugin for data files: `.json` imports become `JSON.parse("…")` instead of a JavaScript
// object literal (V8 parses a megabyte of JSON text faster than the same data written as code), and
// `.json?raw` imports become the text itself, for a module that parses it only when it is needed.
import { readFile } from "node:fs/promises";
import { resolve, dirname } from "node:path";

/** A `.json?raw` import, and the file it names (for the plugins that each give such an import its own module). */
export const RAW_JSON_IMPORT = /\.json\?raw$/;
export function rawJsonFile(args) {
  return resolve(dirname(args.importer), args.path.slice(0, -"?raw".length));
}

export const jsonAsString = {
  name: "json-as-string",
  setup(build) {
    build.onResolve({ filter: RAW_JSON_IMPORT }, (args) => ({ path: rawJsonFile(args), namespace: "raw-json" }));
    build.onLoad({ filter: /.*/, namespace: "raw-json" }, async (args) => ({ contents: await readFile(args.path, "utf8"), loader: "text" }));
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: "js" };
    });
  },
};

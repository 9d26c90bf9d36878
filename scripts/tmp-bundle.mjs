import { build } from "esbuild";
import { nodeBundle } from "./bundle-options.mjs";
import { jsonAsString } from "./esbuild-json-as-string.mjs";
await build({ ...nodeBundle, entryPoints: [process.argv[2]], outfile: process.argv[3], plugins: [jsonAsString], external: ["typescript"], define: { "import.meta.url": "undefined" } });

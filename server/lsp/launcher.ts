/**
 * `dist/crmscript-language-server.js` as Node runs it: a small loader, with
 * the server's own bundle (built from `main.ts`) packed at the end of the
 * same file as one comment line (Brotli, base64). Node then reads and
 * parses only the loader, which compiles the server with V8's code cache
 * (`code-cache.ts`), so later starts skip most of parsing and compiling;
 * the first start of a build (or one without a usable cache folder)
 * unpacks the bundle and compiles it as Node would. A cache problem never
 * stops the server from starting. `esbuild.mjs` writes the packed line and
 * the bundle's hash and length (`CRMSCRIPT_SERVER_BUNDLE`).
 */
import { readFileSync } from "node:fs";
import { Script } from "node:vm";
import { brotliDecompressSync } from "node:zlib";
import { CodeCache, defaultCacheFolder } from "./code-cache.js";

declare const CRMSCRIPT_SERVER_BUNDLE: { readonly hash: string; readonly length: number };

/** What starts the packed line at the end of this file. */
const PACKED_BUNDLE_MARKER = "//crmscript-language-server-bundle:";
/** How long after start the code cache is written, so that it also holds the code the first analyses compiled. */
const WRITE_CACHE_AFTER_MILLISECONDS = 2000;

/** The server's bundle (a function expression over the CommonJS module variables), unpacked from this file. */
function unpackBundle(): string {
  const text = readFileSync(__filename, "latin1");
  const start = text.lastIndexOf(PACKED_BUNDLE_MARKER) + PACKED_BUNDLE_MARKER.length;
  const end = text.indexOf("\n", start);
  const bundle = brotliDecompressSync(Buffer.from(text.slice(start, end === -1 ? undefined : end), "base64"));
  if (bundle.length !== CRMSCRIPT_SERVER_BUNDLE.length) throw new Error(`${__filename}: the packed server bundle is damaged`);
  return bundle.toString("latin1");
}

function openCache(): CodeCache | undefined {
  try {
    const folder = defaultCacheFolder();
    return folder === undefined ? undefined : new CodeCache(folder, CRMSCRIPT_SERVER_BUNDLE.hash);
  } catch {
    return undefined;
  }
}

type ServerModule = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;

/** Compiles the server (from the code cache when it has it) and arranges for a missing or refused cache to be written. */
function compileServer(): ServerModule {
  const cache = openCache();
  // Only locals hold the cache file's bytes, so they are collected once the code is compiled.
  const cached = cache?.read(CRMSCRIPT_SERVER_BUNDLE.length);
  const source = cached?.source ?? unpackBundle();
  let script: Script;
  try {
    script = new Script(source, { filename: __filename, cachedData: cached?.cachedData });
  } catch (error) {
    if (cached === undefined) throw error;
    // V8 may refuse damaged cached data by throwing rather than by setting `cachedDataRejected`.
    script = new Script(source, { filename: __filename });
  }
  if (cache !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
    setTimeout(() => {
      try {
        cache.write(source, script.createCachedData());
      } catch {
        // No cache this time; the next start tries again.
      }
    }, WRITE_CACHE_AFTER_MILLISECONDS).unref();
  }
  return script.runInThisContext() as ServerModule;
}

compileServer().call(module.exports, module.exports, require, module, __filename, __dirname);

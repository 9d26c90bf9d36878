/**
 * `dist/crmscript-language-server.js` as Node runs it: a small loader that
 * compiles the server's bundle (`crmscript-language-server-bundle.js`
 * beside it, built from `main.ts`) with V8's code cache (`code-cache.ts`),
 * so that a start skips most of parsing and compiling the bundle and the
 * code the first analysis runs. Without a usable cache the bundle is
 * compiled as Node would, and the cache is written once the server has been
 * idle for a moment (its code for the first requests is compiled by then)
 * or when it exits. A cache problem never stops the server from starting.
 * First of all it sets how fast the young generation grows
 * (`young-generation-growth.ts`) and turns off V8's allocation-site
 * pretenuring (`allocation-site-pretenuring.ts`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import { CodeCache, defaultCacheFolder, sourceKey } from "./code-cache.js";
import { eventLoopBusyShare, QUIET_BUSY_SHARE, QUIET_CHECK_MILLISECONDS } from "./event-loop-load.js";
import { turnOffAllocationSitePretenuring } from "./allocation-site-pretenuring.js";
import { growYoungGenerationFaster } from "./young-generation-growth.js";

/** The bundle's file name, beside this one (`esbuild.mjs` writes both). */
const BUNDLE_FILE = "crmscript-language-server-bundle.js";

type ServerModule = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;

function openCache(bytes: Buffer): CodeCache | undefined {
  try {
    const folder = defaultCacheFolder();
    return folder === undefined ? undefined : new CodeCache(folder, sourceKey(bytes));
  } catch {
    return undefined;
  }
}

/** Writes the cache the first time the server is idle for a whole check, or when the process exits, whichever comes first. */
function writeWhenIdle(cache: CodeCache, script: Script): void {
  let done = false;
  const write = (): void => {
    if (done) return;
    done = true;
    clearInterval(timer);
    try {
      cache.write(script.createCachedData());
    } catch {
      // No cache this time; the next start tries again.
    }
  };
  const busyShare = eventLoopBusyShare();
  const timer = setInterval(() => {
    if (busyShare() < QUIET_BUSY_SHARE) write();
  }, QUIET_CHECK_MILLISECONDS).unref();
  process.once("exit", write);
}

/** Compiles the server (from the code cache when it has it) and arranges for a missing or refused cache to be written. */
function compileServer(file: string): ServerModule {
  const bytes = readFileSync(file);
  // The bundle is ASCII (`scripts/esbuild-ascii-output.mjs`), so one byte is one character; it is a function expression
  // already (`esbuild.mjs` writes the module wrapper into it), compiled from the text as read.
  const source = bytes.toString("latin1");
  const cache = openCache(bytes);
  const cachedData = cache?.read();
  let script: Script;
  try {
    script = new Script(source, { filename: file, cachedData });
  } catch (error) {
    if (cachedData === undefined) throw error;
    // V8 may refuse damaged cached data by throwing rather than by setting `cachedDataRejected`.
    script = new Script(source, { filename: file });
  }
  if (cache !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) writeWhenIdle(cache, script);
  return script.runInThisContext() as ServerModule;
}

// Before anything is compiled: the code cache is tied to V8's flags.
growYoungGenerationFaster();
turnOffAllocationSitePretenuring();
const bundle = join(__dirname, BUNDLE_FILE);
compileServer(bundle).call(module.exports, module.exports, require, module, bundle, __dirname);

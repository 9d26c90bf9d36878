/**
 * The language server's code cache store (`server/lsp/code-cache.ts`) on
 * its own: a file written once is read back and accepted by V8; a damaged,
 * truncated or foreign file is a miss that the next write replaces; a
 * folder that cannot be written, or that others may write to, means no
 * cache and no error; files are named by bundle and Node; where the cache
 * lives by default on each platform.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { CACHE_FOLDER_VARIABLE, CodeCache, defaultCacheFolder, runtimeKey, sourceKey } from "../../server/lsp/code-cache.js";

const scratch = mkdtempSync(join(tmpdir(), "crmscript-code-cache-"));
let folders = 0;
const newFolder = (): string => join(scratch, `cache-${folders++}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SOURCE = "(function (exports) { exports.answer = function () { return [1, 2, 3].map((x) => x * 14).reduce((a, b) => a + b); }; })";
const KEY = sourceKey(Buffer.from(SOURCE));

/** Compiles `source` the way the loader does, with `cachedData` if given. */
function compile(source: string, cachedData?: Buffer): Script {
  return new Script(source, { filename: "server.js", cachedData });
}

/** A cache with one file written for SOURCE. */
function writtenCache(folder = newFolder(), key = KEY): CodeCache {
  const cache = new CodeCache(folder, key);
  expect(cache.write(compile(SOURCE).createCachedData())).toBe(true);
  return cache;
}

describe("the code cache", () => {
  it("reads back what was written, and V8 accepts it", () => {
    const cache = writtenCache();
    const script = compile(SOURCE, cache.read());
    expect(script.cachedDataRejected).toBe(false);
    const exports: { answer?: () => number } = {};
    (script.runInThisContext() as (exports: object) => void)(exports);
    expect(exports.answer?.()).toBe(84);
  });

  it("is a miss when nothing was written yet", () => {
    expect(new CodeCache(newFolder(), KEY).read()).toBeUndefined();
  });

  it("is a miss for a damaged file, and the next write replaces it", () => {
    const cache = writtenCache();
    const bytes = readFileSync(cache.file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 0xff;
    writeFileSync(cache.file, bytes);
    expect(cache.read()).toBeUndefined();
    expect(cache.write(compile(SOURCE).createCachedData())).toBe(true);
    expect(compile(SOURCE, cache.read()).cachedDataRejected).toBe(false);
  });

  it("is a miss for a truncated file, an empty one, or one holding something else", () => {
    const cache = writtenCache();
    const bytes = readFileSync(cache.file);
    for (const content of [
      bytes.subarray(0, bytes.length - 1),
      bytes.subarray(0, 28),
      Buffer.alloc(0),
      Buffer.from("not a cache"),
      Buffer.alloc(bytes.length),
    ]) {
      writeFileSync(cache.file, content);
      expect(cache.read()).toBeUndefined();
    }
  });

  it("names a file by the bundle's source and by Node (version, architecture, flags)", () => {
    const folder = newFolder();
    const first = new CodeCache(folder, KEY, "v20.0.0-x64-00000000");
    expect(new CodeCache(folder, sourceKey(Buffer.from(`${SOURCE} `)), "v20.0.0-x64-00000000").file).not.toBe(first.file);
    expect(new CodeCache(folder, KEY, "v22.0.0-x64-00000000").file).not.toBe(first.file);
    expect(new CodeCache(folder, KEY).file).toContain(runtimeKey());
    expect(runtimeKey()).toContain(process.version);
  });

  it("keeps only the newest files of the folder, and clears old temporary files", () => {
    const folder = newFolder();
    const oldTime = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (let index = 0; index < 6; index++) {
      writtenCache(folder, `${index}`.repeat(40));
      utimesSync(
        join(folder, readdirSync(folder).find((name) => name.startsWith(`server-${index}`)) as string),
        oldTime,
        new Date(Date.now() - (10 - index) * 1000),
      );
    }
    // A temporary file as `replaceAtomically` names them, left by a process that ended while writing.
    writeFileSync(join(folder, ".server-left-behind.cache.123.abcd.tmp"), "partial");
    utimesSync(join(folder, ".server-left-behind.cache.123.abcd.tmp"), oldTime, oldTime);
    const newest = writtenCache(folder, "f".repeat(40));
    const left = readdirSync(folder).sort();
    expect(left).toHaveLength(4);
    expect(left.some((name) => name.endsWith(".tmp"))).toBe(false);
    expect(left.map((name) => join(folder, name))).toContain(newest.file);
    expect(left.some((name) => name.startsWith("server-5"))).toBe(true);
    expect(left.some((name) => name.startsWith("server-0"))).toBe(false);
  });

  it("writes nothing, and throws nothing, where the folder cannot be made", () => {
    const file = join(scratch, "a-file");
    writeFileSync(file, "");
    const cache = new CodeCache(join(file, "cache"), KEY);
    expect(cache.write(compile(SOURCE).createCachedData())).toBe(false);
    expect(cache.read()).toBeUndefined();
  });

  it.skipIf(process.platform === "win32")("writes nothing into a folder that others may write to", () => {
    const folder = newFolder();
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    const cache = new CodeCache(folder, KEY);
    expect(cache.write(compile(SOURCE).createCachedData())).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("the cache folder", () => {
  it("is the one the environment names, and none when it names the empty string", () => {
    expect(defaultCacheFolder({ [CACHE_FOLDER_VARIABLE]: "/somewhere" }, "linux")).toBe("/somewhere");
    expect(defaultCacheFolder({ [CACHE_FOLDER_VARIABLE]: "" }, "linux")).toBeUndefined();
  });

  it("is the platform's per-user cache folder otherwise", () => {
    expect(defaultCacheFolder({ XDG_CACHE_HOME: "/xdg" }, "linux")).toBe(join("/xdg", "crmscript", "language-server"));
    expect(defaultCacheFolder({}, "linux")).toMatch(/[/\\]\.cache[/\\]crmscript[/\\]language-server$/);
    expect(defaultCacheFolder({}, "darwin")).toMatch(/[/\\]Library[/\\]Caches[/\\]crmscript[/\\]language-server$/);
    expect(defaultCacheFolder({ LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }, "win32")).toBe(
      join("C:\\Users\\u\\AppData\\Local", "crmscript", "Cache", "language-server"),
    );
  });
});

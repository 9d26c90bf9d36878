/**
 * The built server's loader (`server/lsp/launcher.ts`) with cache folders
 * of the test's own: a server writes the code cache when it exits, or
 * earlier once it is idle; later starts run from it (V8 accepts it, so it
 * is not written again) with the same results; a damaged cache file, or
 * one V8 refuses, is replaced; the server starts and answers just the same
 * when the folder cannot be made or the cache is turned off.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeCache } from "../../server/lsp/code-cache.js";
import { ensureServerBuilt, LspClient } from "../support/lsp-client.js";

const scratch = mkdtempSync(join(tmpdir(), "crmscript-launcher-"));
const SCRIPT = 'String s = "a";\nInteger i = s;\nprintLine(s)\n';

beforeAll(() => ensureServerBuilt(), 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cacheFiles = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".cache")) : []);

/** The one cache file of `folder` as a store (its name holds the bundle's key and the runtime's). */
function storeIn(folder: string): CodeCache {
  const files = cacheFiles(folder);
  expect(files).toHaveLength(1);
  const [, key, ...runtime] = (files[0] as string).slice(0, -".cache".length).split("-");
  const store = new CodeCache(folder, key as string, runtime.join("-"));
  expect(store.file).toBe(join(folder, files[0] as string));
  return store;
}

/** Starts the built server with `folder` as its cache folder, checks a script with problems, stops it; the diagnostics' codes. */
async function startAndCheck(folder: string): Promise<string[]> {
  const client = await LspClient.start({ codeCacheFolder: folder });
  try {
    const diagnostics = await client.openAndWait("file:///launcher/script.crm", SCRIPT);
    return diagnostics.diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
  } finally {
    await client.stop();
  }
}

describe("the server's loader", () => {
  it("writes the code cache when the server exits, then starts from it with the same results", async () => {
    const folder = join(scratch, "reused");
    const first = await startAndCheck(folder);
    expect(first).toContain("type-mismatch");
    const store = storeIn(folder);
    const written = readFileSync(store.file);
    const writtenAt = statSync(store.file).mtimeMs;
    expect(written.length).toBeGreaterThan(100_000);
    expect(await startAndCheck(folder)).toEqual(first);
    // V8 accepted it: a refused cache would have been written again.
    expect(statSync(store.file).mtimeMs).toBe(writtenAt);
    expect(readFileSync(store.file).equals(written)).toBe(true);
  });

  it("writes it once the server is idle, without waiting for the exit", async () => {
    const folder = join(scratch, "idle");
    const client = await LspClient.start({ codeCacheFolder: folder });
    try {
      await client.openAndWait("file:///launcher/script.crm", SCRIPT);
      await expect.poll(() => cacheFiles(folder).length, { timeout: 15_000, interval: 200 }).toBe(1);
      expect(storeIn(folder).read()?.length).toBeGreaterThan(100_000);
    } finally {
      await client.stop();
    }
  });

  it("starts as well from a damaged cache file, and replaces it", async () => {
    const folder = join(scratch, "damaged");
    const expected = await startAndCheck(folder);
    const store = storeIn(folder);
    const damaged = readFileSync(store.file);
    damaged.fill(0x41, damaged.length - 4096);
    writeFileSync(store.file, damaged);
    expect(store.read()).toBeUndefined();
    expect(await startAndCheck(folder)).toEqual(expected);
    expect(store.read()?.length).toBeGreaterThan(100_000);
  });

  it("starts as well when V8 refuses the cached code (a whole file, from another V8, say), and replaces it", async () => {
    const folder = join(scratch, "refused");
    const expected = await startAndCheck(folder);
    const store = storeIn(folder);
    expect(store.write(Buffer.from("compiled by some other V8"))).toBe(true);
    expect(await startAndCheck(folder)).toEqual(expected);
    expect(store.read()?.length).toBeGreaterThan(100_000);
  });

  it("starts when the cache folder cannot be made, and when the cache is turned off", async () => {
    const expected = await startAndCheck(join(scratch, "baseline"));
    const file = join(scratch, "a-file");
    writeFileSync(file, "");
    expect(await startAndCheck(join(file, "cache"))).toEqual(expected);
    expect(await startAndCheck("")).toEqual(expected);
    expect(statSync(file).size).toBe(0);
  });
});

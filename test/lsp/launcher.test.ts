/**
 * The built server's loader (`server/lsp/launcher.ts`) with a cache folder
 * of the test's own: the first start writes the code cache, later starts
 * read it (and leave it as it is), a damaged cache file is replaced, and
 * the server starts and answers just the same when the cache folder
 * cannot be made or the cache is turned off.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CACHE_FOLDER_VARIABLE, CodeCache } from "../../server/lsp/code-cache.js";
import { ensureServerBuilt, LspClient } from "../support/lsp-client.js";

const scratch = mkdtempSync(join(tmpdir(), "crmscript-launcher-"));
const SCRIPT = 'String s = "a";\nInteger i = s;\nprintLine(s)\n';
const previous = process.env[CACHE_FOLDER_VARIABLE];

beforeAll(() => ensureServerBuilt(), 120_000);
afterEach(() => {
  if (previous === undefined) delete process.env[CACHE_FOLDER_VARIABLE];
  else process.env[CACHE_FOLDER_VARIABLE] = previous;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts the built server with `folder` as its cache folder, opens a script with problems, and returns the codes of its full diagnostics. */
async function startAndCheck(folder: string, hold = 0): Promise<string[]> {
  process.env[CACHE_FOLDER_VARIABLE] = folder;
  const client = await LspClient.start();
  try {
    const diagnostics = await client.openAndWait("file:///launcher/script.crm", SCRIPT);
    if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
    return diagnostics.diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
  } finally {
    await client.stop();
  }
}

/** The server's source in a cache file (its length is in the file's header, after the magic and the checksum). */
function readSource(store: CodeCache): string {
  const length = readFileSync(store.file).readUInt32LE(28);
  const cached = store.read(length);
  expect(cached).toBeDefined();
  return cached?.source ?? "";
}

const cacheFiles = (folder: string): string[] => {
  try {
    return readdirSync(folder).filter((name) => name.endsWith(".cache"));
  } catch {
    return [];
  }
};

/**
 * Starts the server (each time for a few seconds, since it writes the cache a moment after starting) until `done`
 * holds, a few times at most on a slow machine; returns the diagnostics' codes of the last start.
 */
async function startUntil(folder: string, done: () => boolean): Promise<string[]> {
  let codes: string[] = [];
  for (let attempt = 0; attempt < 5 && (attempt === 0 || !done()); attempt++) codes = await startAndCheck(folder, 3000);
  expect(done()).toBe(true);
  return codes;
}

const startUntilCached = (folder: string): Promise<string[]> => startUntil(folder, () => cacheFiles(folder).length === 1);

describe("the server's loader", () => {
  it("writes the code cache once and then starts from it, with the same results", async () => {
    const folder = join(scratch, "reused");
    const first = await startUntilCached(folder);
    expect(first.length).toBeGreaterThan(0);
    const file = join(folder, cacheFiles(folder)[0] as string);
    const written = readFileSync(file);
    const writtenAt = statSync(file).mtimeMs;
    expect(await startAndCheck(folder, 3000)).toEqual(first);
    // V8 accepted it: a refused cache would have been written again.
    expect(statSync(file).mtimeMs).toBe(writtenAt);
    expect(readFileSync(file).equals(written)).toBe(true);
  });

  it("starts as well from a damaged cache file, and replaces it", async () => {
    const folder = join(scratch, "damaged");
    const expected = await startUntilCached(folder);
    const file = join(folder, cacheFiles(folder)[0] as string);
    const damaged = readFileSync(file);
    damaged.fill(0x41, damaged.length - 4096);
    writeFileSync(file, damaged);
    expect(await startUntil(folder, () => !readFileSync(file).equals(damaged))).toEqual(expected);
    // The replacement is whole: the next start leaves it alone.
    const replaced = readFileSync(file);
    expect(await startAndCheck(folder, 3000)).toEqual(expected);
    expect(readFileSync(file).equals(replaced)).toBe(true);
  });

  it("starts as well when V8 refuses the cached code (a whole file, from another V8, say), and replaces it", async () => {
    const folder = join(scratch, "refused");
    const expected = await startUntilCached(folder);
    const name = cacheFiles(folder)[0] as string;
    const [, build, ...runtime] = name.slice(0, -".cache".length).split("-");
    const store = new CodeCache(folder, build as string, runtime.join("-"));
    expect(store.file).toBe(join(folder, name));
    const source = readSource(store);
    expect(store.write(source, Buffer.from("compiled by some other V8"))).toBe(true);
    const refused = readFileSync(store.file);
    expect(await startUntil(folder, () => !readFileSync(store.file).equals(refused))).toEqual(expected);
    expect(store.read(source.length)?.cachedData.length).toBeGreaterThan(1000);
  });

  it("starts when the cache folder cannot be made, and when the cache is turned off", async () => {
    const expected = await startAndCheck(join(scratch, "off-baseline"));
    const file = join(scratch, "a-file");
    writeFileSync(file, "");
    expect(await startAndCheck(join(file, "cache"), 2500)).toEqual(expected);
    expect(await startAndCheck("")).toEqual(expected);
  });
});

/**
 * `collectYoungGeneration` and `collectEverything`: they run a collection
 * of their kind in a process started without `--expose-gc` (as the server is), and leave V8's
 * flags as they were, so the code cache written afterwards is still
 * accepted by the next start (V8 refuses cached data made under other
 * flags; within one process its compilation cache would hide that).
 */
import { spawnSync } from "node:child_process";
import { PerformanceObserver, constants } from "node:perf_hooks";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { collectEverything, collectYoungGeneration } from "../../server/lsp/garbage-collection.js";

/** The kinds of the collections V8 reports while `action` runs. */
async function collectionKindsDuring(action: () => void): Promise<number[]> {
  const kinds: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) kinds.push((entry as { detail?: { kind?: number } }).detail?.kind ?? -1);
  });
  observer.observe({ entryTypes: ["gc"] });
  action();
  // Entries are delivered in a later turn.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return kinds;
}

describe("collectYoungGeneration and collectEverything", () => {
  it("is tested as the server runs: without --expose-gc", () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it("collects the young generation", async () => {
    expect(await collectionKindsDuring(collectYoungGeneration)).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
  });

  it("collects the whole heap at once: garbage in the old generation is gone when it returns", async () => {
    let garbage: unknown[] | undefined = Array.from({ length: 300_000 }, (_, index) => ({ index }));
    // Two young collections move it to the old generation, where only a full collection frees it.
    collectYoungGeneration();
    collectYoungGeneration();
    expect(garbage.length).toBe(300_000);
    garbage = undefined;
    const before = process.memoryUsage().heapUsed;
    let after = before;
    const kinds = await collectionKindsDuring(() => {
      collectEverything();
      // Collected by the time it returns: the idle collection measures what is left right after.
      after = process.memoryUsage().heapUsed;
    });
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MAJOR);
    expect(before - after).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("leaves V8's flags as they were: cached data made after it is accepted by a new process", () => {
    collectYoungGeneration();
    collectEverything();
    const source = "(function twice(value) { return value * 2; })";
    const cachedData = new Script(source).createCachedData();
    const check = `const { Script } = require("node:vm"); console.log(new Script(${JSON.stringify(source)}, { cachedData: Buffer.from(process.argv[1], "base64") }).cachedDataRejected);`;
    const result = spawnSync(process.execPath, ["-e", check, cachedData.toString("base64")], { encoding: "utf8", timeout: 20_000 });
    expect(result.stdout.trim()).toBe("false");
  });
});

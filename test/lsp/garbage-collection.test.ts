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

describe("collectYoungGeneration and collectEverything", () => {
  it("is tested as the server runs: without --expose-gc", () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it("collects the young generation", async () => {
    const kinds: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) kinds.push((entry as { detail?: { kind?: number } }).detail?.kind ?? -1);
    });
    observer.observe({ entryTypes: ["gc"] });
    collectYoungGeneration();
    // Entries are delivered in a later turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    observer.disconnect();
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
  });

  it("collects the whole heap", async () => {
    const kinds: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) kinds.push((entry as { detail?: { kind?: number } }).detail?.kind ?? -1);
    });
    observer.observe({ entryTypes: ["gc"] });
    collectEverything();
    await new Promise((resolve) => setTimeout(resolve, 20));
    observer.disconnect();
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MAJOR);
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

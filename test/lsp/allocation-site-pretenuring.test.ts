/**
 * `turnOffAllocationSitePretenuring`: after it, objects of a literal that all
 * outlive collections keep being made in the young generation (so it keeps
 * being collected) instead of V8 switching that literal to the old
 * generation. V8's flags belong to the process, and a worker thread gets a
 * heap of its own, so a worker started before the call and one started
 * after show the difference.
 */
import { describe, expect, it } from "vitest";
import { turnOffAllocationSitePretenuring } from "../../server/lsp/allocation-site-pretenuring.js";
import { resultInNewHeap } from "../support/new-heap.js";

/** Builds a list of four million objects from one literal, all kept, and counts the young generation's collections meanwhile. */
const KEPT_OBJECTS = `
const { PerformanceObserver } = require("node:perf_hooks");
const { parentPort } = require("node:worker_threads");
let scavenges = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.detail.kind === 1) scavenges++;
});
observer.observe({ entryTypes: ["gc"] });
function node(value, next) {
  return { value, next };
}
let head = null;
for (let index = 0; index < 4000000; index++) head = node(index, head);
setTimeout(() => {
  observer.disconnect();
  parentPort.postMessage({ scavenges, last: head.value });
}, 50);
`;

const youngCollectionsInNewHeap = (): Promise<{ scavenges: number; last: number }> => resultInNewHeap(KEPT_OBJECTS);

describe("turnOffAllocationSitePretenuring", () => {
  it("keeps a literal whose objects all survive in the young generation", async () => {
    const before = await youngCollectionsInNewHeap();
    turnOffAllocationSitePretenuring();
    const after = await youngCollectionsInNewHeap();
    expect(before.last).toBe(3_999_999);
    expect(after.last).toBe(3_999_999);
    // With pretenuring V8 soon makes the literal's objects in the old generation, and the young one stops filling (9 collections here, against 23).
    expect(after.scavenges).toBeGreaterThan(before.scavenges * 1.5);
  });
});

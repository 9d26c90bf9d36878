/**
 * `growYoungGenerationFaster`: a heap made after it grows its young
 * generation to the same largest size in fewer steps. V8's flags belong to
 * the process, and a worker thread gets a heap of its own, so a worker
 * started before the call and one started after show the difference.
 */
import { describe, expect, it } from "vitest";
import { growYoungGenerationFaster } from "../../server/lsp/young-generation-growth.js";
import { resultInNewHeap } from "../support/new-heap.js";

/** Keeps allocating small objects and lists each new size of the young generation (in MB), as the server's trees grow it. */
const GROWTH_STEPS = `
const { getHeapSpaceStatistics } = require("node:v8");
const { parentPort } = require("node:worker_threads");
const size = () => getHeapSpaceStatistics().find((space) => space.space_name === "new_space").space_size / 1048576;
const sizes = [size()];
const kept = [];
for (let index = 0; index < 1500000; index++) {
  kept.push({ index });
  if ((index & 255) === 0 && size() !== sizes[sizes.length - 1]) sizes.push(size());
}
parentPort.postMessage(sizes);
`;

const youngGenerationSizesInNewHeap = (): Promise<number[]> => resultInNewHeap(GROWTH_STEPS);

describe("growYoungGenerationFaster", () => {
  it("makes the young generation reach its largest size in fewer steps, and no larger", async () => {
    const before = await youngGenerationSizesInNewHeap();
    growYoungGenerationFaster();
    const after = await youngGenerationSizesInNewHeap();
    // V8's own growth doubles: 2, 4, 8, 16, 32 MB (both semi-spaces).
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(after.length).toBeLessThan(before.length);
    expect(Math.max(...after)).toBe(Math.max(...before));
  });
});

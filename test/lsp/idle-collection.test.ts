/**
 * `IdleCollection`: a full collection only when the server was quiet since
 * the last check (no client message, an idle event loop) and resident
 * memory grew by at least 32 MB (or half of what the last collection left)
 * since then, also when a collection of V8's own has already freed the
 * garbage but the process still holds its pages.
 */
import { describe, expect, it } from "vitest";
import { collectEverything } from "../../server/lsp/garbage-collection.js";
import { IdleCollection } from "../../server/lsp/idle-collection.js";

const MB = 1024 * 1024;

/** A server whose message count, resident memory (`heap`) and event-loop load the test sets; collecting brings it to `live`. */
function server(heap: number, live: number) {
  const state = { handled: 0, heap, busy: 0, collections: 0 };
  const idle = new IdleCollection({
    handledMessages: () => state.handled,
    resident: () => state.heap,
    busyShare: () => state.busy,
    collect: () => {
      state.collections++;
      state.heap = live;
    },
  });
  return { state, idle };
}

/** An `IdleCollection` of this process, made before `objects` small objects were allocated (with a message handled meanwhile) and dropped again. */
function idleAfterGarbage(objects: number): IdleCollection {
  let handled = 0;
  const idle = new IdleCollection({ handledMessages: () => handled });
  let garbage: unknown[] | undefined = Array.from({ length: objects }, (_, index) => ({ index, text: `item ${index}` }));
  handled++;
  expect(garbage.length).toBe(objects);
  garbage = undefined;
  return idle;
}

/** Checks until a check collects (true) or a second has passed (false). */
async function checkUntilCollected(idle: IdleCollection): Promise<boolean> {
  // The first check after new messages is never quiet; the second is, if vitest leaves the event loop idle.
  idle.check();
  for (let attempt = 0; attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (idle.check()) return true;
  }
  return false;
}

describe("IdleCollection", () => {
  it("collects once the server is quiet after the heap grew, and not again until it grows again", () => {
    const { state, idle } = server(10 * MB, 20 * MB);
    state.handled = 1000;
    state.heap = 200 * MB;
    state.busy = 0.9;
    expect(idle.check()).toBe(false);
    state.busy = 0.01;
    expect(idle.check()).toBe(true);
    // Twice in a row: the second hands the emptied pages back.
    expect(state.collections).toBe(2);
    expect(state.heap).toBe(20 * MB);
    expect(idle.check()).toBe(false);
    state.heap = 45 * MB;
    expect(idle.check()).toBe(false);
    state.heap = 60 * MB;
    expect(idle.check()).toBe(true);
  });

  it("waits while messages come in or the event loop is busy", () => {
    const { state, idle } = server(10 * MB, 20 * MB);
    state.heap = 200 * MB;
    for (let check = 0; check < 5; check++) {
      state.handled += 3;
      expect(idle.check()).toBe(false);
    }
    state.busy = 0.5;
    expect(idle.check()).toBe(false);
    expect(state.collections).toBe(0);
    state.busy = 0;
    expect(idle.check()).toBe(true);
  });

  it("leaves a heap alone that grew less than 32 MB, or less than half of what the last collection left", () => {
    const small = server(10 * MB, 10 * MB);
    small.state.heap = 40 * MB;
    expect(small.idle.check()).toBe(false);
    const large = server(300 * MB, 300 * MB);
    large.state.heap = 420 * MB;
    expect(large.idle.check()).toBe(false);
    large.state.heap = 460 * MB;
    expect(large.idle.check()).toBe(true);
  });

  it("collects when a collection of V8's own freed the garbage but the process kept its pages, and gives them back", async () => {
    const idle = idleAfterGarbage(2_400_000);
    // What V8 does by itself when allocation reaches its limit: the heap in use is small again, the pages stay resident.
    collectEverything();
    const residentBefore = process.memoryUsage.rss();
    expect(await checkUntilCollected(idle)).toBe(true);
    expect(process.memoryUsage.rss()).toBeLessThan(residentBefore);
  });

  it("collects for real in a process without --expose-gc", async () => {
    const idle = idleAfterGarbage(1_200_000);
    const before = process.memoryUsage().heapUsed;
    expect(await checkUntilCollected(idle)).toBe(true);
    expect(process.memoryUsage().heapUsed).toBeLessThan(before);
  });
});

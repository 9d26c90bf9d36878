/**
 * `NodeMap`, the fact tables' map split by where nodes start: it answers as
 * a `Map` would for nodes spread over a large file, and iterates in text
 * order of the stretches, insertion order within one. The facts of a real
 * 5,000-line script are checked to land in it. `entriesBefore` copies the
 * entries before an offset, sharing whole stretches until either map
 * changes one.
 */
import { describe, expect, it } from "vitest";
import { AnalysisHost } from "../../server/analysis/host.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { NodeMap } from "../../server/semantics/node-map.js";
import { generateScriptOfLines } from "../../bench/realistic-script.js";

interface FakeNode {
  readonly start: number;
  readonly label: string;
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

describe("NodeMap", () => {
  it("copies the entries before an offset, and neither the copy nor the original sees the other's later changes", () => {
    const random = seededRandom(5);
    const nodes: FakeNode[] = Array.from({ length: 5_000 }, (_, index) => ({ start: Math.floor(random() * 100_000), label: `n${index}` }));
    const original = new NodeMap<FakeNode, number>();
    for (const [index, node] of nodes.entries()) original.set(node, index);
    const cut = 37_000;
    const copy = NodeMap.entriesBefore(original, cut);
    const before = nodes.filter((node) => node.start < cut);
    expect(copy.size).toBe(new Set(before).size);
    for (const node of nodes) expect(copy.get(node)).toBe(node.start < cut ? original.get(node) : undefined);
    // In text order, as the original iterates them.
    expect([...copy.keys()]).toEqual([...original.keys()].filter((node) => node.start < cut));

    const early = before[0] as FakeNode;
    const late = nodes.find((node) => node.start >= cut) as FakeNode;
    copy.set(early, -1);
    copy.set({ start: 10, label: "new in the copy" }, -2);
    original.set(late, -3);
    original.set(before[1] as FakeNode, -4);
    expect(original.get(early)).toBe(nodes.indexOf(early));
    expect([...original.keys()].some((node) => node.label === "new in the copy")).toBe(false);
    expect(copy.get(early)).toBe(-1);
    expect(copy.get(late)).toBeUndefined();
    expect(copy.get(before[1] as FakeNode)).toBe(nodes.indexOf(before[1] as FakeNode));
    expect(NodeMap.entriesBefore(original, Number.POSITIVE_INFINITY).size).toBe(original.size);
    expect(NodeMap.entriesBefore(original, 0).size).toBe(0);
  });

  it("answers get, has, size and iteration as a Map does, for nodes all over a large file", () => {
    const random = seededRandom(11);
    const nodes: FakeNode[] = Array.from({ length: 20_000 }, (_, index) => ({ start: Math.floor(random() * 1_000_000), label: `n${index}` }));
    const map = new NodeMap<FakeNode, number>();
    const reference = new Map<FakeNode, number>();
    for (let step = 0; step < 50_000; step++) {
      const node = nodes[Math.floor(random() * nodes.length)] as FakeNode;
      map.set(node, step);
      reference.set(node, step);
    }
    expect(map.size).toBe(reference.size);
    for (const node of nodes) {
      expect(map.get(node)).toBe(reference.get(node));
      expect(map.has(node)).toBe(reference.has(node));
    }
    expect(new Map(map)).toEqual(reference);
    expect([...map.keys()].length).toBe(reference.size);
    expect([...map.values()].sort((a, b) => a - b)).toEqual([...reference.values()].sort((a, b) => a - b));
    let visited = 0;
    map.forEach((value, key, owner) => {
      expect(reference.get(key)).toBe(value);
      expect(owner).toBe(map);
      visited++;
    });
    expect(visited).toBe(reference.size);
  });

  it("tells apart distinct nodes at the same offset, and iterates stretch by stretch in text order", () => {
    const map = new NodeMap<FakeNode, string>();
    const late = { start: 9000, label: "late" };
    const early = { start: 10, label: "early" };
    const twin = { start: 10, label: "twin" };
    map.set(late, "late").set(early, "early").set(twin, "twin").set(early, "early again");
    expect(map.size).toBe(3);
    expect(map.get(twin)).toBe("twin");
    expect([...map.values()]).toEqual(["early again", "twin", "late"]);
    expect(map.get({ start: 10, label: "early" })).toBeUndefined();
  });

  it("holds the facts of a 5,000-line script", () => {
    const host = new AnalysisHost(builtinCatalog().catalog, new MemoryFileSystem());
    const model = host.analyzeText("/scripts/large.crm", generateScriptOfLines(5000, 3)).model;
    const names = model.resolvedNames();
    expect(names.length).toBeGreaterThan(5000);
    for (const name of names) expect(model.resolutionOf(name)).toBeDefined();
    expect(model.resolvedCalls().size).toBeGreaterThan(1000);
  });
});

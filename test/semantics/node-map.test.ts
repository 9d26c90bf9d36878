/**
 * `NodeMap`, the fact tables' map split by where nodes start: it answers as
 * a `Map` would for nodes spread over a large file, and iterates in text
 * order of the stretches, insertion order within one. The facts of a real
 * 5,000-line script are checked to land in it.
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

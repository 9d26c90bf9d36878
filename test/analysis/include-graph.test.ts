/**
 * `IncludeGraph`: forward and reverse edges kept in step, a file's edges
 * replaced as a whole, and the one traversal in both directions, through
 * circles and over several graphs.
 */
import { describe, expect, it } from "vitest";
import { IncludeGraph } from "../../server/analysis/include-graph.js";

describe("IncludeGraph", () => {
  it("replaces a file's edges as a whole, and prunes the reverse edges with them", () => {
    const graph = new IncludeGraph();
    graph.setIncludes("a", ["lib", "util"]);
    expect([...graph.directDependents("lib")]).toEqual(["a"]);
    graph.setIncludes("a", ["util"]);
    expect([...graph.directDependents("lib")]).toEqual([]);
    expect([...graph.directDependents("util")]).toEqual(["a"]);
    expect([...graph.directDependencies("a")]).toEqual(["util"]);
    graph.dropIncludesOf("a");
    expect([...graph.directDependents("util")]).toEqual([]);
    expect(graph.knows("a")).toBe(false);
  });

  it("knows a file with no includes once they are set", () => {
    const graph = new IncludeGraph();
    graph.setIncludes("a", []);
    expect(graph.knows("a")).toBe(true);
    expect(graph.knows("b")).toBe(false);
  });

  it("walks dependents and dependencies transitively, through circles, never back to the start", () => {
    const graph = new IncludeGraph();
    graph.setIncludes("main", ["b"]);
    graph.setIncludes("b", ["c"]);
    graph.setIncludes("c", ["b", "lib"]);
    graph.setIncludes("other", ["lib"]);
    expect(graph.dependents("lib").sort()).toEqual(["b", "c", "main", "other"]);
    expect(graph.dependencies("main").sort()).toEqual(["b", "c", "lib"]);
    expect(graph.dependents("b").sort()).toEqual(["c", "main"]);
    graph.setIncludes("self", ["self"]);
    expect(graph.dependents("self")).toEqual([]);
  });

  it("walks the union of several graphs", () => {
    const analyzed = new IncludeGraph();
    const workspace = new IncludeGraph();
    analyzed.setIncludes("a", ["lib"]);
    workspace.setIncludes("b", ["a"]);
    expect(IncludeGraph.dependentsIn([analyzed, workspace], "lib").sort()).toEqual(["a", "b"]);
    expect(analyzed.dependents("lib")).toEqual(["a"]);
  });
});

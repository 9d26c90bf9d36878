/**
 * `AnalysisCache`: least-recently-used eviction in O(1) (a constant amount
 * of work per use, however many files are held), scripts nothing includes
 * evicted before included ones and held in a smaller number of their own,
 * and the text kept when a parse goes.
 */
import { describe, expect, it } from "vitest";
import { AnalysisCache, defaultLooseLimit, type CachedFile } from "../../server/analysis/analysis-cache.js";

function load(cache: AnalysisCache, path: string, text = ""): CachedFile {
  const cached = cache.use(path, () => text) as CachedFile;
  cache.parsed(cached);
  return cached;
}

describe("AnalysisCache", () => {
  it("evicts the least recently used parse; a file used again moves to the back", () => {
    const cache = new AnalysisCache(2, () => false);
    load(cache, "a");
    load(cache, "b");
    cache.use("a", () => undefined);
    load(cache, "c");
    expect(cache.evictOverflow()).toEqual(["b"]);
    expect(cache.peek("b")?.sourceFile).toBeUndefined();
    expect(cache.peek("b")?.text).toBe("");
    expect(cache.peek("a")?.sourceFile).toBeDefined();
    expect(cache.parsedCount).toBe(2);
  });

  it("evicts files nothing includes first, and files included since their last use go with the included ones", () => {
    const included = new Set(["lib"]);
    const cache = new AnalysisCache(2, (path) => included.has(path));
    load(cache, "lib");
    load(cache, "a");
    load(cache, "b");
    expect(cache.evictOverflow()).toEqual(["a"]);
    included.add("b");
    load(cache, "c");
    // b (loose when last used, included now) is kept over c; lib is the oldest of the included ones.
    expect(cache.evictOverflow()).toEqual(["c"]);
    load(cache, "d");
    expect(cache.evictOverflow()).toEqual(["d"]);
    // Nothing includes lib and b any more, and they are older than every file nothing includes: they go first, oldest first.
    included.clear();
    load(cache, "e");
    expect(cache.evictOverflow()).toEqual(["lib"]);
    load(cache, "f");
    expect(cache.evictOverflow()).toEqual(["b"]);
    load(cache, "g");
    expect(cache.evictOverflow()).toEqual(["e"]);
  });

  it("keeps at most `looseLimit` files nothing includes, however much room the included ones leave", () => {
    const included = new Set(["lib1", "lib2"]);
    const cache = new AnalysisCache(10, (path) => included.has(path), 2);
    load(cache, "lib1");
    load(cache, "a");
    load(cache, "lib2");
    load(cache, "b");
    expect(cache.evictOverflow()).toEqual([]);
    load(cache, "c");
    // Three files nothing includes: the oldest of them goes, though the cache has room for ten.
    expect(cache.evictOverflow()).toEqual(["a"]);
    expect(cache.peek("a")?.text).toBe("");
    expect(cache.peek("lib1")?.sourceFile).toBeDefined();
    // A file included since its last use is not counted against the limit of the others.
    included.add("b");
    load(cache, "d");
    expect(cache.evictOverflow()).toEqual([]);
    expect(cache.parsedCount).toBe(5);
    load(cache, "e");
    expect(cache.evictOverflow()).toEqual(["c"]);
  });

  it("gives files nothing includes an eighth of the limit, at least 8, by default", () => {
    expect(defaultLooseLimit(64)).toBe(8);
    expect(defaultLooseLimit(400)).toBe(50);
    expect(defaultLooseLimit(3)).toBe(3);
    expect(defaultLooseLimit(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it("does the same small amount of work per use and eviction with 100 files held as with 5,000", () => {
    const workPerFile = (held: number): number => {
      let checks = 0;
      const cache = new AnalysisCache(held, () => (checks++, false), held);
      for (let index = 0; index < held; index++) load(cache, `/held/${index}.crm`);
      checks = 0;
      for (let index = 0; index < 100; index++) {
        load(cache, `/new/${index}.crm`);
        expect(cache.evictOverflow()).toEqual([`/held/${index}.crm`]);
      }
      return checks / 100;
    };
    const small = workPerFile(100);
    expect(small).toBeLessThanOrEqual(3);
    expect(workPerFile(5_000)).toBe(small);
  });

  it("forgets an analysis but keeps the parse, and forgets a file altogether", () => {
    const cache = new AnalysisCache(10, () => false);
    const cached = load(cache, "a", "Integer x = 1;");
    cache.forgetAnalysis("a");
    expect(cached.sourceFile).toBeDefined();
    cache.delete("a");
    expect(cache.has("a")).toBe(false);
    expect(cache.parsedCount).toBe(0);
  });
});

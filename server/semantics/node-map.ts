/**
 * A map keyed by syntax nodes, for the fact tables of a file (a name's
 * resolution, an expression's type, a call's overloads: tens of thousands
 * of entries in a large script). It is split by where the nodes start, one
 * small `Map` per stretch of text, because a single `Map` that grows past a
 * few thousand entries is slow to grow in V8: each doubling rehashes into a
 * table in the large-object space (1 ms at 4,096 entries, 2 ms at 8,192,
 * 4–6 ms at 16,384), a cost every analysis of a large file paid again.
 * Iteration goes through the stretches in text order, each in insertion order.
 */

/** Nodes starting in the same 4 KB of text share a shard (a few hundred names at most, well below the slow sizes). */
const SHARD_BITS = 12;

export class NodeMap<K extends { readonly start: number }, V> implements ReadonlyMap<K, V> {
  private readonly shards: (Map<K, V> | undefined)[] = [];
  /** Shards shared with the map this one was copied from (`entriesBefore`), copied before their first change. */
  private borrowed: boolean[] | undefined;
  private count = 0;

  /**
   * A map of the entries of `source` whose nodes start before `cut`. Whole
   * shards below it are shared until either map changes one of them, so
   * keeping the facts of an unchanged start of a file costs little.
   */
  static entriesBefore<K extends { readonly start: number }, V>(source: NodeMap<K, V>, cut: number): NodeMap<K, V> {
    const copy = new NodeMap<K, V>();
    const whole = Math.min(source.shards.length, Math.max(0, Math.floor(cut / 2 ** SHARD_BITS)));
    copy.borrowed = [];
    source.borrowed ??= [];
    for (let index = 0; index < whole; index++) {
      const shard = source.shards[index];
      copy.shards.push(shard);
      copy.borrowed.push(shard !== undefined);
      if (shard !== undefined) {
        source.borrowed[index] = true;
        copy.count += shard.size;
      }
    }
    const boundary = source.shards[whole];
    if (boundary !== undefined && cut > 0) {
      for (const [node, value] of boundary) if (node.start < cut) copy.set(node, value);
    }
    return copy;
  }

  get size(): number {
    return this.count;
  }

  get(node: K): V | undefined {
    return this.shards[node.start >>> SHARD_BITS]?.get(node);
  }

  has(node: K): boolean {
    return this.shards[node.start >>> SHARD_BITS]?.has(node) ?? false;
  }

  set(node: K, value: V): this {
    const index = node.start >>> SHARD_BITS;
    let shard = this.shards[index];
    if (this.borrowed?.[index] === true) {
      shard = new Map(shard);
      this.shards[index] = shard;
      this.borrowed[index] = false;
    }
    if (shard === undefined) {
      // Fill the gap so the array stays packed (holes would make every read slower).
      while (this.shards.length < index) this.shards.push(undefined);
      shard = new Map();
      this.shards[index] = shard;
    }
    const before = shard.size;
    shard.set(node, value);
    this.count += shard.size - before;
    return this;
  }

  *entries(): MapIterator<[K, V]> {
    for (const shard of this.shards) if (shard !== undefined) yield* shard.entries();
  }

  *keys(): MapIterator<K> {
    for (const shard of this.shards) if (shard !== undefined) yield* shard.keys();
  }

  *values(): MapIterator<V> {
    for (const shard of this.shards) if (shard !== undefined) yield* shard.values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(each: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) each(value, key, this);
  }
}

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
  private count = 0;

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

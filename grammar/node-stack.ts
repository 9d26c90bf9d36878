/**
 * A stack the parser collects list items on (statements of the blocks being
 * read, operands of the binary chains, …): nested lists push above the outer
 * one and take their entries off again, and a finished list is copied out
 * as an array of exactly its length.
 *
 * Why not a plain array: shortening an array by setting `length` (or
 * popping) makes V8 trim its backing store once less than half of it is in
 * use, so a stack emptied after every list reallocated its storage on the
 * next push, tens of thousands of times per large script. And a list built
 * by pushing onto `[]` keeps the 17 slots V8 gives it on the first push
 * (152 bytes for a one-statement block), where a copy keeps what it holds.
 */
export class NodeStack<T> {
  /** Slots below `top` hold entries; slots above it hold `undefined` and are reused. */
  private readonly slots: (T | undefined)[] = [];
  private top = 0;

  /** How many entries the stack holds. */
  get size(): number {
    return this.top;
  }

  push(item: T): void {
    this.slots[this.top++] = item;
  }

  /** The entry at `index` (below `size`). */
  at(index: number): T {
    return this.slots[index] as T;
  }

  /** The entries from `from` up, as a new array of exactly their number. */
  copyFrom(from: number): T[] {
    return this.slots.slice(from, this.top) as T[];
  }

  /**
   * Runs `fill`, which pushes the entries of one list, and gives the entries
   * from `from` (by default the top before `fill` ran) as an array; the stack
   * is left as it was at `from`, also when `fill` throws.
   */
  collect(fill: () => void, from = this.top): T[] {
    try {
      fill();
      return this.copyFrom(from);
    } finally {
      this.truncate(from);
    }
  }

  /** Takes the entries from `size` up off the stack (their slots let go of them, so no finished tree is kept alive). */
  truncate(size: number): void {
    for (let index = size; index < this.top; index++) this.slots[index] = undefined;
    this.top = size;
  }
}

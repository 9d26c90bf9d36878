/**
 * The raw entries of one catalog section (`types`, `enums`, …) by name, as
 * the catalog reads them: from an already parsed JSON object, or from the
 * catalog's text, where each entry's JSON is parsed the first time it is
 * asked for (`catalog-text.ts`).
 */
import type { Json } from "./entries.js";

export interface RawEntries {
  /** Every entry's name, in the data's order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's parsed JSON; undefined for a name that is missing or whose JSON is malformed. */
  get(name: string): unknown;
}

/** The entries of a parsed JSON object. */
export function entriesOfObject(object: Json): RawEntries {
  return {
    names: Object.freeze(Object.keys(object)),
    has: (name) => Object.hasOwn(object, name),
    get: (name) => (Object.hasOwn(object, name) ? object[name] : undefined),
  };
}

/** Entries whose JSON text lies in `text` between offsets, parsed on request (and not kept: the catalog keeps what it builds). */
export function entriesOfText(text: string, ranges: ReadonlyMap<string, readonly [number, number]>): RawEntries {
  return {
    names: Object.freeze([...ranges.keys()]),
    has: (name) => ranges.has(name),
    get: (name) => {
      const range = ranges.get(name);
      if (range === undefined) return undefined;
      try {
        return JSON.parse(text.slice(range[0], range[1])) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}

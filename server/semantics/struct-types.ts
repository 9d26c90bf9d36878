/**
 * Struct types and the struct symbols they belong to. A `StructType` is a
 * plain, interned value (compared with `===`) that does not point at its
 * symbol, so types and symbols do not depend on each other; this table
 * finds the symbol of a type. Entries go with their types (a weak map), so
 * analyses that are dropped take their structs with them.
 */
import type { StructSymbol } from "./symbols.js";
import type { StructType } from "./types.js";

const symbols = new WeakMap<StructType, StructSymbol>();

/** A new struct type named `name`, and its symbol, which `build` makes from the type. */
export function declareStructType(name: string, build: (type: StructType) => StructSymbol): StructSymbol {
  const type: StructType = Object.freeze({ kind: "struct", name });
  const symbol = build(type);
  symbols.set(type, symbol);
  return symbol;
}

/** The symbol that declares a struct type. */
export function structSymbolOf(type: StructType): StructSymbol {
  const symbol = symbols.get(type);
  if (symbol === undefined) throw new Error(`struct type ${type.name} was not made by declareStructType`);
  return symbol;
}

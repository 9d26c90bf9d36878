/**
 * The CRMScript type model (spec §3): catalog classes (the built-in value
 * types `Integer`, `String`, … are catalog classes of namespace Global),
 * n-dimensional arrays, user structs, and `unknown` for anything that could
 * not be typed (already reported, never reported again).
 *
 * Types are interned: one object per class (per `TypeTable`), per struct
 * and per array of a given element type, so type equality is `===`.
 */
import type { Catalog } from "../catalog/catalog.js";
import type { ClassInfo } from "../catalog/types.js";
import type { StructSymbol } from "./symbols.js";

export interface ClassType {
  readonly kind: "class";
  readonly name: string;
  readonly info: ClassInfo;
}

export interface ArrayType {
  readonly kind: "array";
  /** The type of one element: for `T[][]` that is `T[]`. */
  readonly element: Type;
}

export interface StructType {
  readonly kind: "struct";
  readonly name: string;
  readonly symbol: StructSymbol;
}

export interface UnknownType {
  readonly kind: "unknown";
}

export type Type = ClassType | ArrayType | StructType | UnknownType;

export const unknownType: UnknownType = Object.freeze({ kind: "unknown" });

/** The built-in value types by name. */
export const builtinTypeNames = ["Integer", "Long", "Float", "Bool", "String", "Byte", "Date", "DateTime", "Time", "Void", "Generic"] as const;
export type BuiltinTypeName = (typeof builtinTypeNames)[number];

const arrayTypes = new WeakMap<Type, ArrayType>();

export function arrayOf(element: Type): ArrayType {
  let array = arrayTypes.get(element);
  if (array === undefined) {
    array = Object.freeze({ kind: "array", element });
    arrayTypes.set(element, array);
  }
  return array;
}

/** `element` wrapped in `dimensions` arrays. */
export function arrayOfDimensions(element: Type, dimensions: number): Type {
  let type = element;
  for (let index = 0; index < dimensions; index++) type = arrayOf(type);
  return type;
}

export function typeToString(type: Type): string {
  switch (type.kind) {
    case "class":
    case "struct":
      return type.name;
    case "array":
      return `${typeToString(type.element)}[]`;
    case "unknown":
      return "unknown";
  }
}

/** The class types of one catalog, made on first use. */
export class TypeTable {
  private readonly classTypes = new Map<string, ClassType | null>();

  constructor(readonly catalog: Catalog) {}

  /** The type of a catalog class, or undefined when the catalog has no such class. */
  classType(name: string): ClassType | undefined {
    const cached = this.classTypes.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const info = this.catalog.classNamed(name);
    const type: ClassType | null = info === undefined ? null : Object.freeze({ kind: "class", name, info });
    this.classTypes.set(name, type);
    return type ?? undefined;
  }

  /** A built-in value type; `unknown` only if the catalog lacks it (a broken data file). */
  builtin(name: BuiltinTypeName): Type {
    return this.classType(name) ?? unknownType;
  }

  /**
   * A type written in a catalog signature (`Integer`, `NSLink[]`, an enum
   * name, an alias). Enums are passed as Integer (spec §3.1); names the
   * catalog does not declare (`NSBinary`) are unknown.
   */
  fromCatalogSpelling(spelling: string): Type {
    let dimensions = 0;
    let name = spelling;
    while (name.endsWith("[]")) {
      dimensions++;
      name = name.slice(0, -2);
    }
    const aliased = this.catalog.aliasOf(name) ?? name;
    const element = this.classType(aliased) ?? (this.catalog.enumNamed(aliased) !== undefined ? this.builtin("Integer") : unknownType);
    return arrayOfDimensions(element, dimensions);
  }
}

export function isClass(type: Type, name: BuiltinTypeName | string): boolean {
  return type.kind === "class" && type.name === name;
}

/** Integer, Long and Float: the types arithmetic works on (spec §6.2). */
export function isNumeric(type: Type): boolean {
  return type.kind === "class" && (type.name === "Integer" || type.name === "Long" || type.name === "Float");
}

export function isUnknown(type: Type): boolean {
  return type.kind === "unknown";
}

/** How a value of one type fits where another is expected. */
export type Conversion =
  /** The same type, or unknown on either side. */
  | "exact"
  /** Allowed without a word: Integer → Float or Long, any value → Generic (spec §3.3). */
  | "widening"
  /** Allowed with a warning: Long → Integer may lose digits. */
  | "narrowing"
  | "none";

export function conversion(from: Type, to: Type): Conversion {
  if (from === to || from.kind === "unknown" || to.kind === "unknown") return "exact";
  if (to.kind === "class" && to.name === "Generic") return from.kind === "class" && from.name === "Void" ? "none" : "widening";
  if (from.kind === "class" && to.kind === "class") {
    if (from.name === "Integer" && (to.name === "Float" || to.name === "Long")) return "widening";
    if (from.name === "Long" && to.name === "Integer") return "narrowing";
    return "none";
  }
  if (from.kind === "array" && to.kind === "array") {
    // Element types must match exactly; only unknown parts are forgiven.
    return conversion(from.element, to.element) === "exact" ? "exact" : "none";
  }
  return "none";
}

export function isAssignable(from: Type, to: Type): boolean {
  return conversion(from, to) !== "none";
}

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
import { TYPE_PLACEHOLDER, type ClassInfo, type EnumInfo, type MethodInfo } from "../catalog/types.js";

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

/** A user struct; `structSymbolOf` (struct-types.ts) finds its declaration. */
export interface StructType {
  readonly kind: "struct";
  readonly name: string;
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

/** The class types of one catalog, made on first use, and its global functions by name (names it lacks remembered too). */
export class TypeTable {
  private readonly classTypes = new Map<string, ClassType | null>();
  private readonly functions = new Map<string, MethodInfo | null>();

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

  /** The catalog's global function of this name; the catalog is asked once per name. */
  globalFunction(name: string): MethodInfo | undefined {
    const cached = this.functions.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const info = this.catalog.globalFunction(name);
    this.functions.set(name, info ?? null);
    return info;
  }

  /** A built-in value type; `unknown` only if the catalog lacks it (a broken data file). */
  builtin(name: BuiltinTypeName): Type {
    return this.classType(name) ?? unknownType;
  }

  /**
   * A type written in a catalog signature (`Integer`, `NSLink[]`, an enum
   * name, an alias). Enum names mean Integer (spec §3.1, A15-2); `{type}`,
   * the placeholder of the `dataStructures` members, means `placeholder`.
   * Only names the catalog does not declare at all are unknown.
   */
  fromCatalogSpelling(spelling: string, placeholder: Type = unknownType): Type {
    let dimensions = 0;
    let name = spelling;
    while (name.endsWith("[]")) {
      dimensions++;
      name = name.slice(0, -2);
    }
    if (name === TYPE_PLACEHOLDER) return arrayOfDimensions(placeholder, dimensions);
    const element = this.classType(this.catalog.aliasOf(name) ?? name) ?? (this.enumOfTypeName(name) !== undefined ? this.builtin("Integer") : unknownType);
    return arrayOfDimensions(element, dimensions);
  }

  /**
   * The enum a type name stands for (spec A15-2), which then means Integer:
   * an enum's own name; a catalog alias (`NSExecuteOnEvent` for
   * `ExecuteOnEvent`); or, when no class has the name, `NS` before an enum
   * name, as the official language server spells enums (`NSActivityStatus`).
   * `alias` is the name as written when it is not the enum's own.
   */
  enumOfTypeName(name: string): { readonly info: EnumInfo; readonly alias: string | undefined } | undefined {
    const own = this.catalog.enumNamed(name);
    if (own !== undefined) return { info: own, alias: undefined };
    const aliased = this.catalog.aliasOf(name);
    const target = aliased ?? (name.startsWith("NS") && this.classType(name) === undefined ? name.slice(2) : undefined);
    const info = target === undefined ? undefined : this.catalog.enumNamed(target);
    return info === undefined ? undefined : { info, alias: name };
  }
}

export function isClass(type: Type, name: BuiltinTypeName | string): boolean {
  return type.kind === "class" && type.name === name;
}

/** Integer, Long and Float: the types arithmetic works on (spec §6.2). */
export function isNumeric(type: Type): boolean {
  return type.kind === "class" && (type.name === "Integer" || type.name === "Long" || type.name === "Float");
}

/** The value types a built-in String parameter converts implicitly (spec A15-5). */
const SCALAR_NAMES: ReadonlySet<string> = new Set(["Integer", "Long", "Float", "Bool", "Byte", "Date", "DateTime", "Time"]);

export function isScalar(type: Type): boolean {
  return type.kind === "class" && SCALAR_NAMES.has(type.name);
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

/**
 * The members of every type: catalog methods of classes, the built-in
 * members of every array and every struct (the catalog's `dataStructures`,
 * spec §3.2, §4.3), and a struct's own fields and methods; plus catalog
 * overloads turned into `Signature`s. Used by the checker to resolve
 * `x.name(…)` and by completion to list what may follow a `.`.
 */
import type { ClassInfo, MethodInfo, OverloadInfo } from "../catalog/types.js";
import { structSymbolOf } from "./struct-types.js";
import type { FunctionSymbol, IntrinsicMethod, Resolution, Signature, VariableSymbol } from "./symbols.js";
import type { ArrayType, StructType, Type, TypeTable } from "./types.js";

/** The methods of one name on one type, with everything needed to resolve and describe a call. */
export interface MethodGroup {
  readonly name: string;
  readonly signatures: readonly Signature[];
  /** What the member name refers to, given the chosen signature (if any). */
  resolve(chosen: Signature | undefined): Resolution;
}

export interface TypeMembers {
  /** Struct fields (classes and arrays have none: NetServer properties are Get/Set methods). */
  readonly fields: ReadonlyMap<string, VariableSymbol>;
  readonly methods: ReadonlyMap<string, MethodGroup>;
  /**
   * False when the catalog does not know the type's members (a name the
   * documentation never documents, or missing catalog data): a member that is
   * not listed may still exist, so it is not an error.
   */
  readonly complete: boolean;
}

const NO_FIELDS: ReadonlyMap<string, VariableSymbol> = new Map();
const NO_MEMBERS: TypeMembers = { fields: NO_FIELDS, methods: new Map(), complete: false };

export class MemberTable {
  private readonly signatures = new WeakMap<OverloadInfo, Signature>();
  private readonly userSignatures = new WeakMap<FunctionSymbol, Signature>();
  private readonly classMembers = new Map<string, TypeMembers>();
  private readonly arrayMembers = new WeakMap<ArrayType, TypeMembers>();
  private readonly structMembers = new WeakMap<StructType, TypeMembers>();
  // Resolutions of catalog names hold no per-file facts: one object each, shared by every name that resolves to it.
  private readonly classResolutions = new WeakMap<ClassInfo, Resolution>();
  private readonly overloadResolutions = new WeakMap<OverloadInfo, Resolution>();
  private readonly methodResolutions = new WeakMap<MethodInfo, Resolution>();

  constructor(readonly types: TypeTable) {}

  /** A catalog overload as a signature (parameter and return types resolved), made once. */
  catalogSignature(overload: OverloadInfo): Signature {
    let signature = this.signatures.get(overload);
    if (signature === undefined) {
      signature = {
        name: overload.name === "#ctor" ? (overload.owner?.name ?? overload.name) : overload.name,
        ownerName: overload.owner?.name,
        parameters: overload.parameters.map((parameter) => ({ name: parameter.name, type: this.types.fromCatalogSpelling(parameter.type) })),
        returnType: this.types.fromCatalogSpelling(overload.returns),
        origin: { kind: "catalog", overload },
      };
      this.signatures.set(overload, signature);
    }
    return signature;
  }

  /** A user function or method as a signature, made once. */
  userSignature(symbol: FunctionSymbol): Signature {
    let signature = this.userSignatures.get(symbol);
    if (signature === undefined) {
      signature = {
        name: symbol.name,
        ownerName: symbol.owner?.name,
        parameters: symbol.parameters,
        returnType: symbol.returnType,
        origin: { kind: "user", symbol },
      };
      this.userSignatures.set(symbol, signature);
    }
    return signature;
  }

  /** What a name referring to a catalog class resolves to. */
  classResolution(info: ClassInfo): Resolution {
    let resolution = this.classResolutions.get(info);
    if (resolution === undefined) {
      resolution = { kind: "catalog-class", info };
      this.classResolutions.set(info, resolution);
    }
    return resolution;
  }

  /** What the name of a catalog function or method resolves to, given the overload chosen (one of `method`'s), if any. */
  methodResolution(method: MethodInfo, overload: OverloadInfo | undefined): Resolution {
    const cache: WeakMap<OverloadInfo | MethodInfo, Resolution> = overload === undefined ? this.methodResolutions : this.overloadResolutions;
    const key = overload ?? method;
    const resolution = cache.get(key);
    if (resolution === undefined) {
      const made: Resolution = method.owner === undefined ? { kind: "catalog-function", method, overload } : { kind: "catalog-method", method, overload };
      cache.set(key, made);
      return made;
    }
    return resolution;
  }

  /** The overloads of a global function or method name from the catalog, as one group. */
  catalogGroup(method: MethodInfo): MethodGroup {
    const signatures = method.overloads.map((overload) => this.catalogSignature(overload));
    return {
      name: method.name,
      signatures,
      resolve: (chosen) => this.methodResolution(method, chosen?.origin.kind === "catalog" ? chosen.origin.overload : undefined),
    };
  }

  membersOf(type: Type): TypeMembers {
    switch (type.kind) {
      case "class":
        return this.membersOfClass(type.name);
      case "array":
        return this.membersOfArray(type);
      case "struct":
        return this.membersOfStruct(type);
      case "unknown":
        return NO_MEMBERS;
    }
  }

  private membersOfClass(name: string): TypeMembers {
    let members = this.classMembers.get(name);
    if (members === undefined) {
      const info = this.types.catalog.classNamed(name);
      const methods = new Map<string, MethodGroup>();
      if (info !== undefined) for (const method of info.methods.values()) methods.set(method.name, this.catalogGroup(method));
      members = { fields: NO_FIELDS, methods, complete: info !== undefined && !info.undocumented };
      this.classMembers.set(name, members);
    }
    return members;
  }

  /** The catalog's `Array` members, with `{type}` standing for the element type (for `T[][]` that is `T[]`). */
  private membersOfArray(type: ArrayType): TypeMembers {
    let members = this.arrayMembers.get(type);
    if (members === undefined) {
      const builtins = this.types.catalog.dataStructure("Array");
      members = { fields: NO_FIELDS, methods: this.builtinGroups(builtins, type, type.element, new Map()), complete: builtins !== undefined };
      this.arrayMembers.set(type, members);
    }
    return members;
  }

  /**
   * A struct's fields and methods, and the catalog's `Struct` members every
   * struct has (with `{type}` standing for the struct). A user method of the
   * same name adds overloads to the built-in ones instead of hiding them
   * (spec A15-3); its own signatures come first, so it wins an exact tie.
   * Made on first use, once the struct is fully declared.
   */
  private membersOfStruct(type: StructType): TypeMembers {
    let members = this.structMembers.get(type);
    if (members === undefined) {
      const symbol = structSymbolOf(type);
      const methods = new Map<string, MethodGroup>();
      for (const [name, overloads] of symbol.methods) {
        const signatures = overloads.map((overload) => this.userSignature(overload));
        methods.set(name, {
          name,
          signatures,
          resolve: (chosen) => ({ kind: "user-call", overloads, symbol: chosen?.origin.kind === "user" ? chosen.origin.symbol : undefined }),
        });
      }
      const builtins = this.types.catalog.dataStructure("Struct");
      members = { fields: symbol.fields, methods: this.builtinGroups(builtins, type, type, methods), complete: builtins !== undefined };
      this.structMembers.set(type, members);
    }
    return members;
  }

  /**
   * Adds the members of a `dataStructures` pseudo-class to `methods`, with
   * `placeholder` for `{type}`. A name the type defines itself keeps its own
   * signatures first and gains the built-in ones as further overloads.
   */
  private builtinGroups(
    builtins: ClassInfo | undefined,
    receiver: ArrayType | StructType,
    placeholder: Type,
    methods: Map<string, MethodGroup>,
  ): Map<string, MethodGroup> {
    if (builtins === undefined) return methods;
    for (const builtin of builtins.methods.values()) {
      const method: IntrinsicMethod = { kind: "intrinsic-method", name: builtin.name, receiver };
      const signatures: Signature[] = builtin.overloads.map((overload) => ({
        name: builtin.name,
        ownerName: receiver.kind === "struct" ? receiver.name : undefined,
        parameters: overload.parameters.map((parameter) => ({ name: parameter.name, type: this.types.fromCatalogSpelling(parameter.type, placeholder) })),
        returnType: this.types.fromCatalogSpelling(overload.returns, placeholder),
        origin: { kind: "intrinsic", method, overload },
      }));
      const builtinResolution: Resolution = { kind: "intrinsic-method", method, signatures };
      const own = methods.get(builtin.name);
      if (own === undefined) {
        methods.set(builtin.name, { name: builtin.name, signatures, resolve: () => builtinResolution });
        continue;
      }
      methods.set(builtin.name, {
        name: builtin.name,
        signatures: [...own.signatures, ...signatures],
        resolve: (chosen) => (chosen?.origin.kind === "intrinsic" ? builtinResolution : own.resolve(chosen)),
      });
    }
    return methods;
  }
}

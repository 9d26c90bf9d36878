/**
 * The members of every type: catalog methods of classes, the built-in
 * methods of arrays (spec §3.2) and of structs (spec §4.3), and a struct's
 * own fields and methods; plus catalog overloads turned into `Signature`s.
 * Used by the checker to resolve `x.name(…)` and by completion to list
 * what may follow a `.`.
 */
import type { MethodInfo, OverloadInfo } from "../catalog/types.js";
import type { FunctionSymbol, IntrinsicMethod, Resolution, Signature, VariableSymbol } from "./symbols.js";
import { unknownType, type ArrayType, type StructType, type Type, type TypeTable } from "./types.js";

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
}

const NO_MEMBERS: TypeMembers = { fields: new Map(), methods: new Map() };

interface IntrinsicSpec {
  readonly name: string;
  readonly returns: Type | "element";
  readonly parameters: readonly { readonly name: string; readonly type: Type | "element" }[];
}

export class MemberTable {
  private readonly signatures = new WeakMap<OverloadInfo, Signature>();
  private readonly userSignatures = new WeakMap<FunctionSymbol, Signature>();
  private readonly classMembers = new Map<string, TypeMembers>();
  private readonly arrayMembers = new WeakMap<ArrayType, TypeMembers>();
  private readonly structMembers = new WeakMap<StructType, TypeMembers>();
  private readonly arraySpecs: readonly IntrinsicSpec[];
  private readonly structSpecs: readonly IntrinsicSpec[];

  constructor(readonly types: TypeTable) {
    const integer = types.builtin("Integer");
    const string = types.builtin("String");
    const voidType = types.builtin("Void");
    const parameter = (name: string, type: Type | "element") => ({ name, type });
    // Spec §3.2: T is the element type (for T[][] that is T[]).
    this.arraySpecs = [
      { name: "length", returns: integer, parameters: [] },
      { name: "first", returns: "element", parameters: [] },
      { name: "last", returns: "element", parameters: [] },
      { name: "popBack", returns: "element", parameters: [] },
      { name: "popFront", returns: "element", parameters: [] },
      { name: "pushBack", returns: voidType, parameters: [] },
      { name: "pushBack", returns: voidType, parameters: [parameter("value", "element")] },
      { name: "pushFront", returns: voidType, parameters: [] },
      { name: "pushFront", returns: voidType, parameters: [parameter("value", "element")] },
      { name: "insert", returns: voidType, parameters: [parameter("index", integer), parameter("value", "element")] },
      { name: "clear", returns: voidType, parameters: [] },
      { name: "sort", returns: voidType, parameters: [] },
      { name: "buildString", returns: string, parameters: [parameter("separator", string)] },
      { name: "toJsonString", returns: string, parameters: [] },
      { name: "fromJsonString", returns: voidType, parameters: [parameter("json", string)] },
    ];
    // Spec §4.3: every struct has these; a struct may define its own toString().
    this.structSpecs = [
      { name: "fromXMLNode", returns: voidType, parameters: [parameter("node", types.classType("XMLNode") ?? unknownType)] },
      { name: "toJson", returns: voidType, parameters: [parameter("builder", types.classType("JSONBuilder") ?? unknownType)] },
      { name: "toJsonString", returns: string, parameters: [] },
      { name: "fromJsonString", returns: voidType, parameters: [parameter("json", string)] },
      { name: "toString", returns: string, parameters: [] },
    ];
  }

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
      signature = { name: symbol.name, ownerName: symbol.owner?.name, parameters: symbol.parameters, returnType: symbol.returnType, origin: { kind: "user", symbol } };
      this.userSignatures.set(symbol, signature);
    }
    return signature;
  }

  /** The overloads of a global function or method name from the catalog, as one group. */
  catalogGroup(method: MethodInfo): MethodGroup {
    const signatures = method.overloads.map((overload) => this.catalogSignature(overload));
    const kind = method.owner === undefined ? "catalog-function" : "catalog-method";
    return {
      name: method.name,
      signatures,
      resolve: (chosen) => ({ kind, method, overload: chosen?.origin.kind === "catalog" ? chosen.origin.overload : undefined }),
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
      members = { fields: NO_MEMBERS.fields, methods };
      this.classMembers.set(name, members);
    }
    return members;
  }

  private membersOfArray(type: ArrayType): TypeMembers {
    let members = this.arrayMembers.get(type);
    if (members === undefined) {
      members = { fields: NO_MEMBERS.fields, methods: this.intrinsicGroups(this.arraySpecs, type, type.element, new Map()) };
      this.arrayMembers.set(type, members);
    }
    return members;
  }

  /**
   * A struct's fields and methods, and the built-in struct methods it does
   * not define itself. Made on first use, once the struct is fully declared.
   */
  private membersOfStruct(type: StructType): TypeMembers {
    let members = this.structMembers.get(type);
    if (members === undefined) {
      const symbol = type.symbol;
      const methods = new Map<string, MethodGroup>();
      for (const [name, overloads] of symbol.methods) {
        const signatures = overloads.map((overload) => this.userSignature(overload));
        methods.set(name, {
          name,
          signatures,
          resolve: (chosen) => ({ kind: "user-call", overloads, symbol: chosen?.origin.kind === "user" ? chosen.origin.symbol : undefined }),
        });
      }
      members = { fields: symbol.fields, methods: this.intrinsicGroups(this.structSpecs, type, type, methods) };
      this.structMembers.set(type, members);
    }
    return members;
  }

  /** Adds the intrinsic methods of `specs` to `methods`, except names the type defines itself. */
  private intrinsicGroups(specs: readonly IntrinsicSpec[], receiver: ArrayType | StructType, element: Type, methods: Map<string, MethodGroup>): Map<string, MethodGroup> {
    const defined = new Set(methods.keys());
    const byName = new Map<string, Signature[]>();
    for (const spec of specs) {
      if (defined.has(spec.name)) continue;
      const method: IntrinsicMethod = { kind: "intrinsic-method", name: spec.name, receiver };
      const resolveType = (type: Type | "element"): Type => (type === "element" ? element : type);
      const signature: Signature = {
        name: spec.name,
        ownerName: receiver.kind === "struct" ? receiver.name : undefined,
        parameters: spec.parameters.map((parameter) => ({ name: parameter.name, type: resolveType(parameter.type) })),
        returnType: resolveType(spec.returns),
        origin: { kind: "intrinsic", method },
      };
      const list = byName.get(spec.name) ?? [];
      list.push(signature);
      byName.set(spec.name, list);
    }
    for (const [name, signatures] of byName) {
      const method = (signatures[0]?.origin as { method: IntrinsicMethod }).method;
      methods.set(name, { name, signatures, resolve: () => ({ kind: "intrinsic-method", method, signatures }) });
    }
    return methods;
  }
}

/**
 * What a name can stand for in a CRMScript program: user-declared symbols
 * (variables, functions, structs) and the catalog's built-ins, plus the
 * call signatures both kinds share. Plain data: symbols point at their
 * declaring file and syntax node, never at LSP types.
 */
import type { FunctionDeclaration, Identifier, Node, StructDeclaration } from "../../grammar/index.js";
import type { ClassInfo, EnumInfo, MethodInfo, OverloadInfo } from "../catalog/types.js";
import { typeToString, type ArrayType, type StructType, type Type } from "./types.js";

/** Where a symbol is declared: the file (path or URI) and the name's range in it. */
export interface SymbolLocation {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export type VariableKind = "global" | "local" | "parameter" | "field" | "foreach" | "implicit";

export interface VariableSymbol {
  readonly kind: "variable";
  readonly variableKind: VariableKind;
  readonly name: string;
  readonly type: Type;
  /** Undefined for the implicit `error` / `errorLocation` of a catch block. */
  readonly location: SymbolLocation | undefined;
  /** The declaring node: a VariableDeclaration, Parameter, ForeachStatement or (implicit) TryStatement. */
  readonly node: Node;
  /** The struct a field belongs to. */
  readonly owner: StructSymbol | undefined;
}

export interface ParameterInfo {
  readonly name: string;
  readonly type: Type;
}

/** One user function or struct method (each overload is its own symbol). */
export interface FunctionSymbol {
  readonly kind: "function";
  readonly name: string;
  readonly returnType: Type;
  readonly parameters: readonly ParameterInfo[];
  readonly location: SymbolLocation;
  readonly node: FunctionDeclaration;
  /** The struct a method belongs to. */
  readonly owner: StructSymbol | undefined;
}

export interface StructSymbol {
  readonly kind: "struct";
  readonly name: string;
  readonly type: StructType;
  readonly location: SymbolLocation;
  readonly node: StructDeclaration;
  readonly fields: ReadonlyMap<string, VariableSymbol>;
  /** Method name → overloads. */
  readonly methods: ReadonlyMap<string, readonly FunctionSymbol[]>;
}

export type UserSymbol = VariableSymbol | FunctionSymbol | StructSymbol;

/** A built-in method of every struct (spec §4.3) or of every array (spec §3.2), from the catalog's `dataStructures`. */
export interface IntrinsicMethod {
  readonly kind: "intrinsic-method";
  readonly name: string;
  readonly receiver: StructType | ArrayType;
}

/** Where a call's signature comes from. */
export type SignatureOrigin =
  | { readonly kind: "catalog"; readonly overload: OverloadInfo }
  | { readonly kind: "user"; readonly symbol: FunctionSymbol }
  /** `overload` is the catalog's `dataStructures` entry, whose `{type}` the signature has replaced. */
  | { readonly kind: "intrinsic"; readonly method: IntrinsicMethod; readonly overload: OverloadInfo };

/** A callable signature with its types resolved, whatever declared it. */
export interface Signature {
  /** The function or method name; the class name for a constructor. */
  readonly name: string;
  /** The class or struct a method or constructor belongs to. */
  readonly ownerName: string | undefined;
  readonly parameters: readonly ParameterInfo[];
  readonly returnType: Type;
  readonly origin: SignatureOrigin;
}

/** What one identifier in the program refers to. */
export type Resolution =
  | { readonly kind: "symbol"; readonly symbol: UserSymbol; readonly declaration: boolean }
  /** A call of user functions or methods; `symbol` is the chosen overload when resolution chose one. */
  | { readonly kind: "user-call"; readonly overloads: readonly FunctionSymbol[]; readonly symbol: FunctionSymbol | undefined }
  | { readonly kind: "catalog-class"; readonly info: ClassInfo }
  /** `alias` is how the name was written when it is not the enum's own name (`NSExecuteOnEvent`). */
  | { readonly kind: "catalog-enum"; readonly info: EnumInfo; readonly alias?: string | undefined }
  | { readonly kind: "catalog-function"; readonly method: MethodInfo; readonly overload: OverloadInfo | undefined }
  | { readonly kind: "catalog-method"; readonly method: MethodInfo; readonly overload: OverloadInfo | undefined }
  | { readonly kind: "intrinsic-method"; readonly method: IntrinsicMethod; readonly signatures: readonly Signature[] };

/** The name that declares a user symbol, as it appears in its file. */
export function locationOf(file: string, name: Identifier): SymbolLocation {
  return { file, start: name.start, end: name.end };
}

/** A signature as CRMScript writes it (`NSContactEntity NSContactAgent.GetContactEntity(Integer id)`), with each parameter's `[start, end)` in that text. */
export function signatureLabel(signature: Signature): { readonly label: string; readonly parameters: readonly (readonly [number, number])[] } {
  const owner = signature.ownerName === undefined || signature.ownerName === signature.name ? "" : `${signature.ownerName}.`;
  let label = `${typeToString(signature.returnType)} ${owner}${signature.name}(`;
  const parameters: [number, number][] = [];
  signature.parameters.forEach((parameter, index) => {
    if (index > 0) label += ", ";
    const start = label.length;
    label += `${typeToString(parameter.type)} ${parameter.name}`;
    parameters.push([start, label.length]);
  });
  return { label: `${label})`, parameters };
}

export function signatureToString(signature: Signature): string {
  return signatureLabel(signature).label;
}

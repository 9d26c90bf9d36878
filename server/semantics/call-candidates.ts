/**
 * What `name(…)` can call, worked out in one place for the checker and the
 * editor features (signature help, typing a chain being typed): the user
 * functions of that name in scope, then the catalog's global functions of
 * that name, as overloads of one call; or, when there are none, the
 * constructors of the catalog class of that name (`Map("a=1")`).
 */
import type { MemberTable } from "./members.js";
import type { FunctionSymbol, Signature } from "./symbols.js";

export type CallCandidates =
  | { readonly kind: "functions"; readonly signatures: readonly Signature[] }
  /** `undefined` signatures: the catalog does not know the class's constructors (any arguments are accepted). */
  | { readonly kind: "constructors"; readonly signatures: readonly Signature[] | undefined }
  | { readonly kind: "none" };

/** The overloads a call of `name` chooses from, given the user functions of that name in scope. */
export function callCandidates(members: MemberTable, name: string, userFunctions: readonly FunctionSymbol[]): CallCandidates {
  const catalog = members.types.catalog;
  const builtin = catalog.globalFunction(name);
  if (userFunctions.length > 0 || builtin !== undefined) {
    const signatures = userFunctions.map((symbol) => members.userSignature(symbol));
    for (const overload of builtin?.overloads ?? []) signatures.push(members.catalogSignature(overload));
    return { kind: "functions", signatures };
  }
  const classInfo = catalog.classNamed(name);
  if (classInfo === undefined) return { kind: "none" };
  return { kind: "constructors", signatures: classInfo.constructors?.map((overload) => members.catalogSignature(overload)) };
}

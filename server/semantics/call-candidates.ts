/**
 * What `name(…)` can call, worked out in one place for the checker and the
 * editor features (signature help, typing a chain being typed): the user
 * functions of that name in scope, then the catalog's global functions of
 * that name, as overloads of one call; or, when there are none, the
 * constructors of the catalog class of that name (`Map("a=1")`). What the
 * catalog offers a name is worked out once and shared.
 */
import type { MemberTable } from "./members.js";
import type { FunctionSymbol, Signature } from "./symbols.js";

export type CallCandidates =
  | { readonly kind: "functions"; readonly signatures: readonly Signature[] }
  /** `undefined` signatures: the catalog does not know the class's constructors (any arguments are accepted). */
  | { readonly kind: "constructors"; readonly signatures: readonly Signature[] | undefined }
  | { readonly kind: "none" };

/** What the catalog alone offers a call of each name, per member table: made once per name, shared by every call. */
const catalogCandidates = new WeakMap<MemberTable, Map<string, CallCandidates>>();

function catalogCallCandidates(members: MemberTable, name: string): CallCandidates {
  let byName = catalogCandidates.get(members);
  if (byName === undefined) {
    byName = new Map();
    catalogCandidates.set(members, byName);
  }
  let candidates = byName.get(name);
  if (candidates === undefined) {
    const builtin = members.types.globalFunction(name);
    const classInfo = builtin === undefined ? members.types.catalog.classNamed(name) : undefined;
    candidates =
      builtin !== undefined
        ? { kind: "functions", signatures: builtin.overloads.map((overload) => members.catalogSignature(overload)) }
        : classInfo !== undefined
          ? { kind: "constructors", signatures: classInfo.constructors?.map((overload) => members.catalogSignature(overload)) }
          : { kind: "none" };
    byName.set(name, candidates);
  }
  return candidates;
}

/** The overloads a call of `name` chooses from, given the user functions of that name in scope. */
export function callCandidates(members: MemberTable, name: string, userFunctions: readonly FunctionSymbol[]): CallCandidates {
  const catalog = catalogCallCandidates(members, name);
  if (userFunctions.length === 0) return catalog;
  const signatures = userFunctions.map((symbol) => members.userSignature(symbol));
  if (catalog.kind === "functions") signatures.push(...catalog.signatures);
  return { kind: "functions", signatures };
}

/**
 * Overload resolution (spec §4.2, §3.3): given the signatures a call could
 * mean and the types of its arguments, picks one. Exact matches win; then
 * the candidate needing the fewest conversions (Integer → Float or Long,
 * anything → Generic, then Long → Integer with a warning, and last a scalar
 * passed to a String parameter of a signature that converts it implicitly,
 * spec A15-5, also with a warning); ties go to the first candidate in
 * declaration or catalog order.
 */
import type { Signature } from "./symbols.js";
import { conversion, isClass, isScalar, type Conversion, type Type } from "./types.js";

/** How one argument fits its parameter: a conversion of values, or the implicit String conversion of built-in members (A15-5). */
export type ArgumentConversion = Conversion | "implicit-string";

export type OverloadChoice =
  | { readonly kind: "chosen"; readonly signature: Signature; readonly conversions: readonly ArgumentConversion[] }
  /** No signature takes this many arguments. */
  | { readonly kind: "count"; readonly arities: readonly number[] }
  /** Signatures take this many arguments, but none accepts their types. */
  | { readonly kind: "types"; readonly candidates: readonly Signature[] };

const COST: Record<ArgumentConversion, number> = { exact: 0, widening: 1, narrowing: 100, "implicit-string": 10_000, none: Number.POSITIVE_INFINITY };

/** How an argument of type `type` fits parameter `index` of `signature`; `convertsToString` is asked only for a scalar given for a String. */
function argumentConversion(type: Type, signature: Signature, index: number, convertsToString: (signature: Signature) => boolean): ArgumentConversion {
  const parameter = (signature.parameters[index] as { type: Type }).type;
  const kind = conversion(type, parameter);
  return kind === "none" && isScalar(type) && isClass(parameter, "String") && convertsToString(signature) ? "implicit-string" : kind;
}

/** `count` times "exact", one frozen array per count: what most calls get. */
const allExact: (readonly ArgumentConversion[])[] = [];

function exactConversions(count: number): readonly ArgumentConversion[] {
  let conversions = allExact[count];
  if (conversions === undefined) {
    conversions = Object.freeze(Array.from({ length: count }, (): ArgumentConversion => "exact"));
    allExact[count] = conversions;
  }
  return conversions;
}

/**
 * `convertsToString(signature)` says whether a signature takes a scalar
 * (Integer, Float, Date, …) for a String parameter; by default none does.
 * Allocates nothing while it compares: it runs for every call in a file.
 */
export function chooseOverload(
  signatures: readonly Signature[],
  argumentTypes: readonly Type[],
  convertsToString: (signature: Signature) => boolean = () => false,
): OverloadChoice {
  const count = argumentTypes.length;
  let hasCandidate = false;
  let best: Signature | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const signature of signatures) {
    if (signature.parameters.length !== count) continue;
    hasCandidate = true;
    // Narrowing costs more than widening, so an overload that loses digits is a late resort; an implicit String the last.
    let cost = 0;
    for (let index = 0; index < count && cost !== Number.POSITIVE_INFINITY; index++) {
      cost += COST[argumentConversion(argumentTypes[index] as Type, signature, index, convertsToString)];
    }
    if (cost === Number.POSITIVE_INFINITY) continue;
    if (best === undefined || cost < bestCost) {
      best = signature;
      bestCost = cost;
    }
    if (cost === 0) break;
  }
  if (!hasCandidate) {
    const arities = [...new Set(signatures.map((signature) => signature.parameters.length))].sort((a, b) => a - b);
    return { kind: "count", arities };
  }
  if (best === undefined) return { kind: "types", candidates: signatures.filter((signature) => signature.parameters.length === count) };
  const chosen = best;
  const conversions = bestCost === 0 ? exactConversions(count) : argumentTypes.map((type, index) => argumentConversion(type, chosen, index, convertsToString));
  return { kind: "chosen", signature: chosen, conversions };
}

/**
 * For a call still being typed: the index of the first signature that has a
 * parameter at `parameterIndex` and accepts the arguments before it (an
 * undefined type is accepted), else of the first with a parameter there, else 0.
 */
export function chooseOverloadForPrefix(signatures: readonly Signature[], argumentTypes: readonly (Type | undefined)[], parameterIndex: number): number {
  const fits = (signature: Signature): boolean =>
    signature.parameters.length > parameterIndex &&
    argumentTypes.every((type, index) => type === undefined || conversion(type, (signature.parameters[index] as { type: Type }).type) !== "none");
  const index = signatures.findIndex(fits);
  if (index >= 0) return index;
  return Math.max(
    0,
    signatures.findIndex((signature) => signature.parameters.length > parameterIndex),
  );
}

/** "0", "1 or 2", "0, 1 or 3": how many arguments the overloads take, for messages. */
export function describeArities(arities: readonly number[]): string {
  if (arities.length <= 1) return String(arities[0] ?? 0);
  return `${arities.slice(0, -1).join(", ")} or ${arities[arities.length - 1] as number}`;
}

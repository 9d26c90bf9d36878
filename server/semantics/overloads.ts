/**
 * Overload resolution (spec §4.2, §3.3): given the signatures a call could
 * mean and the types of its arguments, picks one. Exact matches win; then
 * the candidate needing the fewest conversions (Integer → Float or Long,
 * anything → Generic, and Long → Integer with a warning); ties go to the
 * first candidate in declaration or catalog order.
 */
import type { Signature } from "./symbols.js";
import { conversion, type Conversion, type Type } from "./types.js";

export type OverloadChoice =
  | { readonly kind: "chosen"; readonly signature: Signature; readonly conversions: readonly Conversion[] }
  /** No signature takes this many arguments. */
  | { readonly kind: "count"; readonly arities: readonly number[] }
  /** Signatures take this many arguments, but none accepts their types. */
  | { readonly kind: "types"; readonly candidates: readonly Signature[] };

export function chooseOverload(signatures: readonly Signature[], argumentTypes: readonly Type[]): OverloadChoice {
  const candidates = signatures.filter((signature) => signature.parameters.length === argumentTypes.length);
  if (candidates.length === 0) {
    const arities = [...new Set(signatures.map((signature) => signature.parameters.length))].sort((a, b) => a - b);
    return { kind: "count", arities };
  }
  let best: { signature: Signature; conversions: Conversion[]; cost: number } | undefined;
  for (const signature of candidates) {
    const conversions = argumentTypes.map((type, index) => conversion(type, (signature.parameters[index] as { type: Type }).type));
    if (conversions.includes("none")) continue;
    // Narrowing costs more than widening, so an overload that loses digits is the last resort.
    const cost = conversions.reduce((sum, kind) => sum + (kind === "widening" ? 1 : kind === "narrowing" ? 100 : 0), 0);
    if (best === undefined || cost < best.cost) best = { signature, conversions, cost };
    if (cost === 0) break;
  }
  if (best === undefined) return { kind: "types", candidates };
  return { kind: "chosen", signature: best.signature, conversions: best.conversions };
}

/** "0", "1 or 2", "0, 1 or 3": how many arguments the overloads take, for messages. */
export function describeArities(arities: readonly number[]): string {
  if (arities.length <= 1) return String(arities[0] ?? 0);
  return `${arities.slice(0, -1).join(", ")} or ${arities[arities.length - 1] as number}`;
}

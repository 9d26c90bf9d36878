/**
 * Catalog members whose documented parameter lists SuperOffice's own
 * examples contradict (listed among the catalog's known gaps). A call of one
 * with a number of arguments no documented overload takes is not an error:
 * the policy of spec §15 prefers no error over a false one. Keyed by
 * `Class.method`, with the evidence.
 */
export const DISPUTED_ARITIES: ReadonlyMap<string, string> = new Map([
  ["Rsa.verifySignature", "both examples on its reference page call it with 2 arguments, while every signature there has 3"],
]);

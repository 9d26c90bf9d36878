/**
 * The contract between semantic analysis and whoever knows the files
 * (spec §2.2): semantics asks for an include id and gets back the included
 * script's exports, or why there are none. Finding files, reading them and
 * caching analyses is the analysis layer's job; semantics does no I/O.
 */
import type { UserSymbol } from "./symbols.js";

/** What an analysed script makes visible to a script that includes it. */
export interface ModuleExports {
  /** The script's file (path or URI). */
  readonly file: string;
  /** Its top-level variables, functions and structs, in declaration order. */
  readonly symbols: readonly UserSymbol[];
  /** The scripts it includes itself, in include order; their names are visible too. */
  readonly includes: readonly ModuleExports[];
}

export type IncludeResolution =
  /** Found; `cycle` is set when the included script leads back here (its names are still visible). */
  | { readonly kind: "found"; readonly module: ModuleExports; readonly cycle?: readonly string[] }
  /** No file matched; `searched` lists the places tried, for the message. */
  | { readonly kind: "not-found"; readonly searched: readonly string[] }
  /** Including it would close a circle; `chain` is the circle, from the including file back to it. */
  | { readonly kind: "cycle"; readonly chain: readonly string[] };

export interface IncludeResolver {
  resolve(includeId: string, fromFile: string): IncludeResolution;
}

/** For a script analysed on its own: every include is reported as not found. */
export const noIncludes: IncludeResolver = {
  resolve: () => ({ kind: "not-found", searched: [] }),
};

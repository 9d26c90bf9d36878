/**
 * The catalog shipped with the product (`data/catalog.json`, written by
 * `npm run build:catalog`), loaded on first use and shared by every analysis
 * in the process.
 */
import data from "./data/catalog.json";
import { loadCatalog, type LoadedCatalog } from "./load.js";

let loaded: (LoadedCatalog & { readonly loadMilliseconds: number }) | undefined;

/** The built-in catalog, with the time its first load took. */
export function builtinCatalog(): LoadedCatalog & { readonly loadMilliseconds: number } {
  if (loaded === undefined) {
    const start = performance.now();
    const result = loadCatalog(data);
    loaded = { ...result, loadMilliseconds: performance.now() - start };
  }
  return loaded;
}

/**
 * The catalog shipped with the product (`data/catalog.json`, written by
 * `npm run build:catalog`), parsed and loaded on first use (not when the
 * program starts) and shared by every analysis in the process.
 */
import catalogText from "./data/catalog.json?raw";
import { loadCatalog, type LoadedCatalog } from "./load.js";

let loaded: (LoadedCatalog & { readonly loadMilliseconds: number }) | undefined;

/** The built-in catalog, with the time its first load took. */
export function builtinCatalog(): LoadedCatalog & { readonly loadMilliseconds: number } {
  if (loaded === undefined) {
    const start = performance.now();
    const result = loadCatalog(JSON.parse(catalogText));
    loaded = { ...result, loadMilliseconds: performance.now() - start };
  }
  return loaded;
}

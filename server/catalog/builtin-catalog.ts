/**
 * The catalog shipped with the product (`data/catalog.json`, written by
 * `npm run build:catalog`), loaded on first use (not when the program
 * starts), each entry parsed when first needed, and shared by every analysis
 * in the process. The product's bundles read the text from a copy beside
 * them when it is first asked for (`scripts/esbuild-data-beside-bundle.mjs`);
 * other builds and the tests have it inline.
 */
import catalogText from "./data/catalog.json?raw";
import { loadCatalogText, type LoadedCatalog } from "./load.js";

let loaded: (LoadedCatalog & { readonly loadMilliseconds: number }) | undefined;

/** The built-in catalog, with the time its first load took. */
export function builtinCatalog(): LoadedCatalog & { readonly loadMilliseconds: number } {
  if (loaded === undefined) {
    const start = performance.now();
    const result = loadCatalogText(catalogText);
    loaded = { ...result, loadMilliseconds: performance.now() - start };
  }
  return loaded;
}

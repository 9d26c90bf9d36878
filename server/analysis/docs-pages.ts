/**
 * Where each diagnostic code is documented, relative to the package's
 * `docs/` folder: lint rules under `rules/`, syntax and semantic codes
 * under `diagnostics/` (pages written by `npm run build:docs`).
 */
import { ruleById } from "../lint/registry.js";

export function docsPageOf(code: string): string {
  return ruleById(code) !== undefined ? `rules/${code}.md` : `diagnostics/${code}.md`;
}

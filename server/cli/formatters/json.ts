/** `--format json`: the results as an ESLint-compatible JSON array. */
import type { LintResult } from "../lint-result.js";

export function formatJson(results: readonly LintResult[]): string {
  return `${JSON.stringify(results)}\n`;
}

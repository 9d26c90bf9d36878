/**
 * The diagnostic codes the lint layer reports itself, beside its rules'
 * ids: a rule that failed, and suppression comments that suppress nothing.
 */
import type { DiagnosticCodeInfo } from "../../grammar/index.js";

export const lintCodes = {
  "lint-internal-error": {
    severity: "warning",
    summary: "A lint rule failed on this file; the other rules still ran. Please report it with the file.",
    basis: "A failure of this tool, not of the script: nothing is known to be wrong with the code.",
  },
  "unused-suppression": {
    severity: "warning",
    summary:
      "A crmscript-lint-disable comment that suppresses nothing here, or names a code that does not exist: remove it (its severity is the reportUnusedSuppressions setting).",
    basis: "A comment cannot make a script fail; a stale one only hides future problems.",
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type LintCode = keyof typeof lintCodes;

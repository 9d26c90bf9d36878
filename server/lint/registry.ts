/**
 * Every lint rule, sorted by id. A tidy test checks that each file in
 * `rules/` is listed here and has its documentation header and test file.
 */
import keywordCase from "./rules/keyword-case.js";
import noMissingReturn from "./rules/no-missing-return.js";
import noShadow from "./rules/no-shadow.js";
import noUnreachable from "./rules/no-unreachable.js";
import noUnusedVariable from "./rules/no-unused-variable.js";
import requireLanguageLevel from "./rules/require-language-level.js";
import type { LintRule } from "./rule.js";

export const allRules: readonly LintRule[] = [keywordCase, noMissingReturn, noShadow, noUnreachable, noUnusedVariable, requireLanguageLevel];

export function ruleById(id: string): LintRule | undefined {
  return allRules.find((rule) => rule.id === id);
}

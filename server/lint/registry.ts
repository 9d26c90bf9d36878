/**
 * Every lint rule, sorted by id. A tidy test checks that each file in
 * `rules/` is listed here and has its documentation header and test file.
 */
import keywordCase from "./rules/keyword-case.js";
import noAgentInLoop from "./rules/no-agent-in-loop.js";
import noConstantCondition from "./rules/no-constant-condition.js";
import noDeprecatedApi from "./rules/no-deprecated-api.js";
import noDuplicateInclude from "./rules/no-duplicate-include.js";
import noEmptyBlock from "./rules/no-empty-block.js";
import noMissingReturn from "./rules/no-missing-return.js";
import noNetserverCallInLoop from "./rules/no-netserver-call-in-loop.js";
import noSelfAssign from "./rules/no-self-assign.js";
import noShadow from "./rules/no-shadow.js";
import noUninitializedCarrier from "./rules/no-uninitialized-carrier.js";
import noUnreachable from "./rules/no-unreachable.js";
import noUnusedFunction from "./rules/no-unused-function.js";
import noUnusedVariable from "./rules/no-unused-variable.js";
import requireLanguageLevel from "./rules/require-language-level.js";
import type { LintRule } from "./rule.js";

export const allRules: readonly LintRule[] = [
  keywordCase,
  noAgentInLoop,
  noConstantCondition,
  noDeprecatedApi,
  noDuplicateInclude,
  noEmptyBlock,
  noMissingReturn,
  noNetserverCallInLoop,
  noSelfAssign,
  noShadow,
  noUninitializedCarrier,
  noUnreachable,
  noUnusedFunction,
  noUnusedVariable,
  requireLanguageLevel,
];

export function ruleById(id: string): LintRule | undefined {
  return allRules.find((rule) => rule.id === id);
}

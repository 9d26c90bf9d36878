/**
 * The shape of a lint rule. A rule has a stable id (also its diagnostic
 * code), a group, a default severity and a one-line description, and a
 * `create` function that receives the file's semantic model and returns
 * listeners: one per AST node kind it wants to see, and `end`, called after
 * the walk, for rules that read the model's facts. Rules only inspect and
 * report: no I/O, no changes to the tree or the model.
 */
import type { Fix, NodeKind, NodeOfKind, SourceFile, TextRange } from "../../grammar/index.js";
import type { SemanticModel } from "../semantics/index.js";

export type { Fix };

export type RuleGroup = "correctness" | "suspicious" | "style";
export type RuleSeverity = "off" | "warning" | "error";

export interface RuleReport {
  readonly range: TextRange;
  readonly message: string;
  readonly fix?: Fix;
}

export interface RuleContext {
  readonly sourceFile: SourceFile;
  readonly model: SemanticModel;
  report(report: RuleReport): void;
}

export type RuleListeners = { readonly [K in NodeKind]?: (node: NodeOfKind<K>) => void } & { readonly end?: () => void };

export interface LintRule {
  /** Kebab-case, `no-…` for what a rule forbids; also the diagnostic code. */
  readonly id: string;
  readonly group: RuleGroup;
  readonly defaultSeverity: RuleSeverity;
  /** One line: what the rule reports. */
  readonly description: string;
  create(context: RuleContext): RuleListeners;
}

/** Identity helper that checks a rule's shape where it is written. */
export function defineRule(rule: LintRule): LintRule {
  return rule;
}

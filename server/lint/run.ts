/**
 * Runs the enabled lint rules over one analysed file: one walk of the AST
 * that calls each rule's listeners for the node kinds it asked for, then
 * each rule's `end`. A rule that throws is reported as `lint-internal-error`
 * at the top of the file and the other rules still run.
 */
import { walk, type Diagnostic, type Node, type NodeKind } from "../../grammar/index.js";
import type { SemanticModel } from "../semantics/index.js";
import { lintCodes } from "./lint-codes.js";
import { allRules } from "./registry.js";
import type { Fix, LintRule, RuleListeners, RuleSeverity } from "./rule.js";

/** Per-rule severities; a rule not named here uses its default. */
export type RuleSeverities = Readonly<Record<string, RuleSeverity>>;

/** A diagnostic of any layer; lint rules may attach a fix, as the parser does. */
export type LintDiagnostic = Diagnostic;

export function effectiveSeverity(rule: LintRule, severities: RuleSeverities): RuleSeverity {
  return severities[rule.id] ?? rule.defaultSeverity;
}

export function runLint(model: SemanticModel, severities: RuleSeverities = {}, rules: readonly LintRule[] = allRules): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  const active: { rule: LintRule; listeners: RuleListeners }[] = [];
  const failed = new Set<LintRule>();
  const fail = (rule: LintRule, error: unknown): void => {
    if (failed.has(rule)) return;
    failed.add(rule);
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push({
      code: "lint-internal-error",
      severity: lintCodes["lint-internal-error"].severity,
      range: { start: 0, end: 0 },
      message: `lint rule '${rule.id}' failed on this file (${reason}); please report it`,
    });
  };
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, severities);
    if (severity === "off") continue;
    const context = {
      sourceFile: model.sourceFile,
      model,
      report: (report: { range: Diagnostic["range"]; message: string; fix?: Fix }) => {
        const diagnostic: LintDiagnostic = { code: rule.id, severity, range: { start: report.range.start, end: report.range.end }, message: report.message };
        diagnostics.push(report.fix === undefined ? diagnostic : { ...diagnostic, fix: report.fix });
      },
    };
    try {
      active.push({ rule, listeners: rule.create(context) });
    } catch (error) {
      fail(rule, error);
    }
  }
  const byKind = new Map<NodeKind, { rule: LintRule; listener: (node: Node) => void }[]>();
  for (const { rule, listeners } of active) {
    for (const [kind, listener] of Object.entries(listeners)) {
      if (kind === "end" || listener === undefined) continue;
      const list = byKind.get(kind as NodeKind) ?? [];
      list.push({ rule, listener: listener as (node: Node) => void });
      byKind.set(kind as NodeKind, list);
    }
  }
  if (byKind.size > 0) {
    walk(model.sourceFile.program, (node) => {
      for (const { rule, listener } of byKind.get(node.kind) ?? []) {
        if (failed.has(rule)) continue;
        try {
          listener(node);
        } catch (error) {
          fail(rule, error);
        }
      }
    });
  }
  for (const { rule, listeners } of active) {
    if (listeners.end === undefined || failed.has(rule)) continue;
    try {
      listeners.end();
    } catch (error) {
      fail(rule, error);
    }
  }
  return diagnostics;
}

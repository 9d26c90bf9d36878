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

/** A rule taking part in one run; `failed` stops its listeners after it threw once. */
interface ActiveRule {
  readonly rule: LintRule;
  readonly listeners: RuleListeners;
  failed: boolean;
}

interface Listener {
  readonly active: ActiveRule;
  readonly listen: (node: Node) => void;
}

export function effectiveSeverity(rule: LintRule, severities: RuleSeverities): RuleSeverity {
  return severities[rule.id] ?? rule.defaultSeverity;
}

export function runLint(model: SemanticModel, severities: RuleSeverities = {}, rules: readonly LintRule[] = allRules): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  const active: ActiveRule[] = [];
  const fail = (rule: LintRule, error: unknown): void => {
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
      active.push({ rule, listeners: rule.create(context), failed: false });
    } catch (error) {
      fail(rule, error);
    }
  }
  const byKind = new Map<NodeKind, Listener[]>();
  for (const entry of active) {
    for (const [kind, listen] of Object.entries(entry.listeners)) {
      if (kind === "end" || listen === undefined) continue;
      const list = byKind.get(kind as NodeKind);
      const listener: Listener = { active: entry, listen: listen as (node: Node) => void };
      if (list === undefined) byKind.set(kind as NodeKind, [listener]);
      else list.push(listener);
    }
  }
  if (byKind.size > 0) {
    walk(model.sourceFile.program, (node) => {
      const list = byKind.get(node.kind);
      if (list === undefined) return;
      for (const { active: entry, listen } of list) {
        if (entry.failed) continue;
        try {
          listen(node);
        } catch (error) {
          entry.failed = true;
          fail(entry.rule, error);
        }
      }
    });
  }
  for (const entry of active) {
    if (entry.listeners.end === undefined || entry.failed) continue;
    try {
      entry.listeners.end();
    } catch (error) {
      entry.failed = true;
      fail(entry.rule, error);
    }
  }
  return diagnostics;
}

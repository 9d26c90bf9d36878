/**
 * A file's full analysis, what the front ends report: its syntax, semantic
 * and lint diagnostics merged and sorted by position, less what its
 * suppression comments silence (listed apart).
 */
import { compareDiagnostics, type SourceFile } from "../../grammar/index.js";
import type { LintRule } from "../lint/rule.js";
import { runLint, type LintDiagnostic } from "../lint/run.js";
import { applySuppressions, type SuppressedDiagnostic } from "../lint/suppressions.js";
import type { SemanticModel } from "../semantics/index.js";
import type { AnalysisSettings } from "./settings.js";

export interface FileAnalysis {
  readonly path: string;
  readonly sourceFile: SourceFile;
  readonly model: SemanticModel;
  /** Syntax, semantic and lint diagnostics, sorted by position, without the suppressed ones. */
  readonly diagnostics: readonly LintDiagnostic[];
  /** What suppression comments silenced, sorted by position. */
  readonly suppressed: readonly SuppressedDiagnostic[];
}

/** Lints `model` (with `rules`, or the registry's) and applies the suppression comments of `text`. */
export function fullAnalysis(
  path: string,
  text: string,
  model: SemanticModel,
  settings: AnalysisSettings,
  rules: readonly LintRule[] | undefined,
): FileAnalysis {
  const { reported, suppressed } = applySuppressions({
    text,
    comments: model.sourceFile.comments,
    lines: model.sourceFile.lineIndex,
    diagnostics: [...model.diagnostics, ...runLint(model, settings.rules, rules)],
    unusedSeverity: settings.reportUnusedSuppressions ?? "warning",
  });
  return {
    path,
    sourceFile: model.sourceFile,
    model,
    diagnostics: [...reported].sort(compareDiagnostics),
    suppressed: [...suppressed].sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic)),
  };
}

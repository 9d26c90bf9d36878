/**
 * The CLI's per-file result, shaped like ESLint's so existing tooling can read
 * `--format json`: 1-based lines and columns (UTF-16), severity 1 for a
 * warning and 2 for an error, the diagnostic code as `ruleId`.
 */
import type { Diagnostic, Fix, LineIndex } from "../../grammar/index.js";
import { isAutoFixable } from "../lint/fixes.js";
import type { SuppressedDiagnostic } from "../lint/suppressions.js";

export interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Set when the file could not be linted at all (for example, it cannot be read). */
  readonly fatal?: true;
  /** The safe fix, as ESLint writes it: offsets into the file's text (UTF-16) and the replacement. */
  readonly fix?: EslintFix;
  /** Fixes to offer a person but never to apply automatically, as ESLint writes them. */
  readonly suggestions?: readonly { readonly desc: string; readonly fix: EslintFix }[];
}

export interface EslintFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** Why a message was not reported: the suppression comment that silenced it, and its reason after `--`. */
export interface LintSuppression {
  readonly kind: "directive";
  readonly justification: string;
}

/** A message a suppression comment silenced (ESLint's `suppressedMessages`). */
export interface SuppressedLintMessage extends LintMessage {
  readonly suppressions: readonly LintSuppression[];
}

export interface LintResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatalErrorCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly suppressedMessages: readonly SuppressedLintMessage[];
  readonly usedDeprecatedRules: readonly never[];
  /** The file's text after `--fix` or `--fix-dry-run`, only when fixes changed it. */
  readonly output?: string;
}

export function toLintMessage(diagnostic: Diagnostic, lines: LineIndex): LintMessage {
  const start = lines.position(diagnostic.range.start);
  const end = lines.position(diagnostic.range.end);
  const message: LintMessage = {
    ruleId: diagnostic.code,
    severity: diagnostic.severity === "error" ? 2 : 1,
    message: diagnostic.message,
    line: start.line + 1,
    column: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
  };
  const eslintFix = (fix: Fix): EslintFix => ({ range: [fix.range.start, fix.range.end], text: fix.text });
  return {
    ...message,
    ...(isAutoFixable(diagnostic) ? { fix: eslintFix(diagnostic.fix) } : {}),
    ...(diagnostic.suggestedFix === undefined
      ? {}
      : { suggestions: [{ desc: diagnostic.suggestedFix.title ?? "Apply the suggested change", fix: eslintFix(diagnostic.suggestedFix) }] }),
  };
}

export function toSuppressedMessage(suppressed: SuppressedDiagnostic, lines: LineIndex): SuppressedLintMessage {
  return { ...toLintMessage(suppressed.diagnostic, lines), suppressions: [{ kind: "directive", justification: suppressed.justification }] };
}

export interface ResultExtras {
  readonly suppressedMessages?: readonly SuppressedLintMessage[];
  readonly output?: string;
}

export function lintResult(filePath: string, messages: readonly LintMessage[], extras: ResultExtras = {}): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of messages) {
    if (message.severity === 2) errorCount++;
    else warningCount++;
    if (message.fatal === true) fatalErrorCount++;
    if (message.fix !== undefined && message.severity === 2) fixableErrorCount++;
    else if (message.fix !== undefined) fixableWarningCount++;
  }
  return {
    filePath,
    messages,
    errorCount,
    warningCount,
    fatalErrorCount,
    fixableErrorCount,
    fixableWarningCount,
    suppressedMessages: extras.suppressedMessages ?? [],
    usedDeprecatedRules: [],
    ...(extras.output === undefined ? {} : { output: extras.output }),
  };
}

/** Only the errors (`--quiet`). */
export function errorsOnly(result: LintResult): LintResult {
  if (result.warningCount === 0) return result;
  return lintResult(
    result.filePath,
    result.messages.filter((message) => message.severity === 2),
    result,
  );
}

/** The result for a file that could not be read. */
export function unreadableFileResult(filePath: string, reason: string): LintResult {
  return lintResult(filePath, [
    { ruleId: null, severity: 2, message: `cannot read the file: ${reason}`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true },
  ]);
}

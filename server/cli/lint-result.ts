/**
 * The CLI's per-file result, shaped like ESLint's so existing tooling can read
 * `--format json`: 1-based lines and columns (UTF-16), severity 1 for a
 * warning and 2 for an error, the diagnostic code as `ruleId`.
 */
import type { Diagnostic, LineIndex } from "../../grammar/index.js";

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
}

export interface LintResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatalErrorCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly suppressedMessages: readonly LintMessage[];
  readonly usedDeprecatedRules: readonly never[];
}

export function toLintMessage(diagnostic: Diagnostic, lines: LineIndex): LintMessage {
  const start = lines.position(diagnostic.range.start);
  const end = lines.position(diagnostic.range.end);
  return {
    ruleId: diagnostic.code,
    severity: diagnostic.severity === "error" ? 2 : 1,
    message: diagnostic.message,
    line: start.line + 1,
    column: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
  };
}

export function lintResult(filePath: string, messages: readonly LintMessage[]): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  for (const message of messages) {
    if (message.severity === 2) errorCount++;
    else warningCount++;
    if (message.fatal === true) fatalErrorCount++;
  }
  return {
    filePath, messages, errorCount, warningCount, fatalErrorCount,
    fixableErrorCount: 0, fixableWarningCount: 0, suppressedMessages: [], usedDeprecatedRules: [],
  };
}

/** The result for a file that could not be read. */
export function unreadableFileResult(filePath: string, reason: string): LintResult {
  return lintResult(filePath, [{ ruleId: null, severity: 2, message: `cannot read the file: ${reason}`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }]);
}

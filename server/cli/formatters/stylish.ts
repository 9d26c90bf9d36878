/**
 * `--format stylish`: problems grouped per file, aligned in columns, with a
 * summary line; ANSI colours only when asked for.
 */
import type { LintResult } from "../lint-result.js";
import { displayPath } from "./paths.js";

const colors = {
  red: (text: string) => `\u001b[31m${text}\u001b[39m`,
  yellow: (text: string) => `\u001b[33m${text}\u001b[39m`,
  dim: (text: string) => `\u001b[2m${text}\u001b[22m`,
  underline: (text: string) => `\u001b[4m${text}\u001b[24m`,
  bold: (text: string) => `\u001b[1m${text}\u001b[22m`,
};

const plain = { red: String, yellow: String, dim: String, underline: String, bold: String };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function formatStylish(results: readonly LintResult[], options: { color: boolean; cwd: string }): string {
  const paint = options.color ? colors : plain;
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    const shownPath = displayPath(result.filePath, options.cwd);
    lines.push(paint.underline(shownPath));
    const rows = result.messages.map((message) => ({
      position: `${message.line}:${message.column}`,
      severity: message.severity === 2 ? "error" : "warning",
      text: message.message.replace(/\s*\n\s*/g, " "),
      rule: message.ruleId ?? "",
    }));
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const textWidth = Math.min(100, Math.max(...rows.map((row) => row.text.length)));
    for (const row of rows) {
      const severity = row.severity === "error" ? paint.red("error  ") : paint.yellow("warning");
      lines.push(`  ${paint.dim(row.position.padEnd(positionWidth))}  ${severity}  ${row.text.padEnd(textWidth)}  ${paint.dim(row.rule)}`.trimEnd());
    }
    lines.push("");
  }
  const total = errors + warnings;
  if (total === 0) return "";
  const summary = `✖ ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
  lines.push(errors > 0 ? paint.bold(paint.red(summary)) : paint.bold(paint.yellow(summary)));
  return `${lines.join("\n")}\n`;
}

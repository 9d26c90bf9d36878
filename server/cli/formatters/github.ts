/**
 * `--format github`: one GitHub Actions workflow command per problem
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::<message>`),
 * which the runner turns into annotations on the run and the pull request.
 * Paths are relative to the working folder, which in a workflow is the
 * repository's checkout. Suppressed messages are not written.
 */
import type { LintMessage, LintResult } from "../lint-result.js";
import { displayPath, forwardSlashes, STDIN_PATH } from "./paths.js";

/** The command's message: `%`, CR and LF would end or change the command. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value: like the message, and `:` and `,` also separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(message: LintMessage, file: string | undefined): string {
  const properties: [string, string | number][] = [];
  if (file !== undefined) properties.push(["file", file]);
  // A fatal message (an unreadable file) has no real position.
  if (file !== undefined && message.fatal !== true) {
    properties.push(["line", message.line]);
    // Annotations take columns only for a range on one line.
    if (message.endLine === message.line) properties.push(["col", message.column]);
    properties.push(["endLine", message.endLine]);
    if (message.endLine === message.line) properties.push(["endColumn", message.endColumn]);
  }
  if (message.ruleId !== null) properties.push(["title", message.ruleId]);
  const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(",");
  return `::${message.severity === 2 ? "error" : "warning"}${list === "" ? "" : ` ${list}`}::${escapeData(message.message)}`;
}

export function formatGithub(results: readonly LintResult[], options: { readonly cwd: string }): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = result.filePath === STDIN_PATH ? undefined : forwardSlashes(displayPath(result.filePath, options.cwd));
    for (const message of result.messages) lines.push(command(message, file));
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

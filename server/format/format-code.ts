/**
 * The shared steps of formatting code: whether a parsed text may be
 * formatted at all, and a clean program printed to lines.
 */
import type { Diagnostic, SourceFile } from "../../grammar/index.js";
import type { FormatOptions } from "./options.js";
import { type LayoutOptions, printDoc } from "./print-doc.js";
import { printProgram } from "./print-program.js";

/** Syntax diagnostics that mean the tree does not hold the whole file. */
const unformattableCodes = new Set(["syntax-nesting-too-deep", "syntax-not-text", "syntax-file-too-large", "syntax-internal-error"]);

/** The first problem that stops `source` being formatted, if any. */
export function blockingDiagnostic(source: SourceFile): Diagnostic | undefined {
  return source.diagnostics.find((diagnostic) => diagnostic.severity === "error" || unformattableCodes.has(diagnostic.code));
}

export function describeBlocking(source: SourceFile, diagnostic: Diagnostic): string {
  const at = source.lineIndex.position(diagnostic.range.start);
  return `it has a syntax error at ${at.line + 1}:${at.column + 1}: ${diagnostic.message}`;
}

/** Formats the code of a program (not a template) that parsed cleanly, as "\n"-separated lines without a final line break. */
export function printFormatted(source: SourceFile, options: FormatOptions): string {
  const layout: LayoutOptions = { lineWidth: options.lineWidth, indentWidth: options.indentWidth, useTabs: options.useTabs };
  return printDoc(printProgram(source), layout);
}

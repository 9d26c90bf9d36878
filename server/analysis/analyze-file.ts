/**
 * The analysis façade shared by the CLI and (later) the language server:
 * source text in, diagnostics out. Today it runs the syntax layer; semantic
 * analysis and lint rules plug in here, so both front ends always agree.
 */
import { parseSource, type Diagnostic, type SourceFile } from "../../grammar/index.js";

export interface FileAnalysis {
  readonly sourceFile: SourceFile;
  /** All diagnostics for the file, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Analyses one file's text. Never throws. */
export function analyzeText(text: string): FileAnalysis {
  const sourceFile = parseSource(text);
  return { sourceFile, diagnostics: sourceFile.diagnostics };
}

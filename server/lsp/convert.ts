/**
 * The one place where the product's protocol-free results become LSP
 * types: offsets to positions (UTF-16, through the analysed text's
 * `LineIndex`), diagnostics with their code, documentation link and related
 * locations, and the kinds of completion entries and outline symbols.
 */
import type { Diagnostic as LspDiagnostic, Position, Range } from "vscode-languageserver";
import { CompletionItemKind, DiagnosticSeverity, DiagnosticTag, SymbolKind } from "./protocol.js";
import type { Diagnostic, LineIndex, TextRange } from "../../grammar/index.js";
import { docsPageOf } from "../analysis/docs-pages.js";
import type { CompletionEntryKind } from "../features/completion/complete.js";
import type { OutlineKind } from "../features/symbols.js";
import type { IndexedSymbolKind } from "../analysis/workspace-index.js";

export function toPosition(lines: LineIndex, offset: number): Position {
  const { line, column } = lines.position(offset);
  return { line, character: column };
}

export function toRange(lines: LineIndex, range: TextRange): Range {
  return { start: toPosition(lines, range.start), end: toPosition(lines, range.end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offset({ line: position.line, column: position.character });
}

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** Codes whose ranges are code that never runs, so editors may grey them out. */
const UNNECESSARY: ReadonlySet<string> = new Set(["no-unreachable", "no-unused-variable", "syntax-empty-statement"]);

export function toLspDiagnostic(diagnostic: Diagnostic, lines: LineIndex, uri: string, docsBase: string): LspDiagnostic {
  const converted: LspDiagnostic = {
    range: toRange(lines, diagnostic.range),
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: `${docsBase}${docsPageOf(diagnostic.code)}` },
    source: "crmscript",
    message: diagnostic.message,
  };
  if (UNNECESSARY.has(diagnostic.code)) converted.tags = [DiagnosticTag.Unnecessary];
  if (diagnostic.related !== undefined) {
    converted.relatedInformation = diagnostic.related.map((related) => ({ location: { uri, range: toRange(lines, related.range) }, message: related.message }));
  }
  return converted;
}

export const completionKinds: Record<CompletionEntryKind, CompletionItemKind> = {
  method: CompletionItemKind.Method,
  function: CompletionItemKind.Function,
  field: CompletionItemKind.Field,
  variable: CompletionItemKind.Variable,
  parameter: CompletionItemKind.Variable,
  class: CompletionItemKind.Class,
  struct: CompletionItemKind.Struct,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  module: CompletionItemKind.Module,
  directive: CompletionItemKind.Keyword,
};

export const outlineKinds: Record<OutlineKind | IndexedSymbolKind, SymbolKind> = {
  function: SymbolKind.Function,
  method: SymbolKind.Method,
  struct: SymbolKind.Struct,
  field: SymbolKind.Field,
  variable: SymbolKind.Variable,
};

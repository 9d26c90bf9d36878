/**
 * Quick fixes where the fix is certain: the safe fix a diagnostic carries
 * (insert a missing ';', write a keyword in lower case) and "did you mean"
 * replacements for an unknown name, member or type.
 */
import type { Diagnostic, TextRange } from "../../grammar/index.js";
import type { FileAnalysis } from "../analysis/host.js";

export interface QuickFix {
  readonly title: string;
  readonly diagnostic: Diagnostic;
  readonly edits: readonly { readonly range: TextRange; readonly text: string }[];
  /** The fix an editor may apply with one key. */
  readonly preferred: boolean;
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function quickFixes(analysis: FileAnalysis, range: TextRange): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (!overlaps(diagnostic.range, range)) continue;
    if (diagnostic.fix !== undefined) {
      const title = diagnostic.fix.text === ";" ? "Insert the missing ';'" : diagnostic.fix.text === "" ? "Remove it" : `Change to '${diagnostic.fix.text}'`;
      fixes.push({ title, diagnostic, edits: [diagnostic.fix], preferred: true });
    }
    (diagnostic.suggestions ?? []).forEach((suggestion, index) => {
      fixes.push({ title: `Change to '${suggestion}'`, diagnostic, edits: [{ range: diagnostic.range, text: suggestion }], preferred: index === 0 && diagnostic.suggestions?.length === 1 });
    });
  }
  return fixes;
}

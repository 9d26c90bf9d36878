/**
 * Quick fixes where the fix is certain: the safe fix a diagnostic carries
 * (insert a missing ';', write a keyword in lower case, remove an unused
 * suppression) and "did you mean" replacements for an unknown name, member
 * or type. A fix is titled as its producer describes it (a fix without a
 * description gets a generic title). And the suppression comments for a
 * diagnostic, on its line or in the whole file, as ESLint's editor
 * integrations offer them, written with the file's own line ending.
 */
import { type Diagnostic, type Fix, lineEndingOf, type TextRange } from "../../grammar/index.js";
import type { FileAnalysis } from "../analysis/host.js";
import { isSuppressible, SUPPRESSION_PREFIX } from "../lint/suppressions.js";

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

/** The fix's own description; one that has none gets a generic title naming the problem's code. */
/** A fix a diagnostic carries, titled as the fix says (the edit is its text change alone). */
function quickFix(diagnostic: Diagnostic, fix: Fix, preferred: boolean): QuickFix {
  return { title: fix.title, diagnostic, edits: [{ range: fix.range, text: fix.text }], preferred };
}

export function quickFixes(analysis: FileAnalysis, range: TextRange): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (!overlaps(diagnostic.range, range)) continue;
    if (diagnostic.fix !== undefined) fixes.push(quickFix(diagnostic, diagnostic.fix, true));
    if (diagnostic.suggestedFix !== undefined) fixes.push(quickFix(diagnostic, diagnostic.suggestedFix, false));
    (diagnostic.suggestions ?? []).forEach((suggestion, index) => {
      const preferred = index === 0 && diagnostic.suggestions?.length === 1;
      fixes.push({ title: `Change to '${suggestion}'`, diagnostic, edits: [{ range: diagnostic.range, text: suggestion }], preferred });
    });
  }
  return fixes;
}

const NEXT_LINE_DIRECTIVE = `// ${SUPPRESSION_PREFIX}disable-next-line `;

/**
 * "Suppress <code> on this line" and "in this file" for each suppressible
 * diagnostic in `range`. Not in templates, where a comment line above could
 * fall in the HTML text.
 */
export function suppressionActions(analysis: FileAnalysis, range: TextRange): QuickFix[] {
  const { sourceFile } = analysis;
  if (sourceFile.template !== undefined) return [];
  const lines = sourceFile.lineIndex;
  const text = sourceFile.text;
  const eol = lineEndingOf(text);
  const actions: QuickFix[] = [];
  const seen = new Set<string>();
  for (const diagnostic of analysis.diagnostics) {
    if (!overlaps(diagnostic.range, range) || !isSuppressible(diagnostic.code)) continue;
    const line = lines.position(diagnostic.range.start).line;
    const key = `${diagnostic.code}@${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const lineStart = lines.lineStarts[line] as number;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, lines.lineContentEnd(line)))?.[0] ?? "";
    // A directive already on the line above (without a reason) takes one more code.
    const above = line > 0 ? text.slice(lines.lineStarts[line - 1] as number, lines.lineContentEnd(line - 1)) : "";
    const onThisLine =
      above.trimStart().startsWith(NEXT_LINE_DIRECTIVE) && !above.includes(" -- ")
        ? { range: { start: lines.lineContentEnd(line - 1), end: lines.lineContentEnd(line - 1) }, text: `, ${diagnostic.code}` }
        : { range: { start: lineStart, end: lineStart }, text: `${indent}${NEXT_LINE_DIRECTIVE}${diagnostic.code}${eol}` };
    actions.push({ title: `Suppress '${diagnostic.code}' on this line`, diagnostic, edits: [onThisLine], preferred: false });
    actions.push({
      title: `Suppress '${diagnostic.code}' in this file`,
      diagnostic,
      edits: [{ range: { start: 0, end: 0 }, text: `/* ${SUPPRESSION_PREFIX}disable ${diagnostic.code} */${eol}` }],
      preferred: false,
    });
  }
  return actions;
}

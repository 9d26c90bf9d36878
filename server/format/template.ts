/**
 * Formatting EJScript templates without changing what they output: the
 * template text (HTML, JSON, parser variables) is never touched, and a
 * `<% … %>` block is formatted only when its code parses on its own into
 * complete statements; blocks that open or close a construct continued in
 * another block (`<% if (x) { %>`, `<% } %>`) are left as written. Code
 * white space is not output, so formatting such a block cannot change the
 * page.
 */
import { type LineIndex, parseSource, type SourceFile } from "../../grammar/index.js";
import type { FormatOptions } from "./options.js";
import { blockingDiagnostic, printFormatted } from "./format-code.js";

/** The white space at the start of the line that holds `offset`. */
function lineIndentation(lines: LineIndex, offset: number): string {
  return /^[ \t]*/.exec(lines.text.slice(lines.lineStartAt(offset), offset))?.[0] ?? "";
}

/** The code of one block formatted, as it goes between `<%` and `%>`; undefined to leave it. */
function formatBlock(lines: LineIndex, code: { start: number; end: number }, options: FormatOptions, eol: string): string | undefined {
  const written = lines.text.slice(code.start, code.end);
  const alone = parseSource(written);
  if (alone.tokens.count === 0 || alone.template !== undefined || blockingDiagnostic(alone) !== undefined) return undefined;
  const base = lineIndentation(lines, code.start - 2);
  const unit = options.useTabs ? "\t" : " ".repeat(options.indentWidth);
  const baseColumns = base.replace(/\t/g, " ".repeat(options.indentWidth)).length + options.indentWidth;
  const formatted = printFormatted(alone, { ...options, lineWidth: Math.max(20, options.lineWidth - baseColumns) });
  if (!/[\r\n]/.test(written) && !formatted.includes("\n")) return ` ${formatted} `;
  const indented = formatted.split("\n").map((inner) => (inner === "" ? "" : `${base}${unit}${inner}`));
  return `${eol}${indented.join(eol)}${eol}${base}`;
}

/** The template with each self-contained code block formatted and everything else as it was. */
export function formatTemplateBlocks(source: SourceFile, options: FormatOptions, eol: string): string {
  const text = source.text;
  const blocks = source.template?.codeBlocks ?? [];
  const parts: string[] = [];
  let copied = 0;
  for (const block of blocks) {
    const replacement = formatBlock(source.lineIndex, block.code, options, eol);
    if (replacement === undefined) continue;
    parts.push(text.slice(copied, block.code.start), replacement);
    copied = block.code.end;
  }
  parts.push(text.slice(copied));
  return parts.join("");
}

/**
 * Formats a whole CRMScript file: the public entry point of the formatter.
 *
 * A file with syntax errors is refused with the first error (formatting
 * guesses about broken code would move it around). An EJScript template
 * keeps its template text byte for byte; only `<% … %>` blocks that hold
 * complete statements are formatted (`template.ts`). Every result is
 * checked against the original (`verify.ts`): if the formatter would change
 * the program, the file is refused instead.
 */
import { type Diagnostic, parseSource } from "../../grammar/index.js";
import { blockingDiagnostic, describeBlocking, printFormatted } from "./format-code.js";
import { FormatBug } from "./print-program.js";
import { defaultFormatOptions, type FormatOptions, lineEndingFor } from "./options.js";
import { formatTemplateBlocks } from "./template.js";
import { changedProgram } from "./verify.js";

export type FormatResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | {
      readonly ok: false;
      /** Why the text is left as it is, in a sentence. */
      readonly reason: string;
      /** The syntax error that stopped it, when that was the reason. */
      readonly diagnostic?: Diagnostic;
    };

const BYTE_ORDER_MARK = "\uFEFF";

/** Formats `text`. Never throws: a text it cannot format comes back as a reason. */
export function formatText(text: string, overrides: Partial<FormatOptions> = {}): FormatResult {
  const options: FormatOptions = { ...defaultFormatOptions, ...overrides };
  const bom = text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : "";
  const body = bom === "" ? text : text.slice(1);
  const source = parseSource(body, { recordLineBreakReads: true });
  const blocking = blockingDiagnostic(source);
  if (blocking !== undefined) return { ok: false, reason: describeBlocking(source, blocking), diagnostic: blocking };
  const eol = lineEndingFor(body, options.endOfLine);
  let formatted: string;
  try {
    if (source.template !== undefined) {
      formatted = formatTemplateBlocks(source, options, eol);
    } else {
      const code = printFormatted(source, options);
      formatted = code === "" ? "" : `${code}\n`.replace(/\n/g, eol);
    }
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: "it is nested too deeply to format" };
    const detail = error instanceof FormatBug || error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the formatter failed on it (${detail}); please report it` };
  }
  if (formatted === body) return { ok: true, text, changed: false };
  const difference = changedProgram(source, formatted);
  if (difference !== undefined)
    return { ok: false, reason: `formatting would change the program (${difference}); the file is left as it is, please report it` };
  const result = bom + formatted;
  return { ok: true, text: result, changed: result !== text };
}

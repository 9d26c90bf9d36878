/**
 * The formatter's options (the `format` section of `.crmscriptrc.json`),
 * their defaults, and which line ending a file gets.
 */
import { lineEndingOf } from "../../grammar/index.js";

export type EndOfLine = "lf" | "crlf" | "auto";

export interface FormatOptions {
  /** Columns per indentation level (and per tab when measuring lines). */
  readonly indentWidth: number;
  /** The line width the formatter fits code into. */
  readonly lineWidth: number;
  /** Indent with tabs instead of spaces. */
  readonly useTabs: boolean;
  /** `auto` keeps the file's line ending (the first one it has; LF for a file without any). */
  readonly endOfLine: EndOfLine;
}

export const defaultFormatOptions: FormatOptions = Object.freeze({ indentWidth: 2, lineWidth: 80, useTabs: false, endOfLine: "auto" });

/** The line ending `options` ask for in `text`. */
export function lineEndingFor(text: string, endOfLine: EndOfLine): "\n" | "\r\n" | "\r" {
  if (endOfLine === "lf") return "\n";
  if (endOfLine === "crlf") return "\r\n";
  return lineEndingOf(text);
}

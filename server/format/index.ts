/**
 * The formatter's public API: whole files (`formatText`), a selection or
 * the statement just typed (`formatRange`, `formatOnType`), and the options.
 * It imports only the syntax layer.
 */
export { formatOnType, formatRange, type RangeFormatResult } from "./format-range.js";
export { type FormatResult, formatText } from "./format-text.js";
export { defaultFormatOptions, type EndOfLine, type FormatOptions, lineEndingFor } from "./options.js";
export { IGNORE_COMMENT, IGNORE_END_COMMENT, IGNORE_START_COMMENT } from "./print-program.js";

/**
 * Formatting part of a file: a selection (`formatRange`) or the statement
 * just completed by typing `;` or `}` (`formatOnType`).
 *
 * When the whole file parses cleanly, the file is formatted and only the
 * lines of the range are taken from the result: the formatter keeps every
 * token, so token `i` of the original is token `i` of the result and the
 * range maps across exactly. When the file has errors elsewhere, the
 * selected lines are formatted on their own if they parse cleanly on their
 * own. Either way the spliced text is checked to be the same program as
 * before (`verify.ts`); anything else is refused and nothing changes.
 */
import { LineIndex, parseSource, type ScannedText, scanText, type TextEdit, type TextRange, TokenKind } from "../../grammar/index.js";
import { blockingDiagnostic, describeBlocking, printFormatted } from "./format-code.js";
import { formatText } from "./format-text.js";
import { defaultFormatOptions, type FormatOptions, lineEndingFor } from "./options.js";
import { changedProgram } from "./verify.js";

export type RangeFormatResult = { readonly ok: true; readonly edits: readonly TextEdit[] } | { readonly ok: false; readonly reason: string };

/** `offset`, moved back to its line's start when only white space is before it there. */
function startOfLineIfFirst(lines: LineIndex, offset: number): number {
  const start = lines.lineStartAt(offset);
  return /^[ \t]*$/.test(lines.text.slice(start, offset)) ? start : offset;
}

/** The whole lines `range` touches, without the line break after the last (a range ending at a line's start leaves that line out). */
function wholeLines(lines: LineIndex, range: TextRange): TextRange {
  const start = lines.lineStartAt(range.start);
  if (range.end > start && lines.lineStartAt(range.end) === range.end) return { start, end: range.end };
  return { start, end: lines.lineContentEnd(lines.position(range.end).line) };
}

function edit(text: string, start: number, end: number, replacement: string): RangeFormatResult {
  if (text.slice(start, end) === replacement) return { ok: true, edits: [] };
  return { ok: true, edits: [{ range: { start, end }, text: replacement }] };
}

/** The first and last token inside the whole lines of `range`, or undefined when it holds none. */
function tokensInLines(scanned: ScannedText, range: TextRange): { first: number; last: number } | undefined {
  const { start: from, end: to } = wholeLines(new LineIndex(scanned.text), range);
  const tokens = scanned.tokens;
  const first = tokens.indexAtOrAfter(from);
  let last = first - 1;
  while (last + 1 < tokens.count && tokens.end(last + 1) <= to) last++;
  return last >= first ? { first, last } : undefined;
}

/** Formats the lines of `range` in a file that parses cleanly, taking them from the whole file formatted. */
function rangeOfFormattedFile(text: string, formatted: string, range: TextRange): RangeFormatResult {
  const before = parseSource(text, { recordLineBreakReads: true });
  const after = scanText(formatted);
  const span = tokensInLines(before, range);
  if (span === undefined) return { ok: true, edits: [] };
  const oldStart = startOfLineIfFirst(before.lineIndex, before.tokens.start(span.first));
  const oldEnd = before.tokens.end(span.last);
  const newStart = startOfLineIfFirst(new LineIndex(formatted), after.tokens.start(span.first));
  const newEnd = after.tokens.end(span.last);
  const replacement = formatted.slice(newStart, newEnd);
  if (changedProgram(before, text.slice(0, oldStart) + replacement + text.slice(oldEnd)) !== undefined) {
    return {
      ok: false,
      reason: "the selection cannot be formatted apart from the lines around it (a comment would move across its edge); format the whole file",
    };
  }
  return edit(text, oldStart, oldEnd, replacement);
}

/** Formats the whole lines of `range` on their own, for a file with errors elsewhere. */
function rangeOnItsOwn(text: string, range: TextRange, options: FormatOptions): RangeFormatResult {
  const { start: from, end: to } = wholeLines(new LineIndex(text), range);
  const lines = text.slice(from, to).replace(/(\r\n|\r|\n)$/, "");
  const end = from + lines.length;
  const alone = parseSource(lines, { recordLineBreakReads: true });
  if (alone.tokens.count === 0) return { ok: true, edits: [] };
  const blocking = blockingDiagnostic(alone);
  if (blocking !== undefined || alone.template !== undefined) {
    const why = blocking !== undefined ? describeBlocking(alone, blocking) : "it is part of a template";
    return { ok: false, reason: `the file has syntax errors, and the selection cannot be formatted on its own: ${why.replace(/^it /, "the selection ")}` };
  }
  const base = /^[ \t]*/.exec(lines)?.[0] ?? "";
  const baseColumns = base.replace(/\t/g, " ".repeat(options.indentWidth)).length;
  const formatted = printFormatted(alone, { ...options, lineWidth: Math.max(20, options.lineWidth - baseColumns) });
  const eol = lineEndingFor(text, options.endOfLine);
  const replacement = formatted
    .split("\n")
    .map((inner) => (inner === "" ? "" : base + inner))
    .join(eol);
  if (changedProgram(alone, replacement) !== undefined) return { ok: false, reason: "formatting the selection would change it; please report it" };
  return edit(text, from, end, replacement);
}

/** Formats the lines the range touches. Never throws. */
export function formatRange(text: string, range: TextRange, overrides: Partial<FormatOptions> = {}): RangeFormatResult {
  const options: FormatOptions = { ...defaultFormatOptions, ...overrides };
  try {
    const whole = formatText(text, options);
    if (whole.ok) return rangeOfFormattedFile(text, whole.text, range);
    if (parseSource(text).template !== undefined) return { ok: false, reason: `the template cannot be formatted: ${whole.reason}` };
    return rangeOnItsOwn(text, range, options);
  } catch (error) {
    return { ok: false, reason: `the formatter failed (${error instanceof Error ? error.message : String(error)}); please report it` };
  }
}

/**
 * After `;` or `}` is typed (`offset` is just after it): formats the
 * statement it ends, from the line where that statement starts. Inside a
 * `for (…;…)` header, or anywhere the statement cannot be found, nothing.
 */
export function formatOnType(text: string, offset: number, overrides: Partial<FormatOptions> = {}): RangeFormatResult {
  const scanned = scanText(text);
  const tokens = scanned.tokens;
  const typed = tokens.indexAtOrAfter(offset - 1);
  if (typed >= tokens.count || tokens.end(typed) !== offset) return { ok: true, edits: [] };
  const kind = tokens.typeIndex(typed);
  if (kind !== TokenKind.Semicolon && kind !== TokenKind.RBrace) return { ok: true, edits: [] };
  const start = statementStart(scanned, typed);
  if (start === undefined) return { ok: true, edits: [] };
  return formatRange(text, { start: tokens.start(start), end: offset }, overrides);
}

/** The first token of the statement that token `last` (a `;` or `}`) ends, or undefined inside parentheses. */
function statementStart(scanned: ScannedText, last: number): number | undefined {
  const tokens = scanned.tokens;
  let depth = 0;
  let index = last;
  // `};` ends a struct: the statement is the one the `}` closes.
  if (tokens.typeIndex(last) === TokenKind.Semicolon && last > 0 && tokens.typeIndex(last - 1) === TokenKind.RBrace) index = last - 1;
  if (tokens.typeIndex(index) === TokenKind.RBrace) {
    // Back to the matching `{`, then on to where the statement it belongs to starts.
    for (; index >= 0; index--) {
      const kind = tokens.typeIndex(index);
      if (kind === TokenKind.RBrace) depth++;
      else if (kind === TokenKind.LBrace && --depth === 0) break;
    }
    if (index < 0) return undefined;
  }
  depth = 0;
  for (index--; index >= 0; index--) {
    const kind = tokens.typeIndex(index);
    if (kind === TokenKind.RParen || kind === TokenKind.RBracket) depth++;
    else if (kind === TokenKind.LParen || kind === TokenKind.LBracket) {
      if (depth === 0) return undefined;
      depth--;
    } else if (depth === 0 && (kind === TokenKind.Semicolon || kind === TokenKind.LBrace || kind === TokenKind.RBrace || kind === TokenKind.TemplateText)) {
      break;
    }
  }
  // `} else {` and `} catch {` continue the statement before the `}`.
  const first = index + 1;
  const firstKind = tokens.typeIndex(first);
  if ((firstKind === TokenKind.Else || firstKind === TokenKind.Catch) && index >= 0) return statementStart(scanned, index);
  return first;
}

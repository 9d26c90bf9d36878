/**
 * Re-parsing after an edit (`reparseSource`): the text is scanned again
 * (cheap), but only the top-level statements around the change are parsed
 * again; the statements before them are reused as they are and those after
 * them are reused moved by the edit's length, with their diagnostics.
 *
 * The result must be exactly what `parseSource` gives for the new text. A
 * statement's parse depends on its own tokens, a few tokens after it (the
 * parser's lookahead), and the one-error-per-token rule at its first token;
 * so the window that is parsed again starts and ends at statement
 * boundaries clear of the change, the tokens after the window must be the
 * old ones moved, the window's parse must end exactly at an old boundary,
 * and no error may sit on a boundary. Whenever one of these does not hold,
 * or the file is a template, the whole text is parsed (`parseSource`).
 */
import type * as A from "./ast.js";
import * as N from "./ast-nodes.js";
import { compareDiagnostics, movedDiagnostic, type Diagnostic } from "./diagnostic.js";
import { parseTokenWindow } from "./parser.js";
import { rescan, scan } from "./scanner.js";
import { ParsedSourceFile, parseSource, unparsableReason, type SourceFile } from "./source-file.js";
import type { TokenBuffer } from "./token-buffer.js";
import { changedRange } from "./text.js";
import { TokenKind } from "./token-kind.js";

/** How many unchanged statements the re-parsed window keeps on each side of the change. */
const MARGIN_STATEMENTS = 1;
/**
 * Tokens a statement's parse may read past its first `;`, `{` or `}`
 * (lookahead at a declaration's name and the `(` after it, and the line
 * break before them).
 */
const LOOKAHEAD_PAST_TERMINATOR = 3;

/** The same result as `parseSource(text)`, reusing the parse of `previous` (an earlier version of the same file) where the edit allows. */
export function reparseSource(previous: SourceFile, text: string): SourceFile {
  if (text === previous.text) return previous;
  return (previous instanceof ParsedSourceFile ? reparsed(previous, text) : undefined) ?? parseSource(text);
}

function reparsed(previous: ParsedSourceFile, text: string): SourceFile | undefined {
  const oldParserDiagnostics = previous.parserDiagnostics;
  const oldStatements = previous.program.statements;
  if (oldParserDiagnostics === undefined || previous.template !== undefined || oldStatements.length === 0) return undefined;
  if (unparsableReason(text) !== undefined) return undefined;
  const oldText = previous.text;
  const change = changedRange(oldText, text);
  const delta = text.length - oldText.length;

  // The old statements the change touches, widened by the margin.
  let first = 0;
  while (first < oldStatements.length && (oldStatements[first] as A.Statement).end < change.start) first++;
  let afterLast = first;
  while (afterLast < oldStatements.length && (oldStatements[afterLast] as A.Statement).start <= change.oldEnd) afterLast++;
  first = Math.max(0, first - MARGIN_STATEMENTS);
  afterLast = Math.min(oldStatements.length, afterLast + MARGIN_STATEMENTS);

  const oldTokens = previous.tokens;
  const startOf = (index: number): number => (oldStatements[index] as A.Statement).start;
  // Widen to the front until the statements before the window cannot have read anything the change touched.
  while (first > 0 && !readsStayBefore(oldTokens, oldTokens.indexAtOrAfter(startOf(first)), change.start)) first--;
  const hasSuffix = afterLast < oldStatements.length;
  const windowStart = first === 0 ? 0 : startOf(first);
  const oldWindowEnd = hasSuffix ? startOf(afterLast) : oldText.length;
  const oldFrom = oldTokens.indexAtOrAfter(windowStart);
  const oldTo = oldTokens.indexAtOrAfter(oldWindowEnd);
  if (first > 0 && !boundaryIsClean(oldTokens, oldParserDiagnostics, oldFrom, (oldStatements[first - 1] as A.Statement).end)) return undefined;
  if (hasSuffix && !boundaryIsClean(oldTokens, oldParserDiagnostics, oldTo, (oldStatements[afterLast - 1] as A.Statement).end)) return undefined;

  const earlierScan = previous.scanned;
  const scanned = (earlierScan !== undefined ? rescan(earlierScan, text, change) : undefined) ?? scan(text);
  if (scanned.template !== undefined) return undefined;
  const tokens = scanned.tokens;
  const from = first === 0 ? 0 : tokens.indexAtOrAfter(windowStart);
  const to = hasSuffix ? tokens.indexAtOrAfter(oldWindowEnd + delta) : tokens.count;
  // A window that runs to the end of the file has no tokens after it to compare.
  if (hasSuffix && !sameTokensAfter(oldTokens, Math.max(0, oldTo - 1), tokens, Math.max(0, to - 1), delta)) return undefined;
  if (first > 0 && !sameToken(oldTokens, oldFrom, tokens, from, 0)) return undefined;

  const window = parseTokenWindow(tokens, { from, to });
  if (window.next !== to) return undefined;
  if (hasSuffix && window.diagnostics.some((diagnostic) => touchesBoundary(tokens, to, diagnostic))) return undefined;

  const suffix = hasSuffix ? oldParserDiagnostics.filter((diagnostic) => diagnostic.range.start >= oldWindowEnd) : [];
  // A message naming a line (the unclosed '{') would name another one after an edit that adds or removes lines.
  if (
    suffix.some((diagnostic) => diagnostic.code === "syntax-unclosed-brace") &&
    lineBreaks(oldText, change.start, change.oldEnd) !== lineBreaks(text, change.start, change.newEnd)
  ) {
    return undefined;
  }
  const parserDiagnostics = [
    ...oldParserDiagnostics.filter((diagnostic) => diagnostic.range.start < windowStart),
    ...window.diagnostics,
    ...(delta === 0 ? suffix : suffix.map((diagnostic) => movedDiagnostic(diagnostic, delta))),
  ];
  const statements = [
    ...oldStatements.slice(0, first),
    ...window.program.statements,
    ...(delta === 0 ? oldStatements.slice(afterLast) : movedStatements(oldStatements.slice(afterLast), delta)),
  ];
  const program: A.Program = new N.Program(0, text.length, statements);
  const diagnostics = [...scanned.diagnostics, ...parserDiagnostics].sort(compareDiagnostics);
  return new ParsedSourceFile(text, program, tokens, scanned.comments, undefined, diagnostics, parserDiagnostics, scanned.diagnostics);
}

function movedStatements(statements: readonly A.Statement[], delta: number): readonly A.Statement[] {
  moveBy = delta;
  return movedNodes(statements);
}

/**
 * Whether parsing up to token `index` reads only tokens that end before
 * `changeStart`: the lookahead from the statements before reaches through
 * the next statement's first `;`, `{` or `}` and a few tokens more.
 */
function readsStayBefore(tokens: TokenBuffer, index: number, changeStart: number): boolean {
  let last = index;
  while (last < tokens.count) {
    const kind = tokens.typeIndex(last);
    if (kind === TokenKind.Semicolon || kind === TokenKind.LBrace || kind === TokenKind.RBrace) break;
    last++;
  }
  last = Math.min(last + LOOKAHEAD_PAST_TERMINATOR, tokens.count - 1);
  // Ending right at the change is not enough: the changed text could join the token.
  return last < 0 || tokens.end(last) < changeStart;
}

/**
 * A statement boundary (at token `index`, the previous statement ending at
 * `previousEnd`) where nothing but white space and comments lies between the
 * statements, and no old diagnostic sits at it (an error there may have
 * silenced one of the next statement's).
 */
function boundaryIsClean(tokens: TokenBuffer, diagnostics: readonly Diagnostic[], index: number, previousEnd: number): boolean {
  if (index <= 0 || index >= tokens.count) return false;
  if (tokens.end(index - 1) !== previousEnd) return false;
  return !diagnostics.some((diagnostic) => touchesBoundary(tokens, index, diagnostic));
}

/** Whether a diagnostic starts between the end of token `index - 1` and the end of token `index`. */
function touchesBoundary(tokens: TokenBuffer, index: number, diagnostic: Diagnostic): boolean {
  const start = diagnostic.range.start;
  const before = index > 0 ? tokens.end(index - 1) : 0;
  const after = index < tokens.count ? tokens.end(index) : Number.POSITIVE_INFINITY;
  return start >= before && start <= after;
}

function sameToken(a: TokenBuffer, i: number, b: TokenBuffer, j: number, delta: number): boolean {
  return a.typeIndex(i) === b.typeIndex(j) && a.start(i) + delta === b.start(j) && a.end(i) + delta === b.end(j) && a.newLineBefore(i) === b.newLineBefore(j);
}

/** Whether the tokens from `i` in `a` are those from `j` in `b`, moved by `delta`. */
function sameTokensAfter(a: TokenBuffer, i: number, b: TokenBuffer, j: number, delta: number): boolean {
  if (a.count - i !== b.count - j) return false;
  for (let offset = 0; i + offset < a.count; offset++) if (!sameToken(a, i + offset, b, j + offset, delta)) return false;
  return true;
}

function lineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 10 || (code === 13 && text.charCodeAt(offset + 1) !== 10)) count++;
  }
  return count;
}

/** A copy of `node` and everything under it, every offset (`start`, `end`, `openParen`, `closeParen`) moved by `delta`. */
function movedNode<T extends object>(node: T): T {
  // A spread copy keeps the node's shape, so the fields are then only overwritten.
  const copy = { ...node } as Record<string, unknown>;
  for (const key in copy) {
    const value = copy[key];
    if (typeof value === "number") {
      if (key === "start" || key === "end" || key === "openParen" || key === "closeParen") copy[key] = value + moveBy;
    } else if (typeof value === "object" && value !== null) {
      copy[key] = Array.isArray(value) ? movedNodes(value) : movedNode(value);
    }
  }
  return copy as T;
}

function movedNodes<T extends object>(nodes: readonly T[]): readonly T[] {
  if (nodes.length === 0) return nodes;
  const copies = new Array<T>(nodes.length);
  for (let index = 0; index < nodes.length; index++) copies[index] = movedNode(nodes[index] as T);
  return copies;
}

/** How far `movedNode` moves offsets (set for one copy at a time, so the recursion carries no argument). */
let moveBy = 0;

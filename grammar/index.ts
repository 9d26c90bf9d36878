/**
 * The public API of the syntax layer: `parseSource(text)` turns CRMScript
 * text into a `SourceFile` (tokens, comments, AST, syntax diagnostics).
 * It never throws. This layer imports only Chevrotain.
 */
import type { Program } from "./ast.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.js";
import { parseTokens } from "./parser.js";
import { syntaxDiagnostic } from "./syntax-codes.js";
import { scan, type Comment, type TemplateLayout } from "./scanner.js";
import { LineIndex } from "./text.js";
import { TokenBuffer } from "./token-buffer.js";

/** Files longer than this many UTF-16 code units are reported, not parsed. */
export const MAX_SOURCE_LENGTH = 16 * 1024 * 1024;

/** How far into a file a NUL character makes it binary (as git decides: within the first 8,000 bytes). */
const BINARY_PROBE_LENGTH = 8000;

/** Why a text is not parsed at all: too large, or not text. */
function unparsableReason(text: string): Diagnostic | undefined {
  if (text.length > MAX_SOURCE_LENGTH) {
    return syntaxDiagnostic(
      "syntax-file-too-large",
      { start: 0, end: 0 },
      `the file has ${text.length} characters; files over ${MAX_SOURCE_LENGTH} characters are not analysed`,
    );
  }
  const nul = text.indexOf("\0");
  if (nul >= 0 && nul < BINARY_PROBE_LENGTH) {
    return syntaxDiagnostic(
      "syntax-not-text",
      { start: 0, end: 0 },
      "this is not a text file (it has NUL characters, as binary files and UTF-16 without a byte-order mark do), so it is not checked",
    );
  }
  return undefined;
}

/** A text's tokens, comments and template layout: what `scanText` gives without parsing. */
export interface ScannedText {
  readonly text: string;
  /** Code tokens in order (comments excluded; template text included as `TemplateText` tokens). */
  readonly tokens: TokenBuffer;
  readonly comments: readonly Comment[];
  /** Set when the file is an EJScript template (spec §2.3). */
  readonly template: TemplateLayout | undefined;
}

/** Scans a text without parsing it: enough for questions about tokens, cheaply. Never throws. */
export function scanText(text: string): ScannedText {
  const scanned = scan(unparsableReason(text) !== undefined ? "" : text);
  return { text, tokens: scanned.tokens, comments: scanned.comments, template: scanned.template };
}

export interface ParseOptions {
  /** Record which tokens' line breaks the parse depends on (`SourceFile.lineBreakReads`). */
  readonly recordLineBreakReads?: boolean;
}

export interface SourceFile extends ScannedText {
  readonly program: Program;
  /** Lexical and syntax diagnostics, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** Offset ↔ line/column conversion for this text. */
  readonly lineIndex: LineIndex;
  /** When asked for: 1 for each token whose line-break flag the parser read, so the tree may depend on it. */
  readonly lineBreakReads?: Uint8Array;
}

class ParsedSourceFile implements SourceFile {
  constructor(
    readonly text: string,
    readonly program: Program,
    readonly tokens: TokenBuffer,
    readonly comments: readonly Comment[],
    readonly template: TemplateLayout | undefined,
    readonly diagnostics: readonly Diagnostic[],
    /** The parser's, when it made one for a message. */
    private cachedLineIndex?: LineIndex,
    readonly lineBreakReads?: Uint8Array,
  ) {}

  get lineIndex(): LineIndex {
    this.cachedLineIndex ??= new LineIndex(this.text);
    return this.cachedLineIndex;
  }
}

/** Parses CRMScript source text. Never throws: problems become diagnostics. */
export function parseSource(text: string, options: ParseOptions = {}): SourceFile {
  const emptyProgram: Program = { kind: "Program", start: 0, end: text.length, statements: [] };
  const unparsable = unparsableReason(text);
  if (unparsable !== undefined) return new ParsedSourceFile(text, emptyProgram, new TokenBuffer(text), [], undefined, [unparsable]);
  const scanned = scan(text);
  const lineBreakReads = options.recordLineBreakReads === true ? scanned.tokens.recordLineBreakReads() : undefined;
  let program = emptyProgram;
  let lineIndex: LineIndex | undefined;
  const diagnostics = scanned.diagnostics;
  try {
    const parsed = parseTokens(scanned.tokens);
    program = parsed.program;
    lineIndex = parsed.lineIndex;
    for (const diagnostic of parsed.diagnostics) diagnostics.push(diagnostic);
  } catch (error) {
    diagnostics.push(
      syntaxDiagnostic(
        "syntax-internal-error",
        { start: 0, end: 0 },
        `the parser failed on this file (${error instanceof Error ? error.message : String(error)}); please report it`,
      ),
    );
  }
  diagnostics.sort(compareDiagnostics);
  return new ParsedSourceFile(text, program, scanned.tokens, scanned.comments, scanned.template, diagnostics, lineIndex, lineBreakReads);
}

export type * from "./ast.js";
export { binaryPrecedence, isStatement, rangeOf } from "./ast.js";
export type { Diagnostic, DiagnosticCodeInfo, Fix, RelatedLocation, Severity, TextEdit } from "./diagnostic.js";
export { compareDiagnostics } from "./diagnostic.js";
export type { Comment, TemplateLayout } from "./scanner.js";
export { TEMPLATE_END_MARKER, TEMPLATE_START_MARKER } from "./scanner.js";
export { TokenBuffer, type Token } from "./token-buffer.js";
export { syntaxCodes, type SyntaxCode } from "./syntax-codes.js";
export { LineIndex, lineEndingOf, rangeContains, type LineColumn, type TextRange } from "./text.js";
export { forEachChild, walk } from "./walk.js";
export { isKeywordType, keywordsByLowerCase } from "./tokens.js";
export { closerOf, isCloseBracket, isKeywordKind, isOpenBracket, openerOf, TokenKind, tokenKindAt, type TokenKindName } from "./token-kind.js";

/**
 * Parsing a whole text: `SourceFile` (tokens, comments, AST, syntax
 * diagnostics) and `parseSource`, which never throws; also `scanText` (the
 * tokens alone) and what makes a text unparsable (too large, binary).
 */
import type { Program } from "./ast.js";
import * as N from "./ast-nodes.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.js";
import { parseTokens } from "./parser.js";
import { syntaxDiagnostic } from "./syntax-codes.js";
import { rescan, scan, type Comment, type EarlierScan, type TemplateLayout } from "./scanner.js";
import { changedRange, LineIndex } from "./text.js";
import { TokenBuffer } from "./token-buffer.js";

/** Files longer than this many UTF-16 code units are reported, not parsed. */
export const MAX_SOURCE_LENGTH = 16 * 1024 * 1024;

/** How far into a file a NUL character makes it binary (as git decides: within the first 8,000 bytes). */
const BINARY_PROBE_LENGTH = 8000;

/** Why a text is not parsed at all: too large, or not text. */
export function unparsableReason(text: string): Diagnostic | undefined {
  if (text.length > MAX_SOURCE_LENGTH) {
    return syntaxDiagnostic(
      "syntax-file-too-large",
      { start: 0, end: 0 },
      `the file has ${text.length} characters; files over ${MAX_SOURCE_LENGTH} characters are not analysed`,
    );
  }
  // Searched backwards from the end of the probe, so a long text is not read to its end.
  if (text.lastIndexOf("\0", BINARY_PROBE_LENGTH - 1) >= 0) {
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

/** A parsed file; it also keeps the parser's own diagnostics apart, for `reparseSource`. */
export class ParsedSourceFile implements SourceFile {
  constructor(
    readonly text: string,
    readonly program: Program,
    readonly tokens: TokenBuffer,
    readonly comments: readonly Comment[],
    readonly template: TemplateLayout | undefined,
    readonly diagnostics: readonly Diagnostic[],
    /** The parser's diagnostics in the order it reported them; undefined when the text was not parsed. */
    readonly parserDiagnostics: readonly Diagnostic[] | undefined,
    /** The scanner's diagnostics; undefined when the text was not scanned. */
    readonly scannerDiagnostics: readonly Diagnostic[] | undefined,
    /** The parser's, when it made one for a message. */
    private cachedLineIndex?: LineIndex,
    readonly lineBreakReads?: Uint8Array,
  ) {}

  get lineIndex(): LineIndex {
    this.cachedLineIndex ??= new LineIndex(this.text);
    return this.cachedLineIndex;
  }

  /** What the scanner made of the text, for `rescan` after an edit; undefined when the text was not scanned. */
  get scanned(): EarlierScan | undefined {
    const diagnostics = this.scannerDiagnostics;
    return diagnostics === undefined ? undefined : { tokens: this.tokens, comments: this.comments, diagnostics, template: this.template };
  }
}

/** The scan of `text`, an edited version of `earlier`'s text, reusing the scan of `earlier` away from the change. Never throws. */
export function scanTextAfterEdit(earlier: SourceFile, text: string): ScannedText {
  const earlierScan = earlier instanceof ParsedSourceFile ? earlier.scanned : undefined;
  const scanned = earlierScan !== undefined && unparsableReason(text) === undefined ? rescan(earlierScan, text, changedRange(earlier.text, text)) : undefined;
  return scanned === undefined ? scanText(text) : { text, tokens: scanned.tokens, comments: scanned.comments, template: scanned.template };
}

/** Parses CRMScript source text. Never throws: problems become diagnostics. */
export function parseSource(text: string, options: ParseOptions = {}): SourceFile {
  const emptyProgram: Program = new N.Program(0, text.length, []);
  const unparsable = unparsableReason(text);
  if (unparsable !== undefined) return new ParsedSourceFile(text, emptyProgram, new TokenBuffer(text), [], undefined, [unparsable], undefined, undefined);
  const scanned = scan(text);
  const lineBreakReads = options.recordLineBreakReads === true ? scanned.tokens.recordLineBreakReads() : undefined;
  let program = emptyProgram;
  let lineIndex: LineIndex | undefined;
  let parserDiagnostics: Diagnostic[] | undefined;
  const diagnostics = [...scanned.diagnostics];
  try {
    const parsed = parseTokens(scanned.tokens);
    program = parsed.program;
    lineIndex = parsed.lineIndex;
    parserDiagnostics = parsed.diagnostics;
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
  return new ParsedSourceFile(
    text,
    program,
    scanned.tokens,
    scanned.comments,
    scanned.template,
    diagnostics,
    parserDiagnostics,
    scanned.diagnostics,
    lineIndex,
    lineBreakReads,
  );
}

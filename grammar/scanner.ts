/**
 * The hand-written scanner: CRMScript text → tokens, comments and lexical
 * diagnostics (spec §1, §2.3).
 *
 * It replaces Chevrotain's regex lexer for speed: one pass over the text with
 * a character-class table, tokens that carry offsets only (lines come from
 * `LineIndex` when needed). It never throws: every character ends up in a
 * token, a comment, template text, or an "unexpected character" diagnostic.
 *
 * EJScript templates are scanned in place: template text becomes
 * `TemplateText` tokens and only the `<% … %>` blocks are scanned as code, so
 * every token offset is an offset into the original file.
 */
import type { TokenType } from "chevrotain";
import { TokenBuffer } from "./token-buffer.js";
import { movedDiagnostic, type Diagnostic } from "./diagnostic.js";
import type { SyntaxCode } from "./syntax-codes.js";
import { syntaxDiagnostic } from "./syntax-codes.js";
import { withMovedRange, type TextChange, type TextRange } from "./text.js";
import * as T from "./tokens.js";

export interface Comment {
  readonly kind: "line" | "block";
  /** The whole comment including `//`, `/*` and `*\/`. */
  readonly range: TextRange;
}

/** Where the parts of an EJScript template are (spec §2.3). */
export interface TemplateLayout {
  readonly startMarkers: readonly TextRange[];
  readonly endMarkers: readonly TextRange[];
  /** Each `<% … %>` block: the whole block including the delimiters, and the code inside. */
  readonly codeBlocks: readonly { readonly range: TextRange; readonly code: TextRange }[];
}

/** A scan kept for `rescan` after the text is edited. */
export interface EarlierScan {
  readonly tokens: TokenBuffer;
  readonly comments: readonly Comment[];
  readonly diagnostics: readonly Diagnostic[];
  readonly template: TemplateLayout | undefined;
}

export interface ScanResult {
  /** The tokens, without comments. */
  readonly tokens: TokenBuffer;
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
  /** Present when the file is an EJScript template. */
  readonly template: TemplateLayout | undefined;
}

export const TEMPLATE_START_MARKER = "%EJSCRIPT_START%";
export const TEMPLATE_END_MARKER = "%EJSCRIPT_END%";

// Character classes, indexed by char code for the ASCII range.
const OTHER = 0;
const SPACE = 1;
const NEW_LINE = 2;
const IDENTIFIER_START = 3;
const DIGIT = 4;
const characterClass = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (char === " " || char === "\t" || char === "\v" || char === "\f") characterClass[code] = SPACE;
  else if (char === "\n" || char === "\r") characterClass[code] = NEW_LINE;
  else if (/[A-Za-z_]/.test(char)) characterClass[code] = IDENTIFIER_START;
  else if (/[0-9]/.test(char)) characterClass[code] = DIGIT;
}

function isAsciiIdentifierPart(code: number): boolean {
  return code < 128 && (characterClass[code] === IDENTIFIER_START || characterClass[code] === DIGIT);
}

const unicodeLetterOrDigit = /[\p{L}\p{N}]/u;
function isNonAsciiLetter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code > 127 && unicodeLetterOrDigit.test(String.fromCodePoint(text.codePointAt(index) as number));
}

/** The non-ASCII characters JavaScript counts as white space (`\s`), plus the zero-width space. */
function isUnicodeSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Single-character escapes of spec §1.5 (including `\r`, A4). */
const validEscapes = new Set(['"', "'", "\\", ";", "n", "t", "b", "r"]);

/** How many characters past a token's end the scanner may look at to decide the token (`1.` and a digit). */
const SCANNER_PEEK = 2;

/**
 * What the idle scanner holds between scans: never handed out, never written
 * to. The empty buffer also keeps `TokenBuffer`'s hidden class alive (see
 * `Scanner`).
 */
const idleTokens = new TokenBuffer("");
const idleComments: Comment[] = [];
const idleDiagnostics: Diagnostic[] = [];

/**
 * One scanner for the whole process (`sharedScanner`), reset for each text.
 *
 * Why not a new scanner per text: V8's optimized code for the scanning
 * methods embeds the hidden classes ("maps") of the objects it reads, and
 * holds them weakly. A map made for a per-scan object dies with the last such
 * object, so a full garbage collection between two parses (an editor
 * collects while idle) deoptimized every scanning method ("weak objects" in
 * `--trace-deopt`) and the next parses ran about twice as slow. The shared
 * scanner lives as long as the process, and so does the idle `TokenBuffer` it
 * holds, so the maps the hot path checks never die. Scanning calls no outside
 * code, so a scan never starts inside another.
 */
class Scanner {
  private text = "";
  private tokens: TokenBuffer = idleTokens;
  private comments: Comment[] = idleComments;
  private diagnostics: Diagnostic[] = idleDiagnostics;
  private newLineBefore = false;
  /** Start of a run of unexpected characters not yet reported, or -1. */
  private unexpectedRunStart = -1;
  private insideTemplate = false;
  /**
   * While re-scanning after an edit (`rescan`): the earlier scan, where the
   * unchanged tail starts in the new text, how far it moved, how far the
   * earlier tokens have been searched, and the earlier token met again (-1
   * until then).
   */
  private earlier: TokenBuffer = idleTokens;
  private tailStart = Number.POSITIVE_INFINITY;
  private delta = 0;
  private earlierCursor = 0;
  private checkedTokens = 0;
  private metEarlier = -1;

  /** Scans a whole text; afterwards the scanner holds nothing of it. */
  scan(text: string): ScanResult {
    this.begin(text, new TokenBuffer(text), [], []);
    try {
      const template = this.scanFile();
      return { tokens: this.tokens, comments: this.comments, diagnostics: this.diagnostics, template };
    } finally {
      this.end();
    }
  }

  /** Takes up a text to scan, with what a scan of it found so far, in the state at the start of code or after a token. */
  private begin(text: string, tokens: TokenBuffer, comments: Comment[], diagnostics: Diagnostic[]): void {
    this.text = text;
    this.tokens = tokens;
    this.comments = comments;
    this.diagnostics = diagnostics;
    this.newLineBefore = false;
    this.unexpectedRunStart = -1;
    this.insideTemplate = false;
  }

  /** Lets go of the text and of everything found in it (and of an earlier scan). */
  private end(): void {
    this.text = "";
    this.tokens = idleTokens;
    this.comments = idleComments;
    this.diagnostics = idleDiagnostics;
    this.earlier = idleTokens;
    this.tailStart = Number.POSITIVE_INFINITY;
  }

  /**
   * Scans `text`, an edited version of the text `earlier` came from, scanning
   * only from shortly before the change until a token after it is one of the
   * earlier scan's, moved; the earlier tokens, comments and diagnostics are
   * reused on both sides. The result equals `scan(text)` (the diagnostics in
   * another order). Undefined for templates, which are scanned whole.
   */
  rescan(earlier: EarlierScan, text: string, change: TextChange): ScanResult | undefined {
    if (earlier.template !== undefined || text.includes(TEMPLATE_START_MARKER)) return undefined;
    const earlierTokens = earlier.tokens;
    // Tokens kept: those whose end, and the characters the scanner peeked at after it, come before the change.
    const kept = earlierTokens.indexAtOrAfter(Math.max(0, change.start - SCANNER_PEEK));
    const restart = kept === 0 ? 0 : earlierTokens.end(kept - 1);
    const tokens = new TokenBuffer(text);
    tokens.pushPrefixOf(earlierTokens, kept);
    this.begin(
      text,
      tokens,
      earlier.comments.filter((comment) => comment.range.start < restart),
      earlier.diagnostics.filter((diagnostic) => diagnostic.range.start < restart),
    );
    this.earlier = earlierTokens;
    this.tailStart = change.newEnd;
    this.delta = change.newEnd - change.oldEnd;
    this.earlierCursor = kept;
    this.checkedTokens = kept;
    this.metEarlier = -1;
    try {
      this.scanCode(restart, text.length);
      if (this.metEarlier < 0) {
        this.flushUnexpected(text.length);
      } else {
        // From the token met again on, the text is the earlier one moved, and so is everything scanned from it.
        const tailFrom = earlierTokens.end(this.metEarlier);
        const delta = this.delta;
        this.tokens.pushMovedTail(earlierTokens, this.metEarlier + 1, delta);
        for (const comment of earlier.comments) if (comment.range.start >= tailFrom) this.comments.push(withMovedRange(comment, delta));
        for (const diagnostic of earlier.diagnostics) if (diagnostic.range.start >= tailFrom) this.diagnostics.push(movedDiagnostic(diagnostic, delta));
      }
      return { tokens: this.tokens, comments: this.comments, diagnostics: this.diagnostics, template: undefined };
    } finally {
      this.end();
    }
  }

  /**
   * Whether the token pushed last lies in the unchanged tail and is an
   * earlier token moved (same kind and extent). The scanner's state after a
   * token depends on nothing before it, and the text after it is the earlier
   * text moved, so from there on the earlier scan holds (the token itself,
   * with its line-break flag, is the new scan's).
   */
  private meetsEarlierScan(): boolean {
    const tokens = this.tokens;
    const last = tokens.count - 1;
    if (last < this.checkedTokens) return false;
    this.checkedTokens = last + 1;
    const start = tokens.start(last);
    if (start < this.tailStart) return false;
    const earlier = this.earlier;
    const earlierStart = start - this.delta;
    let cursor = this.earlierCursor;
    while (cursor < earlier.count && earlier.start(cursor) < earlierStart) cursor++;
    this.earlierCursor = cursor;
    if (cursor >= earlier.count || !tokens.sameAs(last, earlier, cursor, this.delta)) return false;
    this.metEarlier = cursor;
    return true;
  }

  report(code: SyntaxCode, start: number, end: number, message: string): void {
    this.diagnostics.push(syntaxDiagnostic(code, { start, end }, message));
  }

  private push(type: TokenType, start: number, end: number): void {
    this.flushUnexpected(start);
    this.tokens.push(type, start, end, this.newLineBefore);
    this.newLineBefore = false;
  }

  /** Pushes a token of `length` characters at `start` and returns the offset after it. */
  private pushAt(type: TokenType, start: number, length: number): number {
    this.push(type, start, start + length);
    return start + length;
  }

  private flushUnexpected(end: number): void {
    if (this.unexpectedRunStart < 0) return;
    const start = this.unexpectedRunStart;
    this.unexpectedRunStart = -1;
    const characters = this.text.slice(start, end).trimEnd();
    const shown = characters.length > 20 ? `${characters.slice(0, 20)}…` : characters;
    const what = characters.length === 1 ? `character '${shown}'` : `characters '${shown}'`;
    this.report("syntax-unexpected-character", start, start + characters.length, `unexpected ${what}: it is not part of CRMScript`);
  }

  private markUnexpected(index: number): void {
    if (this.unexpectedRunStart < 0) this.unexpectedRunStart = index;
  }

  /** Scans the whole text, as code or as a template. */
  private scanFile(): TemplateLayout | undefined {
    const text = this.text;
    const firstStart = text.indexOf(TEMPLATE_START_MARKER);
    if (firstStart < 0) {
      this.scanCode(0, text.length);
      this.flushUnexpected(text.length);
      return undefined;
    }
    return this.scanTemplate(firstStart);
  }

  /**
   * Template mode: text outside `%EJSCRIPT_START%`…`%EJSCRIPT_END%` and
   * between code blocks is output; `<%` … `%>` blocks inside are code,
   * split textually (a `%>` inside a string still ends the block, A21).
   */
  private scanTemplate(firstStart: number): TemplateLayout {
    const text = this.text;
    const startMarkers: TextRange[] = [];
    const endMarkers: TextRange[] = [];
    const codeBlocks: { range: TextRange; code: TextRange }[] = [];
    this.insideTemplate = true;
    let textStart = 0;
    let cursor = firstStart;
    while (cursor >= 0 && cursor < text.length) {
      startMarkers.push({ start: cursor, end: cursor + TEMPLATE_START_MARKER.length });
      cursor += TEMPLATE_START_MARKER.length;
      let sectionEnd = text.indexOf(TEMPLATE_END_MARKER, cursor);
      for (;;) {
        const open = text.indexOf("<%", cursor);
        if (open < 0 || (sectionEnd >= 0 && open > sectionEnd)) break;
        this.pushTemplateText(textStart, open);
        const codeStart = open + 2;
        const close = text.indexOf("%>", codeStart);
        let codeEnd: number;
        if (close < 0) {
          codeEnd = sectionEnd >= 0 ? sectionEnd : text.length;
          this.report("syntax-unclosed-template-block", open, codeStart, "the code block opened with '<%' is never closed with '%>'");
        } else {
          codeEnd = close;
        }
        this.newLineBefore = true;
        this.scanCode(codeStart, codeEnd);
        this.flushUnexpected(codeEnd);
        this.newLineBefore = true;
        const blockEnd = close < 0 ? codeEnd : close + 2;
        codeBlocks.push({ range: { start: open, end: blockEnd }, code: { start: codeStart, end: codeEnd } });
        textStart = blockEnd;
        cursor = blockEnd;
        if (sectionEnd >= 0 && sectionEnd < cursor) sectionEnd = text.indexOf(TEMPLATE_END_MARKER, cursor);
      }
      if (sectionEnd < 0) break;
      endMarkers.push({ start: sectionEnd, end: sectionEnd + TEMPLATE_END_MARKER.length });
      cursor = text.indexOf(TEMPLATE_START_MARKER, sectionEnd + TEMPLATE_END_MARKER.length);
    }
    this.pushTemplateText(textStart, text.length);
    return { startMarkers, endMarkers, codeBlocks };
  }

  private pushTemplateText(start: number, end: number): void {
    if (end <= start) return;
    this.newLineBefore = true;
    this.push(T.TemplateText, start, end);
    this.newLineBefore = true;
  }

  /** Scans code in `[start, limit)`. */
  private scanCode(start: number, limit: number): void {
    const text = this.text;
    let index = start;
    while (index < limit) {
      const code = text.charCodeAt(index);
      const kind = code < 128 ? characterClass[code] : OTHER;
      if (kind === SPACE) {
        index++;
        continue;
      }
      if (kind === NEW_LINE) {
        this.newLineBefore = true;
        index++;
        continue;
      }
      if (kind === IDENTIFIER_START) index = this.scanWord(index, limit);
      else if (kind === DIGIT) index = this.scanNumber(index, limit);
      else index = this.scanPunctuation(code, index, limit);
      // Only while re-scanning: stop once the tail of the earlier scan is met again.
      if (index >= this.tailStart && this.meetsEarlierScan()) return;
    }
  }

  private scanWord(start: number, limit: number): number {
    const text = this.text;
    let index = start + 1;
    let nonAscii = -1;
    for (; index < limit; index++) {
      const code = text.charCodeAt(index);
      if (isAsciiIdentifierPart(code)) continue;
      if (code > 127 && isNonAsciiLetter(text, index)) {
        if (nonAscii < 0) nonAscii = index;
        continue;
      }
      break;
    }
    if (nonAscii >= 0) {
      this.push(T.Identifier, start, index);
      this.report(
        "syntax-unexpected-character",
        nonAscii,
        nonAscii + 1,
        `'${text[nonAscii]}' cannot appear in a name: CRMScript names use only A-Z, a-z, 0-9 and '_'`,
      );
      return index;
    }
    this.push(keywordType(text, start, index) ?? T.Identifier, start, index);
    return index;
  }

  private scanNumber(start: number, limit: number): number {
    const text = this.text;
    let index = start;
    while (index < limit && characterClass[text.charCodeAt(index)] === DIGIT) index++;
    let type: TokenType = T.IntegerLiteral;
    const next = text.charCodeAt(index);
    if (next === 46 /* . */ && index + 1 < limit) {
      if (characterClass[text.charCodeAt(index + 1)] === DIGIT) {
        index += 2;
        while (index < limit && characterClass[text.charCodeAt(index)] === DIGIT) index++;
        type = T.FloatLiteral;
      } else {
        const shown = text.slice(start, index);
        this.report(
          "syntax-invalid-number",
          start,
          index + 1,
          `invalid number '${shown}.': a Float needs digits after the point (${shown}.0), and numbers have no methods`,
        );
        this.push(T.IntegerLiteral, start, index);
        return index;
      }
    } else if (next === 76 /* L */ && index < limit) {
      index++;
      type = T.LongLiteral;
    }
    if (index < limit && (isAsciiIdentifierPart(text.charCodeAt(index)) || (text.charCodeAt(index) > 127 && isNonAsciiLetter(text, index)))) {
      return this.scanInvalidNumber(start, index, limit);
    }
    this.push(type, start, index);
    return index;
  }

  /** A number glued to letters: `0x1F`, `1e5`, `12l`, `3.5f`. */
  private scanInvalidNumber(start: number, index: number, limit: number): number {
    const text = this.text;
    while (index < limit && (isAsciiIdentifierPart(text.charCodeAt(index)) || (text.charCodeAt(index) > 127 && isNonAsciiLetter(text, index)))) index++;
    const last = text.charCodeAt(index - 1);
    const sign = text.charCodeAt(index);
    if ((last === 101 || last === 69) && (sign === 43 || sign === 45) && characterClass[text.charCodeAt(index + 1)] === DIGIT && index + 1 < limit) {
      index += 1;
      while (index < limit && characterClass[text.charCodeAt(index)] === DIGIT) index++;
    }
    const literal = text.slice(start, index);
    this.push(T.InvalidNumberLiteral, start, index);
    this.report("syntax-invalid-number", start, index, `invalid numeric literal '${literal}'${invalidNumberHint(literal)}`);
    return index;
  }

  private scanString(quote: number, start: number, limit: number): number {
    const text = this.text;
    let index = start + 1;
    for (;;) {
      if (index >= limit) return this.unterminatedString(start, index, limit);
      const code = text.charCodeAt(index);
      if (code === quote) {
        index++;
        break;
      }
      if (code === 10 || code === 13) return this.unterminatedString(start, index, limit);
      if (code === 92 /* \ */) {
        const escaped = index + 1 < limit ? text[index + 1] : undefined;
        if (escaped === undefined || escaped === "\n" || escaped === "\r") {
          index++;
          continue;
        }
        if (!validEscapes.has(escaped)) {
          this.report(
            "syntax-invalid-escape",
            index,
            index + 2,
            `unknown escape sequence '\\${escaped}': it stands for '${escaped}'; the escapes are \\" \\' \\\\ \\; \\n \\t \\b \\r`,
          );
        }
        index += 2;
        continue;
      }
      index++;
    }
    this.push(T.StringLiteral, start, index);
    if (this.insideTemplate) {
      const marker = text.indexOf("<%", start);
      if (marker >= 0 && marker < index) {
        this.report(
          "syntax-template-marker-in-string",
          marker,
          marker + 2,
          "'<%' inside a string in a template code block: the template is split textually, so keep '<%' and '%>' out of strings",
        );
      }
    }
    return index;
  }

  private unterminatedString(start: number, end: number, limit: number): number {
    this.push(T.StringLiteral, start, end);
    const quote = this.text[start] as string;
    const endsBlock = this.insideTemplate && end === limit && this.text.startsWith("%>", limit);
    const reason = endsBlock
      ? "the '%>' ends the template code block even inside a string"
      : end >= limit
        ? "the file ends first"
        : "strings cannot span lines";
    this.report(
      "syntax-unterminated-string",
      start,
      end,
      `unterminated string literal: expected a closing ${quote} before ${end >= limit ? "the end" : "the end of the line"} (${reason})`,
    );
    return end;
  }

  private scanComment(start: number, limit: number): number {
    const text = this.text;
    if (text.charCodeAt(start + 1) === 47 /* / */) {
      let index = start + 2;
      while (index < limit) {
        const code = text.charCodeAt(index);
        if (code === 10 || code === 13) break;
        index++;
      }
      this.flushUnexpected(start);
      this.comments.push({ kind: "line", range: { start, end: index } });
      return index;
    }
    const close = text.indexOf("*/", start + 2);
    let end: number;
    if (close < 0 || close + 2 > limit) {
      end = limit;
      this.report("syntax-unterminated-comment", start, start + 2, "unterminated block comment: '/*' is never closed with '*/'");
    } else {
      end = close + 2;
    }
    this.flushUnexpected(start);
    this.comments.push({ kind: "block", range: { start, end } });
    for (let index = start; index < end; index++) {
      const code = text.charCodeAt(index);
      if (code === 10 || code === 13) {
        this.newLineBefore = true;
        break;
      }
    }
    return end;
  }

  private scanDirective(start: number, limit: number): number {
    const text = this.text;
    let index = start + 1;
    while (index < limit && isAsciiIdentifierPart(text.charCodeAt(index))) index++;
    if (index === start + 1) {
      this.markUnexpected(start);
      return start + 1;
    }
    const name = text.slice(start + 1, index).toLowerCase();
    if (name === "include") this.push(T.IncludeDirective, start, index);
    else if (name === "setlanguagelevel") this.push(T.LanguageLevelDirective, start, index);
    else {
      this.push(T.UnknownDirective, start, index);
      this.report(
        "syntax-unknown-directive",
        start,
        index,
        `unknown directive '${text.slice(start, index)}': CRMScript has only #include and #setLanguageLevel`,
      );
    }
    return index;
  }

  /** Operators, punctuation, strings, comments, directives and unexpected characters. */
  private scanPunctuation(code: number, index: number, limit: number): number {
    const text = this.text;
    const next = index + 1 < limit ? text.charCodeAt(index + 1) : -1;
    switch (code) {
      case 40:
        return this.pushAt(T.LParen, index, 1);
      case 41:
        return this.pushAt(T.RParen, index, 1);
      case 123:
        return this.pushAt(T.LBrace, index, 1);
      case 125:
        return this.pushAt(T.RBrace, index, 1);
      case 91:
        return this.pushAt(T.LBracket, index, 1);
      case 93:
        return this.pushAt(T.RBracket, index, 1);
      case 59:
        return this.pushAt(T.Semicolon, index, 1);
      case 44:
        return this.pushAt(T.Comma, index, 1);
      case 63:
        return this.pushAt(T.Question, index, 1);
      case 58:
        return this.pushAt(T.Colon, index, 1);
      case 46 /* . */:
        if (next >= 0 && characterClass[next] === DIGIT) return this.scanLeadingDotNumber(index, limit);
        return this.pushAt(T.Dot, index, 1);
      case 34: /* " */
      case 39 /* ' */:
        return this.scanString(code, index, limit);
      case 47 /* / */:
        if (next === 47 || next === 42) return this.scanComment(index, limit);
        return next === 61 ? this.pushAt(T.SlashAssign, index, 2) : this.pushAt(T.Slash, index, 1);
      case 43 /* + */:
        return next === 43 ? this.pushAt(T.PlusPlus, index, 2) : next === 61 ? this.pushAt(T.PlusAssign, index, 2) : this.pushAt(T.Plus, index, 1);
      case 45 /* - */:
        return next === 45 ? this.pushAt(T.MinusMinus, index, 2) : next === 61 ? this.pushAt(T.MinusAssign, index, 2) : this.pushAt(T.Minus, index, 1);
      case 42:
        return next === 61 ? this.pushAt(T.StarAssign, index, 2) : this.pushAt(T.Star, index, 1);
      case 37:
        return next === 61 ? this.pushAt(T.PercentAssign, index, 2) : this.pushAt(T.Percent, index, 1);
      case 61:
        return next === 61 ? this.pushAt(T.EqualEqual, index, 2) : this.pushAt(T.Assign, index, 1);
      case 33:
        return next === 61 ? this.pushAt(T.NotEqual, index, 2) : this.pushAt(T.Bang, index, 1);
      case 60:
        return next === 61 ? this.pushAt(T.LessEqual, index, 2) : this.pushAt(T.Less, index, 1);
      case 62:
        return next === 61 ? this.pushAt(T.GreaterEqual, index, 2) : this.pushAt(T.Greater, index, 1);
      case 38:
        return next === 38 ? this.pushAt(T.AndAnd, index, 2) : this.pushAt(T.Ampersand, index, 1);
      case 124:
        return next === 124 ? this.pushAt(T.OrOr, index, 2) : this.pushAt(T.Pipe, index, 1);
      case 35:
        return this.scanDirective(index, limit);
      default:
        if (isUnicodeSpace(code)) {
          if (code === 0x2028 || code === 0x2029) this.newLineBefore = true;
          return index + 1;
        }
        if (code > 127 && isNonAsciiLetter(text, index)) return this.scanWord(index, limit);
        this.markUnexpected(index);
        return code >= 0xd800 && code <= 0xdbff && index + 1 < limit ? index + 2 : index + 1;
    }
  }

  /** `.5`: not a CRMScript number; scanned as one token so the parser sees a literal. */
  private scanLeadingDotNumber(start: number, limit: number): number {
    const text = this.text;
    let index = start + 1;
    while (index < limit && characterClass[text.charCodeAt(index)] === DIGIT) index++;
    this.push(T.InvalidNumberLiteral, start, index);
    this.report(
      "syntax-invalid-number",
      start,
      index,
      `invalid numeric literal '${text.slice(start, index)}': a Float needs a digit before the point (0${text.slice(start, index)})`,
    );
    return index;
  }
}

function invalidNumberHint(literal: string): string {
  if (/^0[xX]/.test(literal)) return " (no hexadecimal literals in CRMScript; write the decimal value)";
  if (/^0[bB][01]/.test(literal)) return " (no binary literals in CRMScript; write the decimal value)";
  if (/^[0-9.]+[eE][+-]?[0-9]+$/.test(literal)) return " (no exponent notation in CRMScript; write the number out)";
  if (/^[0-9]+l$/.test(literal)) return " (a Long literal ends in an upper-case 'L')";
  return "";
}

/** Keywords grouped by length, for an allocation-free case-insensitive lookup. */
const keywordsByLength: { readonly word: string; readonly type: TokenType }[][] = [];
for (const [word, type] of T.keywordsByLowerCase) (keywordsByLength[word.length] ??= []).push({ word, type });

/** The keyword token type of `text[start, end)` in any letter case, or undefined for a plain name. */
function keywordType(text: string, start: number, end: number): TokenType | undefined {
  const candidates = keywordsByLength[end - start];
  if (candidates === undefined) return undefined;
  outer: for (const candidate of candidates) {
    const word = candidate.word;
    for (let index = 0; index < word.length; index++) {
      // ASCII letters only: OR-ing 0x20 lower-cases A-Z and leaves a-z unchanged.
      if ((text.charCodeAt(start + index) | 0x20) !== word.charCodeAt(index)) continue outer;
    }
    return candidate.type;
  }
  return undefined;
}

const sharedScanner = new Scanner();

/** Scans a whole file. Never throws. */
export function scan(text: string): ScanResult {
  return sharedScanner.scan(text);
}

/** Scans an edited text reusing the scan of its earlier version (`Scanner.rescan`); undefined for templates. Never throws. */
export function rescan(earlier: EarlierScan, text: string, change: TextChange): ScanResult | undefined {
  return sharedScanner.rescan(earlier, text, change);
}

/**
 * Reporting and error recovery for the parser, as `RecoveringParser`, the
 * base the grammar class extends (recovery consumes and skips tokens, so it
 * runs on the parser instance): one error per token and none right after an
 * unterminated string; errors held back until the whole file is parsed
 * (assignments used as values, `x++` used as a value, numbers out of range,
 * invalid assignment targets, dropped inside a bracket that was never
 * closed); expected `;`, `)` and `]`, with junk before a closer skipped on
 * its own line; the nesting limit; the `{` that is never closed; stray
 * tokens; and a recognition exception that escapes a statement.
 *
 * The grammar decides where these apply; this module only says what is
 * wrong and moves past it.
 */
import { EOF, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import type * as A from "./ast.js";
import * as N from "./ast-nodes.js";
import type { Diagnostic, Fix, RelatedLocation } from "./diagnostic.js";
import { isUnterminatedStringImage, outOfRangeMessage } from "./literals.js";
import { statementStartKinds, statementStartsOnNextLine } from "./lookahead.js";
import { describeToken } from "./messages.js";
import { syntaxCodes, syntaxDiagnostic, type SyntaxCode } from "./syntax-codes.js";
import { LineIndex, textRange as range, type TextRange } from "./text.js";
import { end, TokenBufferParser, tokenRange } from "./token-adapter.js";
import type { Token } from "./token-buffer.js";
import { isCloseBracket, isOpenBracket, TokenKind } from "./token-kind.js";
import * as T from "./tokens.js";

/** How deep statements and bracketed expressions may nest before the parser skips a construct. */
export const MAX_NESTING_DEPTH = 200;

/** An unterminated string (already reported by the scanner) explains any error right after it. */
function isUnterminatedString(token: IToken): boolean {
  return token.tokenTypeIdx === TokenKind.StringLiteral && isUnterminatedStringImage(token.image);
}

/** Where an error at `token` is shown: the token, or the end of the text for the end of the file. */
function errorRange(token: IToken, textLength: number): TextRange {
  return token.tokenType === EOF || !(token.startOffset >= 0) ? range(textLength, textLength) : tokenRange(token);
}

function strayMessage(token: Token): string {
  switch (token.tokenType) {
    case T.Else:
      return "unexpected 'else': there is no 'if' statement right before it (check for a stray ';' or '}')";
    case T.Catch:
      return "unexpected 'catch': it must follow the '}' of a try block";
    case T.RBrace:
      return "unexpected '}': there is no '{' open here";
    case T.Colon:
      return "unexpected ':': CRMScript has no labels or case clauses";
    default:
      return `unexpected ${describeToken(token)}: it cannot start a statement`;
  }
}

export abstract class RecoveringParser extends TokenBufferParser {
  /** Made the first time a message names a line, so every line break counts as the rest of the tools count it. */
  protected lines: LineIndex | undefined;
  private diagnostics: Diagnostic[] = [];
  /** Index of the token the last error was anchored at; one error per token, so no cascades. */
  private lastErrorAnchor = -2;
  /** How many statements and bracketed expressions enclose the current one (see `enterNesting`). */
  protected depth = 0;
  private depthReported = false;
  /** Assignments and `x++` parsed anywhere, and those standing as statements; compared at the end. */
  protected assignments: (A.AssignmentExpression | A.PostfixExpression)[] = [];
  protected statementExpressions = new Set<A.Expression>();
  private deferredErrors: Diagnostic[] = [];
  /** Brackets whose closer was missing: from the opener to where the closer was expected. */
  private unclosedGroups: TextRange[] = [];
  /** Integer and Long literals above the limit, unless a unary minus makes them fit. */
  protected largeLiterals = new Set<A.IntegerLiteral | A.LongLiteral>();

  /** Forgets everything reported for the previous file. */
  protected startReporting(): void {
    this.lines = undefined;
    this.diagnostics = [];
    this.lastErrorAnchor = -2;
    this.depth = 0;
    this.depthReported = false;
    this.assignments = [];
    this.deferredErrors = [];
    this.unclosedGroups = [];
    this.statementExpressions = new Set();
    this.largeLiterals = new Set();
  }

  /** The file's diagnostics: those reported while parsing, Chevrotain's own errors, then the errors held back. */
  protected finishReporting(errors: readonly IRecognitionException[]): Diagnostic[] {
    for (const error of errors) this.diagnostics.push(syntaxDiagnostic("syntax-error", errorRange(error.token, this.text.length), error.message));
    this.reportContextErrors();
    return this.diagnostics;
  }

  /** Lets go of the file's nodes, so the shared parser does not keep them alive. */
  protected endReporting(): void {
    this.statementExpressions = new Set();
  }

  // ------------------------------------------------------------ reporting

  /** Reports a diagnostic; errors only when none was reported at the same token yet (no cascades). */
  protected report(code: SyntaxCode, at: TextRange, message: string, related?: RelatedLocation[], fix?: Fix): void {
    const severity = syntaxCodes[code].severity;
    if (severity === "error") {
      const anchor = this.position + 1;
      if (anchor === this.lastErrorAnchor || (this.position >= 0 && isUnterminatedString(this.LA(0)))) return;
      this.lastErrorAnchor = anchor;
    }
    const diagnostic = syntaxDiagnostic(code, at, message, related);
    this.diagnostics.push(fix === undefined ? diagnostic : { ...diagnostic, fix });
  }

  /** Reports a diagnostic about a node, outside the one-error-per-token rule (the parser has moved past the node's tokens). */
  protected reportAlways(code: SyntaxCode, at: TextRange, message: string): void {
    this.diagnostics.push(syntaxDiagnostic(code, at, message));
  }

  /** Reports at the zero-width position right after the previous token (spec §14 D1). */
  protected reportAfterPrevious(code: SyntaxCode, message: string, related?: RelatedLocation[]): void {
    const at = this.previousEnd();
    this.report(code, range(at, at), message, related);
  }

  /** A missing `;`, reported right after the previous token with the fix that inserts it. */
  protected reportMissingSemicolon(message: string): void {
    const at = this.previousEnd();
    this.report("syntax-missing-semicolon", range(at, at), message, undefined, { range: range(at, at), text: ";", title: "Insert the missing ';'" });
  }

  /** The next token as a message names it ("';' on the next line"). */
  protected found(): string {
    const next = this.LA(1);
    return next.newLineBefore && next.tokenType !== EOF ? `${describeToken(next)} on the next line` : describeToken(next);
  }

  /** An assignment target error, held back until the end: it may be a consequence of an unclosed bracket. */
  protected reportInvalidTarget(target: A.Expression, message: string): void {
    this.deferredErrors.push(syntaxDiagnostic("syntax-invalid-assignment-target", range(target.start, target.end), message));
  }

  private insideUnclosedGroup(offset: number): boolean {
    return this.unclosedGroups.some((group) => group.start < offset && offset <= group.end);
  }

  /**
   * Errors that depend on where a construct stands, known once the whole file
   * is parsed. Those inside a bracket that was never closed are dropped: the
   * missing closer, already reported, is their cause (`a[0 = 1;`).
   */
  private reportContextErrors(): void {
    for (const diagnostic of this.deferredErrors) {
      if (!this.insideUnclosedGroup(diagnostic.range.start)) this.diagnostics.push(diagnostic);
    }
    for (const node of this.assignments) {
      if (this.statementExpressions.has(node)) continue;
      if (node.kind === "AssignmentExpression") {
        if (this.insideUnclosedGroup(node.start)) continue;
        this.diagnostics.push(
          syntaxDiagnostic(
            "syntax-assignment-in-expression",
            range(node.start, node.end),
            "assignment is a statement, not an expression, in CRMScript: assign on its own line first",
          ),
        );
      } else {
        this.diagnostics.push(
          syntaxDiagnostic(
            "syntax-increment-value",
            range(node.start, node.end),
            `the value of 'x${node.operator}' is used here; CRMScript documents '${node.operator}' only as a statement, so write it on its own line`,
          ),
        );
      }
    }
    for (const literal of this.largeLiterals) {
      this.diagnostics.push(syntaxDiagnostic("syntax-number-out-of-range", range(literal.start, literal.end), outOfRangeMessage(literal)));
    }
  }

  // ------------------------------------------------------------ expected tokens

  protected reportMissing(what: string, after: string, open?: IToken): void {
    const related = open === undefined ? undefined : [{ range: tokenRange(open), message: `the ${describeToken(open)} that needs closing` }];
    this.reportAfterPrevious("syntax-missing-token", `expected ${what} ${after}, found ${this.found()}`, related);
  }

  /** Consumes `;`, or reports it missing right after the previous token (spec §14 D1). */
  protected expectSemicolon(idx: number, after: string): void {
    // The grammar (as Chevrotain records it) requires the ';'; when it is missing, this reports it instead of failing.
    // Parsing, the ';' is taken without making its token object (nothing reads it).
    if (this.RECORDING_PHASE) this.consume(idx, T.Semicolon);
    else if (this.isNext(T.Semicolon)) this.consumeChecked();
    else this.reportMissingSemicolon(`expected ';' ${after}, found ${this.found()}`);
  }

  /**
   * Consumes a closing `)`/`]`, skipping junk before it on the same line, and
   * gives its offset; or reports it missing and gives undefined. `open` is
   * the index of the opening bracket's token.
   */
  protected expectCloser(idx: number, closer: TokenType, open: number, after: string): number | undefined {
    if (this.RECORDING_PHASE) {
      this.consume(idx, closer);
      return undefined;
    }
    this.skipJunkBefore(closer);
    if (this.isNext(closer)) return this.buffer.start(this.consumeChecked());
    this.reportMissing(closer.LABEL ?? closer.name, after, this.buffer.token(open));
    this.unclosedGroups.push(range(this.buffer.start(open), this.previousEnd()));
    return undefined;
  }

  /**
   * Before an expected closer: if junk stands between here and that closer on
   * the same line, reports the junk once and skips it.
   */
  private skipJunkBefore(closer: TokenType): void {
    if (this.isNext(closer)) return;
    if (statementStartsOnNextLine(this)) return;
    const closerKind = closer.tokenTypeIdx as number;
    let depth = 0;
    for (let k = 1; k <= 200; k++) {
      const token = this.LA(k);
      const kind = token.tokenTypeIdx;
      if (kind === TokenKind.EOF || (k > 1 && token.newLineBefore)) return;
      if (depth === 0) {
        if (kind === closerKind) {
          const first = this.LA(1);
          this.report(
            "syntax-unexpected-token",
            range(first.startOffset, end(this.LA(k - 1))),
            `unexpected ${describeToken(first)}: expected ${closer.LABEL ?? closer.name}`,
          );
          for (let skip = 1; skip < k; skip++) this.SKIP_TOKEN();
          return;
        }
        if (kind === TokenKind.Semicolon || kind === TokenKind.LBrace || kind === TokenKind.RBrace || isCloseBracket(kind)) return;
      }
      if (isOpenBracket(kind)) depth++;
      else if (isCloseBracket(kind) && --depth < 0) return;
    }
  }

  /** A `{` never closed: reported at the end of the file, or before the definition that shows it was left open (D2). */
  protected reportUnclosed(open: IToken, what: string): void {
    this.lines ??= new LineIndex(this.text);
    const line = `line ${this.lines.position(open.startOffset).line + 1}`;
    const related = [{ range: tokenRange(open), message: "the '{' that is not closed" }];
    if (this.isAtEnd()) {
      this.report(
        "syntax-unclosed-brace",
        range(this.text.length, this.text.length),
        `expected '}' before the end of the file to close the '{'${what} on ${line}`,
        related,
      );
    } else {
      this.reportAfterPrevious(
        "syntax-unclosed-brace",
        `expected '}' to close the '{'${what} on ${line} before this definition: functions and structs cannot be nested`,
        related,
      );
    }
  }

  /** A missing expression: reported right after the previous token, and the node that stands for it. */
  protected missingExpression(after: string): A.MissingExpression {
    const at = this.previousEnd();
    this.report("syntax-expected-expression", range(at, at), `expected an expression ${after}, found ${this.found()}`);
    return new N.MissingExpression(at, at);
  }

  // ------------------------------------------------------------ skipping

  /** Skips one token, or one whole bracketed group, without recursion. */
  protected skipBalanced(): void {
    let depth = 0;
    do {
      const kind = this.nextTypeIndex();
      if (kind === TokenKind.EOF) return;
      if (isOpenBracket(kind)) depth++;
      else if (isCloseBracket(kind)) depth--;
      this.SKIP_TOKEN();
    } while (depth > 0);
  }

  /** Skips to the closer of a bracketed group whose content nests too deeply. */
  protected skipNestedGroupContent(): void {
    while (!this.isNext(T.RParen) && !this.isNext(T.RBracket) && !this.isAtEnd() && !statementStartsOnNextLine(this)) this.skipBalanced();
  }

  /** Counts one more level of nesting; at the limit, reports it once (the caller then skips the construct and does not leave). */
  protected enterNesting(): boolean {
    if (this.depth < MAX_NESTING_DEPTH) {
      this.depth++;
      return true;
    }
    if (!this.depthReported) {
      this.depthReported = true;
      this.report(
        "syntax-nesting-too-deep",
        tokenRange(this.LA(1)),
        `blocks and parentheses nest more than ${MAX_NESTING_DEPTH} levels deep here; the parser skips this part`,
      );
    }
    return false;
  }

  /**
   * Tokens that cannot start a statement, from `first` (already consumed):
   * skipped on its line up to and including a `;`, and one diagnostic for
   * the run.
   */
  protected skipStrayTokens(first: Token): void {
    let last: IToken = first;
    if (first.tokenType !== T.Semicolon) {
      for (;;) {
        const next = this.LA(1);
        const kind = next.tokenTypeIdx;
        if (kind === TokenKind.EOF || kind === TokenKind.RBrace || next.newLineBefore) break;
        if (kind !== TokenKind.Semicolon && statementStartKinds[kind] === true) break;
        this.SKIP_TOKEN();
        last = next;
        if (kind === TokenKind.Semicolon) break;
      }
    }
    // The anchor is the first stray token, which is already consumed.
    if (this.lastErrorAnchor !== first.index && !isUnterminatedString(this.buffer.token(first.index - 1))) {
      this.lastErrorAnchor = first.index;
      this.diagnostics.push(syntaxDiagnostic("syntax-unexpected-token", range(first.startOffset, end(last)), strayMessage(first)));
    }
  }

  /**
   * A recognition exception that escaped a statement starting at token
   * `before + 1`: reported, and the parser resumes on the next line.
   */
  protected recoverFromException(error: Error & { readonly token: IToken }, before: number): void {
    this.report("syntax-error", errorRange(error.token, this.text.length), error.message);
    if (this.position === before) this.SKIP_TOKEN();
    while (!this.isAtEnd() && !this.LA(1).newLineBefore) this.SKIP_TOKEN();
  }
}

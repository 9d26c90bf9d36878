/**
 * Where the cursor is, for completion: after a `.` (members of the value
 * before it), inside `#include "…"` (script ids), on a directive, at the
 * start of a statement (keywords, snippets, types and values), where only a
 * type may stand (parameter lists, foreach headers), in an expression
 * (values), or nowhere code is written (comments, strings, template text,
 * the name of a new declaration). Decided from the current text's tokens,
 * so it works while the analysis is a keystroke behind.
 */
import { TokenKind, tokenKindAt, type Expression, type ScannedText, type TextRange, type TokenBuffer } from "../../../grammar/index.js";
import { toAnalysisOffset, type EditorState } from "../editor-state.js";
import { chainEndingAt, isInsideComment, isInsideTemplateText, tokenAt, tokenBefore } from "../locate.js";

export type CompletionContext =
  | { readonly kind: "none" }
  /**
   * Every other kind has `word`: the word the cursor is in (identifier
   * characters on both sides of it, the text of an include id, a directive),
   * which the chosen entry replaces.
   */
  /**
   * After `.`: `receiver` is the expression before the dot in the analysed
   * tree (undefined when the analysis does not contain it yet);
   * `receiverToken` is the last token before the dot in the current text.
   */
  | { readonly kind: "member"; readonly word: TextRange; readonly receiver: Expression | undefined; readonly receiverToken: number }
  | { readonly kind: "include"; readonly word: TextRange }
  | { readonly kind: "directive"; readonly word: TextRange }
  | { readonly kind: "statement"; readonly word: TextRange; readonly topLevel: boolean }
  | { readonly kind: "type"; readonly word: TextRange }
  | { readonly kind: "expression"; readonly word: TextRange };

const WORD_TOKENS: ReadonlySet<number> = new Set([
  TokenKind.Identifier,
  TokenKind.If,
  TokenKind.Else,
  TokenKind.While,
  TokenKind.For,
  TokenKind.Foreach,
  TokenKind.Break,
  TokenKind.Continue,
  TokenKind.Return,
  TokenKind.Try,
  TokenKind.Catch,
  TokenKind.Throw,
  TokenKind.Struct,
  TokenKind.True,
  TokenKind.False,
  TokenKind.This,
]);
const DIRECTIVES: ReadonlySet<number> = new Set([TokenKind.IncludeDirective, TokenKind.LanguageLevelDirective, TokenKind.UnknownDirective]);
const CONTROL_HEADERS: ReadonlySet<number> = new Set([TokenKind.If, TokenKind.While, TokenKind.For, TokenKind.Foreach]);
/** Tokens after which a new statement starts. */
const STATEMENT_ENDS: ReadonlySet<number> = new Set([
  TokenKind.Semicolon,
  TokenKind.LBrace,
  TokenKind.RBrace,
  TokenKind.TemplateText,
  TokenKind.Else,
  TokenKind.Try,
]);
/** Tokens after which an expression (not a statement) continues, even on a new line. */
const EXPRESSION_CONTINUES: ReadonlySet<number> = new Set([
  TokenKind.Assign,
  TokenKind.PlusAssign,
  TokenKind.MinusAssign,
  TokenKind.StarAssign,
  TokenKind.SlashAssign,
  TokenKind.PercentAssign,
  TokenKind.OrOr,
  TokenKind.AndAnd,
  TokenKind.EqualEqual,
  TokenKind.NotEqual,
  TokenKind.Less,
  TokenKind.LessEqual,
  TokenKind.Greater,
  TokenKind.GreaterEqual,
  TokenKind.Plus,
  TokenKind.Minus,
  TokenKind.Star,
  TokenKind.Slash,
  TokenKind.Percent,
  TokenKind.Bang,
  TokenKind.LParen,
  TokenKind.LBracket,
  TokenKind.Comma,
  TokenKind.Dot,
  TokenKind.Return,
  TokenKind.Throw,
  TokenKind.Question,
  TokenKind.Colon,
  TokenKind.Ampersand,
  TokenKind.Pipe,
]);

export function completionContext(state: EditorState, offset: number): CompletionContext {
  const current = state.current;
  const tokens = current.tokens;
  if (isInsideComment(current, offset) || isInsideTemplateText(current, offset)) return { kind: "none" };
  const at = tokenAt(current, offset);
  let wordStart = offset;
  let previous: number;
  if (at !== undefined) {
    const atKind = tokenKindAt(tokens, at);
    if (atKind === TokenKind.StringLiteral) return stringContext(current, at, offset);
    if (DIRECTIVES.has(atKind)) return { kind: "directive", word: { start: tokens.start(at), end: tokens.end(at) } };
    if (WORD_TOKENS.has(atKind)) {
      wordStart = tokens.start(at);
      previous = at - 1;
    } else if (tokens.end(at) === offset) {
      previous = at;
    } else {
      return { kind: "none" };
    }
  } else {
    previous = tokenBefore(current, offset);
  }
  if (tokenKindAt(tokens, previous) === TokenKind.LanguageLevelDirective) return { kind: "none" };
  const word = { start: wordStart, end: wordEnd(current.text, offset) };
  const previousKind = tokenKindAt(tokens, previous);
  if (previousKind === TokenKind.Dot) return memberContext(state, previous, word);
  if (isStatementStart(tokens, previous, wordStart, current)) return { kind: "statement", word, topLevel: braceDepth(tokens, previous) === 0 };
  if (isTypePosition(tokens, previous)) return { kind: "type", word };
  // `Integer na|`: the name of a new declaration is the author's to choose.
  if (previousKind === TokenKind.Identifier || previousKind === TokenKind.RBracket || previousKind === TokenKind.RParen) return { kind: "none" };
  return { kind: "expression", word };
}

/** Where the identifier characters after `offset` end. */
function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end] as string)) end++;
  return end;
}

function stringContext(current: ScannedText, index: number, offset: number): CompletionContext {
  const tokens = current.tokens;
  const start = tokens.start(index);
  const end = tokens.end(index);
  const image = current.text.slice(start, end);
  const closed = image.length >= 2 && image.endsWith(image[0] as string);
  if (offset <= start || (closed && offset >= end)) return { kind: "none" };
  if (tokenKindAt(tokens, index - 1) !== TokenKind.IncludeDirective) return { kind: "none" };
  return { kind: "include", word: { start: start + 1, end: closed ? end - 1 : end } };
}

function memberContext(state: EditorState, dot: number, word: TextRange): CompletionContext {
  const tokens = state.current.tokens;
  const receiverEnd = dot > 0 ? tokens.end(dot - 1) : 0;
  const receiver = receiverEnd > state.stablePrefix ? undefined : chainEndingAt(state.analysis.sourceFile.program, toAnalysisOffset(state, receiverEnd));
  return { kind: "member", word, receiver, receiverToken: dot - 1 };
}

/** Whether the word at `wordStart` begins a statement. */
function isStatementStart(tokens: TokenBuffer, previous: number, wordStart: number, current: ScannedText): boolean {
  if (previous < 0) return true;
  const previousKind = tokenKindAt(tokens, previous);
  if (STATEMENT_ENDS.has(previousKind)) return true;
  if (previousKind === TokenKind.RParen) {
    const open = matchingOpen(tokens, previous);
    if (open >= 0 && CONTROL_HEADERS.has(tokenKindAt(tokens, open - 1))) return true;
  }
  // A word on a new line after a complete-looking line starts a statement (the ';' may still be missing).
  const newLine = current.text.slice(tokens.end(previous), wordStart).includes("\n");
  return newLine && !EXPRESSION_CONTINUES.has(previousKind);
}

/** `(` or `,` of a function's parameter list, or the `(` of a foreach header. */
function isTypePosition(tokens: TokenBuffer, previous: number): boolean {
  const previousKind = tokenKindAt(tokens, previous);
  if (previousKind !== TokenKind.LParen && previousKind !== TokenKind.Comma) return false;
  const open = previousKind === TokenKind.LParen ? previous : enclosingOpen(tokens, previous);
  if (open < 0) return false;
  if (tokenKindAt(tokens, open - 1) === TokenKind.Foreach) return previousKind === TokenKind.LParen;
  // `Type name (` at the start of a statement: a function definition's parameters.
  const nameKind = tokenKindAt(tokens, open - 1);
  const typeKind = tokenKindAt(tokens, open - 2);
  return (
    nameKind === TokenKind.Identifier &&
    (typeKind === TokenKind.Identifier || typeKind === TokenKind.RBracket) &&
    (open - 3 < 0 || STATEMENT_ENDS.has(tokenKindAt(tokens, open - 3)) || tokenKindAt(tokens, open - 3) === TokenKind.LBracket)
  );
}

function matchingOpen(tokens: TokenBuffer, close: number): number {
  let depth = 0;
  for (let index = close; index >= 0; index--) {
    const current = tokenKindAt(tokens, index);
    if (current === TokenKind.RParen) depth++;
    else if (current === TokenKind.LParen && --depth === 0) return index;
  }
  return -1;
}

/** The `(` that encloses the token at `index`, or -1. */
function enclosingOpen(tokens: TokenBuffer, index: number): number {
  let depth = 0;
  for (let at = index; at >= 0; at--) {
    const current = tokenKindAt(tokens, at);
    if (current === TokenKind.RParen) depth++;
    else if (current === TokenKind.LParen) {
      if (depth === 0) return at;
      depth--;
    } else if (current === TokenKind.Semicolon || current === TokenKind.LBrace || current === TokenKind.RBrace) return -1;
  }
  return -1;
}

/** How many `{` are open before the token after `previous` (0 at the top level of the script). */
function braceDepth(tokens: TokenBuffer, previous: number): number {
  let depth = 0;
  for (let index = 0; index <= previous; index++) {
    const current = tokenKindAt(tokens, index);
    if (current === TokenKind.LBrace) depth++;
    else if (current === TokenKind.RBrace && depth > 0) depth--;
  }
  return depth;
}

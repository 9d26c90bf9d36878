/**
 * The type of a postfix chain in the current text (`agent`,
 * `agent.GetContact(1)`, `rows[i].GetName()`, `this.items`) for code typed
 * after the newest analysis: the tokens only say where the chain starts;
 * its text is typed by the checker's own expression typing, among the names
 * the analysis says are visible there (`SemanticModel.typeOfExpressionText`).
 * Used when the analysed tree does not contain the receiver of a `.` yet.
 */
import { openerOf, TokenKind, tokenKindAt, isCloseBracket, isOpenBracket, type TokenBuffer } from "../../grammar/index.js";
import type { Type } from "../semantics/index.js";
import { toAnalysisOffset, type EditorState } from "./editor-state.js";

/** The index of the bracket that opens the group closed at `close`, or undefined when it is not balanced before a statement boundary. */
function openingBracket(tokens: TokenBuffer, close: number): number | undefined {
  const opener = openerOf(tokenKindAt(tokens, close));
  let depth = 0;
  for (let index = close; index >= 0; index--) {
    const kind = tokenKindAt(tokens, index);
    if (isCloseBracket(kind)) depth++;
    else if (isOpenBracket(kind)) {
      depth--;
      if (depth === 0) return kind === opener ? index : undefined;
    } else if (kind === TokenKind.Semicolon || kind === TokenKind.LBrace || kind === TokenKind.RBrace) return undefined;
  }
  return undefined;
}

/** The first token of the chain that ends with the token at `last` (names, `this`, a string, calls, indexing, joined by dots). */
function chainStart(tokens: TokenBuffer, last: number): number | undefined {
  let index = last;
  for (;;) {
    let first: number;
    const kind = tokenKindAt(tokens, index);
    if (kind === TokenKind.RParen) {
      const open = openingBracket(tokens, index);
      if (open === undefined || tokenKindAt(tokens, open - 1) !== TokenKind.Identifier) return undefined;
      first = open - 1;
    } else if (kind === TokenKind.RBracket) {
      const open = openingBracket(tokens, index);
      if (open === undefined) return undefined;
      index = open - 1;
      continue;
    } else if (kind === TokenKind.Identifier || kind === TokenKind.This || kind === TokenKind.StringLiteral) {
      first = index;
    } else {
      return undefined;
    }
    if (tokenKindAt(tokens, first - 1) !== TokenKind.Dot) return first;
    index = first - 2;
  }
}

/** The type of the chain ending at token `last` of the current text, or undefined when it cannot be typed. */
export function chainTypeFromTokens(state: EditorState, last: number): Type | undefined {
  const tokens = state.current.tokens;
  const first = chainStart(tokens, last);
  if (first === undefined) return undefined;
  const start = tokens.start(first);
  return state.analysis.model.typeOfExpressionText(state.current.text.slice(start, tokens.end(last)), toAnalysisOffset(state, start));
}

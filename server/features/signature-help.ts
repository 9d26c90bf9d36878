/**
 * Signature help inside a call's parentheses: every overload of the
 * function, method or constructor being called, the one the arguments so
 * far select, and the parameter the cursor is in. The call is found in the
 * current text's tokens (it may have been typed a moment ago); what the
 * callee means comes from the analysis.
 */
import { TokenKind, tokenKindAt, type TokenBuffer } from "../../grammar/index.js";
import type { AnalysisHost } from "../analysis/host.js";
import { chooseOverloadForPrefix, signatureLabel, type Signature, type Type } from "../semantics/index.js";
import { chainTypeFromTokens } from "./chain-type.js";
import { docCommentAbove } from "./doc-comments.js";
import { isFresh, toAnalysisOffset, type EditorState } from "./editor-state.js";
import { chainEndingAt, isInsideComment, tokenBefore } from "./locate.js";
import { catalogDetails } from "./render.js";

export interface SignatureInformation {
  readonly label: string;
  /** Each parameter's `[start, end)` in the label. */
  readonly parameters: readonly (readonly [number, number])[];
  readonly documentation: string | undefined;
}

export interface SignatureHelpResult {
  readonly signatures: readonly SignatureInformation[];
  readonly activeSignature: number;
  readonly activeParameter: number;
}

/** The innermost `(` still open at `offset` and the number of commas after it at its depth. */
function openCall(tokens: TokenBuffer, from: number): { open: number; commas: number } | undefined {
  let depth = 0;
  let commas = 0;
  for (let index = from; index >= 0; index--) {
    const current = tokenKindAt(tokens, index);
    if (current === TokenKind.RParen || current === TokenKind.RBracket) depth++;
    else if (current === TokenKind.LBracket) depth = Math.max(0, depth - 1);
    else if (current === TokenKind.LParen) {
      if (depth === 0) return { open: index, commas };
      depth--;
    } else if (current === TokenKind.Comma && depth === 0) commas++;
    else if (current === TokenKind.Semicolon || current === TokenKind.LBrace || current === TokenKind.RBrace) return undefined;
  }
  return undefined;
}

export function signatureHelp(host: AnalysisHost, state: EditorState, offset: number): SignatureHelpResult | undefined {
  const tokens = state.current.tokens;
  if (isInsideComment(state.current, offset)) return undefined;
  const call = openCall(tokens, tokenBefore(state.current, offset));
  if (call === undefined || tokenKindAt(tokens, call.open - 1) !== TokenKind.Identifier) return undefined;
  const nameIndex = call.open - 1;
  const name = tokens.image(nameIndex);
  const signatures =
    tokenKindAt(tokens, nameIndex - 1) === TokenKind.Dot ? methodSignatures(host, state, nameIndex - 2, name) : functionSignatures(state, offset, name);
  if (signatures === undefined || signatures.length === 0) return undefined;
  const argumentIndex = call.commas;
  return {
    signatures: signatures.map((signature) => information(host, signature)),
    activeSignature: activeSignature(state, offset, signatures, argumentIndex),
    activeParameter: argumentIndex,
  };
}

function methodSignatures(host: AnalysisHost, state: EditorState, beforeDot: number, name: string): readonly Signature[] | undefined {
  if (beforeDot < 0) return undefined;
  const receiverEnd = state.current.tokens.end(beforeDot);
  const receiver = receiverEnd > state.stablePrefix ? undefined : chainEndingAt(state.analysis.sourceFile.program, toAnalysisOffset(state, receiverEnd));
  const type = (receiver === undefined ? undefined : state.analysis.model.typeOf(receiver)) ?? chainTypeFromTokens(state, beforeDot);
  if (type === undefined || type.kind === "unknown") return undefined;
  return host.environment.members.membersOf(type).methods.get(name)?.signatures;
}

function functionSignatures(state: EditorState, offset: number, name: string): readonly Signature[] {
  return state.analysis.model.callSignaturesAt(toAnalysisOffset(state, offset), name);
}

/**
 * The overload resolution chose, when the analysis is current; otherwise the
 * first overload with a parameter at the cursor whose earlier parameters
 * accept the arguments already typed.
 */
function activeSignature(state: EditorState, offset: number, signatures: readonly Signature[], argumentIndex: number): number {
  let argumentTypes: readonly (Type | undefined)[] = [];
  if (isFresh(state)) {
    const call = state.analysis.model.callAt(offset);
    if (call !== undefined) {
      const chosen = call.chosen === undefined ? -1 : signatures.indexOf(call.chosen);
      if (chosen >= 0 && call.chosen !== undefined && call.chosen.parameters.length > argumentIndex) return chosen;
      argumentTypes = call.call.arguments.slice(0, argumentIndex).map((argument) => state.analysis.model.typeOf(argument));
    }
  }
  return chooseOverloadForPrefix(signatures, argumentTypes, argumentIndex);
}

function information(host: AnalysisHost, signature: Signature): SignatureInformation {
  return { ...signatureLabel(signature), documentation: documentation(host, signature) };
}

function documentation(host: AnalysisHost, signature: Signature): string | undefined {
  const origin = signature.origin;
  if (origin.kind === "catalog") return catalogDetails(host.environment.catalog, origin.overload);
  if (origin.kind === "user") {
    const declaring = host.analyzeFile(origin.symbol.location.file);
    const doc = declaring === undefined ? "" : docCommentAbove(declaring.sourceFile, origin.symbol.node.start);
    return doc === "" ? undefined : doc;
  }
  return undefined;
}

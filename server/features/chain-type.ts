/**
 * The type of a postfix chain read from tokens (`agent`, `agent.GetContact(1)`,
 * `rows[i].GetName()`, `this.items`), for code typed after the newest
 * analysis: the chain is split into its parts in the current text, the
 * first part is looked up among the names the analysis says are visible
 * there, and each further part is a member of the type so far (a call picks
 * the overload by its number of arguments). Used when the analysed tree
 * does not contain the receiver of a `.` yet.
 */
import { nodePath } from "./locate.js";
import { toAnalysisOffset, type EditorState } from "./editor-state.js";
import type { TokenBuffer } from "../../grammar/index.js";
import type { AnalysisHost } from "../analysis/host.js";
import type { Signature, Type } from "../semantics/index.js";

type Part =
  | { readonly kind: "name"; readonly name: string; readonly start: number }
  | { readonly kind: "call"; readonly name: string; readonly start: number; readonly arguments: number }
  | { readonly kind: "index" }
  | { readonly kind: "this"; readonly start: number }
  | { readonly kind: "string" };

function kind(tokens: TokenBuffer, index: number): string {
  return index >= 0 && index < tokens.count ? tokens.type(index).name : "";
}

/** The bracket that opens the group closed at `close`, and how many arguments the group holds. */
function openerOf(tokens: TokenBuffer, close: number): { open: number; arguments: number } | undefined {
  const closer = kind(tokens, close);
  const opener = closer === "RParen" ? "LParen" : "LBracket";
  let depth = 0;
  let commas = 0;
  for (let index = close; index >= 0; index--) {
    const current = kind(tokens, index);
    if (current === "RParen" || current === "RBracket") depth++;
    else if (current === "LParen" || current === "LBracket") {
      depth--;
      if (depth === 0) {
        if (current !== opener) return undefined;
        return { open: index, arguments: index + 1 === close ? 0 : commas + 1 };
      }
    } else if (current === "Comma" && depth === 1) commas++;
    else if (current === "Semicolon" || current === "LBrace" || current === "RBrace") return undefined;
  }
  return undefined;
}

/** The parts of the chain that ends with the token at `last`, first part first. */
function chainParts(tokens: TokenBuffer, last: number): Part[] | undefined {
  const parts: Part[] = [];
  let index = last;
  for (;;) {
    const current = kind(tokens, index);
    if (current === "RParen") {
      const group = openerOf(tokens, index);
      if (group === undefined || kind(tokens, group.open - 1) !== "Identifier") return undefined;
      parts.push({ kind: "call", name: tokens.image(group.open - 1), start: tokens.start(group.open - 1), arguments: group.arguments });
      index = group.open - 2;
    } else if (current === "RBracket") {
      const group = openerOf(tokens, index);
      if (group === undefined) return undefined;
      parts.push({ kind: "index" });
      index = group.open - 1;
      continue;
    } else if (current === "Identifier") {
      parts.push({ kind: "name", name: tokens.image(index), start: tokens.start(index) });
      index--;
    } else if (current === "This") {
      parts.push({ kind: "this", start: tokens.start(index) });
      index--;
    } else if (current === "StringLiteral") {
      parts.push({ kind: "string" });
      index--;
    } else {
      return undefined;
    }
    if (kind(tokens, index) !== "Dot") break;
    index--;
  }
  parts.reverse();
  return parts[0]?.kind === "index" ? undefined : parts;
}

function byArity(signatures: readonly Signature[], count: number): Type | undefined {
  return (signatures.find((signature) => signature.parameters.length === count) ?? signatures[0])?.returnType;
}

/** The type of the chain ending at token `last` of the current text, from names the analysis knows. */
export function chainTypeFromTokens(host: AnalysisHost, state: EditorState, last: number): Type | undefined {
  const parts = chainParts(state.current.tokens, last);
  const first = parts?.[0];
  if (parts === undefined || first === undefined) return undefined;
  const members = host.environment.members;
  const types = host.environment.types;
  let type: Type | undefined;
  switch (first.kind) {
    case "string":
      type = types.builtin("String");
      break;
    case "this":
      type = enclosingStruct(state, first.start);
      break;
    case "name": {
      const visible = state.analysis.model.visibleAt(toAnalysisOffset(state, first.start));
      const variable = visible.find((symbol) => symbol.kind === "variable" && symbol.name === first.name);
      type = variable?.kind === "variable" ? variable.type : undefined;
      break;
    }
    case "call": {
      const visible = state.analysis.model.visibleAt(toAnalysisOffset(state, first.start));
      const user = visible.flatMap((symbol) => (symbol.kind === "function" && symbol.name === first.name ? [members.userSignature(symbol)] : []));
      const catalog = host.environment.catalog.globalFunction(first.name)?.overloads.map((overload) => members.catalogSignature(overload)) ?? [];
      // A function (user or catalog) of that name, else a constructor call such as `Map()`.
      type = byArity([...user, ...catalog], first.arguments) ?? types.classType(first.name);
      break;
    }
    case "index":
      return undefined;
  }
  for (const part of parts.slice(1)) {
    if (type === undefined || type.kind === "unknown") return undefined;
    if (part.kind === "index") {
      type = type.kind === "array" ? type.element : undefined;
    } else if (part.kind === "name") {
      type = members.membersOf(type).fields.get(part.name)?.type;
    } else if (part.kind === "call") {
      const group = members.membersOf(type).methods.get(part.name);
      type = group === undefined ? undefined : byArity(group.signatures, part.arguments);
    } else {
      return undefined;
    }
  }
  return type;
}

/** The struct whose method contains `offset` (the type of `this` there). */
function enclosingStruct(state: EditorState, offset: number): Type | undefined {
  const path = nodePath(state.analysis.sourceFile.program, toAnalysisOffset(state, offset));
  for (let index = path.length - 1; index >= 0; index--) {
    const node = path[index];
    if (node?.kind === "FunctionDeclaration") return state.analysis.model.functionSymbolOf(node)?.owner?.type;
  }
  return undefined;
}

/**
 * Semantic tokens: what each name is (built-in type, native or NetServer
 * class, struct, enum, function, method, parameter, variable, field) and
 * every keyword, so an editor can colour code by meaning. Names from the
 * catalog carry `defaultLibrary`; NetServer classes also `netServer`;
 * declarations carry `declaration`. Protocol-free: the LSP layer encodes it.
 */
import { isKeywordType } from "../../grammar/index.js";
import type { FileAnalysis } from "../analysis/host.js";
import type { Resolution } from "../semantics/index.js";

export const tokenTypes = ["keyword", "type", "class", "struct", "enum", "function", "method", "parameter", "variable", "property"] as const;
export const tokenModifiers = ["declaration", "defaultLibrary", "netServer"] as const;

export type TokenTypeName = (typeof tokenTypes)[number];
export type TokenModifierName = (typeof tokenModifiers)[number];

export interface SemanticToken {
  readonly start: number;
  readonly end: number;
  readonly type: TokenTypeName;
  readonly modifiers: readonly TokenModifierName[];
}

function classify(resolution: Resolution): { type: TokenTypeName; modifiers: TokenModifierName[] } | undefined {
  switch (resolution.kind) {
    case "symbol": {
      const symbol = resolution.symbol;
      const modifiers: TokenModifierName[] = resolution.declaration ? ["declaration"] : [];
      if (symbol.kind === "struct") return { type: "struct", modifiers };
      if (symbol.kind === "function") return { type: symbol.owner === undefined ? "function" : "method", modifiers };
      if (symbol.variableKind === "field") return { type: "property", modifiers };
      if (symbol.variableKind === "parameter") return { type: "parameter", modifiers };
      if (symbol.variableKind === "implicit") return { type: "variable", modifiers: [...modifiers, "defaultLibrary"] };
      return { type: "variable", modifiers };
    }
    case "user-call": {
      const owner = (resolution.symbol ?? resolution.overloads[0])?.owner;
      return { type: owner === undefined ? "function" : "method", modifiers: [] };
    }
    case "catalog-class": {
      if (resolution.info.namespace === "Global") return { type: "type", modifiers: ["defaultLibrary"] };
      return { type: "class", modifiers: resolution.info.namespace === "NetServer" ? ["defaultLibrary", "netServer"] : ["defaultLibrary"] };
    }
    case "catalog-enum":
      return { type: "enum", modifiers: ["defaultLibrary", "netServer"] };
    case "catalog-function":
      return { type: "function", modifiers: ["defaultLibrary"] };
    case "catalog-method":
    case "intrinsic-method":
      return { type: "method", modifiers: ["defaultLibrary"] };
  }
}

export function semanticTokens(analysis: FileAnalysis): SemanticToken[] {
  const tokens = analysis.sourceFile.tokens;
  const model = analysis.model;
  const names = model.resolvedNames();
  const result: SemanticToken[] = [];
  let nameIndex = 0;
  for (let index = 0; index < tokens.count; index++) {
    const start = tokens.start(index);
    if (isKeywordType(tokens.type(index))) {
      result.push({ start, end: tokens.end(index), type: "keyword", modifiers: [] });
      continue;
    }
    while (nameIndex < names.length && (names[nameIndex] as { start: number }).start < start) nameIndex++;
    const name = names[nameIndex];
    if (name === undefined || name.start !== start) continue;
    const resolution = model.resolutionOf(name);
    const classified = resolution === undefined ? undefined : classify(resolution);
    if (classified !== undefined) result.push({ start, end: name.end, ...classified });
  }
  return result;
}

/**
 * The outline of a script (document symbols: functions with their
 * signatures, structs with their fields and methods, globals) and the
 * workspace's symbols by name. Both come from syntax alone, so they are
 * ready as soon as a file is parsed.
 */
import type { FunctionDeclaration, SourceFile, TextRange, TypeReference } from "../../grammar/index.js";
import type { AnalysisHost } from "../analysis/host.js";
import type { IndexedSymbol } from "../analysis/workspace-index.js";

export type OutlineKind = "function" | "method" | "struct" | "field" | "variable";

export interface OutlineSymbol {
  readonly name: string;
  readonly kind: OutlineKind;
  readonly detail: string;
  /** The whole declaration. */
  readonly range: TextRange;
  /** The name. */
  readonly selection: TextRange;
  readonly children: readonly OutlineSymbol[];
}

function typeText(sourceFile: SourceFile, type: TypeReference): string {
  return sourceFile.text.slice(type.start, type.end);
}

function signatureText(sourceFile: SourceFile, declaration: FunctionDeclaration): string {
  const parameters = declaration.parameters.map(
    (parameter) => `${typeText(sourceFile, parameter.type)}${parameter.name === undefined ? "" : ` ${parameter.name.name}`}`,
  );
  return `${typeText(sourceFile, declaration.returnType)} (${parameters.join(", ")})`;
}

export function documentSymbols(sourceFile: SourceFile): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  for (const statement of sourceFile.program.statements) {
    switch (statement.kind) {
      case "FunctionDeclaration":
        symbols.push({
          name: statement.name.name,
          kind: "function",
          detail: signatureText(sourceFile, statement),
          range: statement,
          selection: statement.name,
          children: [],
        });
        break;
      case "VariableDeclaration":
        symbols.push({
          name: statement.name.name,
          kind: "variable",
          detail: typeText(sourceFile, statement.type),
          range: statement,
          selection: statement.name,
          children: [],
        });
        break;
      case "StructDeclaration": {
        if (statement.name === undefined) break;
        const children = statement.members.map(
          (member): OutlineSymbol =>
            member.kind === "FunctionDeclaration"
              ? { name: member.name.name, kind: "method", detail: signatureText(sourceFile, member), range: member, selection: member.name, children: [] }
              : { name: member.name.name, kind: "field", detail: typeText(sourceFile, member.type), range: member, selection: member.name, children: [] },
        );
        symbols.push({ name: statement.name.name, kind: "struct", detail: "struct", range: statement, selection: statement.name, children });
        break;
      }
      default:
        break;
    }
  }
  return symbols;
}

/** Symbols of every workspace script whose name contains the query's letters in order. */
export function workspaceSymbols(host: AnalysisHost, query: string): readonly IndexedSymbol[] {
  return host.workspace.symbols(query);
}

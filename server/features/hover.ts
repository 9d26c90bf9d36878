/**
 * Hover: what the name under the cursor is (its type, declaration and
 * documentation comment for user symbols; every overload, since-version,
 * on-site-only flag and documentation link for the catalog's functions,
 * methods and classes), or the type of the expression under the cursor.
 */
import { isStatement, type Expression, type Node, type TextRange } from "../../grammar/index.js";
import type { AnalysisHost, FileAnalysis } from "../analysis/host.js";
import { typeToString, type Resolution, type Signature, type UserSymbol, type VariableSymbol } from "../semantics/index.js";
import { docCommentAbove } from "./doc-comments.js";
import { nodePath } from "./locate.js";
import { codeBlock, documentationLink, overloadsMarkdown, provenanceLine } from "./render.js";

export interface HoverResult {
  readonly range: TextRange;
  readonly markdown: string;
}

const variableKinds: Record<VariableSymbol["variableKind"], string> = {
  global: "global variable",
  local: "local variable",
  parameter: "parameter",
  field: "field",
  foreach: "foreach variable",
  implicit: "the message of the error being handled",
};

export function hover(host: AnalysisHost, analysis: FileAnalysis, offset: number): HoverResult | undefined {
  const found = analysis.model.nameAt(offset);
  if (found !== undefined) {
    const markdown = describeResolution(host, found.resolution);
    return markdown === undefined ? undefined : { range: { start: found.name.start, end: found.name.end }, markdown };
  }
  const expression = innermostExpression(analysis, offset);
  if (expression === undefined) return undefined;
  const type = analysis.model.typeOf(expression);
  if (type === undefined || type.kind === "unknown") return undefined;
  return { range: { start: expression.start, end: expression.end }, markdown: codeBlock([typeToString(type)]) };
}

function innermostExpression(analysis: FileAnalysis, offset: number): Expression | undefined {
  const path = nodePath(analysis.sourceFile.program, offset, offset + 1);
  for (let index = path.length - 1; index >= 0; index--) {
    const node = path[index] as Node;
    if (
      node.kind === "Program" ||
      node.kind === "TypeReference" ||
      node.kind === "ArrayDimension" ||
      node.kind === "Parameter" ||
      node.kind === "ExpressionList"
    )
      return undefined;
    if (!isStatement(node as never)) return node as Expression;
  }
  return undefined;
}

/** Markdown for what a name refers to. */
export function describeResolution(host: AnalysisHost, resolution: Resolution): string | undefined {
  const catalog = host.environment.catalog;
  const members = host.environment.members;
  switch (resolution.kind) {
    case "symbol":
      return describeSymbol(host, resolution.symbol);
    case "user-call": {
      const signatures = resolution.overloads.map((symbol) => members.userSignature(symbol));
      const chosen = resolution.symbol === undefined ? undefined : members.userSignature(resolution.symbol);
      return withDoc(host, overloadsMarkdown(catalog, signatures, chosen), resolution.symbol ?? resolution.overloads[0]);
    }
    case "catalog-function":
    case "catalog-method": {
      const signatures = resolution.method.overloads.map((overload) => members.catalogSignature(overload));
      const chosen = resolution.overload === undefined ? undefined : members.catalogSignature(resolution.overload);
      return overloadsMarkdown(catalog, signatures, chosen);
    }
    case "catalog-class": {
      const info = resolution.info;
      const what = info.namespace === "Global" ? "built-in type" : info.namespace === "NetServer" ? "NetServer class" : "native class";
      const constructors = (info.constructors ?? [])
        .filter((overload) => overload.parameters.length > 0)
        .map((overload) => `${info.name}(${overload.parameters.map((parameter) => `${parameter.type} ${parameter.name}`).join(", ")})`);
      const summary = info.undocumented
        ? `${what} that the documentation names in signatures but does not document: its members are unknown`
        : `${what}, ${info.methods.size} methods`;
      const lines = [codeBlock([`class ${info.name}`, ...constructors]), summary];
      const facts = provenanceLine(info);
      if (facts !== "") lines.push(facts);
      if (!info.undocumented) lines.push(documentationLink(catalog, info));
      return lines.join("\n\n");
    }
    case "catalog-enum": {
      const info = resolution.info;
      const shown = [...info.members].slice(0, 25).map(([name, value]) => (value === null ? name : `${name} = ${value}`));
      const more = info.members.size > shown.length ? [`… ${info.members.size - shown.length} more`] : [];
      const spelled = resolution.alias === undefined ? "" : `\`${resolution.alias}\` is another spelling of this enum. `;
      const lines = [
        codeBlock([`enum ${info.name}`, ...shown, ...more]),
        `${spelled}A NetServer enum: CRMScript passes its values as Integer, and as a type it means Integer.`,
      ];
      if (info.undocumented) lines.push("The documentation names it in signatures but does not list its members.");
      else lines.push(documentationLink(catalog, info));
      return lines.join("\n\n");
    }
    case "intrinsic-method": {
      const receiver = resolution.method.receiver.kind === "array" ? "every array" : "every struct";
      return `${overloadsMarkdown(catalog, resolution.signatures, undefined)}\n\nBuilt-in method of ${receiver}.`;
    }
  }
}

function describeSymbol(host: AnalysisHost, symbol: UserSymbol): string {
  switch (symbol.kind) {
    case "variable": {
      const owner = symbol.owner === undefined ? "" : ` of struct ${symbol.owner.name}`;
      const declaration =
        symbol.variableKind === "field"
          ? `${typeToString(symbol.type)} ${symbol.owner?.name ?? ""}.${symbol.name}`
          : `${typeToString(symbol.type)} ${symbol.name}`;
      return withDoc(host, `${codeBlock([declaration])}\n\n${variableKinds[symbol.variableKind]}${owner}`, symbol);
    }
    case "function": {
      const signature: Signature = host.environment.members.userSignature(symbol);
      return withDoc(host, overloadsMarkdown(host.environment.catalog, [signature], signature), symbol);
    }
    case "struct": {
      const lines = [`struct ${symbol.name} {`];
      for (const field of symbol.fields.values()) lines.push(`  ${typeToString(field.type)} ${field.name};`);
      for (const overloads of symbol.methods.values()) {
        for (const method of overloads)
          lines.push(
            `  ${typeToString(method.returnType)} ${method.name}(${method.parameters.map((parameter) => `${typeToString(parameter.type)} ${parameter.name}`).join(", ")});`,
          );
      }
      lines.push("};");
      return withDoc(host, codeBlock(lines), symbol);
    }
  }
}

/** Appends the comment above the symbol's declaration, read from the file that declares it. */
function withDoc(host: AnalysisHost, markdown: string, symbol: UserSymbol | undefined): string {
  const location = symbol?.location;
  if (location === undefined) return markdown;
  const declaring = host.analyzeFile(location.file);
  if (declaring === undefined) return markdown;
  const doc = docCommentAbove(declaring.sourceFile, symbol?.node.start ?? location.start);
  return doc === "" ? markdown : `${markdown}\n\n---\n\n${doc}`;
}

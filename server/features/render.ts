/**
 * Markdown for the editor: signatures in CRMScript code blocks, the facts
 * the catalog keeps about an item (since which version, on-site only), and
 * links to the official documentation. Shared by hover, completion
 * documentation and signature help.
 */
import type { Catalog } from "../catalog/catalog.js";
import type { ClassInfo, EnumInfo, OverloadInfo, Provenance } from "../catalog/types.js";
import { signatureToString, type Signature } from "../semantics/index.js";

export function codeBlock(lines: readonly string[]): string {
  return ["```crmscript", ...lines, "```"].join("\n");
}

/** "Since SuperOffice 7.0 · On-site installations only", or "" when the catalog says nothing. */
export function provenanceLine(item: Provenance): string {
  const parts: string[] = [];
  if (item.since !== undefined) parts.push(`Since SuperOffice ${item.since}`);
  if (item.onsiteOnly) parts.push("On-site installations only (not on SuperOffice Online)");
  if (item.fromLanguageServer) parts.push("Listed by the official language server only");
  return parts.join(" · ");
}

/** The documentation link of a catalog overload, class or enum. */
export function documentationLink(catalog: Catalog, item: OverloadInfo | ClassInfo | EnumInfo): string {
  const url = "methods" in item || "members" in item ? catalog.pageUrl(item) : catalog.overloadUrl(item);
  return `[SuperOffice documentation](${url})`;
}

/** A catalog signature's own facts, then its link. */
export function catalogDetails(catalog: Catalog, overload: OverloadInfo): string {
  return [provenanceLine(overload), documentationLink(catalog, overload)].filter((part) => part !== "").join(" · ");
}

/**
 * Every overload of a function or method in one code block (the chosen one
 * first when resolution chose one), then the chosen (or only) one's facts.
 */
export function overloadsMarkdown(catalog: Catalog, signatures: readonly Signature[], chosen: Signature | undefined): string {
  const ordered = chosen === undefined ? signatures : [chosen, ...signatures.filter((signature) => signature !== chosen)];
  const parts = [codeBlock(ordered.map((signature) => signatureToString(signature)))];
  if (signatures.length > 1) parts.push(`${signatures.length} overloads${chosen === undefined ? "" : "; the first is the one this call uses"}.`);
  const focus = chosen ?? (signatures.length === 1 ? signatures[0] : undefined);
  const focusOverload = focus === undefined ? undefined : catalogOverloadOf(focus);
  if (focusOverload !== undefined) parts.push(catalogDetails(catalog, focusOverload));
  else if (focus === undefined) {
    const first = signatures.map(catalogOverloadOf).find((overload) => overload !== undefined);
    if (first !== undefined) parts.push(documentationLink(catalog, first));
  }
  return parts.join("\n\n");
}

/** The catalog entry a signature comes from: a class, function or `dataStructures` member. */
function catalogOverloadOf(signature: Signature): OverloadInfo | undefined {
  return signature.origin.kind === "user" ? undefined : signature.origin.overload;
}

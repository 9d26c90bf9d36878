/**
 * Document links: each `#include "id"` whose script was found links to it.
 */
import type { TextRange } from "../../grammar/index.js";
import type { FileAnalysis } from "../analysis/host.js";

export interface DocumentLink {
  readonly range: TextRange;
  readonly target: string;
}

export function documentLinks(analysis: FileAnalysis): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const include of analysis.model.includes()) {
    const id = include.directive.includeId;
    if (id === undefined || include.resolution.kind !== "found") continue;
    // The link covers the id inside the quotes.
    links.push({ range: { start: id.start + 1, end: Math.max(id.start + 1, id.end - 1) }, target: include.resolution.module.file });
  }
  return links;
}

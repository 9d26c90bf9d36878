/**
 * The snippets the extension contributes (`client/snippets.json`), written
 * from the server's own snippet list so both offer the same constructs; the
 * extension asks the server not to offer them again.
 */
import { snippets } from "../../server/features/completion/snippets.js";

interface VscodeSnippet {
  readonly prefix: string;
  readonly body: string[];
  readonly description: string;
}

export function vscodeSnippets(): Record<string, VscodeSnippet> {
  const out: Record<string, VscodeSnippet> = {};
  for (const snippet of snippets) {
    const where = snippet.topLevelOnly === true ? " (at the top level of a script)" : "";
    out[snippet.detail] = { prefix: snippet.label, body: snippet.body.split("\n"), description: `${snippet.detail}${where}` };
  }
  return out;
}

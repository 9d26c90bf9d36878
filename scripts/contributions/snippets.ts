/**
 * The snippets the extension contributes (`client/snippets.json`), written
 * from the server's own snippet list so both offer the same constructs; the
 * extension asks the server not to offer them again.
 */
import { snippets } from "../../server/features/completion/snippets.js";

export function vscodeSnippets(): Record<string, { prefix: string; body: string[]; description: string }> {
  const out: Record<string, { prefix: string; body: string[]; description: string }> = {};
  for (const snippet of snippets) {
    const where = snippet.topLevelOnly === true ? " (at the top level of a script)" : "";
    out[snippet.detail] = { prefix: snippet.label, body: snippet.body.split("\n"), description: `${snippet.detail}${where}` };
  }
  return out;
}

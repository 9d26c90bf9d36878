/**
 * Priming the typing-time features (completion and signature help) on a
 * small script of their own, before the user first asks for them. Their
 * first run in a process pays for compiling their code and for V8's first
 * type feedback (about 5–10 ms more than later runs on these machines),
 * which the first completion after the server starts would otherwise pay.
 * The script is analysed in a private host that is thrown away afterwards,
 * so nothing the user's files are analysed with changes; the edits mimic
 * typing (a stale analysis, a new line after it), the path a keystroke's
 * request takes.
 */
import type { Catalog } from "../catalog/catalog.js";
import { AnalysisHost } from "../analysis/host.js";
import { MemoryFileSystem } from "../analysis/file-system.js";
import { complete } from "./completion/complete.js";
import { freshState, staleState, type EditorState } from "./editor-state.js";
import { signatureHelp } from "./signature-help.js";

const PRIMING_PATH = "/priming/typing.crm";

const PRIMING_SCRIPT = `NSPersonAgent personAgent;
NSPersonEntity person = personAgent.GetPersonEntity(1);
String firstName = person.GetFirstname();
Integer count = 0;
for (Integer index = 0; index < 3; index++) {
  count = count + index;
}
`;

/** What each primed request answered: a test checks that every path really ran. */
export interface PrimingResult {
  /** Entries after `person.` (the members of a NetServer entity). */
  readonly memberEntries: number;
  /** Entries for a word being typed at the start of a statement. */
  readonly wordEntries: number;
  /** Signatures offered inside `personAgent.GetPersonEntity(`. */
  readonly signatures: number;
}

/** Runs completion and signature help once each way a keystroke would, on a script of their own. */
export function primeTypingFeatures(catalog: Catalog): PrimingResult {
  const host = new AnalysisHost(catalog, new MemoryFileSystem());
  const analysis = host.analyzeText(PRIMING_PATH, PRIMING_SCRIPT);
  const end = PRIMING_SCRIPT.length;
  /** The editor's state after `typed` is written on a new last line, the analysis still of the text before. */
  const typing = (typed: string): { state: EditorState; cursor: number } => ({
    state: staleState(`${PRIMING_SCRIPT}${typed}`, analysis, end),
    cursor: end + typed.length,
  });
  const sources = { includeIds: () => [], fresh: () => freshState(analysis) };
  const member = typing("person.");
  const word = typing("fir");
  const call = typing("personAgent.GetPersonEntity(");
  return {
    memberEntries: complete(host, member.state, member.cursor, sources).entries.length,
    wordEntries: complete(host, word.state, word.cursor, sources).entries.length,
    signatures: signatureHelp(host, call.state, call.cursor)?.signatures.length ?? 0,
  };
}

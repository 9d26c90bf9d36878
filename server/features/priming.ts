/**
 * Priming the typing-time features (completion and signature help) before
 * the user first asks for them. Their first runs in a process pay for
 * compiling their code and for V8's first type feedback, which the first
 * keystrokes' requests would otherwise pay: 1-3 ms more each for the first
 * six or so completions in a 5,007-line script on these machines.
 *
 * Two passes. `primeTypingFeatures` runs member completion, word completion
 * and signature help once on a small script of its own, in a private host
 * that is thrown away afterwards. `primeTypingOnDocument` then types a
 * member access (`name.` on a new line, for a name the line after it uses)
 * at a few places in a copy of a document the user opened, one place per
 * step: what costs most the first times (scanning a large text again around
 * an edit, the receiver's type, ranking the members) scales with the
 * user's files, which the small script does not reach. Neither changes the
 * user's documents or what later requests answer; the edits mimic typing (a
 * stale analysis, a new line in it), the path a keystroke's request takes.
 */
import { TokenKind, tokenKindAt, type TokenBuffer } from "../../grammar/index.js";
import type { Catalog } from "../catalog/catalog.js";
import { AnalysisHost, type FileAnalysis } from "../analysis/host.js";
import { MemoryFileSystem } from "../analysis/file-system.js";
import { complete } from "./completion/complete.js";
import { freshState, uncachedStaleState, type EditorState } from "./editor-state.js";
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
    state: uncachedStaleState(`${PRIMING_SCRIPT}${typed}`, analysis, end),
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

/** Both passes, one step each and then one per place typed at in `analysis`'s document (none for an ignored file). */
export function* primeTyping(host: AnalysisHost, analysis: FileAnalysis | undefined): Generator<unknown, void> {
  yield primeTypingFeatures(host.environment.catalog);
  if (analysis !== undefined) yield* primeTypingOnDocument(host, analysis);
}

/** How many places of a user's document `primeTypingOnDocument` types at. */
export const DOCUMENT_PRIMING_ROUNDS = 8;

/**
 * Types `name.` on a new line before lines of `analysis`'s text that use
 * `name.…`, spread over the document, and asks for completion there, on a
 * copy: one place per step (the generator yields between them, with the
 * number of entries answered), so a request that comes meanwhile waits for
 * one completion at most. Stops early in a document with fewer such lines.
 */
export function* primeTypingOnDocument(host: AnalysisHost, analysis: FileAnalysis, rounds = DOCUMENT_PRIMING_ROUNDS): Generator<number, void> {
  const { text, tokens, lineIndex } = analysis.sourceFile;
  const sources = { includeIds: () => [], fresh: () => freshState(analysis) };
  let searchFrom = 0;
  for (let round = 0; round < rounds; round++) {
    const startFrom = Math.max(searchFrom, tokens.indexAtOrAfter(lineIndex.lineStarts[Math.floor((round * lineIndex.lineCount) / rounds)] as number));
    const receiver = nextMemberAccess(tokens, startFrom);
    if (receiver === undefined) return;
    searchFrom = receiver + 2;
    const lineStart = lineIndex.lineStartAt(tokens.start(receiver));
    const typed = `${tokens.image(receiver)}.\n`;
    const state = uncachedStaleState(`${text.slice(0, lineStart)}${typed}${text.slice(lineStart)}`, analysis, lineStart);
    yield complete(host, state, lineStart + typed.length - 1, sources).entries.length;
  }
}

/** The index of the first name at or after token `from` that a `.` follows, if any. */
function nextMemberAccess(tokens: TokenBuffer, from: number): number | undefined {
  for (let index = from; index + 1 < tokens.count; index++) {
    if (tokenKindAt(tokens, index) === TokenKind.Identifier && tokenKindAt(tokens, index + 1) === TokenKind.Dot) return index;
  }
  return undefined;
}

/**
 * What the typing-time features (completion, signature help) work on: the
 * document's current text, scanned, and the newest analysis, which may be
 * of an earlier version while the new one is not computed yet. Before
 * `stablePrefix` the two texts agree, so anything the analysis knows about
 * code there still holds; that is what makes completion right after a
 * keystroke answer without re-analysing a large file.
 */
import { scanTextAfterEdit, type ScannedText } from "../../grammar/index.js";
import type { FileAnalysis } from "../analysis/host.js";

export interface EditorState {
  /** The document as it is now. */
  readonly current: ScannedText;
  /** The newest analysis of this document (of `current`, or of an earlier version). */
  readonly analysis: FileAnalysis;
  /** Offsets before this are the same in `current` and in the analysed text. */
  readonly stablePrefix: number;
}

/** The state when the analysis is of the current text. */
export function freshState(analysis: FileAnalysis): EditorState {
  return { current: analysis.sourceFile, analysis, stablePrefix: Number.POSITIVE_INFINITY };
}

/** The text scanned last: a request asks for the state more than once (before and after it yields), and features one after another ask for the same version. */
let lastScan: ScannedText | undefined;

/** The state for `text` when `analysis` is of an earlier version that agrees with it before `stablePrefix`. */
export function staleState(text: string, analysis: FileAnalysis, stablePrefix: number): EditorState {
  if (analysis.sourceFile.text === text) return freshState(analysis);
  // Scanned again only around the edits since the analysis.
  if (lastScan?.text !== text) lastScan = scanTextAfterEdit(analysis.sourceFile, text);
  return { current: lastScan, analysis, stablePrefix };
}

/** As `staleState`, scanning `text` anew instead of from (and into) the cache of the text scanned last: for text no request asks about (priming). */
export function uncachedStaleState(text: string, analysis: FileAnalysis, stablePrefix: number): EditorState {
  return { current: scanTextAfterEdit(analysis.sourceFile, text), analysis, stablePrefix };
}

export function isFresh(state: EditorState): boolean {
  return state.stablePrefix === Number.POSITIVE_INFINITY;
}

/**
 * An offset of the current text moved into the analysed text: unchanged
 * before the stable prefix, shifted by the length difference after it
 * (exact for a single edit, close enough for scopes after several).
 */
export function toAnalysisOffset(state: EditorState, offset: number): number {
  if (offset <= state.stablePrefix) return offset;
  const delta = state.current.text.length - state.analysis.sourceFile.text.length;
  return Math.max(state.stablePrefix, Math.min(state.analysis.sourceFile.text.length, offset - delta));
}

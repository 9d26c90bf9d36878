/**
 * The documents the client has open: their current text and version, the
 * newest analysis of each and how far it still agrees with the text (the
 * stable prefix, from the edits since), so typing-time features can answer
 * from it. Edits are applied incrementally; every new text becomes the
 * host's overlay for that file. Only documents being edited, and the one or
 * two looked at last, hold their analysis here; the host's cache keeps the
 * others' for a while (opening a thousand documents does not hold a
 * thousand analyses, nor keep each long enough to reach V8's old generation).
 */
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";
import type { AnalysisHost, FileAnalysis } from "../analysis/host.js";
import { freshState, staleState, type EditorState } from "../features/editor-state.js";

export interface OpenDocument {
  readonly uri: string;
  readonly path: string;
  document: TextDocument;
  /** The newest analysis (possibly of an earlier version). */
  analysis: FileAnalysis | undefined;
  /** Offsets before this are unchanged since `analysis` was made. */
  stablePrefix: number;
  /** Whether the document was changed since it was opened. */
  edited: boolean;
}

/** How many edited documents keep their newest analysis for typing-time features. */
const KEPT_ANALYSES = 16;
/** How many documents not edited yet keep theirs (the ones just opened or looked at, where typing may start). */
const KEPT_UNEDITED_ANALYSES = 2;

export class OpenDocuments {
  private readonly byUri = new Map<string, OpenDocument>();
  /** Edited documents holding an analysis, least recently analysed first. */
  private readonly holding: OpenDocument[] = [];
  /** Documents not edited yet that hold an analysis, least recently analysed first. */
  private readonly holdingUnedited: OpenDocument[] = [];

  constructor(private readonly host: AnalysisHost) {}

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  all(): IterableIterator<OpenDocument> {
    return this.byUri.values();
  }

  byPath(path: string): OpenDocument | undefined {
    for (const open of this.byUri.values()) if (open.path === path) return open;
    return undefined;
  }

  open(uri: string, path: string, languageId: string, version: number, text: string): OpenDocument {
    const open: OpenDocument = {
      uri,
      path,
      document: TextDocument.create(uri, languageId, version, text),
      analysis: undefined,
      stablePrefix: 0,
      edited: false,
    };
    this.byUri.set(uri, open);
    this.host.setOverlay(path, text);
    return open;
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const open = this.byUri.get(uri);
    if (open === undefined) return undefined;
    if (!open.edited) {
      open.edited = true;
      // Its analysis (of the text before this edit) now serves typing-time features among the edited documents'.
      if (release(this.holdingUnedited, open)) this.keep(this.holding, open, KEPT_ANALYSES);
    }
    for (const change of changes) {
      const before = open.document.getText();
      if ("range" in change) {
        open.stablePrefix = Math.min(open.stablePrefix, open.document.offsetAt(change.range.start));
        open.document = TextDocument.update(open.document, [change], version);
      } else {
        open.document = TextDocument.update(open.document, [change], version);
        open.stablePrefix = Math.min(open.stablePrefix, commonPrefixLength(before, change.text));
      }
    }
    this.host.setOverlay(open.path, open.document.getText());
    return open;
  }

  /**
   * Builds the document's line table now if it has none: applying an edit
   * needs it, and on a 5,000-line script a first build costs 5-7 ms, which
   * the first keystroke (and the completion sent with it) would wait for.
   * Called when the server has just pushed the document's diagnostics.
   */
  prepareForEdits(open: OpenDocument): void {
    if (this.byUri.get(open.uri) === open) void open.document.lineCount;
  }

  close(uri: string): OpenDocument | undefined {
    const open = this.byUri.get(uri);
    if (open === undefined) return undefined;
    this.byUri.delete(uri);
    release(this.holding, open);
    release(this.holdingUnedited, open);
    this.host.removeOverlay(open.path);
    this.host.release(open.path);
    return open;
  }

  /** The analysis of the document's current text (computed now if needed). */
  fresh(open: OpenDocument): FileAnalysis {
    const analysis = this.host.analyzeText(open.path, open.document.getText());
    if (open.analysis !== analysis) {
      open.analysis = analysis;
      open.stablePrefix = Number.POSITIVE_INFINITY;
    }
    this.hold(open);
    return analysis;
  }

  /**
   * Keeps `open`'s analysis and lets go of the oldest beyond `KEPT_ANALYSES`
   * edited documents and `KEPT_UNEDITED_ANALYSES` others, so memory does not
   * grow with the number of open documents.
   */
  private hold(open: OpenDocument): void {
    if (open.edited) this.keep(this.holding, open, KEPT_ANALYSES);
    else this.keep(this.holdingUnedited, open, KEPT_UNEDITED_ANALYSES);
  }

  private keep(holding: OpenDocument[], open: OpenDocument, limit: number): void {
    release(holding, open);
    holding.push(open);
    while (holding.length > limit) {
      const oldest = holding.shift() as OpenDocument;
      oldest.analysis = undefined;
      oldest.stablePrefix = 0;
    }
  }

  /** For typing-time features: the newest analysis with the current text, analysing only if there is none yet. */
  editorState(open: OpenDocument): EditorState {
    if (open.analysis === undefined || open.stablePrefix === Number.POSITIVE_INFINITY) return freshState(this.fresh(open));
    return staleState(open.document.getText(), open.analysis, open.stablePrefix);
  }
}

/** Takes `open` out of `holding`; returns whether it was there. */
function release(holding: OpenDocument[], open: OpenDocument): boolean {
  const index = holding.indexOf(open);
  if (index < 0) return false;
  holding.splice(index, 1);
  return true;
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let index = 0;
  while (index < limit && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return index;
}

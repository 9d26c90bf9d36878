/**
 * The formatting requests: `textDocument/formatting`, `rangeFormatting`,
 * `rangesFormatting` and `onTypeFormatting`, over the open document's text
 * and version, with the options of `server/features/formatting.ts` (the
 * configuration file's `format` section over the formatter's defaults, as
 * `crmscript-format` has them; the request's tab size and spaces are
 * ignored). A document that cannot be formatted gets no edits. For an
 * explicit request the reason is logged and shown once as a warning (not
 * again for the same document and reason, so format on save does not
 * repeat it); formatting while typing says nothing, since half-typed code
 * is no news.
 */
import type { CancellationToken, Connection, Range, TextEdit } from "vscode-languageserver";
import { MessageType, ShowMessageNotification } from "./protocol.js";
import { LineIndex, type TextRange } from "../../grammar/index.js";
import type { FormatOptions } from "../format/index.js";
import { type FormattingEdits, formatDocument, formatRanges, formattingOptions, formatTyped } from "../features/formatting.js";
import { contentModifiedError, pause, throwIfCancelled } from "./cancellation.js";
import { toOffset, toRange } from "./convert.js";
import type { OpenDocument, OpenDocuments } from "./documents.js";
import { guarded } from "./guard.js";

/** What the server announces: format on `}` and on `;`. */
export const onTypeFormattingTriggers = { firstTriggerCharacter: "}", moreTriggerCharacter: [";"] };

export interface FormattingContext {
  readonly connection: Connection;
  readonly documents: OpenDocuments;
  /** The `format` section of the configuration files that apply to a script (only the options they set). */
  readonly configuredFormat: (path: string) => Partial<FormatOptions> | undefined;
}

/** The reason last shown for each open document (forgotten with the document when it closes). */
const shownRefusals = new WeakMap<OpenDocument, string>();

export function registerFormattingHandlers(context: FormattingContext): void {
  const { connection, documents } = context;

  /** Formats the open document with `format` once pending messages are read; null for a document that is not open. */
  const answer = async (
    uri: string,
    token: CancellationToken,
    format: (text: string, lines: LineIndex, options: Partial<FormatOptions>) => FormattingEdits,
    explicit: boolean,
  ): Promise<TextEdit[] | null> => {
    throwIfCancelled(token);
    const open = documents.get(uri);
    if (open === undefined) return null;
    const version = open.document.version;
    await pause(token);
    if (documents.get(uri) !== open || open.document.version !== version) throw contentModifiedError();
    const text = open.document.getText();
    const lines = new LineIndex(text);
    const result = format(text, lines, formattingOptions(context.configuredFormat(open.path)));
    throwIfCancelled(token);
    if (result.refused !== undefined) refused(open, result.refused, explicit);
    else shownRefusals.delete(open);
    return result.edits.map((edit) => ({ range: toRange(lines, edit.range), newText: edit.text }));
  };

  const refused = (open: OpenDocument, reason: string, explicit: boolean): void => {
    if (!explicit) return;
    connection.console.info(`${open.uri} was not formatted: ${reason}`);
    if (shownRefusals.get(open) === reason) return;
    shownRefusals.set(open, reason);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `CRMScript: not formatted: ${reason}` });
  };

  const toRanges = (lines: LineIndex, ranges: readonly Range[]) =>
    ranges.map((range): TextRange => ({ start: toOffset(lines, range.start), end: toOffset(lines, range.end) }));

  connection.onDocumentFormatting(
    guarded(connection, "formatting", null, (params, token) =>
      answer(params.textDocument.uri, token, (text, _lines, options) => formatDocument(text, options), true),
    ),
  );

  connection.onDocumentRangeFormatting(
    guarded(connection, "range formatting", null, (params, token) =>
      answer(params.textDocument.uri, token, (text, lines, options) => formatRanges(text, toRanges(lines, [params.range]), options), true),
    ),
  );

  connection.onDocumentRangesFormatting(
    guarded(connection, "ranges formatting", null, (params, token) =>
      answer(params.textDocument.uri, token, (text, lines, options) => formatRanges(text, toRanges(lines, params.ranges ?? []), options), true),
    ),
  );

  connection.onDocumentOnTypeFormatting(
    guarded(connection, "format on type", null, (params, token) => {
      if (params.ch !== ";" && params.ch !== "}") return null;
      return answer(params.textDocument.uri, token, (text, lines, options) => formatTyped(text, toOffset(lines, params.position), options), false);
    }),
  );
}

/**
 * The language-feature requests: each converts positions to offsets, calls
 * a protocol-free feature, and converts the answer back. Completion items
 * carry the command `crmscript.completionAccepted`, through which the
 * server learns what was accepted and ranks it higher next time. Every handler is
 * guarded, so a failure is logged and answered with an empty result. The
 * longer ones (completion, outline, semantic tokens, code actions) pause
 * between their steps and answer a cancelled request with
 * `RequestCancelled`; the requests that read the whole workspace are in
 * `cross-file.ts`.
 */
import type { CompletionItem, Connection, DocumentSymbol, Location } from "vscode-languageserver";
import { CodeActionKind, DocumentHighlightKind, ErrorCodes, InsertTextFormat, MarkupKind, ResponseError, SemanticTokensBuilder } from "./protocol.js";
import type { TextRange } from "../../grammar/index.js";
import type { AnalysisHost, FileAnalysis } from "../analysis/host.js";
import { quickFixes, suppressionActions } from "../features/code-actions.js";
import { complete, type CompletionEntry } from "../features/completion/complete.js";
import { RecentCompletions } from "../features/completion/recent.js";
import { documentLinks } from "../features/document-links.js";
import { foldingRanges } from "../features/folding.js";
import { hover } from "../features/hover.js";
import { definition, documentHighlights, prepareRename, type FileRange } from "../features/navigation.js";
import { semanticTokens, tokenModifiers, tokenTypes } from "../features/semantic-tokens.js";
import { signatureHelp } from "../features/signature-help.js";
import { documentSymbols, type OutlineSymbol } from "../features/symbols.js";
import { contentModifiedError, pause, throwIfCancelled } from "./cancellation.js";
import { completionKinds, outlineKinds, toOffset, toPosition, toRange } from "./convert.js";
import { registerCrossFileHandlers } from "./cross-file.js";
import type { OpenDocument, OpenDocuments } from "./documents.js";
import { guarded } from "./guard.js";
import type { UriMap } from "./uris.js";

/** The command completion items carry: the client runs it when the user accepts one, with the item's label. */
export const COMPLETION_ACCEPTED_COMMAND = "crmscript.completionAccepted";

export const semanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

export interface HandlerContext {
  readonly connection: Connection;
  readonly host: AnalysisHost;
  readonly documents: OpenDocuments;
  readonly uris: UriMap;
  /** Whether the client accepts snippets in completion items. */
  snippetSupport: boolean;
  /** Whether the client accepts an insert and a replace range in a completion item's edit. */
  insertReplaceSupport: boolean;
  /** Whether the client takes the edit range from the completion list's `itemDefaults`. */
  editRangeDefault: boolean;
  /** False when the client has the statement snippets of its own (the VS Code extension contributes them). */
  offerSnippets: boolean;
  /** Answers a typing-time request before the pushed diagnostics that come due meanwhile. */
  readonly aheadOfDiagnostics: <T>(answer: () => Promise<T>) => Promise<T>;
  /** Settles when the workspace scan has found every script (at once when no scan has started). */
  readonly workspaceScanned: () => Promise<void>;
}

export function registerHandlers(context: HandlerContext): void {
  const { connection, host, documents, uris } = context;
  const openOf = (uri: string): OpenDocument | undefined => documents.get(uri);
  /** The current analysis of an open document, or of a file on disk. */
  const analysisOf = (uri: string): FileAnalysis | undefined => {
    const open = openOf(uri);
    return open !== undefined ? documents.fresh(open) : host.analyzeFile(uris.toPath(uri));
  };
  /** The parse alone, for the features that need no semantic analysis (outline, folding). */
  const sourceOf = (uri: string) => host.sourceFileOf(uris.toPath(uri));
  const toLocation = (range: FileRange): Location | undefined => {
    const analysis = host.analyzeFile(range.file);
    return analysis === undefined ? undefined : { uri: uris.toUri(range.file), range: toRange(analysis.sourceFile.lineIndex, range) };
  };

  // Completion entries of the last list, for completionItem/resolve.
  let lastEntries: readonly CompletionEntry[] = [];
  let lastList = 0;
  const recent = new RecentCompletions();

  connection.onCompletion(
    guarded(connection, "completion", null, (params, token) =>
      context.aheadOfDiagnostics(async () => {
        throwIfCancelled(token);
        const open = openOf(params.textDocument.uri);
        if (open === undefined) return null;
        // The analysis (the long step, the first time in a document), then the answer from it, for the text the request was about.
        const version = open.document.version;
        documents.editorState(open);
        await pause(token);
        if (openOf(params.textDocument.uri) !== open || open.document.version !== version) throw contentModifiedError();
        const state = documents.editorState(open);
        const offset = open.document.offsetAt(params.position);
        const sources = {
          includeIds: () => includeIds(host, open.path),
          fresh: () => {
            documents.fresh(open);
            return documents.editorState(open);
          },
        };
        const result = complete(host, state, offset, sources, {
          snippetSyntax: context.snippetSupport,
          offerSnippets: context.offerSnippets,
          recency: (label) => recent.recency(label),
        });
        lastList++;
        lastEntries = result.entries;
        const rangeOf = (range: TextRange) => ({ start: open.document.positionAt(range.start), end: open.document.positionAt(range.end) });
        const insert = rangeOf(result.insert);
        const replace = rangeOf(result.replace);
        const items = result.entries.map((entry, index): CompletionItem => {
          const newText = entry.insertText ?? entry.label;
          const item: CompletionItem = {
            label: entry.label,
            kind: completionKinds[entry.kind],
            sortText: entry.sortText,
            filterText: entry.label,
            data: [lastList, index],
            command: { title: "", command: COMPLETION_ACCEPTED_COMMAND, arguments: [entry.label] },
          };
          if (!context.editRangeDefault) item.textEdit = context.insertReplaceSupport ? { newText, insert, replace } : { newText, range: insert };
          else if (newText !== entry.label) item.textEditText = newText;
          if (entry.detail !== undefined) item.detail = entry.detail;
          if (entry.snippet === true) item.insertTextFormat = InsertTextFormat.Snippet;
          return item;
        });
        if (!context.editRangeDefault) return { isIncomplete: result.isIncomplete, items };
        return { isIncomplete: result.isIncomplete, itemDefaults: { editRange: context.insertReplaceSupport ? { insert, replace } : insert }, items };
      }),
    ),
  );

  connection.onCompletionResolve(
    guarded(connection, "completion resolve", undefined as unknown as CompletionItem, (item) => {
      const data = item.data as unknown;
      if (!Array.isArray(data) || data[0] !== lastList || typeof data[1] !== "number") return item;
      const markdown = lastEntries[data[1]]?.documentation?.();
      return markdown === undefined ? item : { ...item, documentation: { kind: MarkupKind.Markdown, value: markdown } };
    }),
  );

  connection.onExecuteCommand(
    guarded(connection, "execute command", null, (params) => {
      const label = params.arguments?.[0];
      if (params.command === COMPLETION_ACCEPTED_COMMAND && typeof label === "string") recent.accept(label);
      return null;
    }),
  );

  connection.onHover(
    guarded(connection, "hover", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (analysis === undefined) return null;
      const lines = analysis.sourceFile.lineIndex;
      const result = hover(host, analysis, toOffset(lines, params.position));
      return result === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(lines, result.range) };
    }),
  );

  connection.onSignatureHelp(
    guarded(connection, "signature help", null, (params) => {
      const open = openOf(params.textDocument.uri);
      if (open === undefined) return null;
      const result = signatureHelp(host, documents.editorState(open), open.document.offsetAt(params.position));
      if (result === undefined) return null;
      return {
        signatures: result.signatures.map((signature) => ({
          label: signature.label,
          parameters: signature.parameters.map((range) => ({ label: [range[0], range[1]] as [number, number] })),
          ...(signature.documentation === undefined ? {} : { documentation: { kind: MarkupKind.Markdown, value: signature.documentation } }),
        })),
        activeSignature: result.activeSignature,
        activeParameter: result.activeParameter,
      };
    }),
  );

  connection.onDefinition(
    guarded(connection, "definition", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (analysis === undefined) return null;
      return definition(analysis, toOffset(analysis.sourceFile.lineIndex, params.position))
        .map(toLocation)
        .filter((location): location is Location => location !== undefined);
    }),
  );

  connection.onDocumentHighlight(
    guarded(connection, "document highlight", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (analysis === undefined) return null;
      const lines = analysis.sourceFile.lineIndex;
      return documentHighlights(host, analysis, toOffset(lines, params.position)).map((highlight) => ({
        range: toRange(lines, highlight.range),
        kind: highlight.write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );

  connection.onPrepareRename(
    guarded(connection, "prepare rename", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (analysis === undefined) return null;
      const lines = analysis.sourceFile.lineIndex;
      const result = prepareRename(host, analysis, toOffset(lines, params.position));
      if ("refused" in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.refused);
      return { range: toRange(lines, result.range), placeholder: result.placeholder };
    }),
  );

  connection.onDocumentSymbol(
    guarded(connection, "document symbols", null, async (params, token) => {
      throwIfCancelled(token);
      const sourceFile = sourceOf(params.textDocument.uri);
      if (sourceFile === undefined) return null;
      await pause(token);
      const lines = sourceFile.lineIndex;
      const convert = (symbol: OutlineSymbol): DocumentSymbol => ({
        name: symbol.name,
        detail: symbol.detail,
        kind: outlineKinds[symbol.kind],
        range: toRange(lines, symbol.range),
        selectionRange: toRange(lines, symbol.selection),
        children: symbol.children.map(convert),
      });
      return documentSymbols(sourceFile).map(convert);
    }),
  );

  connection.onFoldingRanges(
    guarded(connection, "folding ranges", null, (params) => {
      const sourceFile = sourceOf(params.textDocument.uri);
      if (sourceFile === undefined) return null;
      return foldingRanges(sourceFile).map((range) => ({
        startLine: range.startLine,
        endLine: range.endLine,
        ...(range.kind === undefined ? {} : { kind: range.kind }),
      }));
    }),
  );

  connection.languages.semanticTokens.on(
    guarded(connection, "semantic tokens", { data: [] }, async (params, cancellation) => {
      throwIfCancelled(cancellation);
      const analysis = analysisOf(params.textDocument.uri);
      if (analysis === undefined) return { data: [] };
      await pause(cancellation);
      const tokens = semanticTokens(analysis);
      await pause(cancellation);
      const lines = analysis.sourceFile.lineIndex;
      const builder = new SemanticTokensBuilder();
      for (const token of tokens) {
        const start = toPosition(lines, token.start);
        const modifiers = token.modifiers.reduce((bits, modifier) => bits | (1 << tokenModifiers.indexOf(modifier)), 0);
        builder.push(start.line, start.character, token.end - token.start, tokenTypes.indexOf(token.type), modifiers);
      }
      return builder.build();
    }),
  );

  connection.onDocumentLinks(
    guarded(connection, "document links", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      if (analysis === undefined) return null;
      const lines = analysis.sourceFile.lineIndex;
      return documentLinks(analysis).map((link) => ({ range: toRange(lines, link.range), target: uris.toUri(link.target) }));
    }),
  );

  connection.onCodeAction(
    guarded(connection, "code actions", null, async (params, token) => {
      throwIfCancelled(token);
      const analysis = analysisOf(params.textDocument.uri);
      if (analysis === undefined) return null;
      await pause(token);
      const lines = analysis.sourceFile.lineIndex;
      const range = { start: toOffset(lines, params.range.start), end: toOffset(lines, params.range.end) };
      return [...quickFixes(analysis, range), ...suppressionActions(analysis, range)].map((fix) => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.preferred,
        diagnostics: params.context.diagnostics.filter((diagnostic) => diagnostic.code === fix.diagnostic.code),
        edit: { changes: { [params.textDocument.uri]: fix.edits.map((edit) => ({ range: toRange(lines, edit.range), newText: edit.text })) } },
      }));
    }),
  );

  registerCrossFileHandlers(context);
}

/**
 * Include ids `#include "…"` may name from `path`: scripts in its folder,
 * the workspace roots and the include paths, by name without extension (the
 * host lists them through its file system and the open documents).
 */
function includeIds(host: AnalysisHost, path: string): string[] {
  return host.includeIdsVisibleFrom(path);
}

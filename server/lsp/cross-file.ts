/**
 * The requests that read the whole workspace: find references, rename and
 * workspace symbols. Each waits until the workspace scan has found every
 * script, prepares the host in cancellable steps (`warm-up.ts`), runs the
 * feature and converts its answer file by file, so a cancelled request
 * stops between files and is answered with `RequestCancelled`.
 */
import type { CancellationToken, Location, Position, SymbolInformation, TextEdit } from "vscode-languageserver";
import { ErrorCodes, ResponseError } from "./protocol.js";
import { LineIndex } from "../../grammar/index.js";
import type { FileAnalysis } from "../analysis/host.js";
import { definition, references, rename, type FileRange } from "../features/navigation.js";
import { workspaceSymbols } from "../features/symbols.js";
import { forEachInSteps, pause, waitUnlessCancelled } from "./cancellation.js";
import { outlineKinds, toOffset, toRange } from "./convert.js";
import { guarded } from "./guard.js";
import type { HandlerContext } from "./handlers.js";
import { analyzeFilesSeeing, indexWorkspace } from "./warm-up.js";

export function registerCrossFileHandlers(context: HandlerContext): void {
  const { connection, host, documents, uris } = context;
  const analysisOf = (uri: string): FileAnalysis | undefined => {
    const open = documents.get(uri);
    return open !== undefined ? documents.fresh(open) : host.analyzeFile(uris.toPath(uri));
  };
  /** Every workspace script found and indexed; undefined when there is nothing to analyse. */
  const workspaceReady = async (token: CancellationToken): Promise<void> => {
    await waitUnlessCancelled(context.workspaceScanned(), token);
    await indexWorkspace(host, token);
  };
  /** The document's analysis at `position`, with the files that can see the symbol there analysed. */
  const prepared = async (uri: string, position: Position, token: CancellationToken): Promise<{ analysis: FileAnalysis; offset: number } | undefined> => {
    await workspaceReady(token);
    const first = analysisOf(uri);
    if (first === undefined) return undefined;
    const declaring = new Set(definition(first, toOffset(first.sourceFile.lineIndex, position)).map((range) => range.file));
    await pause(token);
    await analyzeFilesSeeing(host, declaring, token);
    // The newest analysis, should the document have changed in the meantime.
    const analysis = analysisOf(uri);
    return analysis === undefined ? undefined : { analysis, offset: toOffset(analysis.sourceFile.lineIndex, position) };
  };

  connection.onReferences(
    guarded(connection, "references", null, async (params, token) => {
      const found = await prepared(params.textDocument.uri, params.position, token);
      if (found === undefined) return null;
      const ranges = references(host, found.analysis, found.offset, params.context.includeDeclaration);
      await pause(token);
      const linesOf = lineIndexes(host);
      const locations: Location[] = [];
      await forEachInSteps(ranges, token, (range: FileRange) => {
        const lines = linesOf(range.file);
        if (lines !== undefined) locations.push({ uri: uris.toUri(range.file), range: toRange(lines, range) });
      });
      return locations;
    }),
  );

  connection.onRenameRequest(
    guarded(connection, "rename", null, async (params, token) => {
      const found = await prepared(params.textDocument.uri, params.position, token);
      if (found === undefined) return null;
      const result = rename(host, found.analysis, found.offset, params.newName);
      if (result.kind === "refused") throw new ResponseError(ErrorCodes.InvalidRequest, `cannot rename: ${result.reason}`);
      await pause(token);
      const linesOf = lineIndexes(host);
      const changes: Record<string, TextEdit[]> = {};
      await forEachInSteps(result.edits, token, ([file, edits]) => {
        const lines = linesOf(file);
        if (lines !== undefined) changes[uris.toUri(file)] = edits.map((edit) => ({ range: toRange(lines, edit.range), newText: edit.text }));
      });
      return { changes };
    }),
  );

  connection.onWorkspaceSymbol(
    guarded(connection, "workspace symbols", null, async (params, token) => {
      await workspaceReady(token);
      const found = workspaceSymbols(host, params.query);
      await pause(token);
      const linesOf = lineIndexes(host);
      const symbols: SymbolInformation[] = [];
      await forEachInSteps(found, token, (symbol) => {
        const lines = linesOf(symbol.file);
        const range = lines === undefined ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : toRange(lines, symbol);
        const container = symbol.container === undefined ? {} : { containerName: symbol.container };
        symbols.push({ name: symbol.name, kind: outlineKinds[symbol.kind], location: { uri: uris.toUri(symbol.file), range }, ...container });
      });
      return symbols;
    }),
  );
}

/** The line index of each file an answer points into, made once per request from the text analysis read. */
function lineIndexes(host: HandlerContext["host"]): (file: string) => LineIndex | undefined {
  const made = new Map<string, LineIndex | undefined>();
  return (file) => {
    if (!made.has(file)) {
      const text = host.readText(file);
      made.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return made.get(file);
  };
}

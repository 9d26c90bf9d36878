/**
 * The CRMScript language server on a connection: capabilities, document
 * synchronisation (incremental), settings from `workspace/configuration`
 * and `.crmscriptrc.json` files,
 * the workspace's scripts (scanned in the background from the start, kept
 * current through file watching), diagnostics, and the feature and
 * formatting handlers.
 * Only this folder knows the Language Server Protocol.
 */
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Connection, DocumentDiagnosticReport, InitializeParams, InitializeResult } from "vscode-languageserver";
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
} from "./protocol.js";
import { AnalysisHost, type HostOptions } from "../analysis/host.js";
import { toolVersion } from "../analysis/tool-version.js";
import { builtinCatalog } from "../catalog/builtin-catalog.js";
import { primeTyping } from "../features/priming.js";
import { nodeFileSystem } from "../node/file-system.js";
import { SCRIPT_EXTENSIONS } from "../analysis/script-files.js";
import { pause, throwIfCancelled } from "./cancellation.js";
import { DiagnosticsScheduler, type SchedulerOptions } from "./diagnostics.js";
import { OpenDocuments } from "./documents.js";
import { logFailure } from "./guard.js";
import { onTypeFormattingTriggers, registerFormattingHandlers } from "./formatting.js";
import { COMPLETION_ACCEPTED_COMMAND, registerHandlers, semanticTokensLegend, type HandlerContext } from "./handlers.js";
import { CONFIG_FILE_GLOB, isConfigFile, ServerConfiguration } from "./configuration.js";
import type { EditorSettings, InitializationOptions } from "./settings.js";
import { SERVER_HOST_LIMITS } from "./limits.js";
import type { MessageActivity } from "./message-activity.js";
import { UriMap } from "./uris.js";
import { WorkspaceScan } from "./workspace-scan.js";

export interface ServerOptions {
  /** Where the diagnostic documentation pages are (`…/docs/`); by default the package's own `docs` folder. */
  readonly docsBase?: string;
  /** Pause after an edit before pushed diagnostics are recomputed. */
  readonly diagnosticsDelayMilliseconds?: number;
  /** The connection's count of handled messages (its message strategy), so pushed diagnostics come after the messages already read. */
  readonly activity?: MessageActivity;
  /** The lint rules to run (all of the registry by default). */
  readonly rules?: HostOptions["rules"];
  /** Collects the garbage of an edit's diagnostics run before they are pushed (by default V8's young generation). */
  readonly collectGarbage?: () => void;
  /** Done once the first diagnostics are computed and the client's messages handled (by default priming completion and signature help, `features/priming.ts`); see `SchedulerOptions`. */
  readonly afterFirstReport?: SchedulerOptions["afterFirstReport"];
}

/** What a running server lets its embedder (a test, a benchmark) look at. */
export interface RunningServer {
  readonly uris: UriMap;
  readonly documents: OpenDocuments;
}

/** The package's `docs/` folder as a `file:` URL ending in `/` (the bundle lives in `dist/`). */
function defaultDocsBase(): string {
  const root = typeof __dirname === "string" ? dirname(__dirname) : process.cwd();
  return `${pathToFileURL(join(root, "docs")).toString()}/`;
}

const serverName = "crmscript-language-server";
const serverVersion = toolVersion();

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  const uris = new UriMap();
  // Analyses of many open documents would otherwise all stay in memory; the least recently used are redone on demand.
  const configuration = new ServerConfiguration(connection, uris);
  const host = new AnalysisHost(
    () => builtinCatalog().catalog,
    nodeFileSystem,
    {},
    {
      ...SERVER_HOST_LIMITS,
      settingsFor: (path) => configuration.settingsFor(path),
      ...(options.rules === undefined ? {} : { rules: options.rules }),
    },
  );
  const documents = new OpenDocuments(host);
  const diagnostics = new DiagnosticsScheduler(connection, documents, host, options.docsBase ?? defaultDocsBase(), {
    delayMilliseconds: options.diagnosticsDelayMilliseconds,
    isIgnored: (path) => configuration.isIgnored(path),
    activity: options.activity,
    collectGarbage: options.collectGarbage,
    // The first completion a user asks for should not be the one that compiles the feature's code.
    afterFirstReport: options.afterFirstReport ?? ((analysis) => primeTyping(host, analysis)),
  });
  let scan: WorkspaceScan | undefined;
  const context: HandlerContext = {
    connection,
    host,
    documents,
    uris,
    snippetSupport: false,
    insertReplaceSupport: false,
    editRangeDefault: false,
    offerSnippets: true,
    aheadOfDiagnostics: (answer) => diagnostics.ahead(answer),
    workspaceScanned: () => scan?.ended() ?? Promise.resolve(),
  };
  let workspaceRoots: string[] = [];
  let configurationSupport = false;
  let watchSupport = false;
  let dynamicConfiguration = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    configurationSupport = capabilities.workspace?.configuration === true;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchSupport = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const completion = capabilities.textDocument?.completion;
    context.snippetSupport = completion?.completionItem?.snippetSupport === true;
    context.insertReplaceSupport = completion?.completionItem?.insertReplaceSupport === true;
    context.editRangeDefault = completion?.completionList?.itemDefaults?.includes("editRange") === true;
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    diagnostics.usePull(pull);
    workspaceRoots = (params.workspaceFolders ?? []).map((folder) => uris.toPath(folder.uri));
    if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [uris.toPath(params.rootUri)];
    configuration.workspaceRoots = workspaceRoots;
    const initializationOptions = params.initializationOptions as InitializationOptions | null | undefined;
    context.offerSnippets = initializationOptions?.snippets !== false;
    applySettings(initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [".", '"', "#"], resolveProvider: true },
        executeCommandProvider: { commands: [COMPLETION_ACCEPTED_COMMAND] },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ["(", ","], retriggerCharacters: [","] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: { rangesSupport: true },
        documentOnTypeFormattingProvider: onTypeFormattingTriggers,
        ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: serverName, version: serverVersion },
    };
  });

  /** Applies new settings; true when they changed what analysis reports. */
  const applySettings = (raw: EditorSettings | null | undefined): boolean => {
    const changed = configuration.applyEditorSettings(raw);
    if (changed) settingsChanged();
    return changed;
  };

  /** Every file may be analysed differently now: drop all analyses and show the configuration's problems. */
  const settingsChanged = (): void => {
    host.settingsChanged();
    for (const open of documents.all()) open.analysis = undefined;
    configuration.publishProblems([...documents.all()].map((open) => open.path));
  };

  const loadSettings = async (): Promise<boolean> => {
    if (!configurationSupport) return false;
    return applySettings((await connection.workspace.getConfiguration("crmscript")) as EditorSettings | null);
  };

  /** Finds the workspace's scripts in the background; documents opened meanwhile are checked at once. */
  const scanWorkspace = async (): Promise<void> => {
    if (workspaceRoots.length === 0 || scan !== undefined) return;
    const roots = workspaceRoots;
    scan = new WorkspaceScan(roots, SCRIPT_EXTENSIONS);
    try {
      const count = await scan.start((scripts) => {
        for (const script of scripts) host.workspace.addFile(script);
        host.workspaceFilesChanged();
      });
      if (count !== undefined) connection.console.log(`indexed ${count} scripts in ${roots.join(", ")}`);
    } catch (error) {
      logFailure(connection, "the workspace scan", error);
    }
  };

  connection.onInitialized(async () => {
    connection.console.info(
      `${serverName} ${serverVersion} on Node ${process.version}; workspace ${workspaceRoots.length === 0 ? "none" : workspaceRoots.join(", ")}`,
    );
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "crmscript" });
    if (watchSupport) {
      const extensions = SCRIPT_EXTENSIONS.map((extension) => extension.slice(1)).join(",");
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/*.{${extensions}}` }, { globPattern: CONFIG_FILE_GLOB }],
      });
    }
    void scanWorkspace();
    try {
      if (await loadSettings()) diagnostics.everythingChanged();
    } catch (error) {
      logFailure(connection, "start-up", error);
    }
  });

  connection.onShutdown(() => scan?.stop());

  connection.onDidChangeConfiguration(async (change) => {
    try {
      const changed = configurationSupport ? await loadSettings() : applySettings((change.settings as { crmscript?: EditorSettings } | null)?.crmscript);
      if (changed) diagnostics.everythingChanged();
    } catch (error) {
      connection.console.error(`settings could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => isConfigFile(uris.toPath(change.uri)))) {
      configuration.filesChanged();
      settingsChanged();
      diagnostics.everythingChanged();
    }
    for (const change of params.changes) {
      const path = uris.toPath(change.uri);
      if (isConfigFile(path)) continue;
      if (change.type === FileChangeType.Created) host.workspace.addFile(path);
      else if (change.type === FileChangeType.Deleted) host.workspace.removeFile(path);
      if (change.type !== FileChangeType.Changed) host.workspaceFilesChanged();
      if (documents.byPath(path) === undefined) host.invalidate(path);
      diagnostics.dependentsChanged(path);
    }
  });

  connection.onDidOpenTextDocument((params) => {
    const document = params.textDocument;
    const open = documents.open(document.uri, uris.opened(document.uri), document.languageId, document.version, document.text);
    configuration.publishProblems([...documents.all()].map((each) => each.path));
    diagnostics.opened(open);
  });

  connection.onDidChangeTextDocument((params) => {
    const open = documents.change(params.textDocument.uri, params.textDocument.version, params.contentChanges);
    if (open !== undefined) diagnostics.changed(open);
  });

  connection.onDidCloseTextDocument((params) => {
    const open = documents.close(params.textDocument.uri);
    uris.closed(params.textDocument.uri);
    if (open !== undefined) {
      diagnostics.closed(open);
      diagnostics.dependentsChanged(open.path);
    }
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    throwIfCancelled(token);
    const open = documents.get(params.textDocument.uri);
    if (open === undefined) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    try {
      const analysis = diagnostics.analyzed(open);
      await pause(token);
      return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics.converted(open, analysis) };
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logFailure(connection, `diagnostics for ${open.uri}`, error);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  registerHandlers(context);
  registerFormattingHandlers({ connection, documents, configuredFormat: (path) => configuration.formatSettingsFor(path) });
  connection.listen();
  return { uris, documents };
}

/**
 * A real LSP client for tests and the protocol benchmark: starts the built
 * `dist/crmscript-language-server.js` as a child process and talks JSON-RPC
 * over its stdio with vscode-languageserver-protocol's connection, or runs
 * the server's code in this process over a pair of streams (for tests that
 * give it options, such as a rule that throws). It answers
 * `workspace/configuration` with the settings it was given, accepts
 * capability registrations, and records pushed diagnostics and log lines
 * (and both in the order they came, in `events`).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CompletionClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";
import { PassThrough } from "node:stream";
import { createConnection as createServerConnection } from "vscode-languageserver/node";
import { CACHE_FOLDER_VARIABLE } from "../../server/lsp/code-cache.js";
import { MessageActivity } from "../../server/lsp/message-activity.js";
import { startServer, type RunningServer, type ServerOptions } from "../../server/lsp/server.js";
import { repositoryRoot } from "./paths.js";

export const serverBundle = join(repositoryRoot, "dist", "crmscript-language-server.js");

/** Builds dist/ when the bundle is missing or older than a source file. */
export function ensureServerBuilt(): void {
  let newest = 0;
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(repositoryRoot, "grammar"));
  visit(join(repositoryRoot, "server"));
  if (existsSync(serverBundle) && statSync(serverBundle).mtimeMs >= newest) return;
  const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: repositoryRoot, encoding: "utf8", timeout: 120_000 });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed (${build.status}): ${build.stderr}`);
}

export interface ClientOptions {
  readonly workspaceFolder?: string;
  /** What `workspace/configuration` answers for the section `crmscript`. */
  readonly settings?: Record<string, unknown>;
  /** Announce pull-diagnostics support (the server then stops pushing). */
  readonly pullDiagnostics?: boolean;
  readonly extraArguments?: readonly string[];
  /** The server to start (default: the repository's built bundle). */
  readonly serverPath?: string;
  readonly initializationOptions?: Record<string, unknown>;
  /**
   * Keeps the diagnostics of only the newest publishes per document (older ones still count, emptied): a benchmark
   * of many edits would otherwise hold every publish, and this process's garbage collections would be timed as the server's.
   */
  readonly retainPublishes?: number;
  /** Completion capabilities announced instead of the default (snippets and markdown documentation). */
  readonly completion?: CompletionClientCapabilities;
  /**
   * The folder the server keeps its code cache in (`server/lsp/code-cache.ts`); none by default, so that tests
   * neither write to the user's cache folder nor depend on what an earlier run left there.
   */
  readonly codeCacheFolder?: string;
  /** Laid over this process's environment for the server's process; an `undefined` value leaves the variable out. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  /** Pushed diagnostics (`diagnostics <uri>`) and log lines (`log <message>`) in the order they arrived. */
  readonly events: string[] = [];
  /** The server's state, for a server running in this process. */
  server: RunningServer | undefined;
  settings: Record<string, unknown>;
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  private readonly retainPublishes: number | undefined;

  private constructor(
    /** The server's process; undefined for a server running in this process. */
    readonly process: ChildProcess | undefined,
    readonly connection: ProtocolConnection,
    readonly initializeResult: InitializeResult,
    options: ClientOptions,
    private readonly closeServer: (() => void) | undefined,
  ) {
    this.settings = options.settings ?? {};
    this.retainPublishes = options.retainPublishes;
  }

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [options.serverPath ?? serverBundle, "--stdio", ...(options.extraArguments ?? [])], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, ...options.environment, [CACHE_FOLDER_VARIABLE]: options.codeCacheFolder ?? "" },
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    return LspClient.initialize(connection, options, child, undefined);
  }

  /** The server's code in this process, with `serverOptions`, over two in-memory streams. */
  static async startInProcess(options: ClientOptions & { readonly serverOptions?: ServerOptions } = {}): Promise<LspClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // As `main.ts` starts the server, with the connection's count of handled messages.
    const activity = new MessageActivity();
    const serverConnection = createServerConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), {
      messageStrategy: activity.messageStrategy,
    });
    const running = startServer(serverConnection, { diagnosticsDelayMilliseconds: 0, activity, ...options.serverOptions });
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const client = await LspClient.initialize(connection, options, undefined, () => {
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    });
    client.server = running;
    return client;
  }

  private static async initialize(
    connection: ProtocolConnection,
    options: ClientOptions,
    child: ChildProcess | undefined,
    closeServer: (() => void) | undefined,
  ): Promise<LspClient> {
    let client: LspClient | undefined;
    const pending: PublishDiagnosticsParams[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (client === undefined) pending.push(params);
      else client.record(params);
    });
    connection.onNotification(LogMessageNotification.method, (params: { message: string }) => {
      client?.logs.push(params.message);
      client?.events.push(`log ${params.message}`);
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === "crmscript" ? (client?.settings ?? options.settings ?? {}) : null)),
    );
    connection.onRequest(RegistrationRequest.method, () => null);
    connection.onRequest("workspace/diagnostic/refresh", () => {
      client?.logs.push("diagnostic refresh requested");
      return null;
    });
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
      },
      textDocument: {
        completion: options.completion ?? { completionItem: { snippetSupport: true, documentationFormat: ["markdown"] } },
        hover: { contentFormat: ["markdown"] },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
        ...(options.pullDiagnostics === true ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const folder = options.workspaceFolder;
    const initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder === undefined ? null : pathToFileURL(folder).toString(),
      workspaceFolders: folder === undefined ? null : [{ uri: pathToFileURL(folder).toString(), name: "workspace" }],
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    client = new LspClient(child, connection, initializeResult, options, closeServer);
    for (const params of pending) client.record(params);
    connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private record(params: PublishDiagnosticsParams): void {
    this.events.push(`diagnostics ${params.uri}`);
    const list = this.diagnostics.get(params.uri) ?? [];
    list.push(params);
    const retain = this.retainPublishes;
    const stale = retain === undefined ? undefined : list[list.length - 1 - retain];
    if (stale !== undefined) list[list.length - 1 - (retain as number)] = { uri: stale.uri, version: stale.version, diagnostics: [] };
    this.diagnostics.set(params.uri, list);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves with the first pushed diagnostics for `uri` (after `after` of them) that satisfy `accept`. */
  async waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    after = 0,
    timeout = 15_000,
  ): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = (this.diagnostics.get(uri) ?? []).slice(after).find(accept);
      if (found !== undefined) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching diagnostics for ${uri} within ${timeout} ms; got ${JSON.stringify(this.diagnostics.get(uri) ?? [])}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  pushedCount(uri: string): number {
    return this.diagnostics.get(uri)?.length ?? 0;
  }

  open(uri: string, text: string, version = 1): void {
    this.versions.set(uri, version);
    this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "crmscript", version, text } });
  }

  /** Opens a document and waits for its full diagnostics (the second of the two waves a push server sends on open). */
  async openAndWait(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const before = this.pushedCount(uri);
    this.open(uri, text);
    await this.waitForDiagnostics(uri, () => true, before);
    return this.waitForDiagnostics(uri, () => true, before + 1);
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { crmscript: settings } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<number | null> {
    const child = this.process;
    if (child === undefined) {
      // An in-process server would end this process on `exit`: shut it down and close the streams instead.
      await this.connection.sendRequest(ShutdownRequest.type);
      this.connection.dispose();
      this.closeServer?.();
      return null;
    }
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

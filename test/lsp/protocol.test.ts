/**
 * The built language server as a child process, over the real protocol
 * (vscode-languageserver-protocol's client connection on stdio, and once
 * on Node IPC): initialize, open, change, pushed and pulled diagnostics,
 * completion and resolve, hover, signature help, definition, references,
 * rename, symbols, folding, semantic tokens, links, code actions,
 * configuration changes, included files re-checked, shutdown.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createProtocolConnection,
  ExitNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  ShutdownRequest,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type Location,
  type PublishDiagnosticsParams,
  type SignatureHelp,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { ensureServerBuilt, LspClient, serverBundle } from "../support/lsp-client.js";

const folder = mkdtempSync(join(tmpdir(), "crmscript-lsp-"));
const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
const MAIN = [
  "#setLanguageLevel 4;",
  '#include "lib-orders";',
  "NSContactAgent agent;",
  "NSContactEntity c = agent.GetContactEntityy(1);",
  'Order o = newOrder("A-1");',
  "printLine(describe(o));",
  "",
].join("\n");
const LIB =
  "#setLanguageLevel 4;\nstruct Order { String id; };\nOrder newOrder(String id) { Order o; o.id = id; return o; }\nString describe(Order o) { return o.id; }\n";

let client: LspClient;

beforeAll(async () => {
  ensureServerBuilt();
  mkdirSync(join(folder, "sub"), { recursive: true });
  writeFileSync(join(folder, "lib-orders.crm"), LIB);
  writeFileSync(join(folder, "main.crm"), MAIN);
  writeFileSync(join(folder, "sub", "other.crm"), '#setLanguageLevel 4;\nVoid helper() { printLine("x"); }\n');
  client = await LspClient.start({ workspaceFolder: folder });
}, 60_000);

afterAll(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("initialize", () => {
  it("announces the features, incremental sync and the semantic token legend", () => {
    const capabilities = client.initializeResult.capabilities;
    expect(capabilities.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(capabilities.completionProvider).toEqual({ triggerCharacters: [".", '"', "#"], resolveProvider: true });
    expect(capabilities.signatureHelpProvider?.triggerCharacters).toEqual(["(", ","]);
    for (const key of [
      "hoverProvider",
      "definitionProvider",
      "referencesProvider",
      "documentHighlightProvider",
      "documentSymbolProvider",
      "workspaceSymbolProvider",
      "foldingRangeProvider",
    ] as const) {
      expect(capabilities[key]).toBe(true);
    }
    expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
    expect(capabilities.semanticTokensProvider?.legend.tokenTypes).toContain("class");
    expect(capabilities.diagnosticProvider).toBeUndefined();
    expect(client.initializeResult.serverInfo?.name).toBe("crmscript-language-server");
  });
});

describe("diagnostics", () => {
  it("are pushed on open, syntax first, then all with code, documentation link and the did-you-mean", async () => {
    const published = await client.openAndWait(uriOf("main.crm"), MAIN);
    expect(client.diagnostics.get(uriOf("main.crm"))?.[0]?.diagnostics).toEqual([]);
    expect(published.version).toBe(1);
    expect(published.diagnostics).toEqual([
      expect.objectContaining({
        code: "unknown-member",
        severity: 1,
        source: "crmscript",
        message: "NSContactAgent has no method 'GetContactEntityy'; did you mean 'GetContactEntity'?",
        range: { start: { line: 3, character: 26 }, end: { line: 3, character: 43 } },
        codeDescription: { href: expect.stringMatching(/^file:\/\/.*\/docs\/diagnostics\/unknown-member\.md$/) },
      }),
    ]);
  });

  it("follow incremental edits, and the newest version wins", async () => {
    const uri = uriOf("main.crm");
    const before = client.pushedCount(uri);
    // Three quick edits: fix the typo, then add two mistakes on a new last line.
    client.change(uri, [{ range: { start: { line: 3, character: 42 }, end: { line: 3, character: 43 } }, text: "" }]);
    client.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'Integer n = "x"' }]);
    const last = client.change(uri, [{ range: { start: { line: 6, character: 15 }, end: { line: 6, character: 15 } }, text: ";" }]);
    const published = await client.waitForDiagnostics(uri, (params) => params.version === last, before);
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["type-mismatch"]);
    // Debounced: the burst of edits was not analysed and pushed once per keystroke.
    expect(client.pushedCount(uri) - before).toBeLessThan(3);
  });

  it("re-check an open script when a script it includes changes", async () => {
    const uri = uriOf("main.crm");
    const before = client.pushedCount(uri);
    client.open(uriOf("lib-orders.crm"), LIB);
    client.change(uriOf("lib-orders.crm"), [{ range: { start: { line: 3, character: 7 }, end: { line: 3, character: 15 } }, text: "summary" }]);
    const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === "undeclared-name"), before);
    expect(published.diagnostics.find((diagnostic) => diagnostic.code === "undeclared-name")?.message).toContain("'describe'");
    client.change(uriOf("lib-orders.crm"), [{ range: { start: { line: 3, character: 7 }, end: { line: 3, character: 14 } }, text: "describe" }]);
    await client.waitForDiagnostics(uri, (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === "undeclared-name"), client.pushedCount(uri));
  });

  it("change with the settings: a target version reports newer API", async () => {
    const uri = uriOf("http.crm");
    const first = await client.openAndWait(uri, '#setLanguageLevel 4;\nHTTP http;\nhttp.getAsStream("https://example.com");\n');
    expect(first.diagnostics).toEqual([]);
    const before = client.pushedCount(uri);
    client.changeSettings({ targetVersion: "8.0", rules: { "require-language-level": "off" } });
    const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0, before);
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["api-newer-than-target"]);
    client.changeSettings({});
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, client.pushedCount(uri));
  });
});

describe("language features", () => {
  const main = (): string => uriOf("main.crm");

  it("completes members after a dot and resolves their documentation", async () => {
    const uri = uriOf("typing.crm");
    await client.openAndWait(uri, "NSContactAgent agent;\n");
    client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "agent." }]);
    const list = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 6 } });
    const item = list.items.find((candidate) => candidate.label === "GetContactEntity") as CompletionItem;
    expect(item).toMatchObject({ kind: 2, detail: "NSContactEntity NSContactAgent.GetContactEntity(Integer contactEntityId)" });
    const resolved = await client.request<CompletionItem>("completionItem/resolve", item);
    expect((resolved.documentation as { value: string }).value).toContain("Since SuperOffice 7.0");
  });

  it("offers snippets and include ids", async () => {
    const uri = uriOf("sub/new.crm");
    client.open(uri, '#include "";\nsearch\n');
    const ids = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 10 } });
    // Open documents count as scripts too (http.crm and typing.crm are open, not saved).
    expect(ids.items.map((item) => item.label)).toEqual(["http", "lib-orders", "main", "other", "typing"]);
    const statement = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 6 } });
    expect(statement.items.find((item) => item.label === "searchengine")).toMatchObject({ kind: 15, insertTextFormat: 2 });
  });

  it("hovers, helps with signatures and goes to definitions across includes", async () => {
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: main() }, position: { line: 3, character: 30 } });
    expect((hover.contents as { value: string }).value).toContain("NSContactEntity NSContactAgent.GetContactEntity(Integer contactEntityId)");
    const help = await client.request<SignatureHelp>("textDocument/signatureHelp", { textDocument: { uri: main() }, position: { line: 4, character: 19 } });
    expect(help.signatures[0]?.label).toBe("Order newOrder(String id)");
    const definition = await client.request<Location[]>("textDocument/definition", { textDocument: { uri: main() }, position: { line: 5, character: 12 } });
    expect(definition).toEqual([{ uri: uriOf("lib-orders.crm"), range: { start: { line: 3, character: 7 }, end: { line: 3, character: 15 } } }]);
  });

  it("finds references and renames across files, and refuses a bad name", async () => {
    const references = await client.request<Location[]>("textDocument/references", {
      textDocument: { uri: main() },
      position: { line: 5, character: 12 },
      context: { includeDeclaration: true },
    });
    expect(references.map((location) => `${location.uri.split("/").pop()}:${location.range.start.line}`).sort()).toEqual(["lib-orders.crm:3", "main.crm:5"]);
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", {
      textDocument: { uri: main() },
      position: { line: 5, character: 12 },
      newName: "summarize",
    });
    expect(Object.keys(edit.changes ?? {}).sort()).toEqual([uriOf("lib-orders.crm"), main()].sort());
    await expect(
      client.request("textDocument/rename", { textDocument: { uri: main() }, position: { line: 5, character: 12 }, newName: "while" }),
    ).rejects.toThrow(/is a keyword/);
  });

  it("answers symbols, folding, semantic tokens, links, highlights and quick fixes", async () => {
    const symbols = await client.request<{ name: string }[]>("textDocument/documentSymbol", { textDocument: { uri: uriOf("lib-orders.crm") } });
    expect(symbols.map((symbol) => symbol.name)).toEqual(["Order", "newOrder", "describe"]);
    const workspace = await client.request<{ name: string; location: { uri: string } }[]>("workspace/symbol", { query: "helper" });
    expect(workspace.map((symbol) => `${symbol.name} ${symbol.location.uri.split("/").pop()}`)).toEqual(["helper other.crm"]);
    const folding = await client.request<unknown[]>("textDocument/foldingRange", { textDocument: { uri: uriOf("sub/other.crm") } });
    expect(folding).toEqual([]);
    const tokens = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", { textDocument: { uri: main() } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(40);
    const links = await client.request<{ target: string }[]>("textDocument/documentLink", { textDocument: { uri: main() } });
    expect(links.map((link) => link.target)).toEqual([uriOf("lib-orders.crm")]);
    const highlights = await client.request<unknown[]>("textDocument/documentHighlight", {
      textDocument: { uri: main() },
      position: { line: 4, character: 7 },
    });
    expect(highlights).toHaveLength(2);
    const uri = uriOf("fix.crm");
    const published = await client.openAndWait(uri, "#setLanguageLevel 4;\nInteger counter = 1;\ncounte++;\n");
    const actions = await client.request<{ title: string; edit: WorkspaceEdit }[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } },
      context: { diagnostics: published.diagnostics },
    });
    expect(actions.map((action) => action.title)).toEqual([
      "Change to 'counter'",
      "Suppress 'undeclared-name' on this line",
      "Suppress 'undeclared-name' in this file",
    ]);
    expect(actions[1]?.edit.changes?.[uri]).toEqual([
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: "// crmscript-lint-disable-next-line undeclared-name\n" },
    ]);
    expect(actions[0]?.edit.changes?.[uri]).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, newText: "counter" }]);
  });

  it("answers an unknown document or a position outside it with nothing, not an error", async () => {
    expect(await client.request("textDocument/hover", { textDocument: { uri: uriOf("nowhere.crm") }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.request("textDocument/completion", { textDocument: { uri: main() }, position: { line: 999, character: 999 } })).toMatchObject({
      items: expect.any(Array),
    });
  });
});

describe("other clients", () => {
  it("pull diagnostics from a client that supports them, and stop pushing", async () => {
    const pulling = await LspClient.start({ workspaceFolder: folder, pullDiagnostics: true });
    try {
      expect(pulling.initializeResult.capabilities.diagnosticProvider).toEqual({ interFileDependencies: true, workspaceDiagnostics: false });
      const uri = uriOf("pulled.crm");
      pulling.open(uri, "#setLanguageLevel 4;\nString s = 5;\n");
      const report = await pulling.request<{ kind: string; items: { code: string }[] }>("textDocument/diagnostic", { textDocument: { uri } });
      expect(report).toMatchObject({ kind: "full", items: [expect.objectContaining({ code: "type-mismatch" })] });
      pulling.changeSettings({ targetVersion: "8.0" });
      await expect.poll(() => pulling.logs.includes("diagnostic refresh requested"), { timeout: 10_000 }).toBe(true);
      expect(pulling.pushedCount(uri)).toBe(0);
    } finally {
      await pulling.stop();
    }
  });

  it("leave the statement snippets to a client that has its own (the VS Code extension), and log what started", async () => {
    const withSnippets = await LspClient.start({ workspaceFolder: folder, initializationOptions: { snippets: false, targetVersion: "10.2" } });
    try {
      const uri = uriOf("own-snippets.crm");
      withSnippets.open(uri, "if\nmapiter\nNSCon\n");
      const at = async (line: number, character: number) =>
        withSnippets.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: { line, character } });
      const keyword = await at(0, 2);
      expect(keyword.items[0]).toMatchObject({ label: "if", kind: 14 });
      expect(keyword.items.filter((item) => item.kind === 15)).toEqual([]);
      expect((await at(1, 7)).items.map((item) => item.label)).not.toContain("mapiterate");
      expect((await at(2, 5)).items.map((item) => item.label)).toContain("NSContactAgent");
      await expect
        .poll(() => withSnippets.logs.find((line) => line.startsWith("crmscript-language-server ")), { timeout: 10_000 })
        .toMatch(/on Node v\d+.*workspace /);
    } finally {
      await withSnippets.stop();
    }
  });

  it("check an opened script once when the settings came with initialize (as the VS Code extension sends them), again when they came later", async () => {
    // What VS Code answers for the section when nothing is set: every contributed setting at its default.
    const defaults = { targetVersion: "", platform: "online", includePaths: [], ignorePatterns: [], rules: {}, reportUnusedSuppressions: "warning" };
    const text = "String s = 5;\n";
    // Settings that change the result: without them the script also gets `require-language-level`.
    const late = await LspClient.start({ workspaceFolder: folder, settings: { ...defaults, rules: { "require-language-level": "off" } } });
    try {
      const uri = uriOf("settings-late.crm");
      late.open(uri, text);
      // The syntax wave, the full analysis, and the full analysis again once the settings arrived; or, when the
      // settings arrive while the first full analysis is still waiting its turn (a busy machine), that one only.
      const codes = (params: PublishDiagnosticsParams): string[] => params.diagnostics.map((diagnostic) => String(diagnostic.code));
      await late.waitForDiagnostics(uri, (params) => codes(params).join() === "type-mismatch", 1, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect([2, 3]).toContain(late.pushedCount(uri));
    } finally {
      await late.stop();
    }
    const early = await LspClient.start({ workspaceFolder: folder, settings: defaults, initializationOptions: { ...defaults, snippets: false } });
    try {
      const uri = uriOf("settings-early.crm");
      early.open(uri, text);
      await early.waitForDiagnostics(uri, () => true, 1, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(early.pushedCount(uri)).toBe(2);
    } finally {
      await early.stop();
    }
  });

  it("start on Node IPC too, and exit cleanly after shutdown", async () => {
    const child = spawn(process.execPath, [serverBundle, "--node-ipc"], { stdio: ["pipe", "pipe", "pipe", "ipc"] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    expect(result.capabilities.hoverProvider).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await connection.sendRequest(ShutdownRequest.type);
    connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    connection.dispose();
  });
});

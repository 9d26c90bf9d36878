/**
 * Cancellation of the long requests: each one that is cancelled
 * (`$/cancelRequest`) is answered with `RequestCancelled` and the server
 * goes on answering; a request cancelled while it reads thousands of
 * scripts stops between files. The server runs in this process, in a
 * generated workspace, for a client that pulls diagnostics.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancellationTokenSource, LSPErrorCodes, type Location, type SymbolInformation } from "vscode-languageserver-protocol";
import { LspClient } from "../support/lsp-client.js";

const folder = mkdtempSync(join(tmpdir(), "crmscript-cancel-"));
const FILES = 3000;
const INCLUDERS = FILES / 50;
const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
const LIB = "#setLanguageLevel 4;\nInteger shared(Integer a) { return a + 1; }\n";

function script(index: number): string {
  const include = index % 50 === 0 ? '#include "lib-shared";\n' : "";
  const functions = Array.from({ length: 20 }, (_, k) => `Integer f${index}x${k}(Integer a) {\n  Integer b = a + ${k};\n  return b * 2;\n}\n`).join("");
  return `#setLanguageLevel 4;\n${include}${functions}${index % 50 === 0 ? "printLine(shared(1).toString());\n" : ""}`;
}

beforeAll(() => {
  for (let group = 0; group < 30; group++) mkdirSync(join(folder, `group${group}`));
  writeFileSync(join(folder, "lib-shared.crm"), LIB);
  for (let index = 0; index < FILES; index++) writeFileSync(join(folder, `group${index % 30}`, `script${index}.crm`), script(index));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A server in this process whose workspace scan has ended (the index of the scripts' contents is still empty). */
async function startScanned(): Promise<LspClient> {
  const client = await LspClient.startInProcess({ workspaceFolder: folder, pullDiagnostics: true });
  const deadline = Date.now() + 30_000;
  while (!client.logs.some((line) => line.startsWith(`indexed ${FILES + 1} scripts`))) {
    if (Date.now() > deadline) throw new Error(`the workspace scan did not end; logs: ${client.logs.join("; ")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return client;
}

function sendCancelled<R>(client: LspClient, method: string, params: unknown): { answer: Promise<R>; cancel: () => void } {
  const source = new CancellationTokenSource();
  const answer = client.connection.sendRequest(method, params, source.token) as Promise<R>;
  return { answer, cancel: () => source.cancel() };
}

const cancelledError = { code: LSPErrorCodes.RequestCancelled };

describe("a cancelled request", () => {
  let client: LspClient;
  const main = uriOf("group0/script0.crm");

  beforeAll(async () => {
    client = await startScanned();
    client.open(main, script(0));
    client.open(uriOf("lib-shared.crm"), LIB);
  }, 60_000);

  afterAll(async () => {
    await client?.stop();
  });

  const libPosition = { textDocument: { uri: uriOf("lib-shared.crm") }, position: { line: 1, character: 9 } };
  const requests: [string, unknown][] = [
    ["textDocument/references", { ...libPosition, context: { includeDeclaration: true } }],
    ["textDocument/rename", { ...libPosition, newName: "common" }],
    ["workspace/symbol", { query: "f2999x19" }],
    ["textDocument/documentSymbol", { textDocument: { uri: main } }],
    ["textDocument/semanticTokens/full", { textDocument: { uri: main } }],
    ["textDocument/completion", { textDocument: { uri: main }, position: { line: 3, character: 2 } }],
    ["textDocument/diagnostic", { textDocument: { uri: main } }],
    [
      "textDocument/codeAction",
      { textDocument: { uri: main }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] } },
    ],
  ];

  it.each(requests)("%s is answered with RequestCancelled, and answered in full when asked again", async (method, params) => {
    const { answer, cancel } = sendCancelled(client, method, params);
    cancel();
    await expect(answer).rejects.toMatchObject(cancelledError);
    const full = await client.request<unknown>(method, params);
    expect(full).not.toBeNull();
    expect(client.logs.filter((line) => line.includes("failed"))).toEqual([]);
  });

  it("answers references and workspace symbols in full once not cancelled", async () => {
    const references = await client.request<Location[]>("textDocument/references", { ...libPosition, context: { includeDeclaration: false } });
    expect(references).toHaveLength(INCLUDERS);
    const symbols = await client.request<SymbolInformation[]>("workspace/symbol", { query: "f2999x19" });
    expect(symbols.map((symbol) => symbol.location.uri)).toEqual([uriOf("group29/script2999.crm")]);
  });
});

describe("a request cancelled while it reads the workspace", () => {
  /** Sends `method`, waits until the server has answered another request meanwhile (so it is running), then cancels it. */
  async function cancelWhileRunning(client: LspClient, method: string, params: unknown): Promise<unknown> {
    const { answer, cancel } = sendCancelled(client, method, params);
    const settled = answer.then(
      () => "answered",
      (error: unknown) => error,
    );
    // Requests are dispatched in order; this one is answered while the long one waits between files.
    await client.request("textDocument/documentSymbol", { textDocument: { uri: uriOf("lib-shared.crm") } });
    cancel();
    return settled;
  }

  it("stops: workspace symbols over 3,000 scripts not indexed yet", async () => {
    const client = await startScanned();
    try {
      client.open(uriOf("lib-shared.crm"), LIB);
      expect(await cancelWhileRunning(client, "workspace/symbol", { query: "f1234x19" })).toMatchObject(cancelledError);
      const symbols = await client.request<SymbolInformation[]>("workspace/symbol", { query: "f1234x19" });
      expect(symbols.map((symbol) => symbol.location.uri)).toEqual([uriOf("group4/script1234.crm")]);
    } finally {
      await client.stop();
    }
  });

  it("stops: references that need the include graph of 3,000 scripts", async () => {
    const client = await startScanned();
    try {
      client.open(uriOf("lib-shared.crm"), LIB);
      const params = { ...{ textDocument: { uri: uriOf("lib-shared.crm") }, position: { line: 1, character: 9 } }, context: { includeDeclaration: false } };
      expect(await cancelWhileRunning(client, "textDocument/references", params)).toMatchObject(cancelledError);
      expect(await client.request<Location[]>("textDocument/references", params)).toHaveLength(INCLUDERS);
    } finally {
      await client.stop();
    }
  });
});

/**
 * The server in a workspace of thousands of scripts, rule severities from
 * the settings, and a failing handler that is logged and answered empty.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "vscode-languageserver";
import type { Location } from "vscode-languageserver-protocol";
import { guarded } from "../../server/lsp/guard.js";
import { ensureServerBuilt, LspClient } from "../support/lsp-client.js";

const folder = mkdtempSync(join(tmpdir(), "crmscript-big-"));
const FILES = 2500;
let client: LspClient;

beforeAll(async () => {
  ensureServerBuilt();
  for (let group = 0; group < 25; group++) mkdirSync(join(folder, `group${group}`), { recursive: true });
  writeFileSync(join(folder, "lib-common.crm"), '#setLanguageLevel 4;\nString commonPrefix() { return "x"; }\n');
  for (let index = 0; index < FILES; index++) {
    const include = index % 100 === 0 ? '#include "lib-common";\n' : "";
    const use = index % 100 === 0 ? "printLine(commonPrefix());\n" : "";
    writeFileSync(
      join(folder, `group${index % 25}`, `script${index}.crm`),
      `#setLanguageLevel 4;\n${include}Void handler${index}() { printLine("${index}"); }\n${use}`,
    );
  }
  client = await LspClient.start({ workspaceFolder: folder, settings: { rules: { "no-unused-variable": "error" } } });
}, 120_000);

afterAll(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("a workspace of thousands of scripts", () => {
  it("indexes every script: workspace symbols find one in any file", async () => {
    await expect.poll(() => client.logs.some((line) => line.startsWith(`indexed ${FILES + 1} scripts`)), { timeout: 30_000 }).toBe(true);
    const symbols = await client.request<{ name: string; location: { uri: string } }[]>("workspace/symbol", { query: "handler2487" });
    expect(symbols.map((symbol) => symbol.location.uri)).toEqual([pathToFileURL(join(folder, "group12", "script2487.crm")).toString()]);
  });

  it("finds references in scripts that are not open", async () => {
    const uri = pathToFileURL(join(folder, "lib-common.crm")).toString();
    await client.openAndWait(uri, '#setLanguageLevel 4;\nString commonPrefix() { return "x"; }\n');
    const references = await client.request<Location[]>("textDocument/references", {
      textDocument: { uri },
      position: { line: 1, character: 9 },
      context: { includeDeclaration: false },
    });
    expect(references).toHaveLength(FILES / 100);
  });
});

describe("settings", () => {
  it("apply rule severities from the configuration", async () => {
    const uri = pathToFileURL(join(folder, "unused.crm")).toString();
    const published = await client.openAndWait(uri, "#setLanguageLevel 4;\nVoid f() { Integer unused = 1; }\n");
    expect(published.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`)).toEqual(["no-unused-variable 1"]);
    const before = client.pushedCount(uri);
    client.changeSettings({ rules: { "no-unused-variable": "off" } });
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, before);
    client.changeSettings({ rules: { "no-unused-variable": "warning", "bogus-rule": "loud" } });
    const warned = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 1, client.pushedCount(uri));
    expect(warned.diagnostics[0]?.severity).toBe(2);
    expect(client.logs.some((line) => line.includes("crmscript settings: unknown rule 'bogus-rule'"))).toBe(true);
  });
});

describe("a failing handler", () => {
  it("is logged with its stack and answered with the empty result", () => {
    const errors: string[] = [];
    const connection = { console: { error: (message: string) => errors.push(message) } } as unknown as Connection;
    const handler = guarded(connection, "hover", null, (): string | null => {
      throw new Error("feature exploded");
    });
    expect(handler()).toBeNull();
    expect(errors[0]).toMatch(/^hover failed: Error: feature exploded\n\s+at /);
  });
});

/**
 * The language server keeps answering when things go wrong around it: a
 * lint rule that throws on every file, a file that disappears between the
 * watcher's event and the read, a configuration file replaced by a folder,
 * and a circle of includes through 50 scripts. The server runs in this
 * process (with an extra, failing rule) and talks real JSON-RPC.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DidChangeWatchedFilesNotification, FileChangeType, type Hover } from "vscode-languageserver-protocol";
import { allRules } from "../../server/lint/registry.js";
import { defineRule } from "../../server/lint/rule.js";
import { LspClient } from "../support/lsp-client.js";

const throwing = defineRule({
  id: "throws-always",
  group: "correctness",
  defaultSeverity: "warning",
  description: "A rule that fails on every file.",
  create: () => ({
    Identifier: () => {
      throw new Error("this rule always fails");
    },
  }),
});

const folder = mkdtempSync(join(tmpdir(), "crmscript-faults-"));
const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
let client: LspClient;

const MAIN = '#setLanguageLevel 4;\n#include "lib";\nString greeting = hello();\nprintLine(greeting);\n';

beforeAll(async () => {
  writeFileSync(join(folder, "lib.crm"), '#setLanguageLevel 4;\nString hello() { return "hi"; }\n');
  writeFileSync(join(folder, "main.crm"), MAIN);
  mkdirSync(join(folder, "configured"));
  writeFileSync(join(folder, "configured", ".crmscriptrc.json"), '{ "rules": { "no-unused-variable": "error" } }');
  writeFileSync(join(folder, "configured", "unused.crm"), "#setLanguageLevel 4;\nVoid f() { Integer spare = 1; }\nf();\n");
  for (let index = 1; index <= 50; index++) {
    writeFileSync(join(folder, `ring${index}.crm`), `#setLanguageLevel 4;\n#include "ring${(index % 50) + 1}";\nInteger ring${index}() { return ${index}; }\n`);
  }
  client = await LspClient.startInProcess({ workspaceFolder: folder, serverOptions: { rules: [...allRules, throwing] } });
});

afterAll(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function hoverAt(name: string, line: number, character: number): Promise<Hover | null> {
  return client.request<Hover | null>("textDocument/hover", { textDocument: { uri: uriOf(name) }, position: { line, character } });
}

function watched(name: string, type: FileChangeType): void {
  client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(name), type }] });
}

describe("the language server keeps answering", () => {
  it("when a lint rule throws on every file: that rule is one diagnostic, the others still run", async () => {
    const published = await client.openAndWait(uriOf("main.crm"), MAIN);
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["lint-internal-error"]);
    expect(published.diagnostics[0]?.message).toContain("lint rule 'throws-always' failed on this file");
    expect(JSON.stringify(await hoverAt("main.crm", 2, 20))).toContain("String hello()");
  });

  it("when an included file disappears between the watcher's event and the read", async () => {
    const before = client.pushedCount(uriOf("main.crm"));
    rmSync(join(folder, "lib.crm"));
    watched("lib.crm", FileChangeType.Changed);
    const after = await client.waitForDiagnostics(
      uriOf("main.crm"),
      (params) => params.diagnostics.some((diagnostic) => diagnostic.code === "include-not-found"),
      before,
    );
    expect(after.diagnostics.map((diagnostic) => diagnostic.code)).toContain("undeclared-name");
    writeFileSync(join(folder, "lib.crm"), '#setLanguageLevel 4;\nString hello() { return "hi"; }\n');
    watched("lib.crm", FileChangeType.Created);
    await client.waitForDiagnostics(
      uriOf("main.crm"),
      (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === "include-not-found"),
      client.pushedCount(uriOf("main.crm")) - 1,
    );
  });

  it("when a configuration file is replaced by a folder", async () => {
    const uri = uriOf("configured/unused.crm");
    const first = await client.openAndWait(uri, "#setLanguageLevel 4;\nVoid f() { Integer spare = 1; }\nf();\n");
    expect(first.diagnostics.filter((diagnostic) => diagnostic.code === "no-unused-variable").map((diagnostic) => diagnostic.severity)).toEqual([1]);
    const before = client.pushedCount(uri);
    rmSync(join(folder, "configured", ".crmscriptrc.json"));
    mkdirSync(join(folder, "configured", ".crmscriptrc.json"));
    watched("configured/.crmscriptrc.json", FileChangeType.Changed);
    const after = await client.waitForDiagnostics(
      uri,
      (params) => params.diagnostics.some((diagnostic) => diagnostic.code === "no-unused-variable" && diagnostic.severity === 2),
      before,
    );
    expect(after.diagnostics.map((diagnostic) => diagnostic.code).sort()).toEqual(["lint-internal-error", "no-unused-variable"]);
  });

  it("through a circle of includes that spans 50 scripts", async () => {
    const published = await client.openAndWait(uriOf("ring1.crm"), '#setLanguageLevel 4;\n#include "ring2";\nInteger ring1() { return ring50(); }\n');
    expect(published.diagnostics.map((diagnostic) => diagnostic.code).sort()).toEqual(["include-cycle", "lint-internal-error"]);
    const cycle = published.diagnostics.find((diagnostic) => diagnostic.code === "include-cycle");
    expect(cycle?.message).toContain("ring1.crm → ring2.crm → ring3.crm");
    expect(cycle?.message).toContain("ring50.crm → ring1.crm");
    expect(JSON.stringify(await hoverAt("ring1.crm", 2, 28))).toContain("Integer ring50()");
  });
});

/**
 * The language server reads `.crmscriptrc.json` as the CLI does: the file
 * found for a script overrides the editor settings, a changed file (seen
 * through file watching) re-checks open scripts, a broken file gets its
 * problems as diagnostics at their positions, ignored scripts get none, and
 * suppression comments work in the editor. Runs the built server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DidChangeWatchedFilesNotification, FileChangeType } from "vscode-languageserver-protocol";
import { LspClient } from "../support/lsp-client.js";

const UNUSED = "#setLanguageLevel 4;\nVoid f() {\n  Integer spare = 0;\n}\nf();\n";

let folder: string;
let client: LspClient;
const uriOf = (path: string): string => pathToFileURL(join(folder, path)).toString();
const configPath = (): string => join(folder, ".crmscriptrc.json");

function writeConfig(content: string): void {
  writeFileSync(configPath(), content);
  client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(".crmscriptrc.json"), type: FileChangeType.Changed }] });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "crmscript-lsp-config-"));
  mkdirSync(join(folder, "vendor"));
  writeFileSync(configPath(), JSON.stringify({ rules: { "no-unused-variable": "error" }, ignorePatterns: ["vendor/"] }));
  client = await LspClient.start({ workspaceFolder: folder, settings: { rules: { "no-unused-variable": "warn" } } });
}, 30_000);

afterAll(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("configuration files in the editor", () => {
  it("override the editor settings", async () => {
    const published = await client.openAndWait(uriOf("a.crm"), UNUSED);
    expect(published.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`)).toEqual(["no-unused-variable 1"]);
  });

  it("leave ignored scripts without diagnostics", async () => {
    const published = await client.openAndWait(uriOf("vendor/lib.crm"), UNUSED);
    expect(published.diagnostics).toEqual([]);
  });

  it("re-check open scripts when the file changes, and show a broken file's problems in it", async () => {
    const a = uriOf("a.crm");
    writeConfig(JSON.stringify({ rules: { "no-unused-variable": "off" } }));
    await client.waitForDiagnostics(a, (params) => params.diagnostics.length === 0, client.pushedCount(a));
    const config = uriOf(".crmscriptrc.json");
    const before = client.pushedCount(config);
    const beforeA = client.pushedCount(a);
    writeConfig('{\n  "rules": { "no-unused-variabel": "off" }\n}\n');
    const problems = await client.waitForDiagnostics(config, (params) => params.diagnostics.length > 0, before);
    expect(
      problems.diagnostics.map((diagnostic) => ({
        line: diagnostic.range.start.line,
        character: diagnostic.range.start.character,
        message: diagnostic.message,
      })),
    ).toEqual([{ line: 1, character: 13, message: "unknown rule 'no-unused-variabel'; did you mean 'no-unused-variable'?" }]);
    // The broken property is ignored: the editor setting (warn) applies again.
    const warned = await client.waitForDiagnostics(a, (params) => params.diagnostics.length === 1, beforeA);
    expect(warned.diagnostics[0]?.severity).toBe(2);
    writeConfig("{}");
    await client.waitForDiagnostics(config, (params) => params.diagnostics.length === 0, client.pushedCount(config) - 1);
  });

  it("honour suppression comments and report unused ones", async () => {
    const published = await client.openAndWait(
      uriOf("b.crm"),
      '#setLanguageLevel 4;\nVoid f() {\n  // crmscript-lint-disable-next-line no-unused-variable -- kept\n  Integer spare = 0;\n  // crmscript-lint-disable-next-line no-shadow\n  printLine("x");\n}\nf();\n',
    );
    expect(published.diagnostics.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.code}`)).toEqual(["4 unused-suppression"]);
  });
});

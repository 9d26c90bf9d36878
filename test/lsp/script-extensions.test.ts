/**
 * Every script extension counts everywhere: the server indexes, resolves
 * includes to and finds references and renames in closed scripts of each of
 * the six extensions VS Code registers (`.crm .crmscript .ej .ejscript
 * .crmx .cr`), and the CLI lints them all in a folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Location, WorkspaceEdit } from "vscode-languageserver-protocol";
import { SCRIPT_EXTENSIONS } from "../../server/analysis/script-files.js";
import { lint, parseJson } from "../support/cli-runner.js";
import { ensureServerBuilt, LspClient } from "../support/lsp-client.js";

const folder = mkdtempSync(join(tmpdir(), "crmscript-extensions-"));
const LIB = '#setLanguageLevel 4;\n#include "helpers";\nString greeting() { return salutation() + " there"; }\n';
const users = SCRIPT_EXTENSIONS.filter((extension) => extension !== ".crm").map((extension) => `user${extension}`);
let client: LspClient;

beforeAll(async () => {
  ensureServerBuilt();
  writeFileSync(join(folder, "lib.crm"), LIB);
  // An include id found only as a template with an older extension.
  writeFileSync(join(folder, "helpers.ej"), '#setLanguageLevel 4;\nString salutation() { return "Hello"; }\n');
  for (const name of users) writeFileSync(join(folder, name), '%EJSCRIPT_START%\n<p><% #include "lib"; print(greeting()); %></p>\n%EJSCRIPT_END%\n');
  client = await LspClient.start({ workspaceFolder: folder });
}, 60_000);

afterAll(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();

describe("scripts of every extension", () => {
  it("are indexed, and an include id resolves to a .ej script", async () => {
    await expect.poll(() => client.logs.some((line) => line.startsWith(`indexed ${users.length + 2} scripts`)), { timeout: 30_000 }).toBe(true);
    const published = await client.openAndWait(uriOf("lib.crm"), LIB);
    expect(published.diagnostics).toEqual([]);
  });

  it("hold references found while they are closed", async () => {
    const references = await client.request<Location[]>("textDocument/references", {
      textDocument: { uri: uriOf("lib.crm") },
      position: { line: 2, character: 8 },
      context: { includeDeclaration: false },
    });
    expect(references.map((reference) => reference.uri).sort()).toEqual(users.map(uriOf).sort());
  });

  it("are renamed in while they are closed", async () => {
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", {
      textDocument: { uri: uriOf("lib.crm") },
      position: { line: 2, character: 8 },
      newName: "welcome",
    });
    const changed = Object.keys(edit.changes ?? {}).concat(
      (edit.documentChanges ?? []).map((change) => ("textDocument" in change ? change.textDocument.uri : "")),
    );
    expect([...new Set(changed)].sort()).toEqual([uriOf("lib.crm"), ...users.map(uriOf)].sort());
  });

  it("are linted when the CLI searches a folder", async () => {
    const run = await lint(["-f", "json", "."], { cwd: folder });
    const linted = parseJson(run.stdout)
      .map((result) => result.filePath.slice(folder.length + 1))
      .sort();
    expect(linted).toEqual(["helpers.ej", "lib.crm", ...users].sort());
    expect(readFileSync(join(folder, "lib.crm"), "utf8")).toBe(LIB);
  });
});

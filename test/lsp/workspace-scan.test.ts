/**
 * The workspace scan runs in the background: it finds the same scripts in
 * the same order as `crmscript-lint`'s folder search, can be stopped, and
 * a document opened right after `initialized` in a workspace of thousands
 * of folders gets its diagnostics before the scan has ended; cross-file
 * references work once it has.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Location } from "vscode-languageserver-protocol";
import { SCRIPT_EXTENSIONS } from "../../server/analysis/script-files.js";
import { WorkspaceScan } from "../../server/lsp/workspace-scan.js";
import { findFiles } from "../../server/node/find-files.js";
import { ensureServerBuilt, LspClient } from "../support/lsp-client.js";

const folder = mkdtempSync(join(tmpdir(), "crmscript-scan-"));
const FOLDERS = 1500;
const INCLUDERS = FOLDERS / 10;
const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
const LIB = '#setLanguageLevel 4;\nString commonPrefix() { return "x"; }\n';

beforeAll(() => {
  writeFileSync(join(folder, "lib-common.crm"), LIB);
  for (let index = 0; index < FOLDERS; index++) {
    const sub = join(folder, `area${index % 30}`, `folder${index}`);
    mkdirSync(sub, { recursive: true });
    const include = index % 10 === 0 ? '#include "lib-common";\nprintLine(commonPrefix());\n' : "";
    writeFileSync(join(sub, `script${index}.crm`), `#setLanguageLevel 4;\n${include}Void handler${index}() { printLine("${index}"); }\n`);
    writeFileSync(join(sub, `notes${index}.txt`), "not a script");
  }
  for (const skipped of ["node_modules", ".git"]) {
    mkdirSync(join(folder, skipped));
    writeFileSync(join(folder, skipped, "hidden.crm"), LIB);
  }
  writeFileSync(join(folder, "UPPER.CRM"), LIB);
  writeFileSync(join(folder, "page.ejscript"), "%EJSCRIPT_START%\n<p>x</p>\n%EJSCRIPT_END%\n");
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("the workspace scan", () => {
  it("finds what crmscript-lint finds in a folder, in the same order, folder by folder", async () => {
    const batches: (readonly string[])[] = [];
    const count = await new WorkspaceScan([folder], SCRIPT_EXTENSIONS).start((scripts) => batches.push(scripts));
    const expected = findFiles([folder], folder, SCRIPT_EXTENSIONS).files;
    expect(batches.flat()).toEqual(expected);
    expect(count).toBe(expected.length);
    expect(count).toBe(FOLDERS + 3);
    expect(batches.length).toBeGreaterThan(FOLDERS);
  });

  it("ends early when stopped, saying it found nothing", async () => {
    const scan = new WorkspaceScan([folder, folder], SCRIPT_EXTENSIONS);
    let found = 0;
    const counted = scan.start((scripts) => {
      found += scripts.length;
      if (found >= 10) scan.stop();
    });
    expect(await counted).toBeUndefined();
    await scan.ended();
    expect(found).toBeLessThan(20);
  });
});

describe("a document opened right after initialized", () => {
  let client: LspClient;

  beforeAll(() => {
    ensureServerBuilt();
  }, 120_000);

  afterAll(async () => {
    await client?.stop();
  });

  it("gets its diagnostics before the scan's log line; references work once the scan has ended", async () => {
    client = await LspClient.start({ workspaceFolder: folder });
    const uri = uriOf("lib-common.crm");
    client.open(uri, LIB);
    await client.waitForDiagnostics(uri);
    await expect.poll(() => client.logs.some((line) => line.startsWith(`indexed ${FOLDERS + 3} scripts in ${folder}`)), { timeout: 30_000 }).toBe(true);
    const firstDiagnostics = client.events.indexOf(`diagnostics ${uri}`);
    const indexed = client.events.findIndex((event) => event.startsWith("log indexed "));
    expect(firstDiagnostics).toBeGreaterThanOrEqual(0);
    expect(firstDiagnostics).toBeLessThan(indexed);
    const position = { textDocument: { uri }, position: { line: 1, character: 9 } };
    const references = await client.request<Location[]>("textDocument/references", { ...position, context: { includeDeclaration: false } });
    expect(references).toHaveLength(INCLUDERS);
  });
});

/**
 * Completion over the protocol (the server in this process): the typed
 * word filters and orders the items, which carry sortText, filterText and
 * edits (a TextEdit over the typed part, an InsertReplaceEdit or the list's
 * default edit range when the client supports them); a cut list says
 * `isIncomplete`; documentation comes only through `completionItem/resolve`;
 * an accepted item's command moves it up in the next list; and the answer
 * after `printL` stays small.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletionItem, CompletionList, InsertReplaceEdit, Position, TextEdit } from "vscode-languageserver-protocol";
import { LspClient } from "../support/lsp-client.js";

const folder = mkdtempSync(join(tmpdir(), "crmscript-completion-"));
const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
const SCRIPT = [
  "#setLanguageLevel 4;",
  "NSContactAgent agent;",
  "Integer count = 0;",
  "String name = agent.GetContactE;",
  "Void run(Integer limit) {",
  "  Integer total = count;",
  "  printL",
  "  agent.GetConList(1);",
  "  ",
  "}",
  "",
].join("\n");
const at = (line: number, character: number): Position => ({ line, character });

let client: LspClient;

beforeAll(async () => {
  client = await LspClient.startInProcess({ workspaceFolder: folder });
  await client.openAndWait(uriOf("main.crm"), SCRIPT);
}, 60_000);

afterAll(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function completeWith(on: LspClient, position: Position, uri = uriOf("main.crm")): Promise<CompletionList> {
  return on.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position });
}

describe("ranked completion over the protocol", () => {
  it("answers a small list with printLine first after printL, without documentation", async () => {
    const list = await completeWith(client, at(6, 8));
    expect(list.items[0]).toMatchObject({ label: "printLine", filterText: "printLine", sortText: expect.any(String) });
    expect(list.isIncomplete).toBe(false);
    expect(list.items.every((item) => item.documentation === undefined)).toBe(true);
    // It was 659 items and 149,704 bytes of JSON before the list was filtered.
    expect(JSON.stringify(list).length).toBeLessThan(5_000);
  });

  it("puts the matching method first, with sortText in list order and a TextEdit over the typed part", async () => {
    const list = await completeWith(client, at(3, 31));
    expect(list.items[0]?.label).toBe("GetContactEntity");
    const sortTexts = list.items.map((item) => item.sortText ?? "");
    expect([...sortTexts].sort()).toEqual(sortTexts);
    expect(list.items[0]?.textEdit).toEqual({ range: { start: at(3, 20), end: at(3, 31) }, newText: "GetContactEntity" });
  });

  it("cuts the list at 200 with isIncomplete", async () => {
    const list = await completeWith(client, at(8, 2));
    expect(list.items).toHaveLength(200);
    expect(list.isIncomplete).toBe(true);
    expect(list.items.slice(0, 2).map((item) => item.label)).toEqual(["limit", "total"]);
  });

  it("resolves the documentation of an item lazily", async () => {
    const list = await completeWith(client, at(3, 31));
    const item = list.items[0] as CompletionItem;
    expect(JSON.stringify(item.data).length).toBeLessThan(20);
    const resolved = await client.request<CompletionItem>("completionItem/resolve", item);
    expect((resolved.documentation as { value: string }).value).toContain("Since SuperOffice 7.0");
  });

  it("moves an accepted item up through the command it carries", async () => {
    expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toEqual(["crmscript.completionAccepted"]);
    const before = await completeWith(client, at(7, 14));
    const labels = before.items.map((item) => item.label);
    expect(labels.slice(0, 3)).toEqual(["GetContact", "GetContactEntity", "GetContactList"]);
    const later = before.items[2];
    expect(later?.command).toMatchObject({ command: "crmscript.completionAccepted", arguments: [later?.label] });
    await client.request("workspace/executeCommand", later?.command);
    const after = await completeWith(client, at(7, 14));
    expect(after.items[0]?.label).toBe(later?.label);
  });
});

describe("edits for the client's capabilities", () => {
  it("gives an insert and a replace range to a client that supports them, for a cursor inside a word", async () => {
    const replacing = await LspClient.startInProcess({
      workspaceFolder: folder,
      completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true } },
    });
    try {
      await replacing.openAndWait(uriOf("main.crm"), SCRIPT);
      const list = await completeWith(replacing, at(7, 14));
      expect(list.items[0]?.label).toBe("GetContact");
      expect(list.items[0]?.textEdit as InsertReplaceEdit).toEqual({
        newText: "GetContact",
        insert: { start: at(7, 8), end: at(7, 14) },
        replace: { start: at(7, 8), end: at(7, 18) },
      });
    } finally {
      await replacing.stop();
    }
  });

  it("puts the edit range in the list's defaults for a client that takes them, and only different text in the items", async () => {
    const defaults = await LspClient.startInProcess({
      workspaceFolder: folder,
      completion: { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ["editRange"] } },
    });
    try {
      await defaults.openAndWait(uriOf("main.crm"), SCRIPT);
      const list = await completeWith(defaults, at(8, 2));
      expect(list.itemDefaults?.editRange).toEqual({ start: at(8, 2), end: at(8, 2) });
      expect(list.items.every((item) => (item.textEdit as TextEdit | undefined) === undefined)).toBe(true);
      const full = await completeWith(client, at(8, 2));
      expect(JSON.stringify(list).length).toBeLessThan(JSON.stringify(full).length * 0.8);
      defaults.change(uriOf("main.crm"), [{ range: { start: at(8, 2), end: at(8, 2) }, text: "searcheng" }]);
      const snippet = await completeWith(defaults, at(8, 11));
      expect(snippet.items.find((item) => item.label === "searchengine")).toMatchObject({
        insertTextFormat: 2,
        textEditText: expect.stringContaining(".addField("),
      });
    } finally {
      await defaults.stop();
    }
  });
});

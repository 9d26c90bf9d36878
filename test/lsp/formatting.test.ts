/**
 * Formatting over the protocol (the server in this process, real JSON-RPC):
 * the capabilities, a messy script formatted to the conventions with small
 * edits, a script with a syntax error left alone with the reason logged and
 * shown once (and the server still answering), a cancelled request, odd
 * requests answered without failing, ranges formatted alone (also
 * in a file with an error elsewhere), formatting on `;` and `}`, the
 * editor's tab size and tabs ignored (the result is `crmscript-format`'s),
 * the configuration file's `format` section honoured, and CRLF kept.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CancellationTokenSource,
  type FormattingOptions,
  LSPErrorCodes,
  type Range,
  ShowMessageNotification,
  type TextEdit,
} from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { formatText } from "../../server/format/index.js";
import { LspClient } from "../support/lsp-client.js";

const folder = mkdtempSync(join(tmpdir(), "crmscript-formatting-"));
const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
const lines = (...text: string[]): string => `${text.join("\n")}\n`;
const SPACES_2: FormattingOptions = { tabSize: 2, insertSpaces: true };

const MESSY = lines(
  "#setLanguageLevel 4;",
  "// Greets the contacts of a company.",
  "struct Greeting{String name;Integer count;",
  'String text(){return "Hello "+this.name;}};',
  "",
  "",
  "",
  "Void greetAll(Integer contactId)",
  "{",
  "NSContactAgent agent;",
  "    NSContactEntity contact=agent.GetContactEntity(contactId);",
  "Greeting g;g.name=contact.GetName();",
  "  for(Integer i=0;i<3;i++){",
  "if(i==0){printLine(g.text());}",
  '        else{ printLine( "again" );}',
  "  }",
  "}",
  "greetAll(  5 );",
);

const FORMATTED = lines(
  "#setLanguageLevel 4;",
  "// Greets the contacts of a company.",
  "struct Greeting {",
  "  String name;",
  "  Integer count;",
  "  String text() {",
  '    return "Hello " + this.name;',
  "  }",
  "};",
  "",
  "Void greetAll(Integer contactId) {",
  "  NSContactAgent agent;",
  "  NSContactEntity contact = agent.GetContactEntity(contactId);",
  "  Greeting g;",
  "  g.name = contact.GetName();",
  "  for (Integer i = 0; i < 3; i++) {",
  "    if (i == 0) {",
  "      printLine(g.text());",
  "    } else {",
  '      printLine("again");',
  "    }",
  "  }",
  "}",
  "greetAll(5);",
);

let client: LspClient;
const shown: string[] = [];
let documentCount = 0;

beforeAll(async () => {
  mkdirSync(join(folder, "configured"));
  writeFileSync(join(folder, "configured", ".crmscriptrc.json"), '{ "format": { "indentWidth": 4 } }');
  mkdirSync(join(folder, "unix"));
  writeFileSync(join(folder, "unix", ".crmscriptrc.json"), '{ "format": { "endOfLine": "lf" } }');
  client = await LspClient.startInProcess({ workspaceFolder: folder });
  client.connection.onNotification(ShowMessageNotification.type, (params) => {
    shown.push(params.message);
  });
});

afterAll(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Opens `text` as a new document (under `subfolder` if given) and returns its URI. */
function open(text: string, subfolder = ""): string {
  const uri = uriOf(join(subfolder, `doc${++documentCount}.crm`));
  client.open(uri, text);
  return uri;
}

function applied(text: string, edits: readonly TextEdit[] | null): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x.crm", "crmscript", 1, text), [...(edits ?? [])]);
}

const formatting = (uri: string, options = SPACES_2) => client.request<TextEdit[] | null>("textDocument/formatting", { textDocument: { uri }, options });
const rangeFormatting = (uri: string, range: Range, options = SPACES_2) =>
  client.request<TextEdit[] | null>("textDocument/rangeFormatting", { textDocument: { uri }, range, options });
const rangesFormatting = (uri: string, ranges: Range[], options = SPACES_2) =>
  client.request<TextEdit[] | null>("textDocument/rangesFormatting", { textDocument: { uri }, ranges, options });
const onType = (uri: string, line: number, character: number, ch: string, options = SPACES_2) =>
  client.request<TextEdit[] | null>("textDocument/onTypeFormatting", { textDocument: { uri }, position: { line, character }, ch, options });
const lineRange = (first: number, last: number): Range => ({ start: { line: first, character: 0 }, end: { line: last, character: 200 } });

describe("formatting over the protocol", () => {
  it("announces document, range (several ranges at once) and on-type formatting on '}' and ';'", () => {
    const capabilities = client.initializeResult.capabilities;
    expect(capabilities.documentFormattingProvider).toBe(true);
    expect(capabilities.documentRangeFormattingProvider).toEqual({ rangesSupport: true });
    expect(capabilities.documentOnTypeFormattingProvider).toEqual({ firstTriggerCharacter: "}", moreTriggerCharacter: [";"] });
  });

  it("formats a messy script to the conventions, in small edits rather than one replacing everything", async () => {
    const uri = open(MESSY);
    const edits = await formatting(uri);
    expect(applied(MESSY, edits)).toBe(FORMATTED);
    expect(edits?.length).toBeGreaterThan(10);
    for (const edit of edits ?? []) expect(edit.range.end.line - edit.range.start.line).toBeLessThanOrEqual(3);
    // The comment and the first line were right already: no edit touches them.
    expect((edits ?? []).every((edit) => edit.range.start.line >= 2)).toBe(true);
    expect(await formatting(open(FORMATTED))).toEqual([]);
  });

  it("leaves a script with a syntax error alone, logs why and shows it once, and goes on answering", async () => {
    const broken = lines("#setLanguageLevel 4;", "Integer x=1;", "if (x > 0 {", "  x=2;", "}");
    const uri = open(broken);
    const before = shown.length;
    expect(await formatting(uri)).toEqual([]);
    await expect.poll(() => shown.length).toBe(before + 1);
    expect(shown[before]).toBe("CRMScript: not formatted: it has a syntax error at 3:10: expected ')' to close the 'if' condition, found '{'");
    expect(client.logs.some((log) => log.includes("was not formatted: it has a syntax error at 3:10"))).toBe(true);
    // Format on save asks again at every save: the same reason is not shown again.
    expect(await formatting(uri)).toEqual([]);
    const fixed = lines("#setLanguageLevel 4;", "Integer x=1;", "if (x > 0) {", "  x=2;", "}");
    client.change(uri, [{ text: fixed }]);
    expect(applied(fixed, await formatting(uri))).toBe(lines("#setLanguageLevel 4;", "Integer x = 1;", "if (x > 0) {", "  x = 2;", "}"));
    expect(shown.length).toBe(before + 1);
  });

  it("answers a cancelled request with RequestCancelled, and in full when asked again", async () => {
    const uri = open(MESSY);
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest("textDocument/formatting", { textDocument: { uri }, options: SPACES_2 }, source.token);
    source.cancel();
    await expect(cancelled).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
    expect(applied(MESSY, await formatting(uri))).toBe(FORMATTED);
  });

  it("answers nothing for a document that is not open", async () => {
    expect(await formatting(uriOf("never-opened.crm"))).toBeNull();
  });

  it("formats only the selected lines", async () => {
    const text = lines("Integer a=1;", "Integer b=2;", "Integer c=3;", "Void f(){", "if(a>b){c=a;}", "}");
    const uri = open(text);
    expect(applied(text, await rangeFormatting(uri, lineRange(1, 1)))).toBe(
      lines("Integer a=1;", "Integer b = 2;", "Integer c=3;", "Void f(){", "if(a>b){c=a;}", "}"),
    );
    // The lines of the body: indented as in the whole function.
    expect(applied(text, await rangeFormatting(uri, lineRange(4, 4)))).toBe(
      lines("Integer a=1;", "Integer b=2;", "Integer c=3;", "Void f(){", "  if (a > b) {", "    c = a;", "  }", "}"),
    );
  });

  it("formats several ranges at once, each alone", async () => {
    const text = lines("Integer a=1;", "Integer b=2;", "Integer c=3;", "Integer d=4;");
    const uri = open(text);
    expect(applied(text, await rangesFormatting(uri, [lineRange(3, 3), lineRange(0, 0)]))).toBe(
      lines("Integer a = 1;", "Integer b=2;", "Integer c=3;", "Integer d = 4;"),
    );
  });

  it("formats a clean selection in a file with a syntax error elsewhere, and refuses a broken one", async () => {
    const text = lines("Integer a=1;", "String s=getName( ;", "Integer b  =  a+1;", "printLine(b.toString());");
    const uri = open(text);
    expect(applied(text, await rangeFormatting(uri, lineRange(2, 3)))).toBe(
      lines("Integer a=1;", "String s=getName( ;", "Integer b = a + 1;", "printLine(b.toString());"),
    );
    const before = shown.length;
    expect(await rangeFormatting(uri, lineRange(1, 1))).toEqual([]);
    await expect.poll(() => shown.length).toBe(before + 1);
    expect(shown[before]).toMatch(/^CRMScript: not formatted: the file has syntax errors, and the selection cannot be formatted on its own/);
  });

  it("formats the statement ended by ';' and the block ended by '}' while typing, showing nothing when it cannot", async () => {
    const typed = lines("Void f() {", "  Integer x=1+2;");
    const uri = open(typed);
    // The function is not closed yet: the statement is formatted on its own, in its place.
    expect(applied(typed, await onType(uri, 1, 16, ";"))).toBe(lines("Void f() {", "  Integer x = 1 + 2;"));
    // The editor closed the function's brace: the block is formatted as part of the whole file.
    const closed = lines("Void f() {", "  Integer x = 1 + 2;", "if(x>2){x=0;}", "}");
    client.change(uri, [{ text: closed }]);
    expect(applied(closed, await onType(uri, 2, 13, "}"))).toBe(lines("Void f() {", "  Integer x = 1 + 2;", "  if (x > 2) {", "    x = 0;", "  }", "}"));
    const before = shown.length;
    const broken = lines("Void f() {", "  Integer x = (1 +;");
    client.change(uri, [{ text: broken }]);
    expect(await onType(uri, 1, 19, ";")).toEqual([]);
    // In a for header, ';' ends no statement.
    const header = "for (Integer i = 0;";
    client.change(uri, [{ text: header }]);
    expect(await onType(uri, 0, header.length, ";")).toEqual([]);
    // A later request is answered after any message the refusals might have sent.
    expect(applied("Integer  y = 1;", await formatting(open("Integer  y = 1;")))).toBe("Integer y = 1;\n");
    expect(shown.length).toBe(before);
  });

  it("answers odd requests without failing: deep nesting, binary text, reversed and outlying ranges, nonsense options", async () => {
    const deep = `x = ${"(".repeat(50_000)}1${")".repeat(50_000)};`;
    expect(await formatting(open(deep))).toEqual([]);
    expect(await formatting(open("\u0000\u0001\u0002binary\u0000"))).toEqual([]);
    const text = lines("Integer a=1;", "Integer b=2;");
    const uri = open(text);
    const reversed = { start: { line: 1, character: 5 }, end: { line: 0, character: 0 } };
    expect(applied(text, await rangeFormatting(uri, reversed))).toBe(lines("Integer a = 1;", "Integer b = 2;"));
    expect(await rangesFormatting(uri, [])).toEqual([]);
    expect(await onType(uri, 99, 99, ";")).toEqual([]);
    expect(await onType(uri, 0, 12, "x")).toBeNull();
    expect(applied(text, await formatting(uri, { tabSize: 0, insertSpaces: "yes" } as unknown as FormattingOptions))).toBe(
      lines("Integer a = 1;", "Integer b = 2;"),
    );
  });

  it("ignores the editor's tab size and tabs: the result is crmscript-format's, with its default of 2 spaces", async () => {
    const text = lines("Void f() {", "if (a) {", "x = 1;", "}", "}");
    const cli = formatText(text);
    if (!cli.ok) throw new Error(cli.reason);
    expect(cli.text).toBe(lines("Void f() {", "  if (a) {", "    x = 1;", "  }", "}"));
    const uri = open(text);
    for (const editor of [
      { tabSize: 4, insertSpaces: false },
      { tabSize: 4, insertSpaces: true },
      { tabSize: 8, insertSpaces: false },
    ]) {
      expect(applied(text, await formatting(uri, editor)), JSON.stringify(editor)).toBe(cli.text);
      expect(applied(text, await rangeFormatting(uri, lineRange(0, 4), editor)), JSON.stringify(editor)).toBe(cli.text);
    }
    // Formatting while typing indents the same way: the block the typed '}' ends, as part of the whole file.
    expect(applied(text, await onType(uri, 3, 1, "}", { tabSize: 4, insertSpaces: false }))).toBe(lines("Void f() {", "  if (a) {", "    x = 1;", "  }", "}"));
  });

  it("honours the configuration file's format section (indentWidth 4), whatever the editor asks, as crmscript-format does", async () => {
    const text = lines("Void f() {", "if (a) {", "x = 1;", "}", "}");
    const cli = formatText(text, { indentWidth: 4 });
    if (!cli.ok) throw new Error(cli.reason);
    expect(cli.text).toBe(lines("Void f() {", "    if (a) {", "        x = 1;", "    }", "}"));
    const uri = open(text, "configured");
    for (const editor of [SPACES_2, { tabSize: 2, insertSpaces: false }, { tabSize: 8, insertSpaces: true }])
      expect(applied(text, await formatting(uri, editor)), JSON.stringify(editor)).toBe(cli.text);
  });

  it("keeps CRLF line endings unless the configuration file asks for LF, never splitting one", async () => {
    const text = "Void f()\r\n{\r\nx=1;\r\n\r\n\r\ny=2;\r\n}\r\n";
    const uri = open(text);
    const edits = await formatting(uri);
    expect(applied(text, edits)).toBe("Void f() {\r\n  x = 1;\r\n\r\n  y = 2;\r\n}\r\n");
    const contentLengths = text.split("\r\n").map((line) => line.length);
    const inside = (edits: TextEdit[] | null) =>
      (edits ?? []).flatMap((edit) => [edit.range.start, edit.range.end]).filter((position) => position.character > (contentLengths[position.line] ?? 0));
    expect(inside(edits)).toEqual([]);
    // A configuration that asks for LF: each CRLF replaced whole.
    const unix = open(text, "unix");
    const toLf = await formatting(unix);
    expect(applied(text, toLf)).toBe("Void f() {\n  x = 1;\n\n  y = 2;\n}\n");
    expect(inside(toLf)).toEqual([]);
  });
});

/**
 * Document and workspace symbols, folding ranges, semantic tokens, include
 * links, quick fixes (titled by the fix) and suppression comments (with the
 * file's line endings).
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../grammar/index.js";
import type { FileAnalysis } from "../../server/analysis/host.js";
import { quickFixes, suppressionActions } from "../../server/features/code-actions.js";
import { applyFixes } from "../../server/lint/fixes.js";
import { documentLinks } from "../../server/features/document-links.js";
import { foldingRanges } from "../../server/features/folding.js";
import { semanticTokens } from "../../server/features/semantic-tokens.js";
import { documentSymbols, workspaceSymbols } from "../../server/features/symbols.js";
import { runFixture } from "../support/check.js";

describe("document and workspace symbols", () => {
  it("outlines functions with signatures, structs with members, and globals", () => {
    const run = runFixture(
      'Integer LIMIT = 10;\nstruct Line { String product; Float total() { return 1.0; } };\nString[] names(Integer count, Map options) { String[] n; return n; }\nprintLine("x");\n',
    );
    const outline = documentSymbols(run.analysis().sourceFile).map((symbol) => ({
      name: symbol.name,
      kind: symbol.kind,
      detail: symbol.detail,
      children: symbol.children.map((child) => `${child.kind} ${child.name}: ${child.detail}`),
    }));
    expect(outline).toEqual([
      { name: "LIMIT", kind: "variable", detail: "Integer", children: [] },
      { name: "Line", kind: "struct", detail: "struct", children: ["field product: String", "method total: Float ()"] },
      { name: "names", kind: "function", detail: "String[] (Integer count, Map options)", children: [] },
    ]);
  });

  it("finds symbols of every workspace script by subsequence, any case", () => {
    const run = runFixture("Void sendInvoice() { }\n//- /fixture/lib.crm\nstruct InvoiceLine { Integer id; };\nInteger invoiceCount = 0;\n");
    run.host.workspace.setFiles(run.files.map((file) => file.path));
    expect(workspaceSymbols(run.host, "invc").map((symbol) => `${symbol.kind} ${symbol.name} ${symbol.file}`)).toEqual([
      "function sendInvoice /fixture/main.crm",
      "struct InvoiceLine /fixture/lib.crm",
      "variable invoiceCount /fixture/lib.crm",
    ]);
    expect(workspaceSymbols(run.host, "id").map((symbol) => `${symbol.container}.${symbol.name}`)).toEqual(["InvoiceLine.id"]);
  });
});

describe("folding ranges", () => {
  it("folds blocks and struct bodies, comment runs, block comments and template code blocks", () => {
    const run = runFixture(
      [
        "// one",
        "// two",
        "// three",
        "struct S {",
        "  Integer a;",
        "};",
        "Void f() {",
        "  if (true) {",
        '    printLine("x");',
        "  }",
        "}",
        "/* a",
        "   b */",
        "Integer single = 1; // alone",
      ].join("\n"),
    );
    expect(foldingRanges(run.analysis().sourceFile)).toEqual([
      { startLine: 0, endLine: 2, kind: "comment" },
      { startLine: 3, endLine: 4, kind: undefined },
      { startLine: 6, endLine: 9, kind: undefined },
      { startLine: 7, endLine: 8, kind: undefined },
      { startLine: 11, endLine: 12, kind: "comment" },
    ]);
    const template = runFixture('%EJSCRIPT_START%\n<p>\n<%\n  printLine("x");\n%>\n</p>\n%EJSCRIPT_END%\n');
    expect(foldingRanges(template.analysis().sourceFile)).toEqual([{ startLine: 2, endLine: 4, kind: "region" }]);
  });

  it("folds // region … // endregion pairs, nested, and leaves an unpaired marker alone", () => {
    const run = runFixture(
      [
        "// region Settings",
        "Integer a = 1;",
        "//#region inner",
        "Integer b = 2;",
        "//#endregion",
        "// endregion",
        "// endregion stray",
        "// region never closed",
      ].join("\n"),
    );
    expect(foldingRanges(run.analysis().sourceFile)).toEqual([
      { startLine: 0, endLine: 5, kind: "region" },
      { startLine: 2, endLine: 4, kind: "region" },
    ]);
  });
});

describe("semantic tokens", () => {
  it("classifies keywords, types, NetServer classes, structs, functions, methods, parameters, variables and fields", () => {
    const source =
      "struct P { Integer x; };\nVoid f(Integer n) {\n  NSContactAgent a;\n  P p;\n  p.x = n;\n  printLine(a.GetContact(n).GetName());\n  f(1);\n}\n";
    const run = runFixture(source);
    const tokens = semanticTokens(run.analysis()).map(
      (token) => `${source.slice(token.start, token.end)}:${token.type}${token.modifiers.length > 0 ? `[${token.modifiers.join(",")}]` : ""}`,
    );
    expect(tokens).toEqual([
      "struct:keyword",
      "P:struct[declaration]",
      "Integer:type[defaultLibrary]",
      "x:property[declaration]",
      "Void:type[defaultLibrary]",
      "f:function[declaration]",
      "Integer:type[defaultLibrary]",
      "n:parameter[declaration]",
      "NSContactAgent:class[defaultLibrary,netServer]",
      "a:variable[declaration]",
      "P:struct",
      "p:variable[declaration]",
      "p:variable",
      "x:property",
      "n:parameter",
      "printLine:function[defaultLibrary]",
      "a:variable",
      "GetContact:method[defaultLibrary]",
      "n:parameter",
      "GetName:method[defaultLibrary]",
      "f:function",
    ]);
  });
});

describe("include links", () => {
  it("links found include ids to their scripts, also when included twice", () => {
    const run = runFixture('#include "lib";\n#include "missing";\n#include "lib";\n//- /fixture/lib.crm\nInteger x = 1;\n');
    expect(documentLinks(run.analysis())).toEqual([
      { range: { start: 10, end: 13 }, target: "/fixture/lib.crm" },
      { range: { start: 46, end: 49 }, target: "/fixture/lib.crm" },
    ]);
  });
});

describe("quick fixes", () => {
  it("inserts a missing ';', lower-cases a keyword and offers the names meant", () => {
    const source = 'Integer counter = 1\nIf (counter > 0) printLine("x");\ncounte++;\nNSContactAgent a;\na.getContactEntity(1);\n';
    const run = runFixture(source, { rules: ["keyword-case"] });
    const offered = quickFixes(run.analysis(), { start: 0, end: source.length });
    // The safe fixes are titled as their producers describe them.
    const titleOf = (diagnostic: Diagnostic): string => diagnostic.fix?.title ?? `Fix this '${diagnostic.code}' problem`;
    expect(offered.map((fix) => `${fix.diagnostic.code}: ${fix.title}${fix.preferred ? " (preferred)" : ""}`)).toEqual([
      `syntax-missing-semicolon: ${titleOf(offered[0]?.diagnostic as Diagnostic)} (preferred)`,
      `keyword-case: ${titleOf(offered[1]?.diagnostic as Diagnostic)} (preferred)`,
      "undeclared-name: Change to 'counter' (preferred)",
      "unknown-member: Change to 'GetContactEntity' (preferred)",
    ]);
    expect(offered[1]?.edits.map((edit) => edit.text)).toEqual(["if"]);
    const insert = quickFixes(run.analysis(), { start: 0, end: 20 })[0];
    expect(insert?.edits).toEqual([{ range: { start: 19, end: 19 }, text: ";" }]);
  });

  it("offer .toString() for a scalar given to a built-in String parameter, where that certainly converts it, and never to --fix", () => {
    const source = [
      "EventData ed = getEventData();",
      "Integer orgNr = 987654;",
      "DateTime now;",
      "Float rate = 1.5;",
      "Integer[] ids;",
      'ed.setOutputValue("a", orgNr);',
      'ed.setOutputValue("b", now);',
      'ed.setOutputValue("c", ids.first());',
      'ed.setOutputValue("d", 42);',
      'ed.setOutputValue("e", rate);',
      'ed.setOutputValue("f", orgNr + 1);',
      "",
    ].join("\n");
    const analysis = runFixture(source).analysis();
    const offered = quickFixes(analysis, { start: 0, end: source.length });
    expect(offered.map((fix) => `${fix.title}${fix.preferred ? " (preferred)" : ""}`)).toEqual([
      "Add .toString()",
      "Add .toString()",
      "Add .toString()",
      'Write it as the String "42"',
    ]);
    const fixed = applyFixes(
      source,
      offered.flatMap((fix) => fix.edits),
    ).text;
    expect(fixed).toContain(
      'ed.setOutputValue("a", orgNr.toString());\ned.setOutputValue("b", now.toString());\ned.setOutputValue("c", ids.first().toString());\ned.setOutputValue("d", "42");',
    );
    expect(
      runFixture(fixed)
        .analysis()
        .diagnostics.map((diagnostic) => diagnostic.code),
    ).toEqual(["implicit-string-conversion", "implicit-string-conversion"]);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.fix !== undefined)).toEqual([]);
  });
});

describe("suppression actions", () => {
  const rules = ["no-unused-variable", "no-shadow"];
  const codesAfter = (source: string, title: string, at: number): { text: string; codes: string[] } => {
    const run = runFixture(source, { rules });
    const action = suppressionActions(run.analysis(), { start: at, end: at }).find((candidate) => candidate.title === title);
    if (action === undefined) throw new Error(`no action '${title}'`);
    const text = applyFixes(source, action.edits).text;
    return {
      text,
      codes: runFixture(text, { rules })
        .analysis()
        .diagnostics.map((diagnostic) => diagnostic.code),
    };
  };

  it("suppress a diagnostic on its line (indented like it) or in the whole file, leaving no other problem", () => {
    const source = "#setLanguageLevel 4;\nVoid f() {\n  Integer spare = 0;\n}\nf();\n";
    const at = source.indexOf("spare");
    expect(codesAfter(source, "Suppress 'no-unused-variable' on this line", at)).toEqual({
      text: "#setLanguageLevel 4;\nVoid f() {\n  // crmscript-lint-disable-next-line no-unused-variable\n  Integer spare = 0;\n}\nf();\n",
      codes: [],
    });
    expect(codesAfter(source, "Suppress 'no-unused-variable' in this file", at)).toEqual({
      text: `/* crmscript-lint-disable no-unused-variable */\n${source}`,
      codes: [],
    });
  });

  it("add a code to a directive already on the line above", () => {
    const source =
      "#setLanguageLevel 4;\nVoid f(Integer total) {\n  if (total > 0) {\n    // crmscript-lint-disable-next-line no-unused-variable\n    Integer total = 1;\n  }\n}\nf(1);\n";
    const result = codesAfter(source, "Suppress 'no-shadow' on this line", source.lastIndexOf("total = 1"));
    expect(result.text).toContain("// crmscript-lint-disable-next-line no-unused-variable, no-shadow\n    Integer total = 1;");
    expect(result.codes).toEqual([]);
  });

  it("are not offered for syntax errors, nor in templates", () => {
    const broken = runFixture("#setLanguageLevel 4;\nInteger x = ;\n", { rules });
    expect(suppressionActions(broken.analysis(), { start: 0, end: 40 })).toEqual([]);
    const template = runFixture("%EJSCRIPT_START%\n<p><% Void f() { Integer spare = 0; } f(); %></p>\n%EJSCRIPT_END%\n", { rules });
    expect(template.analysis().diagnostics.map((diagnostic) => diagnostic.code)).toContain("no-unused-variable");
    expect(suppressionActions(template.analysis(), { start: 0, end: 200 })).toEqual([]);
  });
});

describe("quick fix titles", () => {
  const analysisWith = (diagnostics: Diagnostic[]): FileAnalysis => ({ diagnostics }) as unknown as FileAnalysis;
  const diagnostic = (code: string, extra: Partial<Diagnostic>): Diagnostic => ({
    code,
    severity: "warning",
    range: { start: 4, end: 8 },
    message: "m",
    ...extra,
  });

  it("come from the fix, never from its text", () => {
    const fixes = quickFixes(
      analysisWith([
        diagnostic("has-title", { fix: { range: { start: 8, end: 8 }, text: ";", title: "Insert the missing ';'" } }),
        diagnostic("suggested-title", { suggestedFix: { range: { start: 8, end: 8 }, text: ".toString()", title: "Add .toString()" } }),
      ]),
      { start: 0, end: 20 },
    );
    expect(fixes.map((fix) => `${fix.title}${fix.preferred ? " (preferred)" : ""}`)).toEqual(["Insert the missing ';' (preferred)", "Add .toString()"]);
  });

  it("of every fix the tools make say what it does", () => {
    const source = [
      "#setLanguageLevel 4;",
      '#include "lib";',
      '#include "lib";',
      "Integer n = 1",
      'IF (n > 0) printLine("x");',
      "EventData ed = getEventData();",
      'ed.setOutputValue("a", n); // crmscript-lint-disable-line no-shadow',
      "//- /fixture/lib.crm",
      "Integer libValue = 1;",
      "",
    ].join("\n");
    const run = runFixture(source, { rules: ["keyword-case", "no-duplicate-include", "no-shadow"] });
    const text = run.main.text;
    const titles = quickFixes(run.analysis(), { start: 0, end: text.length }).map((fix) => `${fix.diagnostic.code}: ${fix.title}`);
    expect(titles).toEqual([
      "no-duplicate-include: Remove the repeated #include",
      "syntax-missing-semicolon: Insert the missing ';'",
      "keyword-case: Write 'if'",
      "implicit-string-conversion: Add .toString()",
      "unused-suppression: Remove the unused suppression comment",
    ]);
  });
});

describe("suppression actions in a file with CRLF line endings", () => {
  const rules = ["no-unused-variable"];
  const source = "#setLanguageLevel 4;\r\nVoid f() {\r\n  Integer spare = 0;\r\n}\r\nf();\r\n";
  const textAfter = (title: string): string => {
    const run = runFixture(source, { rules });
    const at = source.indexOf("spare");
    const action = suppressionActions(run.analysis(), { start: at, end: at }).find((candidate) => candidate.title === title);
    if (action === undefined) throw new Error(`no action '${title}'`);
    return applyFixes(source, action.edits).text;
  };

  it("insert the line comment with CRLF, leaving no bare LF and no diagnostic", () => {
    const text = textAfter("Suppress 'no-unused-variable' on this line");
    const comment = "  // crmscript-lint-disable-next-line no-unused-variable\r\n";
    expect(text).toBe(`#setLanguageLevel 4;\r\nVoid f() {\r\n${comment}  Integer spare = 0;\r\n}\r\nf();\r\n`);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(runFixture(text, { rules }).analysis().diagnostics).toEqual([]);
  });

  it("insert the file comment with CRLF", () => {
    const text = textAfter("Suppress 'no-unused-variable' in this file");
    expect(text).toBe(`/* crmscript-lint-disable no-unused-variable */\r\n${source}`);
    expect(runFixture(text, { rules }).analysis().diagnostics).toEqual([]);
  });

  it("keep LF in a file with LF line endings", () => {
    const run = runFixture(source.replace(/\r\n/g, "\n"), { rules });
    const at = source.replace(/\r\n/g, "\n").indexOf("spare");
    expect(suppressionActions(run.analysis(), { start: at, end: at }).map((action) => action.edits[0]?.text)).toEqual([
      "  // crmscript-lint-disable-next-line no-unused-variable\n",
      "/* crmscript-lint-disable no-unused-variable */\n",
    ]);
  });
});

/**
 * The TextMate grammar as VS Code runs it (vscode-textmate + Oniguruma):
 * scopes of real-looking CRMScript and templates, the tricky cases the issue
 * names, and agreement with the parser's own scanner on every fixture and
 * spec example (each keyword, literal and comment the scanner finds is
 * coloured as one).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scanText } from "../../grammar/index.js";
import { repositoryRoot, specExamplesRoot, fixturesRoot } from "../support/paths.js";
import { realClients, requireClients, shouldRun } from "../support/real-clients.js";
import { GrammarTokenizer, scopesOf, type ScopedToken } from "../support/textmate.js";

let grammar: GrammarTokenizer;
beforeAll(async () => {
  grammar = await GrammarTokenizer.load();
});

const tokens = (text: string): ScopedToken[] => grammar.tokenize(text);

/** Each `[text, scope, occurrence]`: the occurrence-th token (default the first) with that text has that scope. */
function expectScopes(t: readonly ScopedToken[], expected: readonly (readonly [string, string, number?])[]): void {
  const wrong = expected
    .map(([text, scope, occurrence]) => ({ text, scope, actual: scopesOf(t, text, occurrence ?? 0) }))
    .filter(({ scope, actual }) => !actual.split(" ").includes(scope))
    .map(({ text, scope, actual }) => `'${text}' should have ${scope}, has ${actual}`);
  expect(wrong).toEqual([]);
}

describe("CRMScript code", () => {
  it("colours keywords in any letter case, struct declarations and the literal keywords", () => {
    const t = tokens("Struct Point { Integer x; };\nIf (TRUE) { Return; } ELSE { while (false) break; }\nthis.x = 1;");
    expectScopes(t, [
      ["Struct", "storage.type.struct.crmscript"],
      ["Point", "entity.name.type.struct.crmscript"],
      ["If", "keyword.control.crmscript"],
      ["Return", "keyword.control.crmscript"],
      ["ELSE", "keyword.control.crmscript"],
      ["TRUE", "constant.language.boolean.true.crmscript"],
      ["false", "constant.language.boolean.false.crmscript"],
      ["this", "variable.language.this.crmscript"],
    ]);
  });

  it("colours built-in types, arrays of them, native classes and NetServer classes and methods", () => {
    const t = tokens('Integer[] a;\nString[][] grid;\nSearchEngine se;\nNSContactAgent agent;\nNSContactEntity c = agent.GetContactEntity(5);\nc.Name = "x";');
    expectScopes(t, [
      ["Integer", "storage.type.primitive.crmscript"],
      ["[", "punctuation.section.brackets.begin.crmscript"],
      ["a", "variable.other.readwrite.crmscript"],
      ["String", "storage.type.primitive.crmscript"],
      ["SearchEngine", "support.class.builtin.crmscript"],
      ["NSContactAgent", "support.class.netserver.crmscript"],
      ["NSContactEntity", "support.class.netserver.crmscript"],
      ["GetContactEntity", "entity.name.function.member.crmscript"],
      ["Name", "variable.other.property.crmscript"],
    ]);
  });

  it("tells function and method definitions, struct-typed declarations, built-in and own calls apart", () => {
    const t = tokens(
      "struct Line { Float total() { return 1.0; } };\nString[] names(Integer count) { Line l; printLine(count.toString()); return names(count); }\nforeach (Line x in lines) { }",
    );
    expectScopes(t, [
      ["total", "entity.name.function.crmscript"],
      ["names", "entity.name.function.crmscript"],
      ["Line", "entity.name.type.crmscript", 1],
      ["printLine", "support.function.builtin.crmscript"],
      ["toString", "entity.name.function.member.crmscript"],
      ["names", "entity.name.function.crmscript", 1],
    ]);
    expect(scopesOf(t, "names", 1)).not.toContain("support.function");
    expectScopes(t, [
      ["return", "keyword.control.crmscript", 1],
      ["in", "keyword.control.in.crmscript"],
      ["Line", "entity.name.type.crmscript", 2],
    ]);
  });

  it("keeps `in` a keyword only in a foreach header", () => {
    const t = tokens("Integer in = 1;\nforeach (String s in getNames(in)) printLine(s);");
    expectScopes(t, [
      ["in", "variable.other.readwrite.crmscript", 0],
      ["in", "keyword.control.in.crmscript", 1],
      ["getNames", "entity.name.function.crmscript"],
      ["printLine", "support.function.builtin.crmscript"],
    ]);
  });

  it("colours both quote styles, the escapes, and the other quote inside", () => {
    const t = tokens('String a = \'single\';\nString b = "say \\"hi\\"\\n";\nString c = "it\'s; fine";');
    expectScopes(t, [
      ["single", "string.quoted.single.crmscript"],
      ['\\"', "constant.character.escape.crmscript"],
      ["\\n", "constant.character.escape.crmscript"],
      ["it's; fine", "string.quoted.double.crmscript"],
      [";", "punctuation.terminator.statement.crmscript", 2],
    ]);
  });

  it("ends an unclosed string at the end of its line, so typing a quote colours one line, not the file", () => {
    const t = tokens("String s = \"still typing;\nInteger after = 1;\nThe caller's tickets:\n%EJSCRIPT_START%<% Integer inside = 2; %>%EJSCRIPT_END%");
    expect(scopesOf(t, "still typing;")).toContain("string.quoted.double.crmscript");
    expect(scopesOf(t, "Integer")).toBe("source.crmscript storage.type.primitive.crmscript");
    expect(scopesOf(t, "Integer", 1)).toContain("meta.embedded.block.crmscript");
    expect(scopesOf(t, "Integer", 1)).not.toContain("string");
  });

  it("colours Integer, Float and Long literals, and marks numbers CRMScript does not have", () => {
    const t = tokens("Long big = 42L;\nFloat f = 3.14;\nInteger i = 7;\nInteger h = 0x1F;\nFloat e = 1e5;\nString s = 3.5.toString();");
    expectScopes(t, [
      ["42", "constant.numeric.integer.long.crmscript"],
      ["L", "storage.type.numeric.long.crmscript"],
      ["3.14", "constant.numeric.float.crmscript"],
      ["7", "constant.numeric.integer.crmscript"],
      ["0x1F", "invalid.illegal.numeric.crmscript"],
      ["1e5", "invalid.illegal.numeric.crmscript"],
      ["3.5", "constant.numeric.float.crmscript"],
      ["toString", "entity.name.function.member.crmscript"],
    ]);
  });

  it("colours both comment forms, doc comments, and comments across lines", () => {
    const t = tokens("// line comment\n/* block\n   still block */ Integer x;\n/** documented */\nVoid f() { }");
    expect(scopesOf(t, "line comment")).toContain("comment.line.double-slash.crmscript");
    expect(scopesOf(t, "still block")).toContain("comment.block.crmscript");
    expect(scopesOf(t, "Integer")).not.toContain("comment");
    expect(scopesOf(t, "documented")).toContain("comment.block.documentation.crmscript");
  });

  it("colours the two directives in any case, the include id, and marks other directives", () => {
    const t = tokens('#setLanguageLevel 4;\n#SETLANGUAGELEVEL 3;\n#include "lib-string";\n#pragma once');
    expectScopes(t, [
      ["setLanguageLevel", "keyword.control.directive.crmscript"],
      ["SETLANGUAGELEVEL", "keyword.control.directive.crmscript"],
      ["4", "constant.numeric.integer.crmscript"],
      ["include", "keyword.control.directive.include.crmscript"],
      ["lib-string", "string.quoted.double.include.crmscript"],
      ["#pragma", "invalid.illegal.directive.crmscript"],
    ]);
  });
});

const TEMPLATE = [
  "%EJSCRIPT_START%",
  "<h1>Tickets for %customer.name%</h1>",
  "<ul>",
  "<%",
  "  for (Integer i = 0; i < 3; i++) {",
  "%>",
  "  <li>item <% print(i.toString()); %></li>",
  "<% } %>",
  "</ul>",
  '<% print("ends here %> not a string"); %>',
  "%EJSCRIPT_END%",
].join("\n");

describe("EJScript templates", () => {
  it("marks the markers, keeps template text as HTML and code blocks as CRMScript", () => {
    const t = tokens(TEMPLATE);
    expect(scopesOf(t, "%EJSCRIPT_START%")).toContain("keyword.control.template.crmscript");
    expect(scopesOf(t, "%EJSCRIPT_END%")).toContain("keyword.control.template.crmscript");
    const heading = t.find((token) => token.line === 1 && token.text.includes("Tickets for"));
    expect(heading?.scopes).toEqual(["source.crmscript", "meta.template.crmscript", "text.html.basic"]);
    expectScopes(t, [
      ["%customer.name%", "variable.other.template.crmscript"],
      ["<%", "punctuation.section.embedded.begin.crmscript"],
      ["for", "meta.embedded.block.crmscript"],
      ["for", "keyword.control.crmscript"],
      ["Integer", "storage.type.primitive.crmscript"],
      ["%>", "punctuation.section.embedded.end.crmscript"],
      ["print", "support.function.builtin.crmscript"],
    ]);
    // A code block ends at the first %>, even inside a string (as the scanner splits it).
    const cut = t.filter((token) => token.line === 9);
    expect(cut.find((token) => token.text === "%>")?.scopes).toContain("punctuation.section.embedded.end.crmscript");
    expect(cut.find((token) => token.text.includes("not a string"))?.scopes.join(" ")).toContain("meta.template.crmscript");
    expect(cut.find((token) => token.text.includes("not a string"))?.scopes.join(" ")).not.toContain("string.quoted");
  });

  describe.runIf(shouldRun("htmlGrammar"))("with VS Code's own HTML grammar (from code-server)", () => {
    it("colours tags and attributes, and finds code blocks inside attribute values", async () => {
      requireClients("htmlGrammar");
      const withHtml = await GrammarTokenizer.load(realClients.htmlGrammar);
      const t = withHtml.tokenize(
        '%EJSCRIPT_START%\n<a href="ticket?id=<% print(id.toString()); %>">open %ticket.title%</a>\n%EJSCRIPT_END%\nInteger after = 1;',
      );
      expect(scopesOf(t, "a")).toContain("entity.name.tag");
      expect(scopesOf(t, "href")).toContain("entity.other.attribute-name");
      expect(scopesOf(t, "print")).toContain("support.function.builtin.crmscript");
      expect(scopesOf(t, "print")).toContain("meta.embedded.block.crmscript");
      expect(scopesOf(t, "%ticket.title%")).toContain("variable.other.template.crmscript");
      expect(scopesOf(t, "Integer")).toBe("source.crmscript storage.type.primitive.crmscript");
    });
  });
});

/** The scope family each scanner token kind must be coloured with. */
const expectedFamily: Record<string, RegExp> = {
  If: /keyword\.control/,
  Else: /keyword\.control/,
  While: /keyword\.control/,
  For: /keyword\.control/,
  Foreach: /keyword\.control/,
  Break: /keyword\.control/,
  Continue: /keyword\.control/,
  Return: /keyword\.control/,
  Try: /keyword\.control/,
  Catch: /keyword\.control/,
  Throw: /keyword\.control/,
  Struct: /storage\.type\.struct/,
  True: /constant\.language\.boolean/,
  False: /constant\.language\.boolean/,
  This: /variable\.language\.this/,
  IntegerLiteral: /constant\.numeric/,
  LongLiteral: /constant\.numeric\.integer\.long/,
  FloatLiteral: /constant\.numeric\.float/,
  StringLiteral: /string\.quoted/,
  InvalidNumberLiteral: /invalid\.illegal\.numeric/,
  IncludeDirective: /keyword\.control\.directive\.include/,
  LanguageLevelDirective: /keyword\.control\.directive/,
};

function programs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const add = (folder: string, filter: (name: string) => boolean): void => {
    for (const name of readdirSync(folder).filter(filter)) out.push({ name, text: readFileSync(join(folder, name), "utf8") });
  };
  add(specExamplesRoot, (name) => name.endsWith(".crmscript"));
  add(join(fixturesRoot, "parser", "ok"), (name) => name.endsWith(".crmscript"));
  add(join(repositoryRoot, "examples"), (name) => /\.crm(script)?$/.test(name));
  return out;
}

describe("agreement with the scanner", () => {
  it("colours every keyword, literal, directive and comment of every fixture and spec example as the scanner reads it", () => {
    const all = programs();
    expect(all.length).toBeGreaterThan(90);
    const disagreements: string[] = [];
    for (const { name, text } of all) {
      const lineStarts = [0];
      for (let index = 0; index < text.length; index++) if (text[index] === "\n") lineStarts.push(index + 1);
      const scoped = grammar.tokenize(text);
      const scopesAt = (offset: number): string => {
        let line = lineStarts.findIndex((start) => start > offset) - 1;
        if (line < 0) line = lineStarts.length - 1;
        const column = offset - (lineStarts[line] as number);
        const token = scoped.find((candidate) => candidate.line === line && candidate.column <= column && column < candidate.column + candidate.text.length);
        return token?.scopes.join(" ") ?? "";
      };
      const scanned = scanText(text);
      for (let index = 0; index < scanned.tokens.count; index++) {
        const family = expectedFamily[scanned.tokens.type(index).name];
        if (family === undefined) continue;
        const scopes = scopesAt(scanned.tokens.start(index));
        if (!family.test(scopes)) disagreements.push(`${name}: '${scanned.tokens.image(index)}' is ${scopes}`);
      }
      for (const comment of scanned.comments) {
        const scopes = scopesAt(comment.range.start);
        if (!/comment\./.test(scopes)) disagreements.push(`${name}: comment at ${comment.range.start} is ${scopes}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

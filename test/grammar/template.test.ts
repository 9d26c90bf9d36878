/**
 * EJScript templates (spec §2.3): the `<% … %>` blocks between
 * %EJSCRIPT_START% and %EJSCRIPT_END% form one program, the text between
 * them becomes TemplateText statements at that point, and every range
 * (nodes, diagnostics, template layout) is an offset into the original file.
 */
import { describe, expect, it } from "vitest";
import { parseSource, type Node, type SourceFile, type TemplateLayout, type TextRange } from "../../grammar/index.js";
import { walk } from "../../grammar/walk.js";

const listPage = [
  "Header line, not code: Integer notCode = 1;",
  "%EJSCRIPT_START%",
  "<ul>",
  "<% for (Integer i = 0; i < 3; i++) { %>",
  "  <li><% print(i.toString()); %></li>",
  "<% } %>",
  "</ul>",
  "%EJSCRIPT_END%",
  "Footer <% not code either %>",
  "",
].join("\n");

function slice(text: string, range: { readonly start: number; readonly end: number } | undefined): string {
  if (range === undefined) throw new Error("missing range");
  return text.slice(range.start, range.end);
}

function layoutOf(file: SourceFile): TemplateLayout {
  if (file.template === undefined) throw new Error("not parsed as a template");
  return file.template;
}

function nodesOf(root: Node): Node[] {
  const nodes: Node[] = [];
  walk(root, (node) => {
    nodes.push(node);
  });
  return nodes;
}

function at(file: SourceFile, offset: number): string {
  const position = file.lineIndex.position(offset);
  return `${position.line + 1}:${position.column + 1}`;
}

function inside(range: TextRange, outer: TextRange): boolean {
  return outer.start <= range.start && range.end <= outer.end;
}

describe("code blocks form one program", () => {
  it("puts the template text between two blocks into the loop opened in the first block", () => {
    const file = parseSource(listPage);
    expect(file.diagnostics).toEqual([]);
    expect(file.program.statements.map((statement) => statement.kind)).toEqual(["TemplateText", "ForStatement", "TemplateText"]);
    const loop = file.program.statements[1];
    if (loop?.kind !== "ForStatement" || loop.body?.kind !== "Block") throw new Error("expected a for loop with a block body");
    expect(slice(listPage, loop)).toBe("for (Integer i = 0; i < 3; i++) { %>\n  <li><% print(i.toString()); %></li>\n<% }");
    expect(loop.body.statements.map((statement) => statement.kind)).toEqual(["TemplateText", "ExpressionStatement", "TemplateText"]);
    expect(slice(listPage, loop.body.statements[0])).toBe("\n  <li>");
    expect(slice(listPage, loop.body.statements[1])).toBe("print(i.toString());");
    expect(slice(listPage, loop.body.statements[2])).toBe("</li>\n");
  });

  it("lets an if opened in one block be closed, with an else, in later blocks", () => {
    const text = [
      "%EJSCRIPT_START%",
      '<% Integer count = getCgiVariable("n").toInteger(); %>',
      "<% if (count == 0) { %>",
      "<p>Nothing found.</p>",
      "<% } else { %>",
      "<p><% print(count.toString()); %> found.</p>",
      "<% } %>",
      "%EJSCRIPT_END%",
    ].join("\n");
    const file = parseSource(text);
    expect(file.diagnostics).toEqual([]);
    const statements = file.program.statements;
    expect(statements.map((statement) => statement.kind)).toEqual(["TemplateText", "VariableDeclaration", "TemplateText", "IfStatement", "TemplateText"]);
    const branch = statements[3];
    if (branch?.kind !== "IfStatement" || branch.thenStatement?.kind !== "Block" || branch.elseStatement?.kind !== "Block") {
      throw new Error("expected if / else with blocks");
    }
    expect(branch.thenStatement.statements.map((statement) => slice(text, statement))).toEqual(["\n<p>Nothing found.</p>\n"]);
    expect(branch.elseStatement.statements.map((statement) => statement.kind)).toEqual(["TemplateText", "ExpressionStatement", "TemplateText"]);
    expect(slice(text, branch.elseStatement.statements[2])).toBe(" found.</p>\n");
    expect(slice(text, branch.condition)).toBe("count == 0");
  });

  it("joins code from two EJSCRIPT sections into one program", () => {
    const text = "%EJSCRIPT_START%<% Integer n = 2; %>A%EJSCRIPT_END%\nplain <b>\n%EJSCRIPT_START%B<% printLine(n.toString()); %>%EJSCRIPT_END%";
    const file = parseSource(text);
    expect(file.diagnostics).toEqual([]);
    const layout = layoutOf(file);
    expect(layout.startMarkers.map((range) => slice(text, range))).toEqual(["%EJSCRIPT_START%", "%EJSCRIPT_START%"]);
    expect(layout.endMarkers.map((range) => slice(text, range))).toEqual(["%EJSCRIPT_END%", "%EJSCRIPT_END%"]);
    expect(file.program.statements.map((statement) => statement.kind)).toEqual([
      "TemplateText",
      "VariableDeclaration",
      "TemplateText",
      "ExpressionStatement",
      "TemplateText",
    ]);
    expect(slice(text, file.program.statements[2])).toBe("A%EJSCRIPT_END%\nplain <b>\n%EJSCRIPT_START%B");
  });
});

describe("the template layout", () => {
  it("lists the markers and every code block with its code", () => {
    const file = parseSource(listPage);
    const layout = layoutOf(file);
    expect(layout.startMarkers).toEqual([{ start: listPage.indexOf("%EJSCRIPT_START%"), end: listPage.indexOf("%EJSCRIPT_START%") + 16 }]);
    expect(layout.endMarkers.map((range) => slice(listPage, range))).toEqual(["%EJSCRIPT_END%"]);
    expect(layout.codeBlocks.map((block) => slice(listPage, block.range))).toEqual([
      "<% for (Integer i = 0; i < 3; i++) { %>",
      "<% print(i.toString()); %>",
      "<% } %>",
    ]);
    expect(layout.codeBlocks.map((block) => slice(listPage, block.code))).toEqual([" for (Integer i = 0; i < 3; i++) { ", " print(i.toString()); ", " } "]);
    for (const block of layout.codeBlocks) {
      expect(block.code.start).toBe(block.range.start + 2);
      expect(block.code.end).toBe(block.range.end - 2);
    }
  });

  it("is undefined for an ordinary script", () => {
    const file = parseSource("Integer a = 1; // <% not a template %>\nprintLine(a.toString());");
    expect(file.template).toBeUndefined();
    expect(file.program.statements.map((statement) => statement.kind)).toEqual(["VariableDeclaration", "ExpressionStatement"]);
  });

  it("has no code blocks for a template that is all text", () => {
    const text = "%EJSCRIPT_START%\n<p>Static page</p>\n%EJSCRIPT_END%\n";
    const file = parseSource(text);
    expect(file.diagnostics).toEqual([]);
    expect(layoutOf(file).codeBlocks).toEqual([]);
    expect(file.program.statements.every((statement) => statement.kind === "TemplateText")).toBe(true);
    expect(file.program.statements.map((statement) => slice(text, statement)).join("")).toBe(text);
  });
});

describe("ranges map back to the original file", () => {
  it("gives the source text of several nodes", () => {
    const file = parseSource(listPage);
    const nodes = nodesOf(file.program);
    const sliceOf = (kind: string): string[] => nodes.filter((node) => node.kind === kind).map((node) => slice(listPage, node));
    expect(sliceOf("VariableDeclaration")).toEqual(["Integer i = 0"]);
    expect(sliceOf("BinaryExpression")).toEqual(["i < 3"]);
    expect(sliceOf("PostfixExpression")).toEqual(["i++"]);
    expect(sliceOf("CallExpression")).toEqual(["print(i.toString())", "i.toString()"]);
    expect(sliceOf("MemberExpression")).toEqual(["i.toString"]);
    expect(at(file, nodes.find((node) => node.kind === "VariableDeclaration")?.start ?? -1)).toBe("4:9");
    const print = nodes.find((node) => node.kind === "CallExpression");
    expect(print?.kind === "CallExpression" ? [listPage[print.openParen], listPage[print.closeParen ?? -1]] : []).toEqual(["(", ")"]);
  });

  it("keeps every name and literal inside a code block and every text chunk outside them", () => {
    const file = parseSource(listPage);
    const blocks = layoutOf(file).codeBlocks;
    let checked = 0;
    for (const node of nodesOf(file.program)) {
      if (node.kind === "Identifier") {
        expect(slice(listPage, node)).toBe(node.name);
      }
      if (node.kind === "Identifier" || node.kind === "IntegerLiteral" || node.kind === "StringLiteral") {
        expect(blocks.some((block) => inside(node, block.code))).toBe(true);
        checked++;
      }
      if (node.kind === "TemplateText") {
        expect(blocks.every((block) => node.end <= block.range.start || node.start >= block.range.end)).toBe(true);
      }
    }
    expect(checked).toBe(9);
  });

  it("covers the whole file with text chunks and code blocks, in order", () => {
    const file = parseSource(listPage);
    const pieces: TextRange[] = [...layoutOf(file).codeBlocks.map((block) => block.range)];
    walk(file.program, (node) => {
      if (node.kind === "TemplateText") pieces.push(node);
    });
    pieces.sort((a, b) => a.start - b.start);
    expect(pieces[0]?.start).toBe(0);
    expect(pieces.at(-1)?.end).toBe(listPage.length);
    for (let index = 1; index < pieces.length; index++) {
      expect(pieces[index]?.start).toBe(pieces[index - 1]?.end);
    }
  });

  it("reports a syntax error in the second code block on its original line", () => {
    const text = [
      "%EJSCRIPT_START%",
      "<p>",
      "<%",
      '  String name = getCgiVariable("name");',
      "%>",
      "Hello",
      "<%",
      "  if (name.isEmpty() {",
      '    print("stranger");',
      "  }",
      "%>",
      "</p>",
      "%EJSCRIPT_END%",
    ].join("\n");
    const file = parseSource(text);
    expect(file.diagnostics).toHaveLength(1);
    const diagnostic = file.diagnostics[0];
    expect(diagnostic?.code).toBe("syntax-missing-token");
    expect(at(file, diagnostic?.range.start ?? -1)).toBe("8:21");
    expect(diagnostic?.range.start).toBe(text.indexOf("isEmpty()") + "isEmpty()".length);
    expect(diagnostic?.related?.[0]?.range).toEqual({ start: text.indexOf("if (") + 3, end: text.indexOf("if (") + 4 });
    const branch = file.program.statements.find((statement) => statement.kind === "IfStatement");
    expect(slice(text, branch)).toBe('if (name.isEmpty() {\n    print("stranger");\n  }');
  });

  it("reports a '{' left open in a code block at the end of the file, pointing at the '{'", () => {
    const text = "%EJSCRIPT_START%\n<% if (ok) { %>\n<p>shown</p>\n%EJSCRIPT_END%";
    const file = parseSource(text);
    expect(file.diagnostics).toHaveLength(1);
    const diagnostic = file.diagnostics[0];
    expect(diagnostic?.code).toBe("syntax-unclosed-brace");
    expect(diagnostic?.range).toEqual({ start: text.length, end: text.length });
    expect(at(file, diagnostic?.related?.[0]?.range.start ?? -1)).toBe("2:12");
    expect(slice(text, diagnostic?.related?.[0]?.range)).toBe("{");
  });

  it("reports a missing ';' inside a code block at the end of the statement's line", () => {
    const text = "%EJSCRIPT_START%\n<h1><% Integer n = 1\n   print(n.toString()); %></h1>\n%EJSCRIPT_END%";
    const file = parseSource(text);
    expect(file.diagnostics.map((diagnostic) => [diagnostic.code, at(file, diagnostic.range.start), at(file, diagnostic.range.end)])).toEqual([
      ["syntax-missing-semicolon", "2:21", "2:21"],
    ]);
  });
});

describe("text outside the markers", () => {
  it("treats the text before %EJSCRIPT_START% and after %EJSCRIPT_END% as template text, not code", () => {
    const file = parseSource(listPage);
    const names = nodesOf(file.program).flatMap((node) => (node.kind === "Identifier" ? [node.name] : []));
    expect(names).not.toContain("notCode");
    expect(names).not.toContain("not");
    const first = file.program.statements[0];
    expect(first?.kind).toBe("TemplateText");
    expect(first?.start).toBe(0);
    expect(slice(listPage, first).startsWith("Header line, not code: Integer notCode = 1;\n%EJSCRIPT_START%")).toBe(true);
    const last = file.program.statements.at(-1);
    expect(last?.kind).toBe("TemplateText");
    expect(slice(listPage, last).endsWith("%EJSCRIPT_END%\nFooter <% not code either %>\n")).toBe(true);
    expect(layoutOf(file).codeBlocks).toHaveLength(3);
  });

  it("produces only template-text tokens before the first code block", () => {
    const file = parseSource(listPage);
    const firstCode = layoutOf(file).codeBlocks[0]?.code.start ?? 0;
    const before: string[] = [];
    for (let index = 0; index < file.tokens.count && file.tokens.start(index) < firstCode; index++) {
      before.push(file.tokens.type(index).name);
    }
    expect(before).toEqual(["TemplateText"]);
  });

  it("does not report code-like mistakes in the text part", () => {
    const text = 'Price: 5 +* 3 ( unbalanced "quote\n%EJSCRIPT_START%\n<% printLine("ok"); %>\n%EJSCRIPT_END%\n} else {';
    const file = parseSource(text);
    expect(file.diagnostics).toEqual([]);
    expect(file.program.statements.map((statement) => statement.kind)).toEqual(["TemplateText", "ExpressionStatement", "TemplateText"]);
  });
});

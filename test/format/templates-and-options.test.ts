/**
 * Templates keep their template text byte for byte and only self-contained
 * code blocks are formatted; the options (indentation, tabs, line width,
 * line endings) and the byte-order mark are honoured.
 */
import { describe, expect, it } from "vitest";
import { formatText } from "../../server/format/index.js";

function format(text: string, options = {}): string {
  const result = formatText(text, options);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.text;
}

const template = [
  "%EJSCRIPT_START%",
  "<html>",
  "  <body>",
  '    <% String name=getVariable("name"); %>',
  '    <% if(name!=""){ %>',
  "      <p>Hello <% print(name); %>  ,  welcome</p>",
  "    <% } %>",
  "    <%",
  "    Integer i=0;",
  "       while(i<3){print(i.toString());i++;}",
  "    %>",
  "  </body>",
  "</html>",
  "%EJSCRIPT_END%",
  "",
].join("\n");

describe("EJScript templates", () => {
  it("formats self-contained code blocks, leaves blocks that open or close a construct, and never changes template text", () => {
    expect(format(template)).toBe(
      [
        "%EJSCRIPT_START%",
        "<html>",
        "  <body>",
        '    <% String name = getVariable("name"); %>',
        '    <% if(name!=""){ %>',
        "      <p>Hello <% print(name); %>  ,  welcome</p>",
        "    <% } %>",
        "    <%",
        "      Integer i = 0;",
        "      while (i < 3) {",
        "        print(i.toString());",
        "        i++;",
        "      }",
        "    %>",
        "  </body>",
        "</html>",
        "%EJSCRIPT_END%",
        "",
      ].join("\n"),
    );
  });

  it("keeps a template's CRLF text as it is and formats it idempotently", () => {
    const crlf = template.replace(/\n/g, "\r\n");
    const once = format(crlf);
    expect(once).toContain('    <% if(name!=""){ %>\r\n      <p>Hello <% print(name); %>  ,  welcome</p>\r\n');
    expect(once).not.toMatch(/[^\r]\n/);
    expect(format(once)).toBe(once);
  });

  it("leaves a template with nothing to format unchanged", () => {
    const text = "%EJSCRIPT_START%\n<p>[[name]]</p>\n<% if (a) { %>x<% } %>\n%EJSCRIPT_END%";
    expect(formatText(text)).toEqual({ ok: true, text, changed: false });
  });
});

describe("options", () => {
  const script = "Void f(){if(a){x=1;}}";

  it("indents by indentWidth", () => {
    expect(format(script, { indentWidth: 4 })).toBe("Void f() {\n    if (a) {\n        x = 1;\n    }\n}\n");
  });

  it("indents with tabs when useTabs is set, continuations with two tabs", () => {
    expect(format(script, { useTabs: true })).toBe("Void f() {\n\tif (a) {\n\t\tx = 1;\n\t}\n}\n");
    expect(format("Void f() { call(firstArgument, secondArgument, thirdArgument, fourthArgument, fifth); }", { useTabs: true })).toBe(
      "Void f() {\n\tcall(firstArgument, secondArgument, thirdArgument, fourthArgument, fifth);\n}\n",
    );
    expect(format("Void f() { call(firstArgument, secondArgument, thirdArgument, fourthArgument, fifthArgument); }", { useTabs: true })).toBe(
      "Void f() {\n\tcall(firstArgument, secondArgument, thirdArgument, fourthArgument,\n\t\t\tfifthArgument);\n}\n",
    );
  });

  it("fits lines into lineWidth", () => {
    const output = format("x = compute(alpha, beta, gamma, delta);", { lineWidth: 20 });
    expect(output).toBe("x = compute(alpha,\n    beta, gamma,\n    delta);\n");
  });

  it("keeps the file's line ending by default and converts when asked", () => {
    expect(format("x=1;\r\ny=2;\r\n")).toBe("x = 1;\r\ny = 2;\r\n");
    expect(format("x=1;\ny=2;\n")).toBe("x = 1;\ny = 2;\n");
    expect(format("x=1;\r\ny=2;\r\n", { endOfLine: "lf" })).toBe("x = 1;\ny = 2;\n");
    expect(format("x=1;\ny=2;\n", { endOfLine: "crlf" })).toBe("x = 1;\r\ny = 2;\r\n");
    expect(format("x=1;\ry=2;\r")).toBe("x = 1;\ry = 2;\r");
  });

  it("converts line breaks inside comments and ignored code too", () => {
    expect(format("/* a\r\n   b */\r\n// crmscript-format-ignore\r\nx  =  f(1,\r\n  2);\r\n")).toBe(
      "/* a\r\n   b */\r\n// crmscript-format-ignore\r\nx  =  f(1,\r\n  2);\r\n",
    );
  });

  it("keeps a byte-order mark", () => {
    expect(format("\uFEFFx=1;")).toBe("\uFEFFx = 1;\n");
  });

  it("says whether anything changed", () => {
    expect(formatText("x = 1;\n")).toEqual({ ok: true, text: "x = 1;\n", changed: false });
    expect(formatText("x=1;\n")).toMatchObject({ ok: true, changed: true });
    expect(formatText("")).toEqual({ ok: true, text: "", changed: false });
  });
});

/**
 * Comments stay where they were (before, after or inside the code they
 * belong to), blank lines are kept up to one, and the ignore comments keep
 * code exactly as written.
 */
import { describe, expect, it } from "vitest";
import { formatText } from "../../server/format/index.js";

function format(text: string): string {
  const result = formatText(text);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.text;
}

function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}

describe("comments", () => {
  it("keeps a comment on its own line above the statement it describes, at the statement's indentation", () => {
    expect(format("Void f() {\n      // count them\n  Integer n = 0;\n}")).toBe(lines("Void f() {", "  // count them", "  Integer n = 0;", "}"));
  });

  it("keeps a trailing comment at the end of its line", () => {
    expect(format("Integer n = 0;    // none yet\nn++;")).toBe(lines("Integer n = 0; // none yet", "n++;"));
  });

  it("keeps a trailing comment inside an argument list on its line, breaking the list there", () => {
    expect(format("foo(alpha, // first\n  beta);")).toBe(lines("foo(alpha, // first", "    beta);"));
  });

  it("keeps a comment on its own line inside an argument list on its own line", () => {
    expect(format("foo(alpha,\n  // about beta\n  beta);")).toBe(lines("foo(alpha,", "    // about beta", "    beta);"));
  });

  it("keeps block comments inside a line where they were", () => {
    expect(format("x = f(/* none */ 0) + /* why */ 1;")).toBe(lines("x = f(/* none */ 0) + /* why */ 1;"));
  });

  it("re-indents a starred block comment and keeps other block comments' lines", () => {
    expect(format("Void f() {\n        /**\n         * Adds.\n         */\n  x = 1;\n}")).toBe(
      lines("Void f() {", "  /**", "   * Adds.", "   */", "  x = 1;", "}"),
    );
    expect(format("/* a\n      b */\nx = 1;")).toBe(lines("/* a", "      b */", "x = 1;"));
  });

  it("keeps comments at the end of a block inside it, and at the end of the file", () => {
    expect(format("Void f() {\n  x = 1;\n\n  // later\n\n}\n\n// the end\n")).toBe(lines("Void f() {", "  x = 1;", "", "  // later", "}", "", "// the end"));
  });

  it("keeps a comment in an empty block inside it", () => {
    expect(format("if (a) { // nothing yet\n}\nwhile (b) {\n// wait\n}")).toBe(lines("if (a) { // nothing yet", "}", "while (b) {", "  // wait", "}"));
  });

  it("keeps blank lines between comments, at most one", () => {
    expect(format("// one\n\n\n\n// two\nx = 1;")).toBe(lines("// one", "", "// two", "x = 1;"));
  });

  it("keeps a comment before else on its own line", () => {
    expect(format("if (a) {\n  x = 1;\n}\n// otherwise\nelse {\n  x = 2;\n}")).toBe(
      lines("if (a) {", "  x = 1;", "}", "// otherwise", "else {", "  x = 2;", "}"),
    );
  });

  it("formats a file of comments only", () => {
    expect(format("  // just a note   \n\n\n/* and this */")).toBe(lines("// just a note", "", "/* and this */"));
  });
});

describe("comments in awkward places (found by the generated programs)", () => {
  it("keeps two end-of-line comments apart: after a // comment the code goes on on the next line", () => {
    expect(format("f(a // 1\n) // 2\n;")).toBe(lines("f(a // 1", "    ) // 2", ";"));
    expect(format("x = a[0 // 1\n] || // 2\ntrue;")).toBe(lines("x = a[0 // 1", "    ] || // 2", "    true;"));
  });

  it("puts else and catch on the next line after a comment that ends the brace's line", () => {
    expect(format("if (a) {\n  x();\n} // a\nelse {/* b */\n  y();\n}")).toBe(lines("if (a) {", "  x();", "} // a", "else {/* b */", "  y();", "}"));
    expect(format("Void f(Integer b) // 1\n{ // 2\n}")).toBe(lines("Void f(Integer b) // 1", "{ // 2", "}"));
  });

  it("keeps a block comment's spacing on its line, so formatting again changes nothing", () => {
    for (const text of ["f() /* a */\n;", "f(x /* a */, y);", "Integer getName(/**/) {}", "x = a // c\n.b;"]) {
      const once = format(text);
      expect(format(once)).toBe(once);
    }
    expect(format("f(x /* a */, y);")).toBe(lines("f(x /* a */, y);"));
  });

  it("counts the space after a trailing block comment once, so a line of exactly the width fits however it was written", () => {
    const condition = "a".repeat(61);
    const fitting = lines("while (e) {", `  if (${condition})/*c*/ break;`, "}");
    expect(fitting.split("\n")[1]).toHaveLength(80);
    expect(format(fitting)).toBe(fitting);
    expect(format(`while (e) {\n  if (${condition})/*c*/\n    break;\n}`)).toBe(fitting);
    const tooLong = `while (e) {\n  if (${condition}a)/*c*/ break;\n}`;
    expect(format(tooLong)).toBe(lines("while (e) {", `  if (${condition}a)/*c*/`, "    break;", "}"));
  });

  it("measures the line after a block comment spanning lines the same with or without a space after it", () => {
    const value = `"${"s".repeat(68)}"`;
    const fitting = lines("name/* a", ` a */ += ${value};`);
    expect(fitting.split("\n")[1]).toHaveLength(80);
    expect(format(fitting)).toBe(fitting);
    expect(format(fitting.replace("*/ +=", "*/+="))).toBe(fitting);
  });

  it("counts what follows the last argument on the line before deciding where to break", () => {
    expect(format("x = foo(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, cc)[1234567890];")).toBe(
      lines("x = foo(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,", "    cc)[1234567890];"),
    );
  });
});

describe("ignore comments", () => {
  it("keeps the statement after '// crmscript-format-ignore' as written", () => {
    const input = "x=1;\n// crmscript-format-ignore\nInteger[]   grid  =  makeGrid(1,0,\n                          0,1);\ny=2;";
    expect(format(input)).toBe(
      lines("x = 1;", "// crmscript-format-ignore", "Integer[]   grid  =  makeGrid(1,0,", "                          0,1);", "y = 2;"),
    );
  });

  it("keeps a region between ignore-start and ignore-end as written, comments included", () => {
    const input = [
      "Void f() {",
      "x=1;",
      "  // crmscript-format-ignore-start",
      "  a   = 1;   // one",
      "  bb  = 22;  // two",
      "  // crmscript-format-ignore-end",
      "y=2;",
      "}",
    ].join("\n");
    expect(format(input)).toBe(
      lines(
        "Void f() {",
        "  x = 1;",
        "  // crmscript-format-ignore-start",
        "  a   = 1;   // one",
        "  bb  = 22;  // two",
        "  // crmscript-format-ignore-end",
        "  y = 2;",
        "}",
      ),
    );
  });

  it("keeps a region without an end comment as written to the end of its block", () => {
    expect(format("Void f() {\n// crmscript-format-ignore-start\na  =  1;\nb  =  2;\n}\nx=1;")).toBe(
      lines("Void f() {", "  // crmscript-format-ignore-start", "  a  =  1;", "b  =  2;", "}", "x = 1;"),
    );
  });

  it("formats the same text normally without the comment", () => {
    expect(format("// other\nInteger[]   grid  =  makeGrid(1,0);")).toBe(lines("// other", "Integer[] grid = makeGrid(1, 0);"));
  });
});

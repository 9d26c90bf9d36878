/**
 * Formatting a selection and the statement just typed: only the lines
 * asked for change; a file with errors elsewhere still gets a clean
 * selection formatted; anything unsafe gives no edit.
 */
import { describe, expect, it } from "vitest";
import type { TextEdit } from "../../grammar/index.js";
import { formatOnType, formatRange, type RangeFormatResult } from "../../server/format/index.js";

function apply(text: string, result: RangeFormatResult): string {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  let output = text;
  for (const edit of [...result.edits].sort((a: TextEdit, b: TextEdit) => b.range.start - a.range.start)) {
    output = output.slice(0, edit.range.start) + edit.text + output.slice(edit.range.end);
  }
  return output;
}

const file = ["Void f(){", "Integer x=1;", '    if(x==1){print("a");}', "y = 2;", "}", ""].join("\n");

describe("formatRange", () => {
  it("formats only the lines of the selection in a clean file, at the indentation the whole file would get", () => {
    const start = file.indexOf("    if");
    expect(apply(file, formatRange(file, { start: start + 6, end: start + 8 }))).toBe(
      ["Void f(){", "Integer x=1;", "  if (x == 1) {", '    print("a");', "  }", "y = 2;", "}", ""].join("\n"),
    );
  });

  it("formats a selection of whole lines that parses on its own in a file with an error elsewhere", () => {
    const broken = file.replace("y = 2;", "y = ;");
    const start = broken.indexOf("    if");
    const end = broken.indexOf("y =");
    expect(apply(broken, formatRange(broken, { start, end }))).toBe(
      ["Void f(){", "Integer x=1;", "    if (x == 1) {", '      print("a");', "    }", "y = ;", "}", ""].join("\n"),
    );
  });

  it("refuses a selection that does not parse on its own in a file with errors, saying why", () => {
    const broken = file.replace("y = 2;", "y = ;");
    const result = formatRange(broken, { start: 0, end: broken.indexOf("Integer") });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/syntax errors, and the selection cannot be formatted on its own/);
  });

  it("gives no edit when the selection is already formatted or holds no code", () => {
    const clean = "x = 1;\n\n// note\ny = 2;\n";
    expect(formatRange(clean, { start: 0, end: clean.length })).toEqual({ ok: true, edits: [] });
    expect(formatRange(clean, { start: 8, end: 15 })).toEqual({ ok: true, edits: [] });
  });

  it("keeps CRLF line endings in the edit", () => {
    const crlf = "Void f() {\r\nx=1;\r\n}\r\n";
    expect(apply(crlf, formatRange(crlf, { start: 12, end: 13 }))).toBe("Void f() {\r\n  x = 1;\r\n}\r\n");
  });
});

describe("formatOnType", () => {
  it("formats the statement a ';' ends", () => {
    const text = "Void f() {\n  Integer x   =  foo( 1,2 );\n  z\n}\n";
    expect(apply(text, formatOnType(text, text.indexOf(";") + 1))).toBe("Void f() {\n  Integer x = foo(1, 2);\n  z\n}\n");
  });

  it("formats the whole if/else a '}' ends", () => {
    const text = "Void f() {\n  if(a){x=1;}else{y=2;}\n  z\n}\n";
    const offset = text.indexOf("y=2;}") + 5;
    expect(apply(text, formatOnType(text, offset))).toBe("Void f() {\n  if (a) {\n    x = 1;\n  } else {\n    y = 2;\n  }\n  z\n}\n");
  });

  it("does nothing for a ';' inside a for header or after another character", () => {
    const text = "for (i = 0;";
    expect(formatOnType(text, text.length)).toEqual({ ok: true, edits: [] });
    expect(formatOnType("x=1", 3)).toEqual({ ok: true, edits: [] });
  });
});

/**
 * The formatter applies SuperOffice's CRMScript coding conventions: one
 * test per convention, each a real-shaped script before and after.
 */
import { describe, expect, it } from "vitest";
import { formatText } from "../../server/format/index.js";

function format(text: string, options = {}): string {
  const result = formatText(text, options);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.text;
}

/** Joins lines with "\n" and a final line break, so expected output reads as lines. */
function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}

describe("coding conventions", () => {
  it("puts opening braces at the end of the line after one space and closing braces on their own line (K&R)", () => {
    expect(format("Void f()\n{\nif(a)\n{\nx=1;\n}\nelse\n{\nx=2;\n}\n}")).toBe(
      lines("Void f() {", "  if (a) {", "    x = 1;", "  } else {", "    x = 2;", "  }", "}"),
    );
  });

  it("ends a struct with '};' and puts each member on its own line", () => {
    expect(format("struct Point{Integer x;Integer y;Integer sum(){return this.x+this.y;}};")).toBe(
      lines("struct Point {", "  Integer x;", "  Integer y;", "  Integer sum() {", "    return this.x + this.y;", "  }", "};"),
    );
  });

  it("indents by two spaces, never with tabs", () => {
    expect(format("Void f() {\n\tif (a) {\n\t\tx = 1;\n\t}\n}\n")).toBe(lines("Void f() {", "  if (a) {", "    x = 1;", "  }", "}"));
  });

  it("keeps lines within 80 columns, breaking after a comma with the continuation 4 spaces in", () => {
    const input = 'String result = buildMessage(customerName, contactPerson, "reference", ticketNumber, priority);';
    const output = format(input);
    expect(output).toBe(lines('String result = buildMessage(customerName, contactPerson, "reference",', "    ticketNumber, priority);"));
    for (const line of output.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("breaks long conditions after an operator, the continuation 4 spaces in and the body 2", () => {
    const input = "if (customerIdentifier > 0 && contactIdentifier > 0 && projectIdentifier > 0 && saleIdentifier > 0) { x = 1; }";
    expect(format(input)).toBe(
      lines("if (customerIdentifier > 0 && contactIdentifier > 0 && projectIdentifier > 0 &&", "    saleIdentifier > 0) {", "  x = 1;", "}"),
    );
  });

  it("breaks a long string concatenation after '+' only where needed", () => {
    const input = 'String sql = "SELECT name, department, number FROM contact " + "WHERE department = " + department + " ORDER BY name";';
    expect(format(input)).toBe(
      lines('String sql = "SELECT name, department, number FROM contact " +', '    "WHERE department = " + department + " ORDER BY name";'),
    );
  });

  it("moves a value that cannot break to the next line after '='", () => {
    const input = 'String message = "This is a very long string literal that does not fit on one line at all";';
    expect(format(input)).toBe(lines("String message =", '    "This is a very long string literal that does not fit on one line at all";'));
  });

  it("puts one space around binary operators and assignments, after commas, and none inside parentheses", () => {
    expect(format("x=a+b*c-d/e%f;y+=1;z-=2;f( a,b , c );if(a<=b||c>=d&&e!=f||g==h){}")).toBe(
      lines("x = a + b * c - d / e % f;", "y += 1;", "z -= 2;", "f(a, b, c);", "if (a <= b || c >= d && e != f || g == h) {}"),
    );
  });

  it("puts no space after unary operators or before postfix ones, but keeps '- -x' apart", () => {
    expect(format("x = - y; z = ! b; i ++; ++ i; w = - -v; u = a - -b;")).toBe(lines("x = -y;", "z = !b;", "i++;", "++i;", "w = - -v;", "u = a - -b;"));
  });

  it("puts one space between a keyword and '('", () => {
    expect(format("while(a){} for(Integer i=0;i<3;i++){} foreach(String s in list){} if(a){}")).toBe(
      lines("while (a) {}", "for (Integer i = 0; i < 3; i++) {}", "foreach (String s in list) {}", "if (a) {}"),
    );
  });

  it("puts a space before and after '//'", () => {
    expect(format("x = 1;//set x\n//note\ny = 2;")).toBe(lines("x = 1; // set x", "// note", "y = 2;"));
  });

  it("leaves one blank line between consecutive functions and structs", () => {
    expect(format("Void a() {}\nVoid b() {}\nstruct S { Integer x; };\nstruct T { Integer y; };")).toBe(
      lines("Void a() {}", "", "Void b() {}", "", "struct S {", "  Integer x;", "};", "", "struct T {", "  Integer y;", "};"),
    );
  });

  it("leaves one blank line between consecutive methods of a struct", () => {
    expect(format("struct S {\n  Integer a() { return 1; }\n  Integer b() { return 2; }\n};")).toBe(
      lines("struct S {", "  Integer a() {", "    return 1;", "  }", "", "  Integer b() {", "    return 2;", "  }", "};"),
    );
  });

  it("keeps at most one blank line, and none at the start or end of a block", () => {
    expect(format("Void f() {\n\n\n  x = 1;\n\n\n\n  y = 2;\n\n}\n\n\n\nz = 3;")).toBe(lines("Void f() {", "  x = 1;", "", "  y = 2;", "}", "", "z = 3;"));
  });

  it("leaves no trailing white space and ends the file with one line break", () => {
    expect(format("x = 1;   \ny = 2;\t\n\n\n")).toBe(lines("x = 1;", "y = 2;"));
  });

  it("does not align anything horizontally", () => {
    expect(format('Integer a     = 1;\nString  bb    = "x";\nBool    ccc   = true;')).toBe(lines("Integer a = 1;", 'String bb = "x";', "Bool ccc = true;"));
  });

  it("puts one statement per line", () => {
    expect(format("x = 1; y = 2; if (a) { b(); c(); }")).toBe(lines("x = 1;", "y = 2;", "if (a) {", "  b();", "  c();", "}"));
  });

  it("keeps a short statement without braces on its line, and moves a long one to the next line indented", () => {
    expect(format("if (a) return;\nwhile (i < 3) i++;")).toBe(lines("if (a) return;", "while (i < 3) i++;"));
    expect(format('if (customerIdentifier > 0) printLine("the customer identifier is positive and set");')).toBe(
      lines("if (customerIdentifier > 0)", '  printLine("the customer identifier is positive and set");'),
    );
  });

  it("formats else-if chains and try/catch in K&R style", () => {
    expect(format("if (a) { x = 1; }\nelse if (b) { x = 2; }\nelse { x = 3; }\ntry { f(); }\ncatch { printLine(error); }")).toBe(
      lines("if (a) {", "  x = 1;", "} else if (b) {", "  x = 2;", "} else {", "  x = 3;", "}", "try {", "  f();", "} catch {", "  printLine(error);", "}"),
    );
  });

  it("keeps every token as written: keyword case, literal spelling, string contents", () => {
    expect(format("IF (a) { x = 1.50; y = 10L; s = \"a  ;  b\"; t = 'q'; }")).toBe(
      lines("IF (a) {", "  x = 1.50;", "  y = 10L;", '  s = "a  ;  b";', "  t = 'q';", "}"),
    );
  });

  it("formats directives, declarations with array types and for headers with empty parts", () => {
    expect(format('#setLanguageLevel  4 ;\n#include   "lib-http" ;\nString[ ] names;Integer[3][2] grid;for( ; i<3 ; ){}')).toBe(
      lines("#setLanguageLevel 4;", '#include "lib-http";', "String[] names;", "Integer[3][2] grid;", "for (; i < 3;) {}"),
    );
  });
});

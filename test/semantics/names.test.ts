/**
 * Names and declarations (spec §4, §9.1 E1–E3): declare before use, scopes,
 * duplicates, reserved names, what a name may stand for. Each fixture is
 * matched one to one against its annotations.
 */
import { describe, it } from "vitest";
import { checkFixture } from "../support/check.js";

describe("declare before use (E1)", () => {
  it("reports a variable used above its declaration, and only once", () => {
    checkFixture(`
  total = 5;
//^^^^^ error used-before-declaration: is used before its declaration on line 5
  total = 6;
Integer total;
printLine(total.toString());
`);
  });

  it("reports a function called above its definition", () => {
    checkFixture(`
  greet();
//^^^^^ error used-before-declaration: function 'greet'
Void greet() { printLine("hi"); }
greet();
`);
  });

  it("reports a name declared nowhere, with a suggestion", () => {
    checkFixture(`
Integer counter = 1;
  counte++;
//^^^^^^ error undeclared-name: did you mean 'counter'?
printLine(counter.toString());
`);
  });

  it("gives one diagnostic for one unknown name, however often it is used", () => {
    checkFixture(`
  missing.doThing();
//^^^^^^^ error undeclared-name
missing.doOther(missing.value);
printLine(missing);
`);
  });

  it("explains that there is no null literal", () => {
    checkFixture(`
String s = null;
//         ^^^^ error undeclared-name: no null literal
`);
  });

  it("does not see a local of a sibling block, nor a loop variable after its loop", () => {
    checkFixture(`
if (true) {
  Integer inner = 1;
  printLine(inner.toString());
}
for (Integer i = 0; i < 2; i++) printLine(i.toString());
printLine(inner.toString() + i.toString());
//        ^^^^^ error undeclared-name
//                           ^ error undeclared-name
`);
  });

  it("lets later functions use earlier globals, but not later ones", () => {
    checkFixture(`
String prefix = "ticket ";
String label(Integer id) {
  return prefix + id.toString() + suffix;
//                                ^^^^^^ error used-before-declaration: on line 7
}
String suffix = "!";
printLine(label(3));
`);
  });

  it("reports an unknown type with a suggestion from the catalog", () => {
    checkFixture(`
  NSContactAgnt agent;
//^^^^^^^^^^^^^ error unknown-type: did you mean 'NSContactAgent'
  SerchEngine se;
//^^^^^^^^^^^ error unknown-type: did you mean 'SearchEngine'?
`);
  });

  it("reports a struct type used above the struct", () => {
    checkFixture(`
  Point origin;
//^^^^^ error used-before-declaration: struct 'Point'
struct Point { Integer x; Integer y; };
Point corner;
`);
  });
});

describe("duplicates and reserved names (E2, E3)", () => {
  it("reports a second declaration in the same scope with the first one's line", () => {
    checkFixture(`
String name = "a";
String name = "b";
//     ^^^^ error duplicate-declaration: already declared in this scope on line 2
printLine(name);
`);
  });

  it("allows the same name in sibling blocks and successive loops", () => {
    checkFixture(`
for (Integer i = 0; i < 2; i++) printLine(i.toString());
for (Integer i = 5; i < 7; i++) printLine(i.toString());
if (true) { Integer tmp = 1; printLine(tmp.toString()); } else { Integer tmp = 2; printLine(tmp.toString()); }
`);
  });

  it("treats a local that redeclares a parameter in the function body as a duplicate (D4)", () => {
    checkFixture(`
Integer twice(Integer value) {
  Integer value = 2;
//        ^^^^^ error duplicate-declaration
  return value * 2;
}
`);
  });

  it("lets a parameter shadow a global", () => {
    checkFixture(`
String token = "global";
String validate(String token) { return token + "!"; }
printLine(validate("x") + token);
`);
  });

  it("reports overloads with identical parameter types, but not real overloads", () => {
    checkFixture(`
Void ok() { printLine("200"); }
Void ok(String body) { printLine(body); }
Integer ok(String text) { return 1; }
//      ^^ error duplicate-declaration
ok();
ok("x");
`);
  });

  it("reports reserved words as errors and other built-in class names as warnings", () => {
    checkFixture(`
Integer Ticket = 5;
//      ^^^^^^ error reserved-name: 'Ticket' is a reserved word
String Map = "x";
//     ^^^ warning builtin-class-name: 'Map' is the name of a built-in class
Void SearchEngine() { }
//   ^^^^^^^^^^^^ warning builtin-class-name
struct User { Integer id; };
//     ^^^^ error reserved-name
Integer ticket = 1;
Map stillTheClass;
`);
  });

  it("warns when a function overloads a built-in global function, and rejects the same signature", () => {
    checkFixture(`
Void log(String message, Integer level) { printLine(message); }
//   ^^^ warning builtin-overload
Void printLine(String line) { }
//   ^^^^^^^^^ error duplicate-declaration: built-in function 'printLine'
log("x", 1);
log("y");
`);
  });
});

describe("what a name stands for", () => {
  it("reports a function or a type used as a value", () => {
    checkFixture(`
Integer five() { return 5; }
Integer x = five;
//          ^^^^ error not-a-value: is a function
Map m = Map;
//      ^^^ error not-a-value: is a type
`);
  });

  it("reports a variable called like a function", () => {
    checkFixture(`
Integer count = 1;
  count();
//^^^^^ error not-callable
`);
  });

  it("rejects Void variables and parameters", () => {
    checkFixture(`
  Void nothing;
//^^^^ error void-variable
Void take(Void v) { }
//        ^^^^ error void-variable
`);
  });

  it("explains that NetServer enums are Integers", () => {
    checkFixture(`
  SaleStatus status = 2;
//^^^^^^^^^^ warning enum-as-type: SaleStatus is a NetServer enum, so as a type it means Integer
Integer sold = status;
  NSActivityStatus spelledByTheLanguageServer = sold;
//^^^^^^^^^^^^^^^^ warning enum-as-type: ActivityStatus (written NSActivityStatus) is a NetServer enum
Integer open = NSActivityStatus(1);
//             ^^^^^^^^^^^^^^^^ warning enum-as-type: ActivityStatus is a NetServer enum, which CRMScript treats as Integer
`);
  });

  it("reports a struct called like a constructor, but accepts a factory function of the same name", () => {
    checkFixture(`
struct Car { String brand; };
Car a = Car();
//      ^^^ error struct-constructor
struct Person { String last; };
Person Person(String last) { Person p; p.last = last; return p; }
Person b = Person("Adams");
printLine(a.brand + b.last);
`);
  });

  it("declares the implicit error and errorLocation in catch, and only there", () => {
    checkFixture(`
try {
  throw "boom";
} catch {
  printLine(error + " at " + errorLocation);
}
printLine(error);
//        ^^^^^ error undeclared-name
`);
  });

  it("does not report uses of a mistaken catch parameter again", () => {
    checkFixture(`
try { throw "x"; } catch (e) { printLine(e); }
//                       ^^^ error syntax-catch-parameter
`);
  });

  it("declares every variable of a mistaken multiple declaration", () => {
    checkFixture(`
Integer a = 1, b, c = "x";
//           ^^^^^^^^^^^^ error syntax-multiple-declarators
//                    ^^^ error type-mismatch
printLine((a + b + c).toString());
`);
  });
});

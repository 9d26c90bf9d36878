/**
 * Types of expressions and statements (spec §3, §6.2, §9.1 E4, E5, E8, E12,
 * E14, E16, E18): conversions, operators, conditions, indexing, foreach,
 * throw and return. Type annotations check the inferred type itself.
 */
import { describe, it } from "vitest";
import { checkFixture } from "../support/check.js";

describe("expression types", () => {
  it("types literals, arithmetic and comparisons (spec §6.2)", () => {
    checkFixture(`
Integer i = 7;
Float f = 2.5;
Long big = 9L;
printLine((i + i).toString() + (i + f).toString(1) + (i * big).toString() + (i / 2).toString());
//         ^^^^^ type Integer
//                              ^^^^^ type Float
//                                                    ^^^^^^^ type Long
//                                                                           ^^^^^ type Integer
Bool b = i < f && "a" < "b" || !(i == 7);
//       ^^^^^ type Bool
String s = "n=" + i.toString();
//         ^^^^^^^^^^^^^^^^^^^ type String
`);
  });

  it("types member calls, indexing and arrays of arrays", () => {
    checkFixture(`
String csv = "a;b";
Integer n = csv.split(";").length();
//          ^^^^^^^^^^^^^^ type String[]
String[][] grid;
String first = grid[0][1];
//             ^^^^^^^ type String[]
//             ^^^^^^^^^^ type String
`);
  });

  it("accepts Integer where Float or Long is expected, and anything as Generic (spec §3.3)", () => {
    checkFixture(`
Float f = 3;
Long l = 4;
Generic g = "text";
Generic h = f;
Float twice(Float x) { return x * 2.0; }
printLine(twice(2).toString(1) + l.toString() + getTypeName(g) + getTypeName(h));
`);
  });

  it("warns when a Long is used as an Integer", () => {
    checkFixture(`
Long big = 9L;
Integer small = big;
//              ^^^ warning narrowing-conversion
`);
  });
});

describe("type mismatches (E5)", () => {
  it("reports initial values, assignments and returns of the wrong type, with the conversion to use", () => {
    checkFixture(`
String s = 5;
//         ^ error type-mismatch: Convert it with toString()
Integer n = "5";
//          ^^^ error type-mismatch: Convert it with toInteger()
n = 2.5;
//  ^^^ error type-mismatch: floor() or round()
Integer parse(String text) {
  return text;
//       ^^^^ error type-mismatch: the return value of 'parse'
}
Generic g = n;
Integer back = g;
//             ^ error type-mismatch: GenericToInteger
`);
  });

  it("checks array types exactly and sizes as Integer", () => {
    checkFixture(`
String[] names;
Integer[] numbers = names;
//                  ^^^^^ error type-mismatch
Integer[3] three;
String[true] wrong;
//     ^^^^ error type-mismatch: array size must be an Integer
//     ^^^^ warning syntax-array-size-not-literal
`);
  });
});

describe("operators (E8)", () => {
  it("rejects String + Integer, arithmetic on Strings and logic on non-Bools", () => {
    checkFixture(`
Integer n = 3;
String s = "count: " + n;
//         ^^^^^^^^^^^^^ error operator-type: '+' cannot combine String and Integer
String t = "a" - "b";
//         ^^^^^^^^^ error operator-type: only '+' works on Strings
Bool b = n && true;
//       ^^^^^^^^^ error operator-type: '&&' needs Bool on both sides
Bool c = !n;
//       ^^ error operator-type: '!' needs a Bool
Bool d = "1" == 1;
//       ^^^^^^^^ error operator-type: '==' compares values of one type
Bool e = true < false;
//       ^^^^^^^^^^^^ error operator-type
`);
  });

  it("checks compound assignment and increments", () => {
    checkFixture(`
String s = "a";
s += "b";
  s += 1;
//^^^^^^ error operator-type: '+=' on a String needs a String
Integer i = 0;
i += 2;
i -= 1;
i++;
Bool flag = true;
  flag++;
//^^^^^^ error operator-type: '++' needs a number
i += 1.5;
//   ^^^ error type-mismatch
`);
  });

  it("does not report operators on something already unknown", () => {
    checkFixture(`
Integer n = unknownThing + 1;
//          ^^^^^^^^^^^^ error undeclared-name
String s = "x" + unknownThing;
Bool b = !unknownThing && unknownThing > 2;
`);
  });
});

describe("conditions, indexing, foreach, throw (E4, E12, E14, E16)", () => {
  it("requires Bool conditions in if, while and for", () => {
    checkFixture(`
Integer flag = 1;
if (flag) printLine("x");
//  ^^^^ error condition-not-bool: the if condition must be Bool, found Integer
while ("yes") { }
//     ^^^^^ error condition-not-bool: while
for (Integer i = 0; i; i++) { }
//                  ^ error condition-not-bool: for
if (flag != 0) printLine("ok");
`);
  });

  it("requires an array to index and an Integer index", () => {
    checkFixture(`
String[3] a;
a["first"] = "x";
//^^^^^^^ error index-not-integer
Integer n = 4;
String s = n[0];
//         ^ error not-indexable: Integer is not an array
`);
  });

  it("requires foreach to go over an array with the element type", () => {
    checkFixture(`
String[] words = "a b".split(" ");
//               ^^^^^ warning syntax-method-on-literal
foreach (String w in words) printLine(w);
foreach (Integer w in words) printLine(w.toString());
//       ^^^^^^^ error foreach-type-mismatch: the elements are String
Map m;
foreach (String k in m) printLine(k);
//                   ^ error foreach-not-array
Integer[][] grid;
foreach (Integer[] row in grid) printLine(row.length().toString());
`);
  });

  it("requires a String to throw", () => {
    checkFixture(`
throw "stop";
throw 42;
//    ^^ error throw-not-string
`);
  });
});

describe("return (E18)", () => {
  it("reports values returned from Void and missing values", () => {
    checkFixture(`
Void report() {
  return 1;
//       ^ error return-value-in-void: returns Void
}
Integer count() {
  return;
//^^^^^^^ warning missing-return-value: returns Integer
}
return 5;
//     ^ error return-value-in-void: top level
return;
`);
  });

  it("warns when a Void function returns a Void call, as official libraries do", () => {
    checkFixture(`
Void setStatus(Integer code) { printLine(code.toString()); }
Void ok() {
  return setStatus(200);
//       ^^^^^^^^^^^^^^ warning return-void-call
}
`);
  });
});

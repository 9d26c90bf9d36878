/**
 * Calls and members (spec §4.2, §6.3, §9.1 E6, E7, E9, E10, E11): overload
 * resolution against user functions and the full catalog, members of
 * classes, arrays and structs, loops and `this`.
 */
import { describe, it } from "vitest";
import { checkFixture } from "../support/check.js";

describe("arguments (E6, E7)", () => {
  it("reports a wrong argument count with the signatures to choose from", () => {
    checkFixture(`
Integer add(Integer a, Integer b) { return a + b; }
Integer r = add(1, 2, 3);
//              ^^^^^^^ error argument-count: 'add' expects 2 arguments, 3 given
Float pi = 3.14;
printLine(pi.toString());
//        ^^^^^^^^^^^^^ error argument-count: Float.toString expects 1 argument, 0 given
`);
  });

  it("reports the first argument of the wrong type when one overload fits the count", () => {
    checkFixture(`
Integer n = 5;
print(n);
//    ^ error argument-type: argument 1 of 'print' ('s') must be String, found Integer
NSContactAgent agent;
NSContactEntity c = agent.GetContactEntity("5");
//                                         ^^^ error argument-type: must be Integer, found String
`);
  });

  it("lists the overloads when several take that many arguments", () => {
    checkFixture(`
Void show(Integer n) { }
Void show(String s) { }
show(true);
//   ^^^^ error argument-type: no overload of 'show' takes (Bool)
`);
  });

  it("picks the exact overload first, then one that needs a conversion", () => {
    checkFixture(`
Integer twice(Integer x) { return x * 2; }
Float twice(Float x) { return x * 2.0; }
Integer a = twice(2);
//          ^^^^^^^^ type Integer
Float b = twice(1.5);
//        ^^^^^^^^^^ type Float
Long big = 3L;
Float c = twice(big);
//        ^^^^^^^^^^ type Integer
//              ^^^ warning narrowing-conversion
`);
  });

  it("resolves constructors named like the type (spec §3.3)", () => {
    checkFixture(`
Integer fav = Integer("73");
DateTime meeting = DateTime(2020, 6, 22, 11, 0, 0);
Map colors = Map("roses=red");
Map empty = Map();
Date wrong = Date(1, 2);
//                ^^^^ error argument-count: the Date constructor expects 0 or 1 arguments, 2 given
`);
  });
});

describe("members (E9)", () => {
  it("reports an unknown method with the closest name, once per type and name", () => {
    checkFixture(`
NSContactAgent agent;
NSContactEntity c = agent.GetContactEntityy(1);
//                        ^^^^^^^^^^^^^^^^^ error unknown-member: NSContactAgent has no method 'GetContactEntityy'; did you mean 'GetContactEntity'?
NSContactEntity d = agent.GetContactEntityy(2);
String s = "x";
String t = s.toupper();
//           ^^^^^^^ error unknown-member: did you mean 'toUpper'?
`);
  });

  it("says how to read a NetServer property and rejects a method without parentheses", () => {
    checkFixture(`
NSContactAgent agent;
NSContact contact = agent.GetContact(1);
String name = contact.Name;
//                    ^^^^ error unknown-member: read it with 'GetName()'
String other = contact.GetName;
//                     ^^^^^^^ error method-used-as-value
String[] parts;
Integer n = parts.length;
//                ^^^^^^ error method-used-as-value
`);
  });

  it("knows the array methods with the element type (spec §3.2)", () => {
    checkFixture(`
Integer[][] grid;
Integer[] row = grid.first();
//              ^^^^^^^^^^^^ type Integer[]
grid.pushBack(row);
grid.pushBack(5);
//            ^ error argument-type
row.insert(0, 7);
String joined = row.buildString(",");
String json = row.toJsonString();
row.sort();
`);
  });

  it("knows a struct's fields, methods and the built-in struct methods (spec §4.3)", () => {
    checkFixture(`
struct Car {
  String brand;
  Car brand(String b) { this.brand = b; return this; }
};
Car car;
car.brand("Tesla").brand("S");
String b = car.brand;
String json = car.toJsonString();
car.fromJsonString(json);
Integer y = car.year;
//              ^^^^ error unknown-member: Car has no field or method 'year'
car.brand.length();
//        ^^^^^^ error unknown-member: String has no method 'length'
`);
  });

  it("requires compare() to sort structs and one dimension to sort", () => {
    checkFixture(`
struct Person { String last; Bool compare(Person other) { return this.last < other.last; } };
struct Note { String text; };
Person[] people;
people.sort();
Note[] notes;
notes.sort();
//    ^^^^ warning unsortable-array: needs a method 'Bool compare(Note other)'
Integer[][] grid;
grid.sort();
//   ^^^^ warning unsortable-array: one-dimensional
`);
  });

  it("resolves chained NetServer calls across lines", () => {
    checkFixture(`
NSContactAgent agent;
String name = agent.GetContact(1)
//            ^^^^^^^^^^^^^^^^^^^ type NSContact
  .GetName();
Map headers = Map()
  .insert("Content-Type", "application/json")
  .insert("Pragma", "no-cache");
`);
  });
});

describe("loops, this and structs (E10, E11)", () => {
  it("reports break and continue outside loops, also inside a function called from a loop", () => {
    checkFixture(`
Integer i = 1;
if (i == 1)
  break;
//^^^^^^ error break-outside-loop
while (i < 3) {
  i++;
  if (i == 2) continue;
}
Void helper() {
  continue;
//^^^^^^^^^ error continue-outside-loop
}
`);
  });

  it("allows this only in struct methods, where later members are visible (D5)", () => {
    checkFixture(`
struct Counter {
  Integer next() { this.value++; return this.value; }
  Integer value;
};
String name = "x";
  this.name = "y";
//^^^^ error this-outside-struct
`);
  });

  it("rejects a field of the struct's own type but allows arrays of it", () => {
    checkFixture(`
struct Node {
  Integer value;
  Node next;
//^^^^ error recursive-struct
  Node[] children;
};
`);
  });

  it("warns about field initialisers and checks their type", () => {
    checkFixture(`
struct Settings {
  Integer retries = 3;
//                  ^ warning struct-field-initializer
  String mode = 1;
//              ^ warning struct-field-initializer
//              ^ error type-mismatch
};
`);
  });

  it("reports duplicate fields and methods with the same parameters", () => {
    checkFixture(`
struct Box {
  Integer size;
  String size;
//       ^^^^ error duplicate-declaration
  Void fill(Integer n) { }
  Void fill(Integer count) { }
//     ^^^^ error duplicate-declaration
  Void fill(String what) { }
};
`);
  });
});

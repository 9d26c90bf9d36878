/**
 * The query API the editor features use (`SemanticModel`): what a name at
 * an offset refers to, references of a symbol, the names visible at an
 * offset, the members of a type, the call and argument around an offset,
 * and a script's exports. `$0` marks the offset asked about.
 */
import { describe, expect, it } from "vitest";
import type { UserSymbol } from "../../server/semantics/index.js";
import { cursorOf, runFixture } from "../support/check.js";

function at(source: string) {
  const run = runFixture(source);
  const analysis = run.analysis();
  return {
    analysis,
    model: analysis.model,
    get cursor() {
      return cursorOf(run);
    },
  };
}

function names(symbols: readonly UserSymbol[]): string[] {
  return symbols.map((symbol) => `${symbol.kind === "variable" ? symbol.variableKind : symbol.kind} ${symbol.name}`);
}

describe("nameAt", () => {
  it("finds the catalog method and overload a member call resolved to", () => {
    const { model, cursor } = at(`NSContactAgent agent;\nNSContactEntity c = agent.GetCont$0actEntity(1);\n`);
    const found = model.nameAt(cursor);
    expect(found?.name.name).toBe("GetContactEntity");
    expect(found?.resolution).toMatchObject({ kind: "catalog-method", method: { name: "GetContactEntity" }, overload: { since: "7.0" } });
  });

  it("finds a user symbol from a use and from its declaration, also right after the name", () => {
    const { model, cursor } = at(`Integer total = 1;\ntotal$0 = total + 1;\n`);
    const use = model.nameAt(cursor);
    expect(use?.resolution).toMatchObject({ kind: "symbol", declaration: false, symbol: { kind: "variable", name: "total", variableKind: "global" } });
    const declaration = model.nameAt(9);
    expect(declaration?.resolution).toMatchObject({ kind: "symbol", declaration: true });
    expect(model.nameAt(14)).toBeUndefined();
  });

  it("tells a user overload, a constructor's class and a struct type apart", () => {
    const { model, analysis } = at(
      `struct Car { String brand; };\nCar Car(String b) { Car c; c.brand = b; return c; }\nCar mine = Car("Volvo");\nMap m = Map("a=1");\n`,
    );
    const text = analysis.sourceFile.text;
    expect(model.nameAt(text.indexOf('Car("Volvo")'))?.resolution).toMatchObject({ kind: "user-call", symbol: { kind: "function", name: "Car" } });
    expect(model.nameAt(text.indexOf("Car mine"))?.resolution).toMatchObject({ kind: "symbol", symbol: { kind: "struct", name: "Car" } });
    expect(model.nameAt(text.indexOf('Map("'))?.resolution).toMatchObject({ kind: "catalog-class", info: { name: "Map" } });
  });
});

describe("referencesTo", () => {
  it("lists every use of a variable, marking plain assignments as writes", () => {
    const { model, analysis } = at(
      `Integer count = 0;\ncount = 5;\ncount += 1;\nprintLine(count.toString());\nVoid f() { Integer count = 2; printLine(count.toString()); }\n`,
    );
    const symbol = model
      .declarations()
      .find((candidate) => candidate.name === "count" && candidate.kind === "variable" && candidate.variableKind === "global") as UserSymbol;
    const lines = model
      .referencesTo(symbol)
      .map((reference) => `${analysis.sourceFile.lineIndex.position(reference.name.start).line + 1}${reference.write ? " write" : ""}`);
    expect(lines).toEqual(["2 write", "3", "4"]);
  });

  it("lists calls of a function and uses of a struct field through this", () => {
    const { model } = at(`struct Box { Integer size; Integer grow() { this.size++; return this.size; } };\nBox b;\nb.size = 2;\nb.grow();\nb.grow();\n`);
    const struct = model.declarations().find((symbol) => symbol.kind === "struct");
    const size = struct?.kind === "struct" ? struct.fields.get("size") : undefined;
    const grow = struct?.kind === "struct" ? struct.methods.get("grow")?.[0] : undefined;
    expect(model.referencesTo(size as UserSymbol)).toHaveLength(3);
    expect(model.referencesTo(grow as UserSymbol)).toHaveLength(2);
  });
});

describe("visibleAt", () => {
  it("lists the locals, parameters, globals, functions and structs declared before the offset, innermost scope first", () => {
    const { model, cursor } = at(`
String prefix = "x";
struct Point { Integer x; };
Integer helper(Integer n) { return n; }
Void run(Integer limit) {
  Integer before = 1;
  if (limit > 0) {
    String inner = "y";
    $0
    Integer after = 2;
  }
  Integer later = 3;
}
String suffix = "z";
`);
    expect(names(model.visibleAt(cursor))).toEqual([
      "local inner",
      "parameter limit",
      "local before",
      "global prefix",
      "struct Point",
      "function helper",
      "function run",
    ]);
  });

  it("hides an outer variable behind an inner one of the same name", () => {
    const { model, cursor } = at(`Integer value = 1;\nVoid f() { String value = "x"; $0 }\n`);
    const visible = model.visibleAt(cursor).filter((symbol) => symbol.name === "value");
    expect(visible).toHaveLength(1);
    expect(visible[0]).toMatchObject({ kind: "variable", variableKind: "local" });
  });

  it("includes the implicit error variables inside catch", () => {
    const { model, cursor } = at(`try { throw "x"; } catch { $0 }\n`);
    expect(names(model.visibleAt(cursor))).toEqual(["implicit error", "implicit errorLocation"]);
  });
});

describe("visibleAt with names", () => {
  it("lists only symbols of those names, in the same order and hiding outer ones", () => {
    const { model, cursor } = at(`Integer value = 1;\nString other = "o";\nVoid f(Integer count) { String value = "x"; $0 }\n`);
    expect(names(model.visibleAt(cursor, new Set(["value", "count"])))).toEqual(["parameter count", "local value"]);
    expect(model.visibleAt(cursor, new Set(["missing"]))).toEqual([]);
  });
});

describe("typeOfExpressionText", () => {
  it("types text typed after the analysis among the names visible there, an inner declaration before an outer one", () => {
    const { model, analysis, cursor } = at(`NSContactAgent agent;\nVoid f() { NSPersonAgent agent; $0 }\nVoid g() { }\n`);
    expect(model.typeOfExpressionText("agent", cursor)).toMatchObject({ kind: "class", name: "NSPersonAgent" });
    expect(model.typeOfExpressionText("agent", analysis.sourceFile.text.indexOf("{ }") + 1)).toMatchObject({ kind: "class", name: "NSContactAgent" });
  });

  it("types calls of user functions and NetServer methods in the text, and nothing it cannot name", () => {
    const { model, cursor } = at(`NSContactAgent agent;\nNSPersonEntity makePerson() { NSPersonEntity p; return p; }\nVoid f() { $0 }\n`);
    expect(model.typeOfExpressionText("makePerson()", cursor)).toMatchObject({ kind: "class", name: "NSPersonEntity" });
    expect(model.typeOfExpressionText("agent.GetContactEntity(1)", cursor)).toMatchObject({ kind: "class", name: "NSContactEntity" });
    expect(model.typeOfExpressionText("unknownName", cursor)).toBeUndefined();
  });
});

describe("membersOf", () => {
  it("lists a NetServer agent's methods from the catalog and an array's methods with the element type", () => {
    const { model, analysis } = at(`NSContactAgent agent;\nString[] parts;\nagent;\nparts;\n`);
    const statements = analysis.sourceFile.program.statements;
    const agentExpression = statements[2]?.kind === "ExpressionStatement" ? statements[2].expression : undefined;
    const partsExpression = statements[3]?.kind === "ExpressionStatement" ? statements[3].expression : undefined;
    const agentMembers = model.membersOf(model.typeOf(agentExpression as never) as never);
    expect(agentMembers.methods.size).toBe(31);
    expect(agentMembers.methods.get("GetContactEntity")?.signatures.map((signature) => signature.parameters.length)).toEqual([1]);
    const arrayMembers = model.membersOf(model.typeOf(partsExpression as never) as never);
    expect(arrayMembers.methods.get("first")?.signatures[0]?.returnType).toMatchObject({ kind: "class", name: "String" });
  });
});

describe("callAt", () => {
  it("finds the innermost call and the argument the offset is in", () => {
    const { model, cursor } = at(`NSContactAgent agent;\nprintLine(agent.GetContact(1).GetName() + "x", $0);\n`);
    const call = model.callAt(cursor);
    expect(call?.call.callee).toMatchObject({ kind: "Identifier", name: "printLine" });
    expect(call?.argumentIndex).toBe(1);

    const inner = at(`NSContactAgent agent;\nagent.GetContact(f(1, 2), $0\n`);
    expect(inner.model.callAt(inner.cursor)).toMatchObject({ argumentIndex: 1, call: { callee: { member: { name: "GetContact" } } } });
  });

  it("reports the signatures and the one chosen", () => {
    const { model, cursor } = at(`Map m;\nm.increaseValueForKey("a", 2$0);\n`);
    const call = model.callAt(cursor);
    expect(
      call?.signatures.map((signature) => signature.parameters.map((parameter) => (parameter.type.kind === "class" ? parameter.type.name : "?")).join(",")),
    ).toEqual(["String,Float", "String,Integer"]);
    expect(call?.chosen?.parameters[1]?.type).toMatchObject({ name: "Integer" });
  });
});

describe("exports", () => {
  it("holds the top-level symbols in declaration order and the included scripts", () => {
    const run = runFixture(
      `#include "lib";\nInteger A = 1;\nVoid f() { Integer local = 2; }\nstruct S { Integer x; };\n//- /fixture/lib.crm\nInteger B = 2;\n`,
    );
    const exports = run.analysis().model.exports();
    expect(names(exports.symbols)).toEqual(["global A", "function f", "struct S"]);
    expect(exports.includes.map((module) => module.file)).toEqual(["/fixture/lib.crm"]);
  });
});

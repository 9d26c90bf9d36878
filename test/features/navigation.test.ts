/**
 * Go to definition, references, highlights and rename across `#include`d
 * files, and rename's refusals.
 */
import { describe, expect, it } from "vitest";
import { definition, documentHighlights, prepareRename, references, rename } from "../../server/features/navigation.js";
import { cursorOf, runFixture } from "../support/check.js";

/** "file:line:column" of a range, 1-based. */
function where(run: ReturnType<typeof runFixture>, range: { file: string; start: number }): string {
  const position = run.analysis(range.file).sourceFile.lineIndex.position(range.start);
  return `${range.file.replace("/fixture/", "")}:${position.line + 1}:${position.column + 1}`;
}

const project = `
#include "lib-orders";
Order o = newOrder("A-1");
printLine(describe$0(o) + describe(o, true) + o.id);
//- /fixture/lib-orders.crm
struct Order { String id; };
Order newOrder(String id) { Order o; o.id = id; return o; }
String describe(Order o) { return o.id; }
String describe(Order o, Bool long) { return o.id + "!"; }
//- /fixture/other.crm
#include "lib-orders";
String again = describe(newOrder("B"));
`;

describe("definition", () => {
  it("goes to the overload a call uses, in the included file", () => {
    const run = runFixture(project);
    expect(definition(run.analysis(), cursorOf(run)).map((range) => where(run, range))).toEqual(["lib-orders.crm:3:8"]);
  });

  it("goes to locals, parameters, fields and structs", () => {
    const run = runFixture("struct P { Integer x; };\nVoid f(Integer n) { P p; p.x = n; p$0.x++; }\n");
    const analysis = run.analysis();
    const text = analysis.sourceFile.text;
    expect(definition(analysis, cursorOf(run)).map((range) => where(run, range))).toEqual(["main.crm:2:23"]);
    expect(definition(analysis, text.indexOf("x = n")).map((range) => where(run, range))).toEqual(["main.crm:1:20"]);
    expect(definition(analysis, text.indexOf("n; p")).map((range) => where(run, range))).toEqual(["main.crm:2:16"]);
    expect(definition(analysis, text.indexOf("P p")).map((range) => where(run, range))).toEqual(["main.crm:1:8"]);
  });

  it("has nothing to go to for the catalog's names", () => {
    const run = runFixture('NSContactAgent a;\nprintL$0ine("x");\n');
    expect(definition(run.analysis(), cursorOf(run))).toEqual([]);
  });
});

describe("references", () => {
  it("finds the uses of every overload in every script that includes the declaring one", () => {
    const run = runFixture(project);
    run.host.workspace.setFiles(run.files.map((file) => file.path));
    const found = references(run.host, run.analysis(), cursorOf(run), true).map((range) => where(run, range));
    expect(found).toEqual(["lib-orders.crm:3:8", "lib-orders.crm:4:8", "main.crm:4:11", "main.crm:4:25", "other.crm:2:16"]);
    expect(references(run.host, run.analysis(), cursorOf(run), false)).toHaveLength(3);
  });

  it("highlights reads and writes in the file", () => {
    const run = runFixture("Integer count = 0;\ncount = 2;\ncount$0++;\nprintLine(count.toString());\n");
    const highlights = documentHighlights(run.host, run.analysis(), cursorOf(run));
    expect(
      highlights.map((highlight) => `${where(run, { file: "/fixture/main.crm", start: highlight.range.start })} ${highlight.write ? "write" : "read"}`),
    ).toEqual(["main.crm:1:9 write", "main.crm:2:1 write", "main.crm:3:1 read", "main.crm:4:11 read"]);
  });
});

describe("rename", () => {
  it("renames a function's overloads and every call, across includes", () => {
    const run = runFixture(project);
    run.host.workspace.setFiles(run.files.map((file) => file.path));
    const result = rename(run.host, run.analysis(), cursorOf(run), "summarize");
    expect(result.kind).toBe("edits");
    if (result.kind !== "edits") return;
    expect([...result.edits.entries()].map(([file, edits]) => `${file.replace("/fixture/", "")}: ${edits.length}`).sort()).toEqual([
      "lib-orders.crm: 2",
      "main.crm: 2",
      "other.crm: 1",
    ]);
  });

  it("renames a field through every access", () => {
    const run = runFixture(
      'struct Car { String brand; Car brand(String b) { this.brand = b; return this; } };\nCar c;\nc.bra$0nd = "x";\nprintLine(c.brand);\n',
    );
    const result = rename(run.host, run.analysis(), cursorOf(run), "make");
    expect(result.kind === "edits" ? result.edits.get("/fixture/main.crm")?.length : result.reason).toBe(4);
  });

  it("refuses names that are not names, keywords, reserved names and collisions", () => {
    const run = runFixture(
      "Integer total = 1;\nInteger count = 2;\nVoid f() { Integer inner = 3; printLine(inner.toString() + count.toString()); }\nto$0tal++;\n",
    );
    const refuse = (name: string, at = cursorOf(run)): string => {
      const result = rename(run.host, run.analysis(), at, name);
      return result.kind === "refused" ? result.reason : "renamed";
    };
    expect(refuse("9lives")).toContain("is not a valid name");
    expect(refuse("While")).toContain("is a keyword");
    expect(refuse("Ticket")).toContain("is reserved");
    expect(refuse("NSContactAgent")).toContain("is reserved");
    expect(refuse("count")).toContain("'count' is already declared in the same scope on line 2");
    const inner = run.analysis().sourceFile.text.indexOf("inner =");
    expect(refuse("count", inner)).toContain("would hide the 'count'");
    expect(refuse("sum")).toBe("renamed");
    // A local may take the name of a global the function does not use.
    const shadowing = runFixture('String token = "x";\nVoid f() { Integer ke$0y = 1; printLine(key.toString()); }\n');
    expect(rename(shadowing.host, shadowing.analysis(), cursorOf(shadowing), "token").kind).toBe("edits");
  });

  it("will not rename the catalog's names", () => {
    const run = runFixture('print$0Line("x");\n');
    expect(prepareRename(run.host, run.analysis(), cursorOf(run))).toEqual({ refused: expect.stringContaining("part of CRMScript or its API") });
    const user = runFixture("Integer ma$0x = 1;\n");
    expect(prepareRename(user.host, user.analysis(), cursorOf(user))).toMatchObject({ placeholder: "max", range: { start: 8, end: 11 } });
  });
});

/**
 * Hover and signature help with `$0` fixtures against the full catalog.
 */
import { describe, expect, it } from "vitest";
import { freshState, staleState } from "../../server/features/editor-state.js";
import { hover } from "../../server/features/hover.js";
import { signatureHelp } from "../../server/features/signature-help.js";
import { cursorOf, runFixture } from "../support/check.js";

function hoverAt(source: string): string | undefined {
  const run = runFixture(source);
  return hover(run.host, run.analysis(), cursorOf(run))?.markdown;
}

function helpAt(source: string) {
  const run = runFixture(source);
  return signatureHelp(run.host, freshState(run.analysis()), cursorOf(run));
}

describe("hover", () => {
  it("shows a variable's type, kind and the comment above its declaration", () => {
    const markdown = hoverAt("// How many tickets were closed today.\nInteger closedToday = 0;\nclosedT$0oday++;\n");
    expect(markdown).toContain("```crmscript\nInteger closedToday\n```");
    expect(markdown).toContain("global variable");
    expect(markdown).toContain("How many tickets were closed today.");
  });

  it("ignores a comment at the end of the line above", () => {
    expect(hoverAt("Integer a = 1; // about a\nInteger b = 2;\nb$0;\n")).not.toContain("about a");
  });

  it("shows every overload of a catalog method, the one a call uses first, with its version and link", () => {
    const markdown = hoverAt('SearchEngine se;\nString v = se.getFi$0eld("ticket.id");\n') ?? "";
    expect(markdown.split("\n").slice(0, 5)).toEqual([
      "```crmscript",
      "String SearchEngine.getField(String name)",
      "String SearchEngine.getField(Integer num)",
      "String SearchEngine.getField(String name, String function)",
      "```",
    ]);
    expect(markdown).toContain("the first is the one this call uses");
    expect(markdown).toContain(
      "[SuperOffice documentation](https://docs.superoffice.com/en/automation/crmscript/reference/CRMScript.Native.SearchEngine.html#",
    );
  });

  it("shows a NetServer method's since-version and a global function's on-site restriction", () => {
    expect(hoverAt("NSContactAgent a;\na.GetContact$0Entity(1);\n")).toContain("Since SuperOffice 7.0");
    expect(hoverAt('String out = runProg$0ram("dir");\n')).toContain("On-site installations only");
  });

  it("describes catalog classes, enums used as types, structs and user overloads", () => {
    expect(hoverAt("NSContact$0Agent agent;\n")).toContain("NetServer class, 31 methods");
    expect(hoverAt("SaleSta$0tus s;\n")).toContain("CRMScript passes its values as Integer");
    const struct = hoverAt("struct Point { Integer x; Integer y; Integer sum() { return this.x + this.y; } };\nPo$0int p;\n");
    expect(struct).toContain("struct Point {\n  Integer x;\n  Integer y;\n  Integer sum();\n};");
    const call = hoverAt('Void ok() { }\nVoid ok(String body) { }\no$0k("x");\n');
    expect(call).toContain("Void ok(String body)\nVoid ok()");
  });

  it("says that an enum or an alias of one means Integer as a type (spec A15-2)", () => {
    const alias = hoverAt("NSExecute$0OnEvent when;\n") ?? "";
    expect(alias).toContain("enum ExecuteOnEvent");
    expect(alias).toContain(
      "`NSExecuteOnEvent` is another spelling of this enum. A NetServer enum: CRMScript passes its values as Integer, and as a type it means Integer.",
    );
    expect(alias).toContain("CRMScript.NetServer.ExecuteOnEvent.html");
    expect(hoverAt("NSWorkflowEvent$0Type t;\n")).toContain("does not list its members");
  });

  it("describes the rebuilt catalog's members: the workflow API, both SetAddress overloads, undocumented classes", () => {
    const workflow = hoverAt("NSWorkflowAgent w;\nw.SetStatusOn$0Workflow(7, 2);\n") ?? "";
    expect(workflow).toContain("Integer NSWorkflowAgent.SetStatusOnWorkflow(Integer emailFlowId, Integer status)");
    expect(workflow).toContain("Since SuperOffice 11.2");
    const address = hoverAt("NSContactEntity c;\nNSAddress a;\nc.SetAdd$0ress(a);\n") ?? "";
    expect(address).toContain("Void NSContactEntity.SetAddress(NSAddress address)\nVoid NSContactEntity.SetAddress(NSLocalizedField[][] address)");
    const binary = hoverAt("NSBin$0ary seed;\n") ?? "";
    expect(binary).toContain("NetServer class that the documentation names in signatures but does not document: its members are unknown");
    expect(binary).not.toContain("SuperOffice documentation");
  });

  it("links the built-in members of arrays and structs to the DataStructure pages, with {type} filled in", () => {
    const first = hoverAt("NSLink[] links;\nNSLink l = links.fir$0st();\n") ?? "";
    expect(first).toContain("NSLink first()");
    expect(first).toContain("Built-in method of every array.");
    expect(first).toContain("CRMScript.DataStructure.Array.html#CRMScript_DataStructure_Array_first");
    const toJson = hoverAt("struct Reply { String s; String toJson() { JSONBuilder jb; this.toJ$0son(jb); return jb.getString(); } };\n") ?? "";
    expect(toJson).toContain("Void Reply.toJson(JSONBuilder builder)");
    expect(toJson).toContain("Built-in method of every struct.");
  });

  it("shows the type of an expression that is not a name", () => {
    expect(hoverAt('String s = ("a" + "b"$0);\n')).toBe("```crmscript\nString\n```");
  });

  it("says nothing on whitespace or a keyword", () => {
    expect(hoverAt("Integer a = 1;\n$0\n")).toBeUndefined();
    expect(hoverAt("i$0f (true) { }\n")).toBeUndefined();
  });
});

describe("signature help", () => {
  it("lists every overload, picks the one the arguments select and highlights the parameter", () => {
    const help = helpAt('Map m;\nm.increaseValueForKey("visits", 1.5$0);\n');
    expect(help?.signatures.map((signature) => signature.label)).toEqual([
      "Void Map.increaseValueForKey(String key, Float value)",
      "Void Map.increaseValueForKey(String key, Integer value)",
    ]);
    expect(help?.activeParameter).toBe(1);
    expect(help?.activeSignature).toBe(0);
    const integer = helpAt('Map m;\nm.increaseValueForKey("visits", 2$0);\n');
    expect(integer?.activeSignature).toBe(1);
    const label = help?.signatures[0];
    expect(label?.parameters.map(([start, end]) => label.label.slice(start, end))).toEqual(["String key", "Float value"]);
  });

  it("works in an unclosed call being typed, for functions, methods and constructors, with documentation", () => {
    const func = helpAt("printLine($0\n");
    expect(func?.signatures.map((signature) => signature.label)).toEqual(["Void printLine(String line)"]);
    expect(func?.signatures[0]?.documentation).toContain("Since SuperOffice 7.0");
    const method = helpAt("NSContactAgent a;\na.GetContactEntity($0\n");
    expect(method?.signatures.map((signature) => signature.label)).toEqual(["NSContactEntity NSContactAgent.GetContactEntity(Integer contactEntityId)"]);
    expect(method?.activeParameter).toBe(0);
    const nested = helpAt('NSContactAgent a;\nprintLine(a.GetContact(1).GetName() + "x", $0\n');
    expect(nested?.activeParameter).toBe(1);
    const constructorHelp = helpAt("DateTime d = DateTime(2020, $0\n");
    expect(constructorHelp?.signatures.some((signature) => signature.label.startsWith("DateTime DateTime(Integer"))).toBe(true);
    expect(constructorHelp?.activeParameter).toBe(1);
  });

  it("answers from the previous analysis right after '(' is typed", () => {
    const before = "NSPersonAgent people;\nVoid f() {\n  people.GetPerson\n}\n";
    const run = runFixture(before);
    const at = before.indexOf("GetPerson\n") + "GetPerson".length;
    const after = `${before.slice(0, at)}(${before.slice(at)}`;
    const help = signatureHelp(run.host, staleState(after, run.analysis(), at), at + 1);
    expect(help?.signatures.map((signature) => signature.label)).toEqual(["NSPerson NSPersonAgent.GetPerson(Integer personId)"]);
  });

  it("shows the comment above a user function", () => {
    const help = helpAt("// Adds VAT to a price.\nFloat withVat(Float price, Float rate) { return price * (1.0 + rate); }\nFloat p = withVat(100.0, $0\n");
    expect(help?.signatures[0]).toMatchObject({ label: "Float withVat(Float price, Float rate)", documentation: "Adds VAT to a price." });
    expect(help?.activeParameter).toBe(1);
  });

  it("offers a user struct method and the built-in struct member of the same name as overloads", () => {
    const help = helpAt("struct Reply { String s; String toJson() { JSONBuilder jb; this.toJson($0); return jb.getString(); } };\n");
    expect(help?.signatures.map((signature) => signature.label)).toEqual(["String Reply.toJson()", "Void Reply.toJson(JSONBuilder builder)"]);
    const address = helpAt("NSContactEntity c;\nc.SetAddress($0\n");
    expect(address?.signatures.map((signature) => signature.label)).toEqual([
      "Void NSContactEntity.SetAddress(NSAddress address)",
      "Void NSContactEntity.SetAddress(NSLocalizedField[][] address)",
    ]);
  });

  it("says nothing outside a call", () => {
    expect(helpAt("Integer a = 1;$0\n")).toBeUndefined();
    expect(helpAt('printLine("a");$0\n')).toBeUndefined();
  });
});

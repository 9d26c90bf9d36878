/**
 * Completion with `$0` fixtures against the full catalog: members after a
 * `.` for every kind of receiver (NetServer agents, entities, carriers,
 * native classes, built-in types, arrays, structs, chained calls,
 * indexing), half-typed members, broken code before the cursor, the
 * keystroke-behind analysis, names in scope, keywords and snippets only at
 * statement starts, include ids, nothing in strings or comments, ranking
 * and resolved documentation.
 */
import { describe, expect, it } from "vitest";
import { complete, type CompletionEntry, type CompletionOptions, type CompletionResult } from "../../server/features/completion/complete.js";
import { freshState, staleState } from "../../server/features/editor-state.js";
import { cursorOf, runFixture } from "../support/check.js";

/** Everything that matches, uncut, for the tests about what is offered where. */
const ALL: CompletionOptions = { limit: Number.POSITIVE_INFINITY };

function completeAt(
  source: string,
  includeIds: readonly string[] = [],
  options: CompletionOptions = {},
): CompletionResult & { labels: string[]; entry(label: string): CompletionEntry | undefined } {
  const run = runFixture(source);
  const analysis = run.analysis();
  const result = complete(run.host, freshState(analysis), cursorOf(run), { includeIds: () => includeIds, fresh: () => freshState(analysis) }, options);
  const sorted = [...result.entries].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return { ...result, labels: sorted.map((entry) => entry.label), entry: (label) => result.entries.find((entry) => entry.label === label) };
}

describe("members after a dot", () => {
  it("lists a NetServer agent's methods with their signatures", () => {
    const result = completeAt("NSContactAgent agent;\nagent.$0\n");
    expect(result.labels).toHaveLength(31);
    expect(result.entry("GetContactEntity")).toMatchObject({
      kind: "method",
      detail: "NSContactEntity NSContactAgent.GetContactEntity(Integer contactEntityId)",
    });
    expect(result.labels).not.toContain("printLine");
  });

  it("completes a half-typed member and replaces what was typed", () => {
    const source = "NSContactAgent agent;\nNSContactEntity c = agent.GetCo$0;\n";
    const result = completeAt(source);
    const at = source.indexOf("GetCo");
    expect(result.replace).toEqual({ start: at, end: at + 5 });
    expect(result.labels.slice(0, 3)).toEqual(["GetContact", "GetContactEntity", "GetContactList"]);
  });

  it("knows the result types of chained calls, indexing, entities and carriers", () => {
    expect(completeAt("NSContactAgent agent;\nagent.GetContact(1).$0\n").labels).toContain("GetName");
    expect(completeAt("NSContactAgent agent;\nNSContactEntity c = agent.GetContactEntity(1);\nc.GetPersons()[0].$0\n").labels).toContain("GetFullName");
    const entity = completeAt("NSSaleAgent a;\nNSSaleEntity s = a.CreateDefaultSaleEntity();\ns.$0\n");
    expect(entity.labels).toEqual(expect.arrayContaining(["SetHeading", "GetLinks", "SetStatus"]));
  });

  it("lists native classes, built-in types and arrays", () => {
    expect(completeAt("SearchEngine se;\nse.$0\n").labels).toEqual(expect.arrayContaining(["addField", "execute", "eof", "next", "getField"]));
    expect(completeAt('String s = "x";\ns.$0\n').labels).toEqual(expect.arrayContaining(["toUpper", "split", "isEmpty"]));
    const float = completeAt("Float f = 1.5;\nf.toStr$0\n");
    expect(float.entry("toString")?.detail).toBe("String Float.toString(Integer decimals)");
    const array = completeAt("Integer[][] grid;\ngrid.$0\n");
    expect(array.entry("first")?.detail).toBe("Integer[] first()");
    expect(array.entry("pushBack")?.detail).toBe("Void pushBack() (+1 overloads)");
  });

  it("lists a struct's fields, methods and built-in struct methods, on a receiver written across lines", () => {
    const result = completeAt("struct Car { String brand; Car brand(String b) { this.brand = b; return this; } };\nCar car;\ncar\n  .$0\n");
    expect(result.entry("brand")).toBeDefined();
    expect(
      result.entries
        .filter((entry) => entry.label === "brand")
        .map((entry) => entry.kind)
        .sort(),
    ).toEqual(["field", "method"]);
    expect(result.labels).toEqual(expect.arrayContaining(["toJsonString", "fromJsonString", "toString"]));
  });

  it("lists the rebuilt catalog's members: the 11.x workflow API, a struct's own toJson beside the built-in one, nothing for an undocumented class", () => {
    const workflow = completeAt("NSWorkflowAgent w;\nw.$0\n");
    expect(workflow.labels).toEqual(expect.arrayContaining(["CreateDefaultWorkflowStepFromType", "SendEvent", "TryAddPersonsToEmailFlow"]));
    expect(workflow.entry("SetStatusOnWorkflow")?.detail).toBe("Integer NSWorkflowAgent.SetStatusOnWorkflow(Integer emailFlowId, Integer status)");
    const struct = completeAt("struct Reply { String s; String toJson() { JSONBuilder jb; this.toJson(jb); return jb.getString(); } };\nReply r;\nr.$0\n");
    expect(struct.entries.filter((entry) => entry.label === "toJson").map((entry) => entry.detail)).toEqual(["String Reply.toJson() (+1 overloads)"]);
    expect(struct.labels).toEqual(expect.arrayContaining(["compare", "fromXMLNode", "toJsonString"]));
    expect(completeAt("NSDSAParameters p;\np.GetSeed().$0\n").entries).toEqual([]);
  });

  it("completes members of this inside a struct method", () => {
    expect(completeAt("struct Box { Integer size; Void grow() { this.$0 } };\n").labels).toEqual(expect.arrayContaining(["size", "grow"]));
  });

  it("still works with a syntax error before the cursor", () => {
    const result = completeAt("Integer broken = (1 + ;\nNSPersonAgent people;\npeople.$0\n");
    expect(result.labels).toContain("GetPersonEntity");
  });

  it("answers from the previous analysis right after a '.' is typed", () => {
    const before = "#setLanguageLevel 4;\nNSContactAgent agent;\nVoid f() {\n  agent\n}\n";
    const run = runFixture(before);
    const analysis = run.analysis();
    const dotAt = before.indexOf("agent\n}") + "agent".length;
    const after = `${before.slice(0, dotAt)}.${before.slice(dotAt)}`;
    const state = staleState(after, analysis, dotAt);
    let reanalyzed = false;
    const result = complete(run.host, state, dotAt + 1, { includeIds: () => [], fresh: () => ((reanalyzed = true), freshState(analysis)) });
    expect(reanalyzed).toBe(false);
    expect(result.entries.map((entry) => entry.label)).toContain("GetContactEntity");
  });

  it("types a receiver typed after the previous analysis from the tokens, without analysing again", () => {
    const before = "NSContactAgent agent;\nstruct Box { Integer size; Box grow() { return this; } };\nVoid f(Box box) {\n\n}\n";
    const run = runFixture(before);
    const analysis = run.analysis();
    const at = before.indexOf("\n\n}") + 1;
    const typed = (text: string): string[] => {
      const after = `${before.slice(0, at)}${text}${before.slice(at)}`;
      const result = complete(run.host, staleState(after, analysis, at), at + text.length, {
        includeIds: () => [],
        fresh: () => {
          throw new Error("analysed again");
        },
      });
      return result.entries.map((entry) => entry.label);
    };
    expect(typed("  agent.")).toContain("GetContactEntity");
    expect(typed("  agent.GetContact(1).")).toContain("GetName");
    expect(typed("  agent.GetContactEntity(1).GetPersons()[0].")).toContain("GetFullName");
    expect(typed("  box.grow().")).toEqual(expect.arrayContaining(["size", "grow"]));
    expect(typed('  "text".')).toContain("toUpper");
    expect(typed("  Map().")).toContain("insert");
  });

  it("offers nothing after a dot whose receiver is unknown", () => {
    expect(completeAt("missing.$0\n").entries).toEqual([]);
  });
});

describe("names in scope", () => {
  it("offers locals and parameters in scope, not those of other scopes, locals first", () => {
    const result = completeAt(
      `
Integer globalCount = 0;
Void other(Integer hidden) { Integer alsoHidden = 1; }
Void run(Integer limit) {
  Integer total = 0;
  if (limit > 0) { Integer inner = 1; }
  $0
  Integer later = 2;
}
`,
      [],
      ALL,
    );
    expect(result.labels.slice(0, 2)).toEqual(["limit", "total"]);
    expect(result.labels).toEqual(expect.arrayContaining(["globalCount", "other", "run", "printLine", "NSContactAgent", "if", "foreach"]));
    for (const name of ["hidden", "alsoHidden", "inner", "later"]) expect(result.labels).not.toContain(name);
  });

  it("ranks exact-prefix matches first within a group", () => {
    const result = completeAt("Integer printed = 1;\nprin$0\n");
    expect(result.labels.slice(0, 2)).toEqual(["printed", "print"]);
    expect(result.labels).not.toContain("NSContactAgent");
    expect(result.entry("printLine")).toMatchObject({ kind: "function", detail: "Void printLine(String line)" });
  });

  it("shows user function overloads as one entry", () => {
    const result = completeAt("Void ok() { }\nVoid ok(String body) { }\no$0\n");
    expect(result.entries.filter((entry) => entry.label === "ok")).toEqual([expect.objectContaining({ kind: "function", detail: "Void ok() (+1 overloads)" })]);
  });

  it("offers only types where a parameter or foreach variable is declared", () => {
    expect(completeAt("struct Order { Integer id; };\nVoid save(Ord$0\n").labels[0]).toBe("Order");
    const parameter = completeAt("struct Order { Integer id; };\nVoid save($0\n", [], ALL);
    expect(parameter.labels).toEqual(expect.arrayContaining(["Order", "NSContactEntity", "Integer"]));
    expect(parameter.labels).not.toContain("printLine");
    expect(parameter.labels).not.toContain("if");
    expect(completeAt("String[] names;\nforeach ($0\n").labels).not.toContain("names");
  });

  it("offers values, not keywords, inside expressions", () => {
    const result = completeAt("Integer count = 1;\nprintLine($0);\n", [], ALL);
    expect(result.labels).toContain("count");
    expect(result.labels).not.toContain("while");
    expect(result.labels).toContain("true");
    expect(completeAt("Integer count = 1;\nprintLine(cou$0);\n").labels[0]).toBe("count");
  });

  it("offers keywords and snippets where a statement starts, struct and function only at the top level", () => {
    const top = completeAt("$0\n", [], ALL);
    expect(top.labels).toEqual(expect.arrayContaining(["if", "while", "for", "foreach", "try", "return", "struct", "searchengine", "function"]));
    expect(top.entry("searchengine")).toMatchObject({ kind: "snippet", snippet: true });
    const inner = completeAt("Void f() {\n  $0\n}\n", [], ALL);
    expect(inner.labels).toContain("if");
    expect(inner.labels).not.toContain("struct");
    expect(inner.labels).not.toContain("function");
  });

  it("suggests nothing for the name of a new declaration", () => {
    expect(completeAt("Integer co$0\n").entries).toEqual([]);
  });
});

describe("where completion stays quiet or special", () => {
  it("offers nothing inside strings, comments and template text", () => {
    expect(completeAt('String s = "agent.$0";\n').entries).toEqual([]);
    expect(completeAt("// agent.$0\n").entries).toEqual([]);
    expect(completeAt("/* a $0 */\n").entries).toEqual([]);
    expect(completeAt('%EJSCRIPT_START%\n<p>agent.$0</p>\n<% printLine("x"); %>\n%EJSCRIPT_END%\n').entries).toEqual([]);
  });

  it("completes code inside a template block", () => {
    expect(completeAt("%EJSCRIPT_START%\n<% SearchEngine se; se.$0 %>\n%EJSCRIPT_END%\n").labels).toContain("addField");
  });

  it("offers include ids inside #include quotes", () => {
    const result = completeAt('#include "lib-$0";\n', ["lib-http", "lib-json"]);
    expect(result.labels).toEqual(["lib-http", "lib-json"]);
    expect(result.replace.end - result.replace.start).toBe(4);
  });

  it("offers the directives after #", () => {
    expect(completeAt("#inc$0\n").labels).toEqual(["#include"]);
    expect(completeAt("#setL$0\n").labels).toEqual(["#setLanguageLevel"]);
  });
});

describe("resolved documentation", () => {
  it("shows every overload, the version, the on-site flag and the documentation link", () => {
    const run = completeAt("runPro$0\n");
    const markdown = run.entry("runProgram")?.documentation?.() ?? "";
    expect(markdown).toContain("String runProgram(String command)");
    expect(markdown).toContain("String runProgram(String command, String codepage)");
    expect(markdown).toContain("https://docs.superoffice.com/en/automation/crmscript/reference/CRMScript.Global.Void.html");
    const method = completeAt("NSContactAgent a;\na.$0\n").entry("GetContactEntity")?.documentation?.() ?? "";
    expect(method).toContain("Since SuperOffice 7.0");
    expect(method).toContain("#CRMScript_NetServer_NSContactAgent_GetContactEntity_Integer_");
  });

  it("shows the comment above a user function", () => {
    const markdown = completeAt("// Says hello to someone.\nVoid greet(String who) { }\ngre$0\n").entry("greet")?.documentation?.() ?? "";
    expect(markdown).toContain("Void greet(String who)");
    expect(markdown).toContain("Says hello to someone.");
  });
});

/**
 * Tests for the lint rule no-deprecated-api: the obsolete language levels
 * against the real catalog, and `deprecated` catalog entries against a small
 * catalog made here (the shipped one marks nothing deprecated).
 */
import { describe, expect, it } from "vitest";
import { AnalysisHost } from "../../../server/analysis/host.js";
import { MemoryFileSystem } from "../../../server/analysis/file-system.js";
import { loadCatalog } from "../../../server/catalog/load.js";
import { onlyRules } from "../../support/check.js";
import { testRule } from "../../support/rule-tester.js";

testRule("no-deprecated-api", {
  valid: [
    `#setLanguageLevel 3;\nprintLine("x");\n`,
    `#setLanguageLevel 4;\nNSContactAgent agent;\nprintLine(agent.GetContact(1).GetName());\n`,
    // No directive at all is require-language-level's business.
    `printLine("x");\n`,
  ],
  invalid: [
    `  #setLanguageLevel 1;
//^^^^^^^^^^^^^^^^^^^^ warning no-deprecated-api: language level 1 is obsolete: use '#setLanguageLevel 3;' (SuperOffice 7 and later) or '#setLanguageLevel 4;' (10.2.2 and later)
printLine("x");
`,
    `%EJSCRIPT_START%
<%
  #setLanguageLevel 2;
//^^^^^^^^^^^^^^^^^^^^ warning no-deprecated-api: language level 2 is the compatibility layer for SuperOffice 6 and older, which maps the old table names: use '#setLanguageLevel 3;'
print("x");
%>
%EJSCRIPT_END%
`,
  ],
});

describe("no-deprecated-api with catalog entries marked deprecated", () => {
  const global = (name: string) => ({ kind: "class", ns: "Global", uid: `CRMScript.Global.${name}`, methods: {} });
  const integer = (name: string) => ({ name, type: "Integer" });
  const { catalog, problems } = loadCatalog({
    schema: "crmscript-api-catalog/1",
    docs: { pageUrl: "https://example.invalid/{page}.html", functionsPage: "CRMScript.Global.Void" },
    enums: {},
    triggers: {},
    dataStructures: {},
    aliases: {},
    types: {
      Void: global("Void"),
      Integer: global("Integer"),
      String: global("String"),
      NSThingAgent: {
        kind: "class",
        ns: "NetServer",
        uid: "CRMScript.NetServer.NSThingAgent",
        ctors: [{ params: [] }],
        methods: {
          GetThing: [{ params: [integer("id")], returns: "NSThing", deprecated: "use GetThingId(id)" }],
          GetThingId: [{ params: [integer("id")], returns: "Integer" }],
          Count: [
            { params: [], returns: "Integer" },
            { params: [integer("kind")], returns: "Integer", deprecated: true },
          ],
        },
      },
      NSThing: { kind: "class", ns: "NetServer", uid: "CRMScript.NetServer.NSThing", ctors: [{ params: [] }], methods: {}, deprecated: true },
      Box: {
        kind: "class",
        ns: "Native",
        uid: "CRMScript.Native.Box",
        ctors: [{ params: [] }, { params: [{ name: "text", type: "String" }], deprecated: "declare it and fill it" }],
        methods: {},
      },
    },
    functions: {
      oldPrint: [{ params: [{ name: "text", type: "String" }], returns: "Void", deprecated: "use newPrint" }],
      newPrint: [{ params: [{ name: "text", type: "String" }], returns: "Void" }],
    },
  });

  it("loads the deprecated marks", () => {
    expect([...problems, ...catalog.validateAll()]).toEqual([]);
    expect(catalog.classNamed("NSThing")?.deprecated).toBe(true);
    expect(catalog.classNamed("NSThingAgent")?.methods.get("GetThing")?.overloads[0]?.deprecated).toBe("use GetThingId(id)");
    expect(catalog.classNamed("NSThingAgent")?.deprecated).toBeUndefined();
  });

  it("reports each use of a deprecated class, method overload, constructor and function", () => {
    const text = [
      "NSThingAgent agent;",
      "NSThing thing = agent.GetThing(1);",
      "Integer n = agent.GetThingId(1) + agent.Count() + agent.Count(2);",
      'oldPrint("a");',
      'newPrint("b");',
      "Box empty;",
      'Box full = Box("x");',
      "",
    ].join("\n");
    const host = new AnalysisHost(catalog, new MemoryFileSystem({ "/x.crm": text }), { rules: onlyRules(["no-deprecated-api"]) });
    const analysis = host.analyzeFile("/x.crm");
    const lines = analysis?.sourceFile.lineIndex;
    // line:column (length) severity code: message
    const found = (analysis?.diagnostics ?? []).map((diagnostic) => {
      const at = lines?.position(diagnostic.range.start);
      return `${(at?.line ?? 0) + 1}:${(at?.column ?? 0) + 1} (${diagnostic.range.end - diagnostic.range.start}) ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
    });
    expect(found).toEqual([
      "2:1 (7) warning no-deprecated-api: the class NSThing is deprecated: replace it",
      "2:23 (8) warning no-deprecated-api: 'NSThingAgent.GetThing' is deprecated: use GetThingId(id)",
      "3:57 (5) warning no-deprecated-api: 'NSThingAgent.Count' is deprecated: replace it",
      "4:1 (8) warning no-deprecated-api: the function 'oldPrint' is deprecated: use newPrint",
      "7:12 (3) warning no-deprecated-api: this constructor of Box is deprecated: declare it and fill it",
    ]);
  });
});

/**
 * The product's API catalog: the committed data loads without problems and
 * holds the whole API the shared catalog describes (its README's counts),
 * every type a signature names resolves, documentation links follow the
 * catalog's URL rule, and malformed data gives problems instead of a crash.
 */
import { describe, expect, it } from "vitest";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { loadCatalog } from "../../server/catalog/load.js";
import type { ClassInfo } from "../../server/catalog/types.js";
import { TypeTable } from "../../server/semantics/types.js";

const { catalog, problems } = builtinCatalog();

describe("the committed catalog", () => {
  it("loads and validates every entry without a problem", () => {
    expect(problems).toEqual([]);
    expect(catalog.validateAll()).toEqual([]);
  });

  it("holds the complete API: 451 classes, 8,489 method overloads, 201 global-function overloads, 222 enums, 96 triggers", () => {
    const classes = [...catalog.classes()];
    const overloads = classes.reduce((sum, info) => sum + [...info.methods.values()].reduce((count, method) => count + method.overloads.length, 0), 0);
    const constructors = classes.reduce((sum, info) => sum + (info.constructors?.length ?? 0), 0);
    const functions = [...catalog.globalFunctions()];
    const enums = [...catalog.enums()];
    expect({
      classes: classes.length,
      byNamespace: ["Global", "Native", "NetServer"].map((namespace) => classes.filter((info) => info.namespace === namespace).length),
      overloads,
      constructors,
      functionNames: functions.length,
      functionOverloads: functions.reduce((sum, method) => sum + method.overloads.length, 0),
      enums: enums.length,
      enumMembers: enums.reduce((sum, info) => sum + info.members.size, 0),
      triggers: [...catalog.triggers()].length,
    }).toEqual({
      classes: 451,
      byNamespace: [10, 59, 382],
      overloads: 8489,
      constructors: 475,
      functionNames: 183,
      functionOverloads: 201,
      enums: 222,
      enumMembers: 2075,
      triggers: 96,
    });
  });

  it("holds the built-in members of every array and every struct, with the {type} placeholder", () => {
    const memberCounts = (info: ClassInfo | undefined) => ({
      names: info?.methods.size,
      overloads: [...(info?.methods.values() ?? [])].reduce((sum, method) => sum + method.overloads.length, 0),
    });
    const array = catalog.dataStructure("Array");
    const struct = catalog.dataStructure("Struct");
    expect({ array: memberCounts(array), struct: memberCounts(struct) }).toEqual({ array: { names: 13, overloads: 15 }, struct: { names: 6, overloads: 6 } });
    expect(array?.namespace).toBe("DataStructure");
    expect(array?.methods.get("first")?.overloads[0]?.returns).toBe("{type}");
    expect([...(struct?.methods.keys() ?? [])]).toEqual(["compare", "fromJsonString", "fromXMLNode", "toJson", "toJsonString", "toString"]);
    // Not type names a script can declare.
    expect(catalog.classNamed("Array")).toBeUndefined();
    expect(catalog.classNamed("Struct")).toBeUndefined();
  });

  it("marks the names the documentation uses without documenting them: known, without members", () => {
    const undocumentedClasses = [...catalog.classes()].filter((info) => info.undocumented).map((info) => [info.name, info.methods.size, info.constructors]);
    const undocumentedEnums = [...catalog.enums()].filter((info) => info.undocumented).map((info) => [info.name, info.members.size]);
    expect(undocumentedClasses).toEqual([
      ["NSBinary", 0, undefined],
      ["NSContentInfo", 0, undefined],
      ["NSWorkflowEventResult", 0, undefined],
    ]);
    expect(undocumentedEnums).toEqual([
      ["NSWorkflowEventType", 0],
      ["NSWorkflowWaitForActionType", 0],
    ]);
    expect(catalog.classNamed("NSContactAgent")?.undocumented).toBe(false);
  });

  it("resolves every type named in a signature (enums and aliases as Integer, {type} as the element or struct type)", () => {
    const types = new TypeTable(catalog);
    const unresolved = new Set<string>();
    const check = (spelling: string): void => {
      if (types.fromCatalogSpelling(spelling).kind === "unknown") unresolved.add(spelling.replace(/(\[\])+$/, ""));
    };
    for (const info of catalog.classes()) {
      for (const overload of info.constructors ?? []) for (const parameter of overload.parameters) check(parameter.type);
      for (const method of info.methods.values()) {
        for (const overload of method.overloads) {
          check(overload.returns);
          for (const parameter of overload.parameters) check(parameter.type);
        }
      }
    }
    for (const method of catalog.globalFunctions())
      for (const overload of method.overloads) [overload.returns, ...overload.parameters.map((p) => p.type)].forEach(check);
    const integer = types.builtin("Integer");
    for (const name of ["Array", "Struct"] as const) {
      for (const method of catalog.dataStructure(name)?.methods.values() ?? []) {
        for (const overload of method.overloads) {
          for (const spelling of [overload.returns, ...overload.parameters.map((p) => p.type)]) {
            if (types.fromCatalogSpelling(spelling, integer).kind === "unknown") unresolved.add(`${name}.${method.name}: ${spelling}`);
          }
        }
      }
    }
    expect([...unresolved]).toEqual([]);
    expect(types.fromCatalogSpelling("{type}", integer)).toBe(integer);
    expect(types.fromCatalogSpelling("{type}[]", integer)).toEqual({ kind: "array", element: integer });
    expect(types.fromCatalogSpelling("NSBinary")).toEqual(types.classType("NSBinary"));
    expect(types.fromCatalogSpelling("NSWorkflowEventType")).toBe(integer);
    expect(types.fromCatalogSpelling("NSExecuteOnEvent")).toBe(types.builtin("Integer"));
    expect(types.fromCatalogSpelling("NSLocalizedField[][]").kind).toBe("array");
  });

  it("keeps catalog facts: since, on-site only, overloads and constructors", () => {
    const agent = catalog.classNamed("NSContactAgent");
    expect(agent?.namespace).toBe("NetServer");
    expect(agent?.methods.get("GetContactEntity")?.overloads[0]).toMatchObject({
      returns: "NSContactEntity",
      since: "7.0",
      parameters: [{ name: "contactEntityId", type: "Integer" }],
    });
    expect(catalog.globalFunction("runProgram")?.overloads.map((overload) => overload.onsiteOnly)).toEqual([true, false]);
    expect(catalog.classNamed("Map")?.constructors?.map((overload) => overload.parameters.length)).toEqual([0, 1]);
    expect(catalog.classNamed("NoSuchClass")).toBeUndefined();
    expect(catalog.aliasOf("NSDocTmplType")).toBe("DocTmplType");
  });
});

describe("documentation links", () => {
  const page = "https://docs.superoffice.com/en/automation/crmscript/reference";

  it("link methods, global functions and constructors to their page and DocFX anchor", () => {
    const getContactEntity = catalog.classNamed("NSContactAgent")?.methods.get("GetContactEntity")?.overloads[0];
    expect(catalog.overloadUrl(getContactEntity as never)).toBe(
      `${page}/CRMScript.NetServer.NSContactAgent.html#CRMScript_NetServer_NSContactAgent_GetContactEntity_Integer_`,
    );
    const printLine = catalog.globalFunction("printLine")?.overloads[0];
    expect(catalog.overloadUrl(printLine as never)).toBe(`${page}/CRMScript.Global.Void.html#CRMScript_Global_Void_printLine_String_`);
    const mapFromString = catalog.classNamed("Map")?.constructors?.[1];
    expect(catalog.overloadUrl(mapFromString as never)).toBe(`${page}/CRMScript.Native.Map.html#CRMScript_Native_Map__ctor_String_`);
  });

  it("use the catalog's own anchor where it differs from the signature, and the page name where it differs from the uid", () => {
    const pow = catalog.globalFunction("pow")?.overloads[0];
    expect(catalog.overloadUrl(pow as never)).toBe(`${page}/CRMScript.Global.Void.html#CRMScript_Global_Void_pow__`);
    const checkoutState = catalog.enumNamed("CheckoutState");
    expect(catalog.pageUrl(checkoutState as never)).toBe(`${page}/CRMScript.NetServer.Checkoutstate.html`);
    expect(catalog.enumMemberUrl(checkoutState as never, "NotCheckedOut")).toBe(
      `${page}/CRMScript.NetServer.Checkoutstate.html#CRMScript_NetServer_CheckoutState_NotCheckedOut`,
    );
  });
});

describe("malformed data", () => {
  it("is reported, never thrown", () => {
    expect(loadCatalog("not json").problems).toContain("the catalog data is not a JSON object");
    expect(loadCatalog({ schema: "other/9", types: {}, enums: {}, functions: {}, triggers: {}, dataStructures: {}, aliases: {} }).problems).toEqual([
      "schema is other/9, expected crmscript-api-catalog/1",
    ]);
    expect(loadCatalog({ schema: "crmscript-api-catalog/1" }).problems).toEqual([
      "aliases: missing or not an object",
      "types: missing or not an object",
      "enums: missing or not an object",
      "functions: missing or not an object",
      "triggers: missing or not an object",
      "dataStructures: missing or not an object",
    ]);
  });

  it("skips a malformed entry and keeps the rest", () => {
    const { catalog: partial } = loadCatalog({
      schema: "crmscript-api-catalog/1",
      types: {
        Good: {
          kind: "class",
          ns: "Native",
          uid: "CRMScript.Native.Good",
          methods: {
            run: [
              { params: [], returns: "Void" },
              { params: [{ name: "x" }], returns: "Void" },
            ],
          },
        },
        Bad: { kind: "class", ns: "Elsewhere", uid: "x", methods: {} },
      },
      enums: { Broken: { uid: "u", members: { A: "one" } } },
      functions: { f: [{ params: "none" }] },
      triggers: {},
      dataStructures: { Array: { kind: "class", ns: "Native", uid: "CRMScript.DataStructure.Array", methods: {} } },
      aliases: {},
    });
    expect(partial.classNamed("Good")?.methods.get("run")?.overloads).toHaveLength(1);
    expect(partial.classNamed("Bad")).toBeUndefined();
    expect(partial.validateAll()).toEqual([
      "types.Good.run: parameter 1 needs a name and a type",
      "types.Bad: unknown namespace Elsewhere",
      "functions.f: params is not a list",
      "enums.Broken.A: value is neither a number nor null",
      "dataStructures.Array: namespace Native does not belong in dataStructures",
    ]);
  });
});

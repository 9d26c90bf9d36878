/**
 * Tests of the contract checker (`test/support/contract-validator.ts`) and of
 * the fake tenant's use of it: overlapping path templates matched by
 * parameter type, parameters, bodies and responses checked against the
 * Swagger schemas (hand-made invalid responses are rejected), and a request
 * that breaks the contract answered 400 and recorded.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sharedContractValidator } from "../support/contract-validator.js";
import { startTenantServer, type TenantServer } from "../support/tenant-server.js";

const validator = sharedContractValidator();

function operationOf(method: string, path: string): string {
  const found = validator.findOperation(method, path);
  return "problem" in found ? found.problem : found.operation.operationId;
}

describe("finding the operation", () => {
  it("reads every Swagger document of the contract", () => {
    const documents = new Set(validator.operations.map((operation) => operation.document));
    expect([...documents].sort()).toEqual([
      "Swagger-v1-CRMScript.json",
      "Swagger-v1-CRMScriptAgent.json",
      "Swagger-v1-Hierarchy.json",
      "Swagger-v1-Script.json",
      "Swagger-v1-TriggerScript.json",
    ]);
    expect(validator.operations).toHaveLength(66);
  });

  it("matches overlapping templates by the types of their parameters", () => {
    expect(operationOf("GET", "/Cust12345/api/v1/CRMScript/12")).toBe("v1CRMScriptEntity_GetCRMScriptEntity");
    expect(operationOf("GET", "/Cust12345/api/v1/CRMScript/default")).toBe("v1CRMScriptEntity_DefaultCRMScriptEntity");
    expect(operationOf("GET", "/Cust12345/api/v1/CRMScript/12/Validate")).toBe("v1CRMScriptEntity_ValidateScript");
    expect(operationOf("GET", "/Cust12345/api/v1/CRMScript/3f2a-b/Validate")).toBe("v1CRMScriptEntity_ValidateScriptByUniqueId");
    expect(operationOf("GET", "/Cust12345/api/v1/TriggerScript/7")).toBe("v1TriggerScriptEntity_GetTriggerScriptEntity");
    expect(operationOf("GET", "/Cust12345/api/v1/TriggerScript/a1b2")).toBe("v1TriggerScriptEntity_GetTriggerScriptByUniqueId");
    expect(operationOf("GET", "/Cust12345/api/v1/Hierarchy/7")).toBe("v1HierarchyEntity_GetHierarchyEntity");
    expect(operationOf("GET", "/Cust12345/api/v1/Hierarchy/Scripts")).toBe("v1HierarchyEntity_GetAllInDomain");
    expect(operationOf("GET", "/Cust12345/api/v1/Hierarchy/default")).toBe("v1HierarchyEntity_DefaultHierarchyEntity");
  });

  it("says why there is no operation", () => {
    expect(operationOf("GET", "/Cust12345/api/v1/CRMScript/abc")).toMatch(/no operation of the contract has this path/);
    expect(operationOf("GET", "/Cust12345/api/v1/Hierarchy/Nonsense")).toMatch(/no operation/);
    expect(operationOf("PATCH", "/Cust12345/api/v1/CRMScript/12")).toMatch(/not the method PATCH/);
    expect(operationOf("GET", "/api/v1/CRMScript/12")).toMatch(/not under \/\{tenant\}\/api\//);
  });
});

describe("checking requests", () => {
  it("accepts a request that keeps the contract", () => {
    const result = validator.validateRequest({
      method: "GET",
      path: "/Cust12345/api/v1/CRMScript",
      query: { $select: "ejscriptId,name", $top: "100", $skip: "0", $jsonSafe: "True", $mode: "Slim" },
    });
    expect(result.problems).toEqual([]);
    expect(result.match?.operation.operationId).toBe("v1CRMScriptEntity_GetAll");
    expect(result.match?.tenant).toBe("Cust12345");
  });

  it("reports wrong parameter types, unknown parameters and wrong bodies", () => {
    const list = validator.validateRequest({ method: "GET", path: "/C/api/v1/CRMScript?$top=ten&$orderby=name&$mode=Narrow" });
    expect(list.problems).toEqual([
      expect.stringContaining("$top must be an integer"),
      expect.stringContaining("the query parameter $orderby is not in the contract"),
      expect.stringContaining("$mode must be one of Slim, Wide, Full"),
    ]);
    const put = validator.validateRequest({ method: "PUT", path: "/C/api/v1/CRMScript/12", body: { Source: 1, Nmae: "x", HierarchyId: 2 ** 31 } });
    expect(put.problems).toEqual([
      expect.stringContaining('body has the property "Nmae", which the contract does not define'),
      expect.stringContaining("body/HierarchyId must have the format int32, not 2147483648"),
      expect.stringContaining("body/Source must be string, not 1"),
    ]);
    expect(validator.validateRequest({ method: "PUT", path: "/C/api/v1/CRMScript/12" }).problems).toEqual([
      expect.stringContaining("body (entity) is required"),
    ]);
    expect(validator.validateRequest({ method: "GET", path: "/C/api/v1/CRMScript/12", body: {} }).problems).toEqual([expect.stringContaining("takes no body")]);
    expect(validator.validateRequest({ method: "GET", path: "/C/api/v1/CRMScript/99999999999" }).problems).toEqual([
      expect.stringContaining("path parameter id must be an int32"),
    ]);
    expect(validator.validateRequest({ method: "POST", path: "/C/api/v1/Agents/CRMScript/GetCRMScriptEntity" }).problems).toEqual([
      expect.stringContaining("the required query parameter cRMScriptEntityId is missing"),
    ]);
  });
});

describe("checking responses", () => {
  const get = "v1CRMScriptEntity_GetCRMScriptEntity";

  it("accepts a valid response, with date-times with or without a time zone", () => {
    const entity = { EjscriptId: 12, Name: "a", Source: "", Updated: "2024-05-01T10:20:30Z", Registered: "2024-05-01T10:20:30", _Links: { Self: "x" } };
    expect(validator.validateResponse(get, 200, entity)).toEqual([]);
    expect(validator.validateResponse("v1CRMScriptEntity_DeleteCRMScriptEntity", 204, undefined)).toEqual([]);
    expect(validator.validateResponse(get, 404, { Error: "not found" })).toEqual([]);
    expect(validator.validateResponse(get, 401, "anything")).toEqual([]);
  });

  it("rejects hand-made invalid responses", () => {
    expect(validator.validateResponse(get, 200, { EjscriptId: 1.5, Updated: "yesterday", ValidationResult: { Valid: "no" }, Extra: 1 })).toEqual([
      expect.stringContaining('has the property "Extra"'),
      expect.stringContaining("body/EjscriptId must be integer"),
      expect.stringContaining("body/EjscriptId must have the format int32"),
      expect.stringContaining("body/ValidationResult/Valid must be boolean"),
      expect.stringContaining("body/Updated must have the format date-time"),
    ]);
    expect(validator.validateResponse(get, 200, { Description: null })).toEqual([expect.stringContaining("body/Description must be string")]);
    expect(validator.validateResponse(get, 200, undefined)).toEqual([expect.stringContaining("has no body")]);
    expect(validator.validateResponse("v1CRMScriptEntity_DeleteCRMScriptEntity", 200, undefined)).toEqual([
      expect.stringContaining("does not declare this status (it declares 204)"),
    ]);
    expect(validator.validateResponse("v1CRMScriptEntity_DeleteCRMScriptEntity", 204, {})).toEqual([expect.stringContaining("must have no body")]);
    expect(validator.validateResponse("v1CRMScriptAgent_ResolveIncludes", 200, [1, "2"])).toEqual([expect.stringContaining("body/1 must be integer")]);
    expect(validator.validateResponse("v1CRMScriptAgent_ExecuteScriptByIncludeId", 200, { Output: "x" })).toEqual([
      expect.stringContaining("body must be string"),
    ]);
    expect(validator.validateResponse("v1HierarchyEntity_GetAllInDomain", 200, [{ Domain: "Script", Children: [{ HierarchyId: "1" }] }])).toEqual([
      expect.stringContaining("body/0/Domain must be one of"),
      expect.stringContaining("body/0/Children/0/HierarchyId must be integer"),
    ]);
  });

  it('reads {"type":"object"} as any value: list rows hold strings, numbers and booleans', () => {
    const list = { "odata.nextLink": "x", value: [{ PrimaryKey: 1, name: "a", enabled: true, hierarchyFullpathIds: [1, 2] }] };
    expect(validator.validateResponse("v1CRMScriptEntity_GetAll", 200, list)).toEqual([]);
    expect(validator.validateResponse("v1CRMScriptEntity_GetAll", 200, { value: [1] })).toEqual([expect.stringContaining("body/value/0 must be object")]);
  });

  it("checks values against named definitions", () => {
    expect(validator.validateDefinition("TriggerScriptEntity", { ScreenType: "TicketSave", Enabled: true })).toEqual([]);
    expect(validator.validateDefinition("TriggerScriptEntity", { ScreenType: "Saved" })).toEqual([expect.stringContaining("ScreenType must be one of")]);
    expect(validator.validateDefinition("NoSuchThing", {})).toEqual(["no definition NoSuchThing in the contract"]);
  });
});

describe("the tenant server checks requests", () => {
  let server: TenantServer;

  beforeEach(async () => {
    server = await startTenantServer();
    server.store.seedScripts(2);
  });

  afterEach(async () => {
    await server.close();
    expect(server.contractProblems).toEqual([]);
  });

  it("answers 400 to a request that breaks the contract and records why", async () => {
    const answer = await server.fetchJson("PUT", "v1/CRMScript/1", { body: { Source: 42 } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ Error: expect.stringContaining("body/Source must be string") });
    expect(server.store.getScript(1)?.Source).not.toBe(42);
    expect(server.takeContractProblems()).toEqual([expect.stringMatching(/^request: PUT .*body\/Source must be string/)]);
  });

  it("answers 400 to a body that is not JSON, and to a round-tripped _Links", async () => {
    const response = await fetch(`${server.apiBase}v1/CRMScript/1`, {
      method: "PUT",
      headers: { ...server.authHeaders(), "Content-Type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    const entity = (await server.fetchJson("GET", "v1/CRMScript/1")).body as Record<string, unknown>;
    expect((await server.fetchJson("PUT", "v1/CRMScript/1", { body: entity })).status).toBe(400);
    expect(server.takeContractProblems()).toEqual([
      expect.stringContaining("the body is not JSON"),
      expect.stringContaining('body must be object, not "{ not json"'),
      expect.stringContaining('body has the property "_Links"'),
    ]);
  });

  it("answers 404 to a path outside the contract and 501 to an operation it does not implement, recording both", async () => {
    expect((await server.fetchJson("GET", "v1/CRMScript/abc")).status).toBe(404);
    expect((await server.fetchJson("POST", "v1/Agents/CRMScript/ExecuteScriptAsEvent", { body: {} })).status).toBe(501);
    expect(server.takeContractProblems()).toEqual([
      expect.stringContaining("no operation of the contract has this path"),
      expect.stringContaining("does not implement POST /api/v1/Agents/CRMScript/ExecuteScriptAsEvent"),
    ]);
  });

  it("logs every request with its operation", async () => {
    await server.fetchJson("GET", "v1/CRMScript?$select=name&$top=1");
    await server.fetchJson("PUT", "v1/CRMScript/2", { body: { Name: "renamed" } });
    expect(server.requests.map(({ method, path, query, body, operationId, status }) => ({ method, path, query, body, operationId, status }))).toEqual([
      {
        method: "GET",
        path: "/Cust12345/api/v1/CRMScript",
        query: { $select: "name", $top: "1" },
        body: undefined,
        operationId: "v1CRMScriptEntity_GetAll",
        status: 200,
      },
      {
        method: "PUT",
        path: "/Cust12345/api/v1/CRMScript/2",
        query: {},
        body: { Name: "renamed" },
        operationId: "v1CRMScriptEntity_PutCRMScriptEntity",
        status: 200,
      },
    ]);
  });
});

/**
 * Tests of the fake SuperOffice tenant (`test/support/tenant-server.ts`) with
 * plain `fetch`: lists with paging and `$select`, the CRMScript and trigger
 * round trips, another user's edit, the script folders, and the CRMScript
 * agent's fake compiler. Every answer must keep the contract.
 * Faults and authentication: `tenant-server-faults.test.ts`; the contract
 * checker itself: `tenant-server-contract.test.ts`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  CRMScriptEntity,
  CRMScriptEntityWithLinks,
  CRMScriptResult,
  CRMScriptRunResult,
  HierarchyEntity,
  ODataSlimResponse,
  TriggerScriptEntity,
  TriggerScriptEntityWithLinks,
} from "../../server/tenant/contract/types.js";
import { OTHER_USER_ASSOCIATE_ID, startTenantServer, TEST_USER_ASSOCIATE_ID, type TenantServer } from "../support/tenant-server.js";

let server: TenantServer;

/** An entity as a GET answers it, minus `_Links`, which the PUT schema does not have (the checker closes objects). */
function withoutLinks<T extends { _Links?: unknown }>(entity: T): Omit<T, "_Links"> {
  const { _Links: _, ...rest } = entity;
  return rest;
}

beforeEach(async () => {
  server = await startTenantServer();
});

afterEach(async () => {
  await server.close();
  expect(server.contractProblems).toEqual([]);
});

describe("GET /CRMScript (the list)", () => {
  it("pages with $top and $skip, follows odata.nextLink to the end, and answers only the $select columns", async () => {
    server.store.seedScripts(25, { folders: ["Utilities", "Utilities/Strings", "Tickets"] });
    const select = "ejscriptId,uniqueIdentifier,name,includeId,hierarchyId,hierarchyFullname,updatedDate,description";
    const ids: number[] = [];
    let pages = 0;
    let next: string | undefined = `v1/CRMScript?$select=${select}&$top=10`;
    while (next !== undefined) {
      const answer = await server.fetchJson("GET", next);
      expect(answer.status).toBe(200);
      const body = answer.body as ODataSlimResponse;
      pages++;
      for (const row of body.value ?? []) {
        expect(Object.keys(row).sort()).toEqual(["EntityName", "PrimaryKey", ...select.split(",")].sort());
        ids.push(row.ejscriptId as unknown as number);
      }
      next = body["odata.nextLink"];
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    const requested = server.requests.map((request) => request.query);
    expect(requested.map((query) => query.$skip)).toEqual([undefined, "10", "20"]);
    expect(requested.every((query) => query.$select === select)).toBe(true);
  });

  it("answers the folder and the Updated time of each script", async () => {
    const [script] = server.store.seedScripts(1, { folders: ["Utilities/Strings"] });
    const answer = await server.fetchJson("GET", "v1/CRMScript?$select=ejscriptId,hierarchyId,hierarchyFullname,updatedDate");
    const rows = (answer.body as ODataSlimResponse).value ?? [];
    expect(rows).toEqual([
      {
        PrimaryKey: script?.EjscriptId,
        EntityName: "ejscript",
        ejscriptId: script?.EjscriptId,
        hierarchyId: script?.HierarchyId,
        hierarchyFullname: "Utilities/Strings",
        updatedDate: script?.Updated,
      },
    ]);
    expect((answer.body as ODataSlimResponse)["odata.nextLink"]).toBeUndefined();
  });

  it("pages by the server's page size when no $top is given", async () => {
    server.maxPageSize = 4;
    server.store.seedScripts(6);
    const first = (await server.fetchJson("GET", "v1/CRMScript?$select=ejscriptId")).body as ODataSlimResponse;
    expect(first.value).toHaveLength(4);
    const second = (await server.fetchJson("GET", first["odata.nextLink"] as string)).body as ODataSlimResponse;
    expect(second.value?.map((row) => row.ejscriptId)).toEqual([5, 6]);
    expect(second["odata.nextLink"]).toBeUndefined();
  });

  it("filters on `<column> eq <value>`", async () => {
    server.store.seedScripts(5);
    const answer = await server.fetchJson("GET", "v1/CRMScript?$select=ejscriptId,name&$filter=ejscriptId%20eq%203");
    expect((answer.body as ODataSlimResponse).value).toEqual([{ PrimaryKey: 3, EntityName: "ejscript", ejscriptId: 3, name: "Script 3" }]);
    const byName = await server.fetchJson("GET", "v1/CRMScript?$select=ejscriptId&$filter=name%20eq%20'Script%204'");
    expect((byName.body as ODataSlimResponse).value?.map((row) => row.ejscriptId)).toEqual([4]);
  });

  it("refuses a column the archive does not have", async () => {
    server.store.seedScripts(1);
    const answer = await server.fetchJson("GET", "v1/CRMScript?$select=ejscriptId,sourceCode");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ Error: expect.stringContaining("sourceCode") });
  });
});

describe("CRMScript entities", () => {
  it("creates, reads, updates (moving Updated) and deletes a script", async () => {
    const folder = server.store.folderAt("Utilities");
    const created = await server.fetchJson("POST", "v1/CRMScript", {
      body: { Name: "Helpers", IncludeId: "helpers", HierarchyId: folder, Source: 'printLine("a");\n', Description: "shared" },
    });
    expect(created.status).toBe(200);
    const entity = created.body as CRMScriptEntity;
    expect(entity).toMatchObject({ Name: "Helpers", IncludeId: "helpers", HierarchyId: folder, Source: 'printLine("a");\n', Description: "shared" });
    expect(entity.EjscriptId).toBeGreaterThan(0);
    expect(entity.UniqueIdentifier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(entity.Updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const read = await server.fetchJson("GET", `v1/CRMScript/${entity.EjscriptId}`);
    expect(read.body).toEqual(created.body);

    const updated = await server.fetchJson("PUT", `v1/CRMScript/${entity.EjscriptId}`, {
      body: { ...withoutLinks(read.body as CRMScriptEntityWithLinks), Source: 'printLine("b");\n', Name: "Helpers 2" },
    });
    expect(updated.status).toBe(200);
    const after = updated.body as CRMScriptEntity;
    expect(after).toMatchObject({ EjscriptId: entity.EjscriptId, UniqueIdentifier: entity.UniqueIdentifier, Source: 'printLine("b");\n', Name: "Helpers 2" });
    expect(Date.parse(after.Updated as string)).toBeGreaterThan(Date.parse(entity.Updated as string));
    expect(after.UpdatedAssociateId).toBe(TEST_USER_ASSOCIATE_ID);
    expect(after.Registered).toBe(entity.Registered);
    expect(server.store.getScript(entity.EjscriptId as number)?.Source).toBe('printLine("b");\n');

    expect((await server.fetchJson("DELETE", `v1/CRMScript/${entity.EjscriptId}`)).status).toBe(204);
    expect((await server.fetchJson("GET", `v1/CRMScript/${entity.EjscriptId}`)).status).toBe(404);
    expect((await server.fetchJson("DELETE", `v1/CRMScript/${entity.EjscriptId}`)).status).toBe(404);
  });

  it("updates only the members a PUT carries", async () => {
    const script = server.store.addScript({ Name: "Keep", Description: "kept", Source: "old" });
    const answer = await server.fetchJson("PUT", `v1/CRMScript/${script.EjscriptId}`, { body: { Source: "new" } });
    expect(answer.body).toMatchObject({ Name: "Keep", Description: "kept", Source: "new" });
  });

  it("shows another user's edit: new source, a later Updated, that user's id", async () => {
    const [script] = server.store.seedScripts(1);
    const before = (await server.fetchJson("GET", `v1/CRMScript/${script?.EjscriptId}`)).body as CRMScriptEntity;
    server.store.editScriptAsOtherUser(script?.EjscriptId as number);
    const after = (await server.fetchJson("GET", `v1/CRMScript/${script?.EjscriptId}`)).body as CRMScriptEntity;
    expect(after.Source).not.toBe(before.Source);
    expect(after.Source).toContain("edited by associate 99");
    expect(Date.parse(after.Updated as string)).toBeGreaterThan(Date.parse(before.Updated as string));
    expect(after.UpdatedAssociateId).toBe(OTHER_USER_ASSOCIATE_ID);
    const row = ((await server.fetchJson("GET", "v1/CRMScript?$select=updatedDate,updatedBy")).body as ODataSlimResponse).value?.[0];
    expect(row).toMatchObject({ updatedDate: after.Updated, updatedBy: "Other User" });
  });

  it("answers 404 for a script that is not there", async () => {
    expect((await server.fetchJson("GET", "v1/CRMScript/4711")).status).toBe(404);
    expect((await server.fetchJson("PUT", "v1/CRMScript/4711", { body: { Source: "x" } })).status).toBe(404);
  });
});

describe("trigger scripts", () => {
  it("lists, reads, updates and deletes triggers", async () => {
    server.store.seedTriggers(3);
    const list = await server.fetchJson("GET", "v1/TriggerScript?$select=screenChooserId,name,screenType,enabled,uniqueIdentifier,updatedDate");
    const rows = (list.body as ODataSlimResponse).value ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ EntityName: "eventHandler", screenChooserId: 1, name: "Trigger 1", screenType: "TicketSave", enabled: true });

    const trigger = withoutLinks((await server.fetchJson("GET", "v1/TriggerScript/2")).body as TriggerScriptEntityWithLinks);
    expect(trigger).toMatchObject({ ScreenChooserId: 2, Name: "Trigger 2", ScreenType: "NewTicket", Enabled: true });
    const updated = (await server.fetchJson("PUT", "v1/TriggerScript/2", { body: { ...trigger, Source: "changed", Enabled: false } }))
      .body as TriggerScriptEntity;
    expect(updated).toMatchObject({ Source: "changed", Enabled: false });
    expect(Date.parse(updated.Updated as string)).toBeGreaterThan(Date.parse(trigger.Updated as string));

    const byUniqueId = await server.fetchJson("GET", `v1/TriggerScript/${trigger.UniqueIdentifier}`);
    expect(byUniqueId.body).toMatchObject({ ScreenChooserId: 2, Source: "changed" });

    const created = (await server.fetchJson("POST", "v1/TriggerScript", { body: { Name: "New", ScreenType: "TicketClosed", Source: "x" } }))
      .body as TriggerScriptEntity;
    expect(created).toMatchObject({ ScreenChooserId: 4, Name: "New", ScreenType: "TicketClosed" });

    server.store.editTriggerAsOtherUser(1);
    expect(((await server.fetchJson("GET", "v1/TriggerScript/1")).body as TriggerScriptEntity).UpdatedAssociateId).toBe(OTHER_USER_ASSOCIATE_ID);

    expect((await server.fetchJson("DELETE", "v1/TriggerScript/2")).status).toBe(204);
    expect((await server.fetchJson("GET", "v1/TriggerScript/2")).status).toBe(404);
  });
});

describe("script folders", () => {
  it("answers the Scripts tree with children, and without", async () => {
    server.store.folderAt("Utilities/Strings");
    server.store.folderAt("Tickets");
    const tree = (await server.fetchJson("GET", "v1/Hierarchy/Scripts?children=true")).body as HierarchyEntity[];
    const shape = (entity: HierarchyEntity): unknown => ({ Name: entity.Name, Fullname: entity.Fullname, Children: entity.Children?.map(shape) });
    expect(tree.map(shape)).toEqual([
      { Name: "Utilities", Fullname: "Utilities", Children: [{ Name: "Strings", Fullname: "Utilities/Strings", Children: [] }] },
      { Name: "Tickets", Fullname: "Tickets", Children: [] },
    ]);
    expect(tree[0]).toMatchObject({ Domain: "Scripts", ParentId: 0 });
    const flat = (await server.fetchJson("GET", "v1/Hierarchy/Scripts")).body as HierarchyEntity[];
    expect(flat.map((entity) => [entity.Name, entity.Children])).toEqual([
      ["Utilities", undefined],
      ["Tickets", undefined],
    ]);
    expect((await server.fetchJson("GET", "v1/Hierarchy/Dashboards")).body).toEqual([]);
    const strings = (await server.fetchJson("GET", `v1/Hierarchy/${tree[0]?.Children?.[0]?.HierarchyId}`)).body as HierarchyEntity;
    expect(strings).toMatchObject({ Name: "Strings", ParentId: tree[0]?.HierarchyId });
  });
});

describe("the CRMScript agent", () => {
  const validate = async (script: string): Promise<CRMScriptResult> =>
    (await server.fetchJson("POST", "v1/Agents/CRMScript/ValidateScriptByString", { body: { Script: script } })).body as CRMScriptResult;

  it("validates a script, reporting a compile error at its line and character", async () => {
    expect(await validate('printLine("ok");')).toMatchObject({ Valid: true });
    const result = await validate("Integer a = 1;\n  x = COMPILE_ERROR;\n");
    expect(result).toMatchObject({
      Valid: false,
      LineNumber: 2,
      ErrorInformation: { IncludeId: "", LineNumber: 2, CharacterPosition: 7, ErrorMessage: expect.stringContaining("COMPILE_ERROR") },
    });
  });

  it("reports an error in an included script with that script's include id, and unknown includes", async () => {
    const lib = server.store.addScript({ Name: "Lib", IncludeId: "lib", Source: "Integer x;\nString s;\nCOMPILE_ERROR\n" });
    const result = await validate('#include "lib";\nprintLine("a");\n');
    expect(result).toMatchObject({ Valid: false, LineNumber: 3, ErrorInformation: { IncludeId: "lib", LineNumber: 3, CharacterPosition: 1 } });
    expect(result.Includes).toEqual([lib.EjscriptId]);
    expect(await validate('\n#include "nope";\n')).toMatchObject({ Valid: false, ErrorInformation: { IncludeId: "", LineNumber: 2 } });
    const ids = await server.fetchJson("POST", "v1/Agents/CRMScript/ResolveIncludes", {
      body: { Script: '#include "lib";\n#include "lib";', IgnoreErrors: false },
    });
    expect(ids.body).toEqual([lib.EjscriptId]);
  });

  it("executes a script by string and by include id", async () => {
    server.store.addScript({ IncludeId: "greet", Source: 'print("Hello, ");\nprintLine("world");\n' });
    const run = (
      await server.fetchJson("POST", "v1/Agents/CRMScript/ExecuteScriptByString", {
        body: { Script: '#include "greet";\nprint("\\"done\\"");', Parameters: {} },
      })
    ).body as CRMScriptRunResult;
    expect(run).toEqual({ Output: 'Hello, world\n"done"', Success: true });
    const failed = (await server.fetchJson("POST", "v1/Agents/CRMScript/ExecuteScriptByString", { body: { Script: 'print("a");\nRUNTIME_ERROR;' } }))
      .body as CRMScriptRunResult;
    expect(failed).toMatchObject({ Output: "a", Success: false, ErrorInformation: { LineNumber: 2 } });
    const output = await server.fetchJson("POST", "v1/Agents/CRMScript/ExecuteScriptByIncludeId", {
      body: { CRMScriptIncludeId: "greet", Parameters: { a: "1" } },
    });
    expect(output).toMatchObject({ status: 200, body: "Hello, world\n" });
  });
});

/**
 * What the extension says after a pull or push, from the reports of real
 * pulls and pushes against the fake tenant: conflicts are named and offered
 * for Compare and a forced run, only a script changed in the tenant is
 * offered for pushing anyway, other refusals and failures are spelled out.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileList, pullMessage, pushMessage } from "../../client/tenant/reports.js";
import { TenantApi } from "../../server/tenant/api.js";
import { pull } from "../../server/tenant/workspace/pull.js";
import { push } from "../../server/tenant/workspace/push.js";
import { Workspace } from "../../server/tenant/workspace/state.js";
import { startTenantServer, type TenantServer } from "../support/tenant-server.js";

let server: TenantServer;
let folder: string;
let api: TenantApi;

beforeEach(async () => {
  server = await startTenantServer();
  server.store.seedScripts(2, { folders: ["Library"] });
  folder = mkdtempSync(join(tmpdir(), "crmscript-client-reports-"));
  api = new TenantApi({ apiBase: server.apiBase, authorizationHeaders: async () => server.authHeaders(), backoffMs: 1 });
  const report = await pull(api, Workspace.create(folder, { apiBase: server.apiBase }));
  expect(pullMessage(report, "Cust12345")).toEqual({ severity: "info", text: "Pulled 2 scripts from Cust12345, 0 unchanged.", conflicts: [], forceable: [] });
});

afterEach(async () => {
  expect(server.takeContractProblems()).toEqual([]);
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

const edit = (file: string, text: string): void => writeFileSync(join(folder, file), text);
const first = "scripts/Library/script_1.crm";
const second = "scripts/Library/script_2.crm";

describe("after a pull", () => {
  it("names the conflicts, which only a forced pull would overwrite", async () => {
    edit(first, "// mine\n");
    server.store.editScriptAsOtherUser(1);
    const message = pullMessage(await pull(api, Workspace.open(folder)), "Cust12345");
    expect(message).toEqual({
      severity: "warning",
      text: `Nothing was pulled from Cust12345: 1 file changed here was also changed in the tenant (${first}). Compare them, push them, or overwrite your changes.`,
      conflicts: [first],
      forceable: [first],
    });
  });

  it("reports scripts removed in the tenant and files deleted here as warnings", async () => {
    server.store.deleteScript(1);
    unlinkSync(join(folder, second));
    const message = pullMessage(await pull(api, Workspace.open(folder)), "Cust12345");
    expect(message.severity).toBe("warning");
    expect(message.text).toBe(
      `Pulled 0 scripts from Cust12345, 0 unchanged. 1 script removed in the tenant (kept here: ${first}); 1 script deleted here (not restored: ${second}).`,
    );
  });
});

describe("after a push", () => {
  it("says what was sent", async () => {
    edit(first, "// mine\n");
    const message = pushMessage(await push(api, Workspace.open(folder)), "Cust12345");
    expect(message).toEqual({ severity: "info", text: "Pushed 1 script to Cust12345, 1 unchanged.", conflicts: [], forceable: [] });
  });

  it("offers only a script changed in the tenant for Compare and Push Anyway", async () => {
    edit(first, "// mine\n");
    edit(second, "// mine too\n");
    edit("scripts/new-one.crm", "// new\n");
    writeFileSync(join(folder, "scripts", "Library", "bad?name.crm"), "// new\n");
    server.store.editScriptAsOtherUser(1);
    server.store.deleteScript(2);
    const report = await push(api, Workspace.open(folder));
    const message = pushMessage(report, "Cust12345");
    expect(message.severity).toBe("warning");
    expect(message.conflicts).toEqual([first]);
    expect(message.forceable).toEqual([first]);
    expect(message.text).toContain("Pushed 1 script to Cust12345 (1 new), 0 unchanged.");
    expect(message.text).toContain(`1 script was not pushed, because it changed in the tenant since your last pull: ${first}.`);
    expect(message.text).toContain(`Not pushed: ${second}: removed in the tenant since the last pull`);
    expect(message.text).toContain("Not pushed: scripts/Library/bad?name.crm: a new script's file name is its include id");
    // Forcing sends the one offered.
    const forced = pushMessage(await push(api, Workspace.open(folder), { files: message.forceable, force: true }), "Cust12345");
    expect(forced.text).toBe("Pushed 1 script to Cust12345, 0 unchanged.");
    expect(server.store.getScript(1)?.Source).toBe("// mine\n");
  });

  it("leads with nothing pushed, and lists failures as errors to retry", async () => {
    edit(first, "// mine\n");
    server.failNext({ status: 500 }, { match: { method: "PUT" } });
    const message = pushMessage(await push(api, Workspace.open(folder)), "Cust12345");
    expect(message.severity).toBe("error");
    expect(message.text).toMatch(new RegExp(`^Nothing was pushed to Cust12345\\. Failed \\(push again to retry\\): ${first}: PUT .* failed with 500`));
    expect(message.forceable).toEqual([]);
  });
});

describe("file lists", () => {
  it("name three files, then how many more", () => {
    expect(fileList(["a", "b"])).toBe("a, b");
    expect(fileList(["a", "b", "c", "d", "e"])).toBe("a, b, c and 2 more");
  });
});

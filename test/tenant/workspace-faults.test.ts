/**
 * The tenant commands when the network or the tenant misbehaves: rate
 * limits with `Retry-After`, dropped connections, a push interrupted half
 * way (it resumes where it stopped), an expired sign-in, a CRMScript agent
 * the application may not use; and a tenant of 1,000 scripts. Nothing local
 * is lost or half-written in any of them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { TenantServer } from "../support/tenant-server.js";
import { useTenantWorkspace } from "../support/tenant-workspace.js";

const tenant = useTenantWorkspace();
const crmscript = tenant.crmscript;
let server: TenantServer;
let folder: string;

beforeEach(async () => {
  server = tenant.server;
  folder = tenant.folder;
});

const fileOf = (includeId: string | undefined): string => join(folder, "scripts", `${includeId}.crm`);
const requestsTo = (method: string, pattern: RegExp): number =>
  server.requests.filter((request) => request.method === method && pattern.test(request.path)).length;

describe("retries", () => {
  it("waits out 429 with Retry-After and retries 503, then pulls everything", async () => {
    server.store.seedScripts(3);
    server.failNext({ status: 429, retryAfterSeconds: 1 }, { match: { method: "GET", path: /CRMScript\/2$/ } });
    server.failNext({ status: 503 }, { times: 2, match: { method: "GET", path: /CRMScript\/3$/ } });
    const run = await crmscript("pull");
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("3 pulled");
    expect(requestsTo("GET", /CRMScript\/2$/)).toBe(2);
    expect(requestsTo("GET", /CRMScript\/3$/)).toBe(3);
  });

  it("sends a read again when the connection drops", async () => {
    const [script] = server.store.seedScripts(1);
    server.failNext({ dropConnection: true }, { match: { method: "GET", path: /CRMScript\/1$/ } });
    expect((await crmscript("pull")).code).toBe(0);
    expect(readFileSync(fileOf(script?.IncludeId), "utf8")).toBe(script?.Source);
  });

  it("does not send a new script twice when the answer to creating it is lost, and pull then adopts it", async () => {
    server.store.seedScripts(1);
    await crmscript("pull");
    writeFileSync(join(folder, "scripts", "lib-new.crm"), "// new\n");
    server.failNext({ dropConnection: true, afterHandling: true }, { match: { method: "POST", path: /v1\/CRMScript$/ } });
    const push = await crmscript("push");
    expect(push.code).toBe(2);
    expect(push.stderr).toContain("failed    scripts/lib-new.crm");
    expect(requestsTo("POST", /v1\/CRMScript$/)).toBe(1);
    expect(server.store.scripts.size).toBe(2);
    // The tenant has it now, the workspace does not know: push leaves it alone, pull adopts the identical file.
    expect((await crmscript("push")).stdout).toContain("0 pushed");
    expect(requestsTo("POST", /v1\/CRMScript$/)).toBe(1);
    const pull = await crmscript("pull");
    expect(pull.stdout).toContain("pulled    scripts/lib-new.crm");
    expect((await crmscript("status")).stdout).toBe("");
  });
});

describe("an interrupted push", () => {
  it("keeps what landed, reports what failed, and the next push sends only the rest", async () => {
    const scripts = server.store.seedScripts(4);
    await crmscript("pull");
    for (const script of scripts) writeFileSync(fileOf(script.IncludeId), `${script.Source}// changed\n`);
    server.failNext({ status: 500 }, { times: 1, match: { method: "PUT", path: /CRMScript\/3$/ } });
    const first = await crmscript("push");
    expect(first.code).toBe(2);
    expect(first.stdout).toContain("3 pushed, 0 refused, 0 unchanged, 1 failed (push again to retry them)");
    expect(first.stderr).toContain(`failed    scripts/${scripts[2]?.IncludeId}.crm`);
    expect((await crmscript("status")).stdout).toBe(`changed locally: scripts/${scripts[2]?.IncludeId}.crm\n`);
    const second = await crmscript("push");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("1 pushed, 0 refused, 3 unchanged");
    expect(requestsTo("PUT", /CRMScript\/\d+$/)).toBe(5);
    for (const script of scripts) expect(server.store.getScript(script.EjscriptId)?.Source).toMatch(/\/\/ changed\n$/);
  });

  it("a push that ended before recording what it sent is recognized: status, push and pull all see the copies are equal", async () => {
    const scripts = server.store.seedScripts(3);
    await crmscript("pull");
    const baseBefore = readFileSync(join(folder, ".crmscript", "base.json"), "utf8");
    const sent = scripts.map((script) => `${script.Source}// sent\n`);
    for (const [index, script] of scripts.entries()) writeFileSync(fileOf(script.IncludeId), sent[index] as string);
    expect((await crmscript("push")).stdout).toContain("3 pushed");
    // As if the process had died before saving the base state.
    writeFileSync(join(folder, ".crmscript", "base.json"), baseBefore);
    const status = await crmscript("status");
    expect(status.stdout).toBe("");
    expect(status.code).toBe(0);
    expect((await crmscript("push")).stdout).toContain("0 pushed, 0 refused, 3 unchanged");
    writeFileSync(join(folder, ".crmscript", "base.json"), baseBefore);
    expect((await crmscript("pull")).code).toBe(0);
    expect(requestsTo("PUT", /CRMScript\/\d+$/)).toBe(3);
    for (const [index, script] of scripts.entries()) expect(readFileSync(fileOf(script.IncludeId), "utf8")).toBe(sent[index]);
  });
});

describe("sign-in and permission failures", () => {
  it("an expired token stops the pull before anything is written, saying how to sign in again", async () => {
    server.store.seedScripts(2);
    server.expireAllTokens();
    const run = await crmscript("pull");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/401.*crmscript login/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a CRMScript agent the application may not use is a clear error of validate and run", async () => {
    const [script] = server.store.seedScripts(1);
    await crmscript("pull");
    server.agentDisabled = true;
    for (const command of ["validate", "run"]) {
      const run = await crmscript(command, fileOf(script?.IncludeId));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("the CRMScript agent is not enabled for this application (403)");
    }
  });
});

describe("a tenant of 1,000 scripts", () => {
  it("pulls them all into their folders, and pushes back only the 25 changed", { timeout: 120_000 }, async () => {
    server.store.seedScripts(1000, { folders: 20 });
    const pull = await crmscript("pull");
    expect(pull.stdout).toContain("1000 pulled, 0 unchanged");
    // Two full pages of 500, and the empty page that says there are no more.
    expect(requestsTo("GET", /v1\/CRMScript$/)).toBe(3);
    const files = readdirSync(join(folder, "scripts"), { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".crm"));
    expect(files).toHaveLength(1000);
    expect(readdirSync(join(folder, "scripts"))).toHaveLength(20);
    const changed = [...server.store.scripts.values()].filter((_, index) => index % 40 === 0);
    expect(changed).toHaveLength(25);
    const manifest = JSON.parse(readFileSync(join(folder, "crmscript-tenant.json"), "utf8")) as { entries: { id: number; file: string }[] };
    for (const script of changed) {
      const file = manifest.entries.find((entry) => entry.id === script.EjscriptId)?.file as string;
      writeFileSync(join(folder, file), `${script.Source}// changed\n`);
    }
    const push = await crmscript("push");
    expect(push.stdout).toContain("25 pushed, 0 refused, 975 unchanged");
    expect(requestsTo("PUT", /CRMScript\/\d+$/)).toBe(25);
    expect(existsSync(join(folder, ".crmscript", "base.json"))).toBe(true);
    expect((await crmscript("status")).stdout).toBe("");
  });
});

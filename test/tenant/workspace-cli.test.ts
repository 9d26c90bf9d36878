/**
 * The `crmscript` tenant commands end to end against the fake tenant
 * (`test/support/tenant-server.ts`), in-process with real files: pull into
 * an empty folder, edit and push, another user's concurrent edit refused and
 * resolved, scripts removed on either side, two tenant items with one file
 * name, and what the workspace files hold. Faults, validate and run:
 * `workspace-faults.test.ts` and `tenant-checks.test.ts`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runCrmscript } from "../support/cli-runner.js";
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

const read = (file: string): string => readFileSync(join(folder, file), "utf8");
const write = (file: string, text: string): void => {
  mkdirSync(dirname(join(folder, file)), { recursive: true });
  writeFileSync(join(folder, file), text);
};
const puts = (): number => server.requests.filter((request) => request.method === "PUT").length;

describe("crmscript pull", () => {
  it("creates the workspace in an empty folder: scripts in their tenant folders by include id, triggers by event", async () => {
    const scripts = server.store.seedScripts(3, { folders: ["Utilities/Strings", "Tickets"] });
    server.store.seedTriggers(2);
    const run = await crmscript("pull");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("5 pulled, 0 unchanged");
    for (const script of scripts) {
      const folderPath = script.HierarchyId === scripts[0]?.HierarchyId ? "Utilities/Strings" : "Tickets";
      expect(read(`scripts/${folderPath}/${script.IncludeId}.crm`)).toBe(script.Source);
    }
    expect(read("triggers/TicketSave/Trigger 1.crm")).toBe(server.store.getTrigger(1)?.Source);
    expect(read("triggers/NewTicket/Trigger 2.crm")).toBe(server.store.getTrigger(2)?.Source);
    const manifest = JSON.parse(read("crmscript-tenant.json"));
    expect(manifest.tenant).toEqual({ apiBase: server.apiBase });
    expect(manifest.entries).toHaveLength(5);
    expect(read("crmscript-tenant.json")).not.toContain(server.token);
    expect(read(".crmscript/.gitignore")).toBe("*\n");
    const again = await crmscript("pull");
    expect(again.stdout).toContain("0 pulled, 5 unchanged");
    expect(server.requests.filter((request) => request.method === "GET" && /CRMScript\/\d+$/.test(request.path))).toHaveLength(3);
  });

  it("refuses to run outside a workspace except pull, and to mix tenants", async () => {
    const status = await crmscript("status");
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/no tenant workspace here .*run crmscript pull first/);
    const misplaced = await crmscript("status", "--force");
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("crmscript status: Unknown option '--force'");
    server.store.seedScripts(1);
    expect((await crmscript("pull")).code).toBe(0);
    const other = await runCrmscript(["status"], {
      cwd: folder,
      env: { SUPEROFFICE_API_URL: "https://sod.superoffice.com/Cust99999/api/", SUPEROFFICE_TOKEN: "t" },
    });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`this workspace belongs to ${server.apiBase}`);
  });

  it("pulls only the files named, and refuses a name that is no script", async () => {
    const [first, second] = server.store.seedScripts(2);
    await crmscript("pull");
    server.store.editScriptAsOtherUser(first?.EjscriptId as number);
    server.store.editScriptAsOtherUser(second?.EjscriptId as number);
    const one = await crmscript("pull", `scripts/${first?.IncludeId}.crm`);
    expect(one.stdout).toContain("1 pulled");
    expect(read(`scripts/${second?.IncludeId}.crm`)).not.toContain("edited by associate");
    const unknown = await crmscript("pull", "scripts/nothing.crm");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("crmscript pull: no script here or in the tenant is 'scripts/nothing.crm'\n");
  });

  it("gives two tenant items that would share a file name files of their own", async () => {
    server.store.addTrigger({ Name: "Notify", ScreenType: "TicketSave", Source: "// first\n" });
    server.store.addTrigger({ Name: "notify", ScreenType: "TicketSave", Source: "// second\n" });
    expect((await crmscript("pull")).code).toBe(0);
    expect(read("triggers/TicketSave/Notify.crm")).toBe("// first\n");
    expect(read("triggers/TicketSave/notify~2.crm")).toBe("// second\n");
  });
});

describe("edit and push", () => {
  it("pushes only what changed, and status is clean afterwards", async () => {
    const [first] = server.store.seedScripts(3);
    await crmscript("pull");
    const file = `scripts/${first?.IncludeId}.crm`;
    const edited = `${read(file)}printLine("edited");\r\n`;
    write(file, edited);
    const status = await crmscript("status");
    expect(status.stdout).toBe(`changed locally: ${file}\n`);
    const push = await crmscript("push");
    expect(push.code).toBe(0);
    expect(push.stdout).toContain(`pushed    ${file}`);
    expect(push.stdout).toContain("1 pushed, 0 refused, 2 unchanged");
    expect(server.store.getScript(first?.EjscriptId as number)?.Source).toBe(edited);
    expect(puts()).toBe(1);
    expect((await crmscript("status")).stdout).toBe("");
    expect((await crmscript("push")).stdout).toContain("0 pushed");
    expect(puts()).toBe(1);
  });

  it("creates a new file under scripts/ as a script in the folder its path names", async () => {
    server.store.seedScripts(1, { folders: ["Library"] });
    await crmscript("pull");
    write("scripts/Library/lib-dates.crm", "String today() { return getCurrentDate().toString(); }\n");
    const push = await crmscript("push");
    expect(push.stdout).toContain("created   scripts/Library/lib-dates.crm");
    const created = server.store.scriptByIncludeId("lib-dates");
    expect(created?.Source).toBe("String today() { return getCurrentDate().toString(); }\n");
    const library = [...server.store.folders.values()].find((candidate) => candidate.Name === "Library");
    expect(created?.HierarchyId).toBe(library?.HierarchyId);
    expect((await crmscript("status")).stdout).toBe("");
    write("scripts/Nowhere/lib-x.crm", "");
    const refused = await crmscript("push");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/refused {3}scripts\/Nowhere\/lib-x\.crm: no folder of that name/);
  });
});

describe("a fresh clone of the workspace's repository (CI)", () => {
  it("has no base state, so push refuses changed files unless --base-ref shows the tenant still holds the earlier commit", async () => {
    const [first, second] = server.store.seedScripts(2);
    await crmscript("pull");
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=CI", "-c", "user.email=ci@example.com", ...args], { cwd: folder, encoding: "utf8" });
    git("init", "--quiet");
    git("add", ".");
    git("commit", "--quiet", "-m", "pulled");
    rmSync(join(folder, ".crmscript"), { recursive: true });
    const firstFile = `scripts/${first?.IncludeId}.crm`;
    const secondFile = `scripts/${second?.IncludeId}.crm`;
    write(firstFile, `${read(firstFile)}// from CI\n`);
    write(secondFile, `${read(secondFile)}// from CI\n`);
    git("commit", "--quiet", "-am", "changed");
    server.store.editScriptAsOtherUser(second?.EjscriptId as number);

    const withoutBase = await crmscript("push");
    expect(withoutBase.code).toBe(1);
    expect(withoutBase.stdout).toContain("0 pushed, 2 refused");
    expect(withoutBase.stdout).toContain(`refused   ${firstFile}: this workspace has no record of the tenant's copy`);

    const push = await crmscript("push", "--base-ref", "HEAD~1");
    expect(push.code).toBe(1);
    expect(push.stdout).toContain(`pushed    ${firstFile}`);
    expect(push.stdout).toContain(`refused   ${secondFile}: changed in the tenant since the last pull`);
    expect(server.store.getScript(first?.EjscriptId as number)?.Source).toMatch(/\/\/ from CI\n$/);
    expect(server.store.getScript(second?.EjscriptId as number)?.Source).toContain("edited by associate 99");

    const unknown = await crmscript("push", "--base-ref", "no-such-branch");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--base-ref no-such-branch: no such commit");
  });
});

describe("another user's edit in the tenant", () => {
  it("is never overwritten: status shows the conflict, push and pull refuse, diff shows it, push --force after merging", async () => {
    const [script] = server.store.seedScripts(1);
    const id = script?.EjscriptId as number;
    await crmscript("pull");
    const file = `scripts/${script?.IncludeId}.crm`;
    write(file, `${read(file)}// mine\n`);
    const theirs = server.store.editScriptAsOtherUser(id).Source;

    const status = await crmscript("status");
    expect(status.code).toBe(1);
    expect(status.stdout).toBe(`conflict: changed on both sides: ${file}\n`);

    const push = await crmscript("push");
    expect(push.code).toBe(1);
    expect(push.stdout).toContain(`refused   ${file}: changed in the tenant since the last pull`);
    expect(server.store.getScript(id)?.Source).toBe(theirs);
    expect(puts()).toBe(0);

    const pull = await crmscript("pull");
    expect(pull.code).toBe(1);
    expect(pull.stdout).toContain(`conflict  ${file}`);
    expect(read(file)).toContain("// mine");

    const diff = await crmscript("diff", file);
    expect(diff.stdout).toContain(`--- tenant/${file}`);
    expect(diff.stdout).toContain("+// mine");
    expect(diff.stdout).toContain("-// edited by associate 99");

    const merged = `${theirs}// mine\n`;
    write(file, merged);
    const forced = await crmscript("push", "--force");
    expect(forced.code).toBe(0);
    expect(server.store.getScript(id)?.Source).toBe(merged);
    expect((await crmscript("status")).stdout).toBe("");
  });

  it("is pulled when the file is unchanged here", async () => {
    const [script] = server.store.seedScripts(1);
    await crmscript("pull");
    const theirs = server.store.editScriptAsOtherUser(script?.EjscriptId as number).Source;
    expect((await crmscript("status")).stdout).toBe(`changed in the tenant: scripts/${script?.IncludeId}.crm\n`);
    expect((await crmscript("pull")).stdout).toContain("1 pulled, 0 unchanged");
    expect(read(`scripts/${script?.IncludeId}.crm`)).toBe(theirs);
  });
});

describe("scripts removed on one side", () => {
  it("a script deleted in the tenant is reported, its local file kept, and push does not bring it back", async () => {
    const [gone] = server.store.seedScripts(2);
    await crmscript("pull");
    const file = `scripts/${gone?.IncludeId}.crm`;
    server.store.deleteScript(gone?.EjscriptId as number);
    expect((await crmscript("status")).stdout).toBe(`removed in the tenant: ${file}\n`);
    const pull = await crmscript("pull");
    expect(pull.stdout).toContain(`removed in the tenant (kept here)  ${file}`);
    expect(existsSync(join(folder, file))).toBe(true);
    write(file, "// still mine\n");
    const push = await crmscript("push");
    expect(push.code).toBe(1);
    expect(push.stdout).toContain(`refused   ${file}: removed in the tenant`);
    expect(server.store.scripts.size).toBe(1);
  });

  it("deleting in the tenant needs the local file gone and the name given, and refuses a script changed there", async () => {
    const [first, second] = server.store.seedScripts(2);
    await crmscript("pull");
    const file = `scripts/${first?.IncludeId}.crm`;
    const stillThere = await crmscript("push", "--delete", first?.IncludeId as string);
    expect(stillThere.code).toBe(1);
    expect(stillThere.stdout).toContain("its local file still exists");
    expect(server.store.scripts.size).toBe(2);

    unlinkSync(join(folder, file));
    expect((await crmscript("status")).stdout).toBe(`deleted locally: ${file}\n`);
    expect((await crmscript("push")).code).toBe(0);
    expect(server.store.scripts.size).toBe(2);
    const deleted = await crmscript("push", "--delete", file);
    expect(deleted.stdout).toBe(`deleted in the tenant  ${file}\n`);
    expect(server.store.getScript(first?.EjscriptId as number)).toBeUndefined();

    const secondFile = `scripts/${second?.IncludeId}.crm`;
    unlinkSync(join(folder, secondFile));
    server.store.editScriptAsOtherUser(second?.EjscriptId as number);
    const changed = await crmscript("push", "--delete", second?.IncludeId as string);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain(`refused   ${secondFile}: changed in the tenant since the last pull`);
    expect(server.store.getScript(second?.EjscriptId as number)).toBeDefined();
  });
});

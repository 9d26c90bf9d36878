/**
 * The VS Code extension's tenant logic that needs no VS Code: the tree of
 * folders, scripts and triggers with each script's workspace state, the
 * status bar's summary of a workspace's sync state, the names of tenants
 * and sign-ins, the addresses of read-only tenant copies, and where a
 * tenant compiler error goes in a file.
 */
import { describe, expect, it } from "vitest";
import { problemRange } from "../../client/tenant/problem-range.js";
import { changedItems, sideOf, statusText, statusTooltip, summarize } from "../../client/tenant/sync-summary.js";
import { accountLabel, environmentLabel, sameApiBase, tenantLabel } from "../../client/tenant/labels.js";
import { ENVIRONMENT_CONNECTION, parseTenantCopyPath, tenantCopyPath } from "../../client/tenant/tenant-uri.js";
import { buildTenantTree, type FolderNode, type ScriptNode, type TenantNode, workspaceStates } from "../../client/tenant/tree-model.js";
import type { ScriptRow, TriggerRow } from "../../server/tenant/api.js";
import type { StoredSignIn } from "../../server/tenant/auth/index.js";
import type { Entry } from "../../server/tenant/workspace/state.js";
import type { ItemStatus } from "../../server/tenant/workspace/status.js";

const script = (id: number, name: string, hierarchyId: number): ScriptRow => ({
  id,
  uniqueIdentifier: `u${id}`,
  name,
  includeId: name.toLowerCase().replace(/ /g, "-"),
  hierarchyId,
  updated: "2024-05-01T10:00:00Z",
});
const trigger = (id: number, name: string, event: string): TriggerRow => ({ id, uniqueIdentifier: `t${id}`, name, event, updated: "2024-05-01T10:00:00Z" });
const entry = (id: number, file: string): Entry => ({
  kind: "script",
  file,
  id,
  uniqueIdentifier: `u${id}`,
  name: `Script ${id}`,
  includeId: `s${id}`,
  folderId: 0,
});
const tracked = (id: number, local: "unchanged" | "modified" | "deleted", remote: "unchanged" | "changed" | "deleted"): ItemStatus => ({
  kind: "tracked",
  entry: entry(id, `scripts/s${id}.crm`),
  local,
  remote,
  row: undefined,
});

/** The tree as indented lines: `name` for folders and groups, `name [state]` for scripts. */
function outline(nodes: readonly TenantNode[], depth = 0): string[] {
  return nodes.flatMap((node) => {
    const pad = "  ".repeat(depth);
    switch (node.kind) {
      case "folder":
        return [`${pad}${node.name}/`, ...outline(node.children, depth + 1)];
      case "triggers":
        return [`${pad}Triggers/`, ...outline(node.children, depth + 1)];
      case "event":
        return [`${pad}${node.event}/`, ...outline(node.children, depth + 1)];
      default:
        return [`${pad}${node.name}${node.workspace === undefined ? "" : ` [${node.workspace.side}: ${node.workspace.file}]`}`];
    }
  });
}

describe("the tenant tree", () => {
  const folders = [
    { HierarchyId: 2, Name: "tools", Children: [] },
    { HierarchyId: 1, Name: "Library", Children: [{ HierarchyId: 3, Name: "Strings", Children: [] }] },
  ];
  const scripts = [
    script(10, "zeta", 1),
    script(11, "Alpha", 1),
    script(12, "Split", 3),
    script(13, "Main", 0),
    script(14, "Lost", 99),
    script(15, "Hammer", 2),
  ];
  const triggers = [trigger(1, "On save", "TicketSave"), trigger(2, "Before sale", "SalesBeforeSaveSale"), trigger(3, "Another save", "TicketSave")];

  it("puts folders first (sorted without regard to case), their subfolders before their scripts, then loose scripts, then triggers by event", () => {
    expect(outline(buildTenantTree(folders, scripts, triggers))).toEqual([
      "Library/",
      "  Strings/",
      "    Split",
      "  Alpha",
      "  zeta",
      "tools/",
      "  Hammer",
      "Lost",
      "Main",
      "Triggers/",
      "  SalesBeforeSaveSale/",
      "    Before sale",
      "  TicketSave/",
      "    Another save",
      "    On save",
    ]);
  });

  it("has no triggers node without triggers, and survives a folder listed twice", () => {
    const twice = [...folders, { HierarchyId: 1, Name: "Library again", Children: [] }];
    const tree = buildTenantTree(twice, [script(11, "Alpha", 1)], []);
    expect(outline(tree)).toEqual(["Library/", "  Strings/", "  Alpha", "tools/"]);
  });

  it("gives each script its workspace file and side, from the workspace's statuses", () => {
    const statuses: ItemStatus[] = [
      tracked(10, "modified", "unchanged"),
      tracked(11, "unchanged", "unchanged"),
      tracked(12, "deleted", "changed"),
      { kind: "new-remote", entry: entry(13, "scripts/main.crm"), row: script(13, "Main", 0), fileExists: false },
      { kind: "new-local", file: "scripts/new.crm" },
    ];
    const states = workspaceStates(statuses);
    expect(states.get("script:10")).toEqual({ file: "scripts/s10.crm", present: true, side: "here", description: "changed locally" });
    expect(states.get("script:12")).toEqual({
      file: "scripts/s12.crm",
      present: false,
      side: "conflict",
      description: "conflict: deleted locally, changed in the tenant",
    });
    expect(states.get("script:13")).toMatchObject({ present: false, side: "tenant", description: "new in the tenant" });
    expect(states.size).toBe(4);
    const library = buildTenantTree(folders, scripts, [], states)[0] as FolderNode;
    expect(outline([library])).toEqual([
      "Library/",
      "  Strings/",
      "    Split [conflict: scripts/s12.crm]",
      "  Alpha [unchanged: scripts/s11.crm]",
      "  zeta [here: scripts/s10.crm]",
    ]);
    expect((library.children[1] as ScriptNode).includeId).toBe("alpha");
  });
});

describe("the sync summary", () => {
  it("sorts every status to one side, as crmscript status describes it", () => {
    const cases: [ItemStatus, string][] = [
      [tracked(1, "unchanged", "unchanged"), "unchanged"],
      [tracked(1, "modified", "unchanged"), "here"],
      [tracked(1, "deleted", "unchanged"), "here"],
      [tracked(1, "unchanged", "changed"), "tenant"],
      [tracked(1, "unchanged", "deleted"), "tenant"],
      [tracked(1, "modified", "deleted"), "tenant"],
      [tracked(1, "deleted", "deleted"), "tenant"],
      [tracked(1, "modified", "changed"), "conflict"],
      [tracked(1, "deleted", "changed"), "conflict"],
      [{ kind: "new-local", file: "scripts/x.crm" }, "here"],
      [{ kind: "new-remote", entry: entry(2, "scripts/y.crm"), row: script(2, "y", 0), fileExists: false }, "tenant"],
      [{ kind: "new-remote", entry: entry(2, "scripts/y.crm"), row: script(2, "y", 0), fileExists: true }, "conflict"],
    ];
    expect(cases.map(([status]) => sideOf(status))).toEqual(cases.map(([, side]) => side));
  });

  it("words the status bar and its tooltip, and lists what is not in sync, conflicts first", () => {
    const statuses = [
      tracked(3, "modified", "unchanged"),
      tracked(1, "modified", "changed"),
      tracked(2, "unchanged", "changed"),
      tracked(4, "unchanged", "changed"),
    ];
    const summary = summarize(statuses);
    expect(summary).toEqual({ changedHere: 1, changedInTenant: 2, conflicts: 1, unchanged: 0 });
    expect(statusText("Cust12345", summary)).toBe("Cust12345: 1 changed here, 2 in tenant, 1 conflict");
    expect(statusText("Cust12345", summarize([tracked(1, "modified", "changed"), tracked(2, "deleted", "changed")]))).toBe("Cust12345: 2 conflicts");
    expect(statusText("Cust12345", summarize([tracked(1, "unchanged", "unchanged")]))).toBe("Cust12345: in sync");
    expect(statusTooltip("https://x/Cust12345/api/", summary).split("\n")).toEqual([
      "Tenant workspace of https://x/Cust12345/api/",
      "1 script changed here (push sends them)",
      "2 scripts changed in the tenant (pull brings them)",
      "1 conflict (changed on both sides)",
      "0 unchanged",
    ]);
    expect(changedItems([...statuses, tracked(5, "unchanged", "unchanged")]).map((item) => `${item.side} ${item.file}`)).toEqual([
      "conflict scripts/s1.crm",
      "here scripts/s3.crm",
      "tenant scripts/s2.crm",
      "tenant scripts/s4.crm",
    ]);
  });
});

describe("names", () => {
  it("names a tenant by the id in its API base, else by its host", () => {
    expect(tenantLabel("https://sod2.superoffice.com/Cust12345/api/")).toBe("Cust12345");
    expect(tenantLabel("http://127.0.0.1:8080/Cust9/api")).toBe("Cust9");
    expect(tenantLabel("https://crm.example.com/")).toBe("crm.example.com");
    expect(tenantLabel("not a url")).toBe("not a url");
    expect(sameApiBase("https://X/Cust1/api/", "https://x/cust1/api")).toBe(true);
    expect(sameApiBase("https://x/Cust1/api/", "https://x/Cust2/api/")).toBe(false);
  });

  it("names a sign-in by its user, tenant and environment", () => {
    const signIn = {
      kind: "superid",
      discoveryUrl: "https://sod.superoffice.com/login/.well-known/openid-configuration",
      clientId: "c",
      apiBase: "https://sod2.superoffice.com/Cust12345/api/",
      tenantId: "Cust12345",
      subject: "s-1",
      email: "alice@example.com",
      accessToken: "t",
      expiresAt: 0,
      signedInAt: 0,
    } satisfies StoredSignIn;
    expect(accountLabel(signIn)).toBe("alice@example.com (Cust12345, sod)");
    expect(accountLabel({ ...signIn, upn: "alice", discoveryUrl: "http://127.0.0.1:4000/login/.well-known/openid-configuration" })).toBe(
      "alice (Cust12345, 127.0.0.1:4000)",
    );
    expect(environmentLabel("https://online.superoffice.com/login/.well-known/openid-configuration")).toBe("online");
  });
});

describe("tenant copy addresses", () => {
  it("round-trip, with a safe .crm file name, for profiles and the environment", () => {
    const path = tenantCopyPath({ connection: "sod-Cust12345", kind: "script", id: 12, name: "Send: mail?" });
    expect(path).toBe("/sod-Cust12345/script/12/Send_ mail_.crm");
    expect(parseTenantCopyPath(path)).toEqual({ connection: "sod-Cust12345", kind: "script", id: 12, name: "Send_ mail_.crm" });
    const trigger = tenantCopyPath({ connection: ENVIRONMENT_CONNECTION, kind: "trigger", id: 3, name: "lib-http.crm" });
    expect(trigger).toBe("/~environment/trigger/3/lib-http.crm");
    expect(parseTenantCopyPath(trigger)?.connection).toBe(ENVIRONMENT_CONNECTION);
    for (const bad of ["/p/script/x/a.crm", "/p/folder/1/a.crm", "/p/script/1/a/b.crm", "p/script/1/a.crm"])
      expect(parseTenantCopyPath(bad), bad).toBeUndefined();
  });
});

describe("where a tenant compiler error goes", () => {
  const text = "#setLanguageLevel 4;\r\n  Integer x = COMPILE_ERROR;   \nprintLine(x);";

  it("covers the line from the column to its last character, with any line break", () => {
    expect(problemRange(text, 2, 15)).toEqual({ line: 1, start: 14, end: 28 });
    expect(problemRange(text, 3, 1)).toEqual({ line: 2, start: 0, end: 13 });
  });

  it("stays inside the text: a line past the end is the last, a column past the line covers the line", () => {
    expect(problemRange(text, 99, 1)).toEqual({ line: 2, start: 0, end: 13 });
    expect(problemRange(text, 1, 200)).toEqual({ line: 0, start: 0, end: 20 });
    expect(problemRange(text, 0, 0)).toEqual({ line: 0, start: 0, end: 20 });
    expect(problemRange("", 5, 5)).toEqual({ line: 0, start: 0, end: 0 });
  });
});

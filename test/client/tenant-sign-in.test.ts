/**
 * How the extension keeps sign-ins and reaches tenants, without VS Code:
 * the SecretStorage token store (over an in-memory secret store), filled by
 * a real browser sign-in against the OpenID test provider and renewed by a
 * session; the connections (profiles, the environment's credentials, and
 * for a tenant workspace the one for its tenant); and the one-shot page
 * that sends the browser on to a sign-in page on the loopback address.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TenantConnections } from "../../client/tenant/connections.js";
import { startRedirectPage } from "../../client/tenant/redirect-page.js";
import { isTokenStoreKey, type SecretStore, SecretTokenStore } from "../../client/tenant/secret-token-store.js";
import { ENVIRONMENT_CONNECTION } from "../../client/tenant/tenant-uri.js";
import { AuthError, login, NotSignedInError, type StoredSignIn, SuperIdSession } from "../../server/tenant/auth/index.js";
import { Workspace } from "../../server/tenant/workspace/state.js";
import { startOidcServer, TestBrowser, type TestOidcServer } from "../support/oidc-server.js";
import { startTenantServer, type TenantServer } from "../support/tenant-server.js";

/** SecretStorage's behavior: strings by key, each call a moment later. */
class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

const signInTo = (apiBase: string, tenantId: string, accessToken: string): StoredSignIn => ({
  kind: "superid",
  discoveryUrl: "https://sod.superoffice.com/login/.well-known/openid-configuration",
  clientId: "client",
  apiBase,
  tenantId,
  subject: "alice",
  accessToken,
  refreshToken: "refresh",
  expiresAt: Date.now() + 3_600_000,
  signedInAt: Date.now(),
});

describe("the SecretStorage token store", () => {
  it("keeps each profile in its own secret, lists the profiles sorted and forgets one on delete", async () => {
    const secrets = new MemorySecrets();
    secrets.values.set("someone.else", "untouched");
    const store = new SecretTokenStore(secrets);
    expect(await store.profiles()).toEqual([]);
    expect(await store.get("sod-Cust1")).toBeUndefined();
    await store.set("sod-Cust2", signInTo("https://sod2.superoffice.com/Cust2/api/", "Cust2", "t2"));
    await store.set("sod-Cust1", signInTo("https://sod2.superoffice.com/Cust1/api/", "Cust1", "t1"));
    expect(await store.profiles()).toEqual(["sod-Cust1", "sod-Cust2"]);
    expect((await store.get("sod-Cust2"))?.accessToken).toBe("t2");
    expect([...secrets.values.keys()].filter(isTokenStoreKey).sort()).toEqual([
      "crmscript.tenant.profiles",
      "crmscript.tenant.signIn/sod-Cust1",
      "crmscript.tenant.signIn/sod-Cust2",
    ]);
    expect(await store.delete("sod-Cust2")).toBe(true);
    expect(await store.delete("sod-Cust2")).toBe(false);
    expect(await store.profiles()).toEqual(["sod-Cust1"]);
    expect(secrets.values.get("someone.else")).toBe("untouched");
    expect(isTokenStoreKey("someone.else")).toBe(false);
  });

  it("loses no profile when sign-ins are stored at once, and refuses bad names and incomplete sign-ins", async () => {
    const store = new SecretTokenStore(new MemorySecrets());
    const names = ["e", "d", "c", "b", "a"].map((letter) => `sod-${letter}`);
    await Promise.all(names.map((name) => store.set(name, signInTo("https://x/C/api/", "C", name))));
    expect(await store.profiles()).toEqual([...names].sort());
    for (const operation of [store.get("../escape"), store.delete(""), store.set("a b", signInTo("https://x/C/api/", "C", "t"))]) {
      await expect(operation).rejects.toThrow(AuthError);
    }
    await expect(store.set("sod-x", { ...signInTo("https://x/C/api/", "C", "t"), accessToken: "" })).rejects.toThrow(/incomplete sign-in/);
  });

  it("reads what is not a sign-in as none", async () => {
    const secrets = new MemorySecrets();
    const store = new SecretTokenStore(secrets);
    secrets.values.set("crmscript.tenant.profiles", "not json");
    secrets.values.set("crmscript.tenant.signIn/sod-x", '{"kind":"other"}');
    expect(await store.profiles()).toEqual([]);
    expect(await store.get("sod-x")).toBeUndefined();
  });

  describe("with a real sign-in", () => {
    let provider: TestOidcServer;
    beforeAll(async () => {
      provider = await startOidcServer({ tenantApiBase: "https://sod2.superoffice.com/Cust12345/api/" });
    });
    afterAll(() => provider.close());

    it("stores the browser sign-in under its profile, and a session renews it in place", async () => {
      const store = new SecretTokenStore(new MemorySecrets());
      const { profile, signIn } = await login({
        store,
        discoveryUrl: provider.discoveryUrl,
        clientId: provider.clientId,
        openBrowser: new TestBrowser(provider).open,
      });
      expect(profile).toMatch(/^127\.0\.0\.1-Cust12345$/);
      expect(await store.profiles()).toEqual([profile]);
      expect((await store.get(profile))?.accessToken).toBe(signIn.accessToken);
      const session = await SuperIdSession.open({ store, profile });
      await session.refresh();
      const renewed = await store.get(profile);
      expect(renewed?.accessToken).not.toBe(signIn.accessToken);
      expect(renewed?.refreshToken).not.toBe(signIn.refreshToken);
      expect(provider.grants).toEqual(["authorization_code", "refresh_token"]);
    });
  });
});

describe("the connections", () => {
  let tenant: TenantServer;
  let other: TenantServer;
  let folder: string;

  beforeAll(async () => {
    tenant = await startTenantServer();
    other = await startTenantServer({ tenant: "Cust777" });
    tenant.store.seedScripts(2);
    folder = mkdtempSync(join(tmpdir(), "crmscript-client-connections-"));
  });

  afterAll(async () => {
    expect([...tenant.takeContractProblems(), ...other.takeContractProblems()]).toEqual([]);
    await tenant.close();
    await other.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const storeWith = async (entries: Record<string, StoredSignIn>): Promise<SecretTokenStore> => {
    const store = new SecretTokenStore(new MemorySecrets());
    for (const [profile, signIn] of Object.entries(entries)) await store.set(profile, signIn);
    return store;
  };

  it("reach a tenant through a stored sign-in, and say so when it is gone", async () => {
    const store = await storeWith({ "local-Cust12345": signInTo(tenant.apiBase, "Cust12345", tenant.token) });
    const connections = new TenantConnections(store, {});
    const connection = await connections.forKey("local-Cust12345");
    expect(connection).toMatchObject({ key: "local-Cust12345", apiBase: tenant.apiBase, label: "Cust12345" });
    expect((await connection.api.listScripts()).map((row) => row.name)).toEqual(["Script 1", "Script 2"]);
    await expect(connections.forKey("local-Gone")).rejects.toThrow(NotSignedInError);
    await expect(connections.forKey(ENVIRONMENT_CONNECTION)).rejects.toThrow(NotSignedInError);
  });

  it("list the environment's tenant first, then each sign-in", async () => {
    const store = await storeWith({
      "local-Cust777": signInTo(other.apiBase, "Cust777", other.token),
      "local-Cust12345": signInTo(tenant.apiBase, "Cust12345", tenant.token),
    });
    const env = { SUPEROFFICE_API_URL: tenant.apiBase, SUPEROFFICE_TOKEN: tenant.token };
    const available = await new TenantConnections(store, env).available();
    expect(available.map((entry) => [entry.key, entry.apiBase])).toEqual([
      [ENVIRONMENT_CONNECTION, tenant.apiBase],
      ["local-Cust12345", tenant.apiBase],
      ["local-Cust777", other.apiBase],
    ]);
    expect((await new TenantConnections(store, env).forKey(ENVIRONMENT_CONNECTION)).apiBase).toBe(tenant.apiBase);
  });

  it("for a tenant workspace: the environment's credentials win, else the sign-in for its tenant; another tenant is refused", async () => {
    const workspace = Workspace.create(folder, { apiBase: tenant.apiBase });
    const both = await storeWith({
      "local-Cust777": signInTo(other.apiBase, "Cust777", other.token),
      "local-Cust12345": signInTo(tenant.apiBase, "Cust12345", tenant.token),
    });
    expect((await new TenantConnections(both, {}).forWorkspace(workspace)).key).toBe("local-Cust12345");
    const env = { SUPEROFFICE_API_URL: tenant.apiBase, SUPEROFFICE_TOKEN: tenant.token };
    expect((await new TenantConnections(both, env).forWorkspace(workspace)).key).toBe(ENVIRONMENT_CONNECTION);
    const onlyOther = await storeWith({ "local-Cust777": signInTo(other.apiBase, "Cust777", other.token) });
    await expect(new TenantConnections(onlyOther, {}).forWorkspace(workspace)).rejects.toThrow(
      `this workspace belongs to ${tenant.apiBase}, but the sign-in reaches ${other.apiBase}`,
    );
    const pinned = Workspace.create(folder, { apiBase: tenant.apiBase, profile: "local-Cust777" });
    await expect(new TenantConnections(both, {}).forWorkspace(pinned)).rejects.toThrow(/but the sign-in reaches/);
    await expect(new TenantConnections(await storeWith({}), {}).forWorkspace(workspace)).rejects.toThrow(NotSignedInError);
  });
});

describe("the redirect page", () => {
  const target = "http://127.0.0.1:9/login/common/oauth/authorize?redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcallback&login_hint=a%2Bb%40example.com";

  it("sends the browser on to the address exactly as given, once, and only at its own path", async () => {
    const page = await startRedirectPage(target);
    expect(page.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}$/);
    const elsewhere = await fetch(new URL("/other", page.url), { redirect: "manual" });
    expect(elsewhere.status).toBe(404);
    const answer = await fetch(page.url, { redirect: "manual" });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(target);
    expect(await page.visited).toBe(true);
    await expect(fetch(page.url, { redirect: "manual" })).rejects.toThrow();
  });

  it("stops waiting when closed or after its time", async () => {
    const closed = await startRedirectPage(target);
    closed.close();
    expect(await closed.visited).toBe(false);
    const late = await startRedirectPage(target, 50);
    expect(await late.visited).toBe(false);
    await expect(fetch(late.url, { redirect: "manual" })).rejects.toThrow();
  });
});

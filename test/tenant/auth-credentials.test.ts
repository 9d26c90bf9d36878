/**
 * Which credentials a command uses: a Bearer token or a ticket with its app
 * token from the environment (over any stored sign-in), an Onsite user from
 * configuration, a stored profile (renewed and saved to the credentials
 * file), and the errors that say what is missing.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  CredentialsError,
  FileTokenStore,
  login,
  MemoryTokenStore,
  NotSignedInError,
  resolveCredentials,
  type StoredSignIn,
} from "../../server/tenant/auth/index.js";
import { startOidcServer, TestBrowser, type TestOidcServer } from "../support/oidc-server.js";

const API = "https://sod.superoffice.com/Cust12345/api/";

function stored(tenantId: string, accessToken: string): StoredSignIn {
  return {
    kind: "superid",
    discoveryUrl: "https://sod.superoffice.com/login/.well-known/openid-configuration",
    clientId: "client",
    apiBase: `https://sod2.superoffice.com/${tenantId}/api/`,
    tenantId,
    subject: "alice",
    accessToken,
    refreshToken: "refresh",
    expiresAt: Date.now() + 3_600_000,
    signedInAt: Date.now(),
  };
}

async function storeWith(...profiles: [string, StoredSignIn][]): Promise<MemoryTokenStore> {
  const store = new MemoryTokenStore();
  for (const [name, signIn] of profiles) await store.set(name, signIn);
  return store;
}

describe("resolveCredentials from the environment", () => {
  it("uses SUPEROFFICE_API_URL with SUPEROFFICE_TOKEN as a Bearer token", async () => {
    const credentials = await resolveCredentials({
      env: { SUPEROFFICE_API_URL: "https://sod.superoffice.com/Cust12345/api", SUPEROFFICE_TOKEN: "tok" },
      store: new MemoryTokenStore(),
    });
    expect(credentials.apiBase).toBe(API);
    expect(credentials.source).toBe("environment-token");
    expect(await credentials.authorizationHeaders()).toEqual({ Authorization: "Bearer tok" });
  });

  it("uses SUPEROFFICE_TICKET with SUPEROFFICE_APP_TOKEN as SOTicket and SO-AppToken", async () => {
    const credentials = await resolveCredentials({
      env: { SUPEROFFICE_API_URL: API, SUPEROFFICE_TICKET: "7T:abc==", SUPEROFFICE_APP_TOKEN: "app-secret" },
      store: new MemoryTokenStore(),
    });
    expect(credentials.source).toBe("environment-ticket");
    expect(await credentials.authorizationHeaders()).toEqual({ Authorization: "SOTicket 7T:abc==", "SO-AppToken": "app-secret" });
  });

  it("takes precedence over a stored profile, even one asked for by name", async () => {
    const store = await storeWith(["sod-Cust12345", stored("Cust12345", "stored-token")]);
    const credentials = await resolveCredentials({ env: { SUPEROFFICE_API_URL: API, SUPEROFFICE_TOKEN: "env-token" }, store, profile: "sod-Cust12345" });
    expect(credentials.source).toBe("environment-token");
    expect(await credentials.authorizationHeaders()).toEqual({ Authorization: "Bearer env-token" });
  });

  it("tolerates a Bearer prefix, whitespace and empty variables", async () => {
    const credentials = await resolveCredentials({
      env: { SUPEROFFICE_API_URL: ` ${API} `, SUPEROFFICE_TOKEN: "Bearer tok\n", SUPEROFFICE_TICKET: "" },
      store: new MemoryTokenStore(),
    });
    expect(await credentials.authorizationHeaders()).toEqual({ Authorization: "Bearer tok" });
  });

  it("says what is missing or wrong", async () => {
    const store = new MemoryTokenStore();
    const resolve = (env: Record<string, string>) => resolveCredentials({ env, store });
    await expect(resolve({ SUPEROFFICE_TOKEN: "t" })).rejects.toThrow("SUPEROFFICE_TOKEN is set without SUPEROFFICE_API_URL, the tenant's API base");
    await expect(resolve({ SUPEROFFICE_API_URL: API })).rejects.toThrow(
      "SUPEROFFICE_API_URL is set without SUPEROFFICE_TOKEN, SUPEROFFICE_TICKET with SUPEROFFICE_APP_TOKEN, or SUPEROFFICE_USER with SUPEROFFICE_PASSWORD",
    );
    await expect(resolve({ SUPEROFFICE_API_URL: API, SUPEROFFICE_TICKET: "t" })).rejects.toThrow("SUPEROFFICE_TICKET is set without SUPEROFFICE_APP_TOKEN");
    await expect(resolve({ SUPEROFFICE_API_URL: API, SUPEROFFICE_TICKET: "t", SUPEROFFICE_TOKEN: "u" })).rejects.toThrow(
      "SUPEROFFICE_TOKEN and SUPEROFFICE_TICKET are set together: set only one",
    );
    await expect(resolve({ SUPEROFFICE_APP_TOKEN: "a" })).rejects.toThrow("SUPEROFFICE_APP_TOKEN is set without SUPEROFFICE_TICKET");
    await expect(resolve({ SUPEROFFICE_API_URL: "http://sod.superoffice.com/Cust1/api/", SUPEROFFICE_TOKEN: "t" })).rejects.toThrow(
      /SUPEROFFICE_API_URL must be an https:\/\/ URL/,
    );
    await expect(resolve({ SUPEROFFICE_API_URL: "not a url", SUPEROFFICE_TOKEN: "t" })).rejects.toThrow(CredentialsError);
    await expect(resolve({ SUPEROFFICE_API_URL: API, SUPEROFFICE_TOKEN: "a\r\nX-Injected: 1" })).rejects.toThrow(/control characters/);
  });
});

describe("resolveCredentials for Onsite", () => {
  it("sends the configured user with HTTP Basic when the environment names nothing", async () => {
    const onsite = { apiBase: "https://crm.example.com/SuperOffice/api", user: "ADMIN", password: "pä:ss" };
    const credentials = await resolveCredentials({ env: {}, store: new MemoryTokenStore(), onsite });
    expect(credentials.apiBase).toBe("https://crm.example.com/SuperOffice/api/");
    expect(credentials.source).toBe("onsite");
    expect(await credentials.authorizationHeaders()).toEqual({ Authorization: `Basic ${Buffer.from("ADMIN:pä:ss").toString("base64")}` });
    await expect(resolveCredentials({ env: {}, store: new MemoryTokenStore(), onsite: { ...onsite, user: "a:b" } })).rejects.toThrow(/must not contain ':'/);
  });

  it("takes the user from SUPEROFFICE_USER and SUPEROFFICE_PASSWORD, over the configured one", async () => {
    const env = { SUPEROFFICE_API_URL: "https://crm.example.com/SuperOffice/api/", SUPEROFFICE_USER: "ci", SUPEROFFICE_PASSWORD: "pw" };
    const onsite = { apiBase: "https://other.example.com/api/", user: "ADMIN", password: "x" };
    const credentials = await resolveCredentials({ env, store: new MemoryTokenStore(), onsite });
    expect(credentials).toMatchObject({ source: "environment-user", apiBase: "https://crm.example.com/SuperOffice/api/" });
    expect(await credentials.authorizationHeaders()).toEqual({ Authorization: `Basic ${Buffer.from("ci:pw").toString("base64")}` });
    await expect(resolveCredentials({ env: { ...env, SUPEROFFICE_PASSWORD: undefined }, store: new MemoryTokenStore() })).rejects.toThrow(
      "SUPEROFFICE_USER is set without SUPEROFFICE_PASSWORD",
    );
    await expect(resolveCredentials({ env: { ...env, SUPEROFFICE_TOKEN: "t" }, store: new MemoryTokenStore() })).rejects.toThrow(
      "SUPEROFFICE_TOKEN and SUPEROFFICE_USER are set together: set only one",
    );
  });
});

describe("resolveCredentials from a stored sign-in", () => {
  it("uses the profile asked for, or the only one stored", async () => {
    const store = await storeWith(["sod-Cust12345", stored("Cust12345", "one")], ["online-Cust999", stored("Cust999", "two")]);
    const chosen = await resolveCredentials({ env: {}, store, profile: "online-Cust999" });
    expect(chosen).toMatchObject({ source: "profile", profile: "online-Cust999", apiBase: "https://sod2.superoffice.com/Cust999/api/" });
    expect(await chosen.authorizationHeaders()).toEqual({ Authorization: "Bearer two" });
    await expect(resolveCredentials({ env: {}, store })).rejects.toThrow("several sign-ins are stored (online-Cust999, sod-Cust12345): choose a profile");
    await store.delete("online-Cust999");
    expect((await resolveCredentials({ env: {}, store })).profile).toBe("sod-Cust12345");
  });

  it("is not signed in without one", async () => {
    const store = new MemoryTokenStore();
    await expect(resolveCredentials({ env: {}, store })).rejects.toThrow(NotSignedInError);
    await expect(resolveCredentials({ env: {}, store })).rejects.toThrow(/^not signed in: run crmscript login$/);
    await expect(resolveCredentials({ env: {}, store, profile: "sod-Cust1" })).rejects.toThrow(
      'not signed in: run crmscript login (profile "sod-Cust1": no sign-in stored)',
    );
  });

  describe("end to end with the credentials file", () => {
    let server: TestOidcServer | undefined;
    let root: string | undefined;
    afterEach(async () => {
      await server?.close();
      if (root !== undefined) rmSync(root, { recursive: true, force: true });
    });

    it("signs in, renews a token about to expire and saves it to the file", async () => {
      server = await startOidcServer({ tenantApiBase: "https://sod2.superoffice.com/Cust12345/api/", accessTokenTtl: 45 });
      root = mkdtempSync(join(tmpdir(), "crmscript-credentials-"));
      const store = new FileTokenStore(join(root, "crmscript", "credentials.json"));
      const { profile, signIn } = await login({
        store,
        profile: "sod-Cust12345",
        discoveryUrl: server.discoveryUrl,
        clientId: server.clientId,
        openBrowser: new TestBrowser(server).open,
      });
      const credentials = await resolveCredentials({ env: {}, store: new FileTokenStore(store.path), profile });
      const headers = await credentials.authorizationHeaders();
      expect(headers.Authorization).not.toBe(`Bearer ${signIn.accessToken}`);
      const saved = JSON.parse(readFileSync(store.path, "utf8")).profiles[profile];
      expect(`Bearer ${saved.accessToken}`).toBe(headers.Authorization);
      expect(saved.refreshToken).not.toBe(signIn.refreshToken);
    });
  });
});

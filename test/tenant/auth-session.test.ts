/**
 * Renewing a stored sign-in against the local SuperId stand-in: no renewal
 * while the token has more than a minute left, a renewal (with the rotated
 * refresh token saved) within the last minute, one renewal for concurrent
 * callers, renewals made by another process picked up from the store, and
 * a refused renewal surfacing as "sign in again".
 */
import { afterEach, describe, expect, it } from "vitest";
import { AuthError, login, MemoryTokenStore, NotSignedInError, SignInAgainError, SuperIdSession, type TokenStore } from "../../server/tenant/auth/index.js";
import { startOidcServer, TestBrowser, type TestOidcServer, type TestOidcServerOptions } from "../support/oidc-server.js";

const TENANT_API = "https://sod2.superoffice.com/Cust12345/api/";
const PROFILE = "sod-Cust12345";
let server: TestOidcServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A clock the test moves by hand. */
function clock(start = Date.now()): { now: () => number; set: (value: number) => void } {
  let time = start;
  return { now: () => time, set: (value) => (time = value) };
}

async function signedIn(options: Partial<TestOidcServerOptions> & { now?: () => number; clientSecret?: string } = {}) {
  server = await startOidcServer({ tenantApiBase: TENANT_API, ...options });
  const store = new MemoryTokenStore();
  const op = server;
  const { signIn } = await login({
    store,
    profile: PROFILE,
    discoveryUrl: op.discoveryUrl,
    clientId: op.clientId,
    clientSecret: options.clientSecret,
    openBrowser: new TestBrowser(op).open,
    now: options.now,
  });
  return { op, store, signIn };
}

describe("SuperIdSession", () => {
  it("uses the stored token while more than a minute is left, and renews it within the last minute", async () => {
    const time = clock();
    const { op, store, signIn } = await signedIn({ now: time.now });
    const session = await SuperIdSession.open({ store, profile: PROFILE, now: time.now });
    expect(session.apiBase).toBe(TENANT_API);
    expect(session.identity).toMatchObject({ tenantId: "Cust12345", upn: "alice", isAdministrator: true });

    time.set(signIn.expiresAt - 61_000);
    expect(await session.getAccessToken()).toBe(signIn.accessToken);
    expect(op.grants).toEqual(["authorization_code"]);

    time.set(signIn.expiresAt - 59_000);
    const renewed = await session.getAccessToken();
    expect(renewed).not.toBe(signIn.accessToken);
    expect(op.grants).toEqual(["authorization_code", "refresh_token"]);
    expect(await session.authorizationHeaders()).toEqual({ Authorization: `Bearer ${renewed}` });

    // The renewed and rotated tokens are saved; the tenant is still known.
    const stored = await store.get(PROFILE);
    expect(stored?.accessToken).toBe(renewed);
    expect(stored?.refreshToken).toBeDefined();
    expect(stored?.refreshToken).not.toBe(signIn.refreshToken);
    expect(stored?.expiresAt).toBe(signIn.expiresAt - 59_000 + 3600 * 1000);
    expect(stored).toMatchObject({ apiBase: TENANT_API, tenantId: "Cust12345", signedInAt: signIn.signedInAt });
    expect(op.grants.length).toBe(2);
  });

  it("renews at once when the provider issues tokens that live less than a minute", async () => {
    const { op, store, signIn } = await signedIn({ accessTokenTtl: 30 });
    expect(signIn.expiresAt - Date.now()).toBeLessThanOrEqual(30_000);
    const session = await SuperIdSession.open({ store, profile: PROFILE });
    expect(await session.getAccessToken()).not.toBe(signIn.accessToken);
    expect(op.grants).toEqual(["authorization_code", "refresh_token"]);
  });

  it("renews once for callers that ask at the same time", async () => {
    const time = clock();
    const { op, store, signIn } = await signedIn({ now: time.now });
    const session = await SuperIdSession.open({ store, profile: PROFILE, now: time.now });
    time.set(signIn.expiresAt);
    const tokens = await Promise.all([session.getAccessToken(), session.getAccessToken(), session.getAccessToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(op.grants.filter((grant) => grant === "refresh_token")).toHaveLength(1);
  });

  it("takes a renewal another process made from the store instead of renewing (and reusing a rotated refresh token)", async () => {
    const time = clock();
    const { op, store, signIn } = await signedIn({ now: time.now });
    const first = await SuperIdSession.open({ store, profile: PROFILE, now: time.now });
    const second = await SuperIdSession.open({ store, profile: PROFILE, now: time.now });
    time.set(signIn.expiresAt - 1000);
    const renewed = await first.getAccessToken();
    expect(await second.getAccessToken()).toBe(renewed);
    expect(op.grants.filter((grant) => grant === "refresh_token")).toHaveLength(1);
    expect(op.grantErrors).toEqual([]);
  });

  it("says to sign in again when the provider refuses the refresh token", async () => {
    const time = clock();
    const { op, store, signIn } = await signedIn({ now: time.now });
    await op.revokeRefreshToken(signIn.refreshToken as string);
    const session = await SuperIdSession.open({ store, profile: PROFILE, now: time.now });
    time.set(signIn.expiresAt);
    const attempt = session.getAccessToken();
    await expect(attempt).rejects.toThrow(SignInAgainError);
    await expect(attempt).rejects.toThrow(`the sign-in of profile "${PROFILE}" has expired or was revoked (invalid_grant`);
    await expect(attempt).rejects.toThrow(/sign in again with crmscript login$/);
    expect(op.grantErrors).toContain("invalid_grant");
  });

  it("says to sign in again when no refresh token is stored", async () => {
    const store = new MemoryTokenStore();
    await store.set(PROFILE, {
      kind: "superid",
      discoveryUrl: "https://sod.superoffice.com/login/.well-known/openid-configuration",
      clientId: "c",
      apiBase: TENANT_API,
      tenantId: "Cust12345",
      subject: "alice",
      accessToken: "old",
      expiresAt: 0,
      signedInAt: 0,
    });
    const session = await SuperIdSession.open({ store, profile: PROFILE });
    await expect(session.getAccessToken()).rejects.toThrow(/no refresh token is stored\): sign in again/);
  });

  it("reports an unreachable provider as such, not as a lost sign-in", async () => {
    const time = clock();
    const { op, store, signIn } = await signedIn({ now: time.now });
    await op.close();
    const session = await SuperIdSession.open({ store, profile: PROFILE, now: time.now });
    time.set(signIn.expiresAt);
    const attempt = session.getAccessToken();
    await expect(attempt).rejects.toThrow(AuthError);
    await expect(attempt).rejects.not.toThrow(SignInAgainError);
    await expect(attempt).rejects.toThrow(/cannot read the sign-in service's discovery document/);
  });

  it("renews the sign-in of a confidential application with its secret", async () => {
    const time = clock();
    const { op, store, signIn } = await signedIn({ now: time.now, clientSecret: "s3cret" });
    time.set(signIn.expiresAt);
    const withSecret = await SuperIdSession.open({ store, profile: PROFILE, now: time.now, clientSecret: "s3cret" });
    expect(await withSecret.getAccessToken()).not.toBe(signIn.accessToken);
    expect(op.grants).toEqual(["authorization_code", "refresh_token"]);
  });

  it("is not signed in without a stored profile, nor after logging out elsewhere", async () => {
    const store: TokenStore = new MemoryTokenStore();
    await expect(SuperIdSession.open({ store, profile: PROFILE })).rejects.toThrow(NotSignedInError);
    await expect(SuperIdSession.open({ store, profile: PROFILE })).rejects.toThrow(/^not signed in: run crmscript login/);

    const time = clock();
    const signed = await signedIn({ now: time.now });
    const session = await SuperIdSession.open({ store: signed.store, profile: PROFILE, now: time.now });
    await signed.store.delete(PROFILE);
    time.set(signed.signIn.expiresAt);
    await expect(session.getAccessToken()).rejects.toThrow(/not signed in: run crmscript login \(profile "sod-Cust12345": its sign-in was removed\)/);
  });
});

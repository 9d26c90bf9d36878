/**
 * The browser sign-in end to end against a local OpenID provider laid out
 * like SuperId: PKCE through the loopback redirect, the page the browser is
 * shown, the listener closing, the SuperOffice claims read, `state` checked,
 * refusals and missing claims reported, and `login` saving the profile.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MemoryTokenStore, login, SignInError, signIn } from "../../server/tenant/auth/index.js";
import { startOidcServer, TestBrowser, type TestOidcServer, type TestOidcServerOptions } from "../support/oidc-server.js";

const TENANT_API = "https://sod2.superoffice.com/Cust12345/api/";
let server: TestOidcServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<TestOidcServerOptions> = {}): Promise<TestOidcServer> {
  server = await startOidcServer({ tenantApiBase: TENANT_API, ...options });
  return server;
}

/** Whether anything still listens at the URL's port. */
async function listening(url: URL): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

describe("signIn", () => {
  it("signs in with the code flow and PKCE through the loopback redirect and reads the SuperOffice claims", async () => {
    const op = await start();
    const browser = new TestBrowser(op);
    const signedIn = await signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, openBrowser: browser.open, now: () => 1_000_000 });

    expect(signedIn).toMatchObject({
      kind: "superid",
      discoveryUrl: op.discoveryUrl,
      clientId: op.clientId,
      apiBase: TENANT_API,
      tenantId: "Cust12345",
      subject: "alice",
      upn: "alice",
      email: "alice@example.com",
      isAdministrator: true,
      expiresAt: 1_000_000 + 3600 * 1000,
      signedInAt: 1_000_000,
    });
    expect(signedIn.accessToken).toMatch(/\S{20,}/);
    expect(signedIn.refreshToken).toMatch(/\S{20,}/);
    expect(op.grants).toEqual(["authorization_code"]);

    // The authorization request: code flow, PKCE S256, openid only, the loopback redirect.
    const request = op.authorizationRequests[0] as URLSearchParams;
    expect(request.get("response_type")).toBe("code");
    expect(request.get("scope")).toBe("openid");
    expect(request.get("code_challenge_method")).toBe("S256");
    expect(request.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.get("state")).toMatch(/\S{20,}/);
    expect(request.get("redirect_uri")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(request.get("acr_values")).toBeNull();

    // The browser was answered with a page it may close, and nothing listens any more.
    await browser.done;
    const page = browser.lastVisit;
    expect(page?.url.startsWith(request.get("redirect_uri") as string)).toBe(true);
    expect(page?.status).toBe(200);
    expect(page?.body).toContain("You can close this window");
    expect(await listening(browser.callbackUrl as URL)).toBe(false);
  });

  it("sends acr_values=tenant:… and login_hint when asked", async () => {
    const op = await start();
    const browser = new TestBrowser(op);
    await signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, openBrowser: browser.open, tenant: "Cust12345", loginHint: "alice" });
    expect(op.authorizationRequests[0]?.get("acr_values")).toBe("tenant:Cust12345");
    expect(op.authorizationRequests[0]?.get("login_hint")).toBe("alice");
  });

  it("works with SuperId's real layout: the issuer is the origin, the discovery document is under /login", async () => {
    const op = await start({ issuerAtOrigin: true });
    expect(op.issuer).toBe(op.origin);
    const signedIn = await signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, openBrowser: new TestBrowser(op).open });
    expect(signedIn.apiBase).toBe(TENANT_API);
  });

  it("signs in a confidential application with its client secret", async () => {
    const op = await start({ clientSecret: "s3cret" });
    const signedIn = await signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, clientSecret: "s3cret", openBrowser: new TestBrowser(op).open });
    expect(signedIn.tenantId).toBe("Cust12345");
    await expect(
      signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, clientSecret: "wrong", openBrowser: new TestBrowser(op).open }),
    ).rejects.toThrow(/did not accept the sign-in: invalid_client/);
  });

  it("refuses an answer whose state does not match, tells the browser, and stops listening", async () => {
    const op = await start();
    const browser = new TestBrowser(op, {
      beforeCallback: (url) => {
        const tampered = new URL(url);
        tampered.searchParams.set("state", "forged");
        return tampered;
      },
    });
    const attempt = signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, openBrowser: browser.open });
    await expect(attempt).rejects.toThrow(SignInError);
    await expect(attempt).rejects.toThrow(/state does not match/);
    await browser.done;
    expect(browser.lastVisit?.status).toBe(400);
    expect(browser.lastVisit?.body).toContain("The sign-in failed");
    expect(op.grants).toEqual([]);
    expect(await listening(browser.callbackUrl as URL)).toBe(false);
  });

  it("reports a refused consent", async () => {
    const op = await start();
    const browser = new TestBrowser(op, { approve: false });
    await expect(signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, openBrowser: browser.open })).rejects.toThrow(
      /answered access_denied \(the user did not approve\)/,
    );
    await browser.done;
    expect(browser.lastVisit?.status).toBe(400);
  });

  it("says so when the id token does not name the tenant's API", async () => {
    const op = await start({ users: [{ username: "alice", password: "secret", claims: { "http://schemes.superoffice.net/identity/webapi_url": undefined } }] });
    await expect(signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, openBrowser: new TestBrowser(op).open })).rejects.toThrow(
      /did not say where the tenant's API is/,
    );
  });

  it("ends the sign-in when the browser cannot be opened, and when nobody comes back in time", async () => {
    const op = await start();
    await expect(
      signIn({
        discoveryUrl: op.discoveryUrl,
        clientId: op.clientId,
        openBrowser: () => {
          throw new Error("no browser here");
        },
      }),
    ).rejects.toThrow(/cannot open the browser: no browser here/);
    await expect(signIn({ discoveryUrl: op.discoveryUrl, clientId: op.clientId, openBrowser: () => {}, timeoutMs: 200 })).rejects.toThrow(
      /no answer from the browser/,
    );
  });

  it("refuses a plain-http sign-in service that is not on this machine, and an unreachable one", async () => {
    await expect(
      signIn({ discoveryUrl: "http://sod.superoffice.com/login/.well-known/openid-configuration", clientId: "x", openBrowser: () => {} }),
    ).rejects.toThrow(/must be reached over https/);
    await expect(signIn({ discoveryUrl: "http://127.0.0.1:9/login/.well-known/openid-configuration", clientId: "x", openBrowser: () => {} })).rejects.toThrow(
      /cannot read the sign-in service's discovery document/,
    );
  });
});

describe("login", () => {
  it("saves the sign-in under {environment}-{tenant}, or the profile given", async () => {
    const op = await start();
    const store = new MemoryTokenStore();
    const first = await login({ store, discoveryUrl: op.discoveryUrl, clientId: op.clientId, openBrowser: new TestBrowser(op).open });
    expect(first.profile).toBe("127.0.0.1-Cust12345");
    const second = await login({
      store,
      profile: "sod-Cust12345",
      discoveryUrl: op.discoveryUrl,
      clientId: op.clientId,
      openBrowser: new TestBrowser(op).open,
    });
    expect(second.profile).toBe("sod-Cust12345");
    expect(await store.profiles()).toEqual(["127.0.0.1-Cust12345", "sod-Cust12345"]);
    expect((await store.get("sod-Cust12345"))?.accessToken).toBe(second.signIn.accessToken);
  });
});

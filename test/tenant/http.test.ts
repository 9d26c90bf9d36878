/**
 * The tenant HTTP client against the fake tenant: how long it waits before
 * a retry (`Retry-After` in seconds or as a date, else doubling backoff),
 * what it never sends twice, the timeout per attempt, the bound on requests
 * in flight, and the errors it turns failures into.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HttpClient, retryAfterMs, TenantError } from "../../server/tenant/http.js";
import { startTenantServer, type TenantServer } from "../support/tenant-server.js";

let server: TenantServer;
let waits: number[];

beforeEach(async () => {
  server = await startTenantServer();
  waits = [];
});

afterEach(async () => {
  await server.close();
  expect(server.contractProblems).toEqual([]);
});

function client(options: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}): HttpClient {
  return new HttpClient({
    apiBase: server.apiBase,
    authorizationHeaders: async () => ({ Authorization: `Bearer ${server.token}` }),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
}

const getScript = { method: "GET", path: "v1/CRMScript/1", idempotent: true } as const;

describe("retries", () => {
  it("waits as long as Retry-After says, else backs off doubling, and gives up after the attempts", async () => {
    server.store.seedScripts(1);
    server.failNext({ status: 429, retryAfterSeconds: 7 });
    server.failNext({ status: 503 }, { times: 2 });
    const script = await client({ backoffMs: 100 }).request<{ EjscriptId: number }>(getScript);
    expect(script.EjscriptId).toBe(1);
    expect(waits).toEqual([7000, 200, 400]);
    server.failNext({ status: 503 }, { times: 5 });
    await expect(client({ attempts: 3 }).request(getScript)).rejects.toMatchObject({ kind: "http", status: 503 });
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(retryAfterMs("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it("never sends a request that is not safe to repeat again after a dropped connection", async () => {
    server.failNext({ dropConnection: true, afterHandling: true });
    const creating = client().request({ method: "POST", path: "v1/CRMScript", body: { Name: "x", Source: "" }, idempotent: false });
    await expect(creating).rejects.toMatchObject({ kind: "network" });
    expect(server.requests.filter((request) => request.method === "POST")).toHaveLength(1);
    expect(server.store.scripts.size).toBe(1);
  });
});

describe("limits", () => {
  it("gives up on an attempt that takes longer than the timeout", async () => {
    server.store.seedScripts(1);
    server.failNext({ delayMs: 2000 }, { times: 5 });
    const error = await client({ timeoutMs: 100, attempts: 2 })
      .request(getScript)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TenantError);
    expect(error).toMatchObject({ kind: "timeout" });
    expect(waits).toHaveLength(1);
  });

  it("has at most the given number of requests in flight", async () => {
    server.store.seedScripts(12);
    server.failNext({ delayMs: 50 }, { times: 12 });
    let inFlight = 0;
    let most = 0;
    const counting = new HttpClient({
      apiBase: server.apiBase,
      concurrency: 3,
      authorizationHeaders: async () => ({ Authorization: `Bearer ${server.token}` }),
      fetch: async (input, init) => {
        most = Math.max(most, ++inFlight);
        try {
          return await fetch(input, init);
        } finally {
          inFlight--;
        }
      },
    });
    await Promise.all(Array.from({ length: 12 }, (_, index) => counting.request({ method: "GET", path: `v1/CRMScript/${index + 1}`, idempotent: true })));
    expect(most).toBe(3);
  });
});

describe("errors", () => {
  it("says what to do about 401, 403 and 404", async () => {
    server.expireAllTokens();
    await expect(client().request(getScript)).rejects.toMatchObject({ kind: "unauthorized", message: expect.stringContaining("crmscript login") });
    const signedIn = client({ authorizationHeaders: async () => ({ Authorization: `Bearer ${server.issueToken()}` }) });
    await expect(signedIn.request({ ...getScript, path: "v1/CRMScript/404" })).rejects.toMatchObject({ kind: "not-found", status: 404 });
    server.agentDisabled = true;
    await expect(
      signedIn.request({ method: "POST", path: "v1/Agents/CRMScript/ValidateScriptByString", body: { Script: "" }, idempotent: true }),
    ).rejects.toMatchObject({
      kind: "agent-disabled",
    });
  });
});

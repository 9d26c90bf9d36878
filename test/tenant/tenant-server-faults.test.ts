/**
 * Tests of the fake tenant's faults and authentication (`test/support/tenant-server.ts`):
 * 429 with Retry-After, 503, dropped connections (before and after the
 * change is made), slow answers, faults aimed at some requests, 401 without,
 * with an unknown and with an expired token, tickets with an app token, and
 * 403 from a disabled CRMScript agent. Every answer must keep the contract.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CRMScriptEntity } from "../../server/tenant/contract/types.js";
import { startTenantServer, type TenantServer } from "../support/tenant-server.js";

let server: TenantServer;

beforeEach(async () => {
  server = await startTenantServer();
  server.store.seedScripts(3);
});

afterEach(async () => {
  await server.close();
  expect(server.contractProblems).toEqual([]);
});

describe("faults", () => {
  it("answers 429 with Retry-After, the given number of times, then normally", async () => {
    server.failNext({ status: 429, retryAfterSeconds: 1 }, { times: 2 });
    const first = await server.fetchJson("GET", "v1/CRMScript/1");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.body).toMatchObject({ ErrorType: "TooManyRequests" });
    expect((await server.fetchJson("GET", "v1/CRMScript/1")).status).toBe(429);
    expect((await server.fetchJson("GET", "v1/CRMScript/1")).status).toBe(200);
    expect(server.requests.map((request) => request.status)).toEqual([429, 429, 200]);
  });

  it("answers 503 without making the change", async () => {
    server.failNext({ status: 503 });
    const answer = await server.fetchJson("PUT", "v1/CRMScript/1", { body: { Source: "changed" } });
    expect(answer.status).toBe(503);
    expect(server.store.getScript(1)?.Source).not.toBe("changed");
  });

  it("drops the connection before handling: the request fails and nothing changes", async () => {
    server.failNext({ dropConnection: true });
    await expect(server.fetchJson("PUT", "v1/CRMScript/1", { body: { Source: "changed" } })).rejects.toThrow();
    expect(server.store.getScript(1)?.Source).not.toBe("changed");
    expect(server.requests[0]?.status).toBeUndefined();
    expect((await server.fetchJson("GET", "v1/CRMScript/1")).status).toBe(200);
  });

  it("drops the connection after handling: the change is made, the answer lost", async () => {
    const before = server.store.getScript(1)?.Updated;
    server.failNext({ dropConnection: true, afterHandling: true });
    await expect(server.fetchJson("PUT", "v1/CRMScript/1", { body: { Source: "changed" } })).rejects.toThrow();
    expect(server.store.getScript(1)).toMatchObject({ Source: "changed" });
    expect(server.store.getScript(1)?.Updated).not.toBe(before);
  });

  it("answers slowly, and survives a client that gives up waiting", async () => {
    server.failNext({ delayMs: 300 });
    const started = Date.now();
    expect((await server.fetchJson("GET", "v1/CRMScript/1")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);

    server.failNext({ delayMs: 300 });
    await expect(server.fetchJson("GET", "v1/CRMScript/2", { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await server.fetchJson("GET", "v1/CRMScript/3")).status).toBe(200);
  });

  it("aims a fault at the requests it matches only", async () => {
    server.failNext({ status: 503 }, { match: { method: "PUT" } });
    server.failNext({ status: 500 }, { match: { path: /\/CRMScript\/2$/ } });
    server.failNext({ status: 502 }, { match: (request) => request.operationId === "v1CRMScriptAgent_ValidateScriptByString" });
    expect((await server.fetchJson("GET", "v1/CRMScript/1")).status).toBe(200);
    expect((await server.fetchJson("GET", "v1/CRMScript/2")).status).toBe(500);
    expect((await server.fetchJson("PUT", "v1/CRMScript/1", { body: { Source: "x" } })).status).toBe(503);
    expect((await server.fetchJson("PUT", "v1/CRMScript/1", { body: { Source: "x" } })).status).toBe(200);
    expect((await server.fetchJson("POST", "v1/Agents/CRMScript/ValidateScriptByString", { body: { Script: "" } })).status).toBe(502);
  });

  it("answers 500 instead of a response that breaks the contract, and records the problem", async () => {
    server.failNext({ status: 200, body: { EjscriptId: "twelve", Updated: "yesterday" } }, { match: { method: "GET" } });
    const answer = await server.fetchJson("GET", "v1/CRMScript/1");
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ ErrorType: "ContractViolation" });
    const problems = server.takeContractProblems();
    expect(problems).toEqual([
      expect.stringMatching(/^response: .*body\/EjscriptId must be integer/),
      expect.stringMatching(/^response: .*body\/Updated must have the format date-time/),
    ]);
  });
});

describe("authentication", () => {
  it("answers 401 with WWW-Authenticate without a token and with an unknown one", async () => {
    const none = await server.fetchJson("GET", "v1/CRMScript/1", { token: null });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const unknown = await server.fetchJson("GET", "v1/CRMScript/1", { token: "made-up" });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("answers 401 for an expired token, and accepts a new one", async () => {
    const short = server.issueToken({ expiresAt: Date.now() + 60_000 });
    expect((await server.fetchJson("GET", "v1/CRMScript/1", { token: short })).status).toBe(200);
    server.expireAllTokens();
    const expired = await server.fetchJson("GET", "v1/CRMScript/1", { token: short });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain('error_description="The access token expired"');
    expect((await server.fetchJson("GET", "v1/CRMScript/1")).status).toBe(401);
    server.acceptToken("renewed", { expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await server.fetchJson("GET", "v1/CRMScript/1", { token: "renewed" })).status).toBe(200);
    server.acceptToken("already-old", { expiresAt: Date.now() - 1000 });
    expect((await server.fetchJson("GET", "v1/CRMScript/1", { token: "already-old" })).status).toBe(401);
  });

  it("records the user of the token as the one who updated a script", async () => {
    const other = server.issueToken({ associateId: 42 });
    const answer = await server.fetchJson("PUT", "v1/CRMScript/1", { token: other, body: { Source: "x" } });
    expect((answer.body as CRMScriptEntity).UpdatedAssociateId).toBe(42);
  });

  it("accepts a ticket with the application token, and nothing less", async () => {
    server.acceptTicket("7T:abc");
    const ticket = { Authorization: "SOTicket 7T:abc", "SO-AppToken": server.appToken };
    expect((await server.fetchJson("GET", "v1/CRMScript/1", { token: null, headers: ticket })).status).toBe(200);
    const withoutAppToken = await server.fetchJson("GET", "v1/CRMScript/1", { token: null, headers: { Authorization: "SOTicket 7T:abc" } });
    expect(withoutAppToken.status).toBe(401);
    expect(withoutAppToken.headers.get("www-authenticate")).toMatch(/^SOTicket /);
    const unknownTicket = await server.fetchJson("GET", "v1/CRMScript/1", { token: null, headers: { ...ticket, Authorization: "SOTicket 7T:zzz" } });
    expect(unknownTicket.status).toBe(401);
  });

  it("answers 403 from a disabled CRMScript agent, saying so, while the entities still work", async () => {
    server.agentDisabled = true;
    const answer = await server.fetchJson("POST", "v1/Agents/CRMScript/ValidateScriptByString", { body: { Script: "" } });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ Error: expect.stringContaining("CRMScript agent is not enabled") });
    expect((await server.fetchJson("GET", "v1/CRMScript/1")).status).toBe(200);
    server.agentDisabled = false;
    expect((await server.fetchJson("POST", "v1/Agents/CRMScript/ValidateScriptByString", { body: { Script: "" } })).status).toBe(200);
  });

  it("answers 404 for another tenant", async () => {
    const response = await fetch(`${server.origin}/Cust99999/api/v1/CRMScript/1`, { headers: server.authHeaders() });
    expect(response.status).toBe(404);
  });
});

/**
 * The loopback redirect listener on its own: where it listens, what it
 * answers the browser, how it checks `state` and reports errors, and that it
 * stops listening after an answer, a timeout, a cancellation or `close`.
 */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { SignInError, startLoopbackListener } from "../../server/tenant/auth/index.js";

async function get(url: string): Promise<{ status: number; body: string; type: string | null }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text(), type: response.headers.get("content-type") };
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch (error) {
    return String((error as Error).cause).includes("ECONNREFUSED");
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("startLoopbackListener", () => {
  it("listens on 127.0.0.1 on a port of the system's choosing, answers the browser and closes", async () => {
    const listener = await startLoopbackListener({ expectedState: "s1" });
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:(\d+)\/callback$/);
    expect(listener.redirectUri).not.toContain(":0/");

    // Other requests (a favicon, say) are not the answer: the listener keeps waiting.
    expect((await get(new URL("/favicon.ico", listener.redirectUri).href)).status).toBe(404);

    const page = await get(`${listener.redirectUri}?code=abc&state=s1`);
    expect(page.status).toBe(200);
    expect(page.type).toBe("text/html; charset=utf-8");
    expect(page.body).toContain("You can close this window");
    const url = await listener.callback;
    expect(url.searchParams.get("code")).toBe("abc");
    expect(url.href).toBe(`${listener.redirectUri}?code=abc&state=s1`);
    await listener.closed;
    expect(await refused(listener.redirectUri)).toBe(true);
  });

  it("refuses an answer with another state", async () => {
    const listener = await startLoopbackListener({ expectedState: "s1" });
    const page = await get(`${listener.redirectUri}?code=abc&state=other`);
    expect(page.status).toBe(400);
    expect(page.body).toContain("its state does not match");
    await expect(listener.callback).rejects.toThrow(SignInError);
    await listener.closed;
  });

  it("reports the provider's error, escaped in the page", async () => {
    const listener = await startLoopbackListener({ expectedState: "s1" });
    const page = await get(`${listener.redirectUri}?error=access_denied&error_description=${encodeURIComponent("<b>no</b>")}&state=s1`);
    expect(page.status).toBe(400);
    expect(page.body).toContain("&#60;b&#62;no&#60;/b&#62;");
    expect(page.body).not.toContain("<b>");
    await expect(listener.callback).rejects.toThrow("the sign-in service answered access_denied (<b>no</b>)");
  });

  it("refuses an answer without a code", async () => {
    const listener = await startLoopbackListener({ expectedState: "s1" });
    expect((await get(`${listener.redirectUri}?state=s1`)).status).toBe(400);
    await expect(listener.callback).rejects.toThrow("the answer holds no authorization code");
  });

  it("listens on a fixed port and path when asked, and says so when the port is taken", async () => {
    const port = await freePort();
    const listener = await startLoopbackListener({ expectedState: "s", port, path: "/auth/done" });
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${port}/auth/done`);
    await expect(startLoopbackListener({ expectedState: "s", port })).rejects.toThrow(/cannot listen for the sign-in answer on 127\.0\.0\.1:\d+/);
    listener.close();
    await expect(listener.callback).rejects.toThrow("the sign-in was stopped");
    await listener.closed;
  });

  it("gives up after the timeout, and when cancelled", async () => {
    const slow = await startLoopbackListener({ expectedState: "s", timeoutMs: 50 });
    await expect(slow.callback).rejects.toThrow(/no answer from the browser/);
    await slow.closed;
    expect(await refused(slow.redirectUri)).toBe(true);

    const controller = new AbortController();
    const cancelled = await startLoopbackListener({ expectedState: "s", signal: controller.signal });
    controller.abort();
    await expect(cancelled.callback).rejects.toThrow("the sign-in was cancelled");
    await cancelled.closed;
  });
});

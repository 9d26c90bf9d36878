/**
 * A one-shot page on 127.0.0.1 that sends the browser on to another
 * address (303 See Other), for opening a sign-in page served on this
 * machine's loopback address. VS Code in a browser (code-server, remote
 * windows) hands loopback addresses given to `openExternal` to its port
 * proxy, under another origin and path, where the provider's own links and
 * cookies no longer work; the proxy does reach this page, and the browser
 * then goes to the provider's address exactly as it was built. The page
 * answers once, at an unguessable path, and stops listening after that or
 * after a timeout.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface RedirectPage {
  /** `http://127.0.0.1:{port}/{random}`: the address to open. */
  readonly url: string;
  /** Resolves when the browser came (true) or the page stopped waiting (false). */
  readonly visited: Promise<boolean>;
  close(): void;
}

export async function startRedirectPage(target: string, timeoutMs = 5 * 60_000): Promise<RedirectPage> {
  const path = `/${randomBytes(16).toString("hex")}`;
  let resolveVisited!: (visited: boolean) => void;
  const visited = new Promise<boolean>((resolve) => (resolveVisited = resolve));
  const server = createServer((request, response) => {
    if (request.method !== "GET" || new URL(request.url ?? "/", "http://loopback").pathname !== path) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end("Not found");
      return;
    }
    response.writeHead(303, { Location: target, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", Connection: "close" });
    response.end(() => close(true));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
  const timer = setTimeout(() => close(false), timeoutMs);
  function close(came: boolean): void {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    resolveVisited(came);
  }
  return { url: `http://127.0.0.1:${port}${path}`, visited, close: () => close(false) };
}

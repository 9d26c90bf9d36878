/**
 * The loopback redirect of a native sign-in (RFC 8252): a tiny HTTP listener
 * on 127.0.0.1 that waits for the browser to come back to the redirect URI,
 * checks the answer's `state`, shows the browser a short page saying whether
 * it may be closed, and shuts down after the first answer, after a timeout
 * or when cancelled.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SignInError } from "./errors.js";

export interface LoopbackOptions {
  /** The `state` sent with the authorization request; an answer with any other is refused. */
  expectedState: string;
  /** The port to listen on; 0 (the default) lets the system choose a free one. */
  port?: number;
  /** The redirect URI's path; `/callback` by default. */
  path?: string;
  /** How long to wait for the browser; five minutes by default. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LoopbackListener {
  /** `http://127.0.0.1:{port}{path}`: the redirect URI to send with the authorization request. */
  readonly redirectUri: string;
  /** The URL the browser came back to (with `code` and the expected `state`); rejects with a `SignInError` otherwise. */
  readonly callback: Promise<URL>;
  /** Resolves when the listener has stopped listening. */
  readonly closed: Promise<void>;
  /** Stops waiting: `callback` rejects with `reason` (unless it settled already) and the listener shuts down. */
  close(reason?: Error): void;
}

const LOOPBACK_HOST = "127.0.0.1";

/** Starts listening; resolves once the port is open, so the redirect URI is known before the browser is opened. */
export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const path = options.path ?? "/callback";
  if (!path.startsWith("/")) throw new TypeError(`the redirect path must start with "/": ${path}`);
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  let settled = false;
  let resolveCallback!: (url: URL) => void;
  let rejectCallback!: (error: Error) => void;
  const callback = new Promise<URL>((resolve, reject) => {
    resolveCallback = resolve;
    rejectCallback = reject;
  });
  // The caller may be busy opening the browser when a failure arrives; it still sees it when it awaits.
  callback.catch(() => {});

  const server = createServer((request, response) => {
    if (settled) return answer(response, 410, page("Sign-in already finished", "This sign-in has finished. You can close this window."));
    const outcome = judge(request, path, options.expectedState);
    if (outcome.kind === "ignore") return answer(response, outcome.status, page("Not found", "This is not the sign-in answer."));
    finish(outcome.kind === "code" ? undefined : new SignInError(outcome.reason), request);
    const [title, text] =
      outcome.kind === "code"
        ? ["Signed in", "You are signed in. You can close this window and return to the terminal."]
        : ["Sign-in failed", `The sign-in failed: ${outcome.reason}. You can close this window and try again.`];
    answer(response, outcome.kind === "code" ? 200 : 400, page(title, text), () => server.closeAllConnections());
  });
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  server.on("close", () => resolveClosed());

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, LOOPBACK_HOST, () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  } catch (error) {
    throw new SignInError(`cannot listen for the sign-in answer on ${LOOPBACK_HOST}:${options.port ?? 0}: ${(error as Error).message}`, { cause: error });
  }
  const redirectUri = `http://${LOOPBACK_HOST}:${port}${path}`;

  const timer = setTimeout(
    () => finish(new SignInError(`no answer from the browser within ${Math.round(timeoutMs / 1000)} seconds; sign in again`)),
    timeoutMs,
  );
  const onAbort = (): void => finish(new SignInError("the sign-in was cancelled"));
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  function finish(error: Error | undefined, request?: IncomingMessage): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    if (error === undefined && request !== undefined) resolveCallback(new URL(request.url ?? "/", `http://${LOOPBACK_HOST}:${port}`));
    else rejectCallback(error ?? new SignInError("the sign-in was stopped"));
    // Stop accepting at once; the answering socket is closed when its page has been written (Connection: close).
    server.close();
    if (request === undefined) server.closeAllConnections();
  }

  return { redirectUri, callback, closed, close: (reason?: Error) => finish(reason ?? new SignInError("the sign-in was stopped")) };
}

type Outcome = { kind: "ignore"; status: number } | { kind: "code" } | { kind: "failed"; reason: string };

function judge(request: IncomingMessage, path: string, expectedState: string): Outcome {
  const url = new URL(request.url ?? "/", "http://loopback");
  if (url.pathname !== path) return { kind: "ignore", status: 404 };
  if (request.method !== "GET") return { kind: "ignore", status: 405 };
  const params = url.searchParams;
  if (params.get("state") !== expectedState) return { kind: "failed", reason: "the answer does not belong to this sign-in (its state does not match)" };
  const error = params.get("error");
  if (error !== null) {
    const description = params.get("error_description");
    return { kind: "failed", reason: `the sign-in service answered ${error}${description ? ` (${description})` : ""}` };
  }
  if (!params.get("code")) return { kind: "failed", reason: "the answer holds no authorization code" };
  return { kind: "code" };
}

function answer(response: ServerResponse, status: number, html: string, done?: () => void): void {
  response.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    Connection: "close",
  });
  response.end(html, done);
}

function page(title: string, text: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRMScript: ${escapeHtml(title)}</title></head>` +
    `<body style="font-family: sans-serif; margin: 3em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

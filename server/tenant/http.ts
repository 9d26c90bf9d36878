/**
 * HTTP for the tenant client: JSON requests to a tenant's Web API with the
 * sign-in's headers, a timeout per attempt, retries with backoff on 429 and
 * 503 (honouring `Retry-After`) and on dropped connections of requests that
 * are safe to repeat, at most N requests in flight, and errors that say what
 * to do (`TenantError`): sign in again (401), not allowed or the CRMScript
 * agent not enabled for this application (403), network failures with the
 * URL.
 */
import pLimit from "p-limit";

export type TenantErrorKind = "unauthorized" | "forbidden" | "agent-disabled" | "not-found" | "http" | "network" | "timeout" | "invalid-response";

/** A failed request, with a message a person can act on. */
export class TenantError extends Error {
  constructor(
    readonly kind: TenantErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HttpOptions {
  /** The tenant's API base, such as `https://sod.superoffice.com/Cust12345/api/`. */
  readonly apiBase: string;
  /** The headers that authorize a request (asked for before every attempt, so a token can be refreshed). */
  readonly authorizationHeaders: () => Promise<Record<string, string>>;
  /** Per attempt (default 30 s). */
  readonly timeoutMs?: number;
  /** Attempts for a request that may be retried (default 5). */
  readonly attempts?: number;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** The first backoff; it doubles per attempt (default 500 ms). A `Retry-After` wins. */
  readonly backoffMs?: number;
  /** For tests: how to wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: typeof fetch;
}

export interface Request {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Relative to the API base, such as `v1/CRMScript/12`. */
  readonly path: string;
  readonly query?: Record<string, string | number | undefined>;
  readonly body?: unknown;
  /**
   * Whether the request may be sent again when the connection drops (it
   * changes nothing, or sending it twice does what sending it once does).
   * 429 and 503 are always retried: the server did not act on the request.
   */
  readonly idempotent: boolean;
}

const RETRY_STATUSES = new Set([429, 503]);

export class HttpClient {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly base: string;

  constructor(private readonly options: HttpOptions) {
    this.limit = pLimit(options.concurrency ?? 8);
    this.base = options.apiBase.endsWith("/") ? options.apiBase : `${options.apiBase}/`;
  }

  /** The JSON answer of a request (undefined for an empty body), or a `TenantError`. */
  request<T>(request: Request): Promise<T> {
    return this.limit(() => this.attempt<T>(request, 1));
  }

  urlOf(request: Pick<Request, "path" | "query">): string {
    const url = new URL(request.path, this.base);
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  private async attempt<T>(request: Request, attempt: number): Promise<T> {
    const url = this.urlOf(request);
    const attempts = this.options.attempts ?? 5;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: request.method,
        headers: {
          Accept: "application/json",
          ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
          ...(await this.options.authorizationHeaders()),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      if (request.idempotent && attempt < attempts) return this.retry(request, attempt, undefined);
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw timedOut
        ? new TenantError("timeout", `${request.method} ${url} did not answer within ${Math.round((this.options.timeoutMs ?? 30_000) / 1000)} s`)
        : new TenantError("network", `${request.method} ${url} failed: ${reason}`);
    }
    if (RETRY_STATUSES.has(response.status) && attempt < attempts) {
      await response.body?.cancel();
      return this.retry(request, attempt, response.headers.get("retry-after"));
    }
    if (!response.ok) throw await errorOf(request, url, response);
    const text = await response.text();
    if (text === "") return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new TenantError("invalid-response", `${request.method} ${url} answered with something that is not JSON: ${text.slice(0, 120)}`, response.status);
    }
  }

  private async retry<T>(request: Request, attempt: number, retryAfter: string | null | undefined): Promise<T> {
    const backoff = (this.options.backoffMs ?? 500) * 2 ** (attempt - 1);
    await (this.options.sleep ?? delay)(retryAfterMs(retryAfter) ?? backoff);
    return this.attempt<T>(request, attempt + 1);
  }
}

/** `Retry-After` as milliseconds: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function errorOf(request: Request, url: string, response: Response): Promise<TenantError> {
  const body = (await response.text().catch(() => "")).slice(0, 300);
  const what = `${request.method} ${url}`;
  switch (response.status) {
    case 401:
      return new TenantError("unauthorized", `${what}: not signed in or the sign-in expired (401): run crmscript login again`, 401);
    case 403:
      return request.path.includes("Agents/CRMScript")
        ? new TenantError(
            "agent-disabled",
            `${what}: the CRMScript agent is not enabled for this application (403); in SuperOffice Online an application must ask for access to it when it is registered`,
            403,
          )
        : new TenantError("forbidden", `${what}: this user or application may not do this (403)`, 403);
    case 404:
      return new TenantError("not-found", `${what}: not found (404)`, 404);
    default:
      return new TenantError("http", `${what} failed with ${response.status} ${response.statusText}${body === "" ? "" : `: ${body}`}`, response.status);
  }
}

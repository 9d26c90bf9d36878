/**
 * A SuperId stand-in for offline tests: `oidc-provider` (a certified OpenID
 * provider) in-process on 127.0.0.1 with SuperId's endpoint paths (discovery
 * and keys under `/login/.well-known/`, `/login/common/oauth/authorize` and
 * `…/tokens`), PKCE required, one registered native client with a loopback
 * redirect, refresh tokens for the code flow without `offline_access`, and
 * the SuperOffice claims in the id token. Login and consent are HTML forms;
 * `TestBrowser` fills them in like a person would, following redirects with
 * its own cookies, until the provider sends it back to the loopback redirect.
 */
import { generateKeyPairSync, type JsonWebKey, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Adapter, type AdapterPayload, type Configuration } from "oidc-provider";

const MOUNT = "/login";
const CLAIM = "http://schemes.superoffice.net/identity/";

export interface TestUser {
  username: string;
  password: string;
  email?: string;
  /** Claims to add to or replace in this user's id token; `undefined` removes one. */
  claims?: Record<string, unknown>;
}

export interface TestOidcServerOptions {
  /** The tenant API base the id token's `webapi_url` claim names. */
  tenantApiBase: string;
  /** The `ctx` claim; `Cust12345` by default. */
  tenantId?: string;
  clientId?: string;
  /** Registers the client as confidential (`client_secret_post`) with this secret; public (`none`) otherwise. */
  clientSecret?: string;
  /** `alice` with password `secret` by default. */
  users?: TestUser[];
  /** Seconds an access token lives; 3600 by default. */
  accessTokenTtl?: number;
  /** Whether refresh tokens are replaced at each use; true by default. */
  rotateRefreshTokens?: boolean;
  /**
   * The issuer SuperId really has: the origin (`http://127.0.0.1:{port}`), while its endpoints and discovery document
   * are under `/login`. By default the issuer is `http://127.0.0.1:{port}/login`.
   */
  issuerAtOrigin?: boolean;
}

export interface TestOidcServer {
  readonly origin: string;
  readonly issuer: string;
  /** `{origin}/login/.well-known/openid-configuration`. */
  readonly discoveryUrl: string;
  readonly clientId: string;
  readonly provider: Provider;
  /** The query of every authorization request, in order. */
  readonly authorizationRequests: URLSearchParams[];
  /** The grant type of every token request the provider answered with tokens, in order. */
  readonly grants: string[];
  /** The error of every token request the provider refused, in order. */
  readonly grantErrors: string[];
  /** Makes a refresh token unusable, as a revocation or an expiry would. */
  revokeRefreshToken(token: string): Promise<void>;
  close(): Promise<void>;
}

export async function startOidcServer(options: TestOidcServerOptions): Promise<TestOidcServer> {
  const users = options.users ?? [{ username: "alice", password: "secret", email: "alice@example.com" }];
  const clientId = options.clientId ?? "crmscript-test-client";
  let provider: Provider | undefined;
  const authorizationRequests: URLSearchParams[] = [];
  const grants: string[] = [];
  const grantErrors: string[] = [];

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(String(error));
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  const origin = `http://127.0.0.1:${port}`;
  const issuer = options.issuerAtOrigin ? origin : `${origin}${MOUNT}`;

  const superOfficeClaims = (user: TestUser): Record<string, unknown> => {
    const claims: Record<string, unknown> = {
      sub: user.username,
      [`${CLAIM}webapi_url`]: options.tenantApiBase,
      [`${CLAIM}ctx`]: options.tenantId ?? "Cust12345",
      [`${CLAIM}netserver_url`]: `${options.tenantApiBase.replace(/api\/?$/, "")}Remote/Services88/`,
      [`${CLAIM}upn`]: user.username,
      [`${CLAIM}email`]: user.email ?? `${user.username}@example.com`,
      [`${CLAIM}is_administrator`]: "True",
      [`${CLAIM}associateid`]: "5",
    };
    for (const [name, value] of Object.entries(user.claims ?? {})) {
      if (value === undefined) delete claims[name];
      else claims[name] = value;
    }
    return claims;
  };
  const claimNames = [...new Set(users.flatMap((user) => Object.keys(superOfficeClaims(user))))];

  const storage = new Map<string, Stored>();
  const configuration: Configuration = {
    adapter: (model) => memoryAdapter(storage, model),
    clients: [
      {
        client_id: clientId,
        application_type: "native",
        redirect_uris: ["http://127.0.0.1/callback"],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        ...(options.clientSecret === undefined
          ? { token_endpoint_auth_method: "none" }
          : { token_endpoint_auth_method: "client_secret_post", client_secret: options.clientSecret }),
      },
    ],
    jwks: { keys: [signingKey()] },
    routes: {
      authorization: "/common/oauth/authorize",
      token: "/common/oauth/tokens",
      jwks: "/.well-known/jwks",
      revocation: "/common/oauth/revoke",
      userinfo: "/common/oauth/userinfo",
      end_session: "/common/oauth/logout",
    },
    pkce: { required: () => true, methods: ["S256"] },
    scopes: ["openid", "offline_access"],
    claims: { openid: ["sub", ...claimNames.filter((name) => name !== "sub")] },
    // SuperId puts its claims in the id token of the code flow.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const user = users.find((candidate) => candidate.username === sub);
      return user && { accountId: sub, claims: () => ({ sub, ...superOfficeClaims(user) }) };
    },
    // SuperId returns a refresh token for the code flow without offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    rotateRefreshToken: options.rotateRefreshTokens ?? true,
    ttl: { AccessToken: options.accessTokenTtl ?? 3600, IdToken: 3600, RefreshToken: 14 * 24 * 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx, interaction) => `${MOUNT}/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
    cookies: { keys: [randomUUID()] },
  };
  provider = new Provider(issuer, configuration);
  provider.on("grant.success", (ctx) => grants.push(String(ctx.oidc.params?.grant_type)));
  provider.on("grant.error", (_ctx, error) => grantErrors.push(String((error as { error?: string }).error ?? error.message)));
  const handle = provider.callback();

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", origin);
    if (url.pathname.startsWith(`${MOUNT}/interaction/`)) return interaction(request, response, url);
    if (url.pathname !== MOUNT && !url.pathname.startsWith(`${MOUNT}/`)) return void response.writeHead(404).end();
    if (url.pathname === `${MOUNT}/common/oauth/authorize`) authorizationRequests.push(new URLSearchParams(url.search));
    // Mounted as Express would: the provider finds its mount path from originalUrl.
    (request as IncomingMessage & { originalUrl?: string }).originalUrl = request.url;
    request.url = (request.url ?? "/").slice(MOUNT.length) || "/";
    handle(request, response);
  }

  async function interaction(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const op = provider as Provider;
    const [, uid, action] = url.pathname.slice(`${MOUNT}/interaction/`.length).match(/^([^/]+)(?:\/(login|consent))?$/) ?? [];
    if (uid === undefined) return void response.writeHead(404).end();
    const details = await op.interactionDetails(request, response);
    if (request.method === "GET") return form(response, uid, details.prompt.name);
    const body = new URLSearchParams(await readBody(request));
    if (action === "login") {
      const user = users.find((candidate) => candidate.username === body.get("username") && candidate.password === body.get("password"));
      if (user === undefined) return form(response, uid, "login", "Wrong user name or password.");
      return op.interactionFinished(request, response, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
    }
    if (body.get("decision") !== "approve") {
      return op.interactionFinished(request, response, { error: "access_denied", error_description: "the user did not approve" });
    }
    const { prompt, params, session, grantId } = details;
    const grant = grantId ? await op.Grant.find(grantId) : new op.Grant({ accountId: session?.accountId, clientId: String(params.client_id) });
    if (grant === undefined) throw new Error("grant not found");
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await op.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  return {
    origin,
    issuer,
    discoveryUrl: `${origin}${MOUNT}/.well-known/openid-configuration`,
    clientId,
    provider,
    authorizationRequests,
    grants,
    grantErrors,
    async revokeRefreshToken(token) {
      const found = await (provider as Provider).RefreshToken.find(token);
      await found?.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let key: JsonWebKey | undefined;

/** One RSA key for every server of a test file (making one takes a while). */
function signingKey(): JsonWebKey {
  key ??= { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  return key;
}

interface Stored {
  model: string;
  payload: AdapterPayload;
  expiresAt: number | undefined;
}

/** The provider's storage: this server's own map, so that servers share nothing and nothing outlives them. */
function memoryAdapter(storage: Map<string, Stored>, model: string): Adapter {
  const key = (id: string): string => `${model}:${id}`;
  const live = (entry: Stored | undefined): AdapterPayload | undefined =>
    entry !== undefined && (entry.expiresAt === undefined || entry.expiresAt > Date.now()) ? entry.payload : undefined;
  const findBy = (test: (payload: AdapterPayload) => boolean): AdapterPayload | undefined =>
    [...storage.values()].map((entry) => (entry.model === model ? live(entry) : undefined)).find((payload) => payload !== undefined && test(payload));
  return {
    async upsert(id, payload, expiresIn) {
      storage.set(key(id), { model, payload: { ...payload }, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    },
    find: async (id) => live(storage.get(key(id))),
    findByUid: async (uid) => findBy((payload) => payload.uid === uid),
    findByUserCode: async (userCode) => findBy((payload) => payload.userCode === userCode),
    async consume(id) {
      const entry = storage.get(key(id));
      if (entry !== undefined) entry.payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id) {
      storage.delete(key(id));
    },
    async revokeByGrantId(grantId) {
      for (const [name, entry] of storage) if (entry.payload.grantId === grantId) storage.delete(name);
    },
  };
}

function form(response: ServerResponse, uid: string, prompt: string, error?: string): void {
  const fields =
    prompt === "login"
      ? `<input name="username"><input name="password" type="password"><button>Sign in</button>`
      : `<button name="decision" value="approve">Approve</button><button name="decision" value="deny">Deny</button>`;
  const html =
    `<!doctype html><html><body>${error ? `<p class="error">${error}</p>` : ""}` +
    `<form method="post" action="${MOUNT}/interaction/${uid}/${prompt}" data-prompt="${prompt}">${fields}</form></body></html>`;
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}

/** One page the browser loaded. */
export interface BrowserVisit {
  url: string;
  method: string;
  status: number;
  body: string;
}

export interface TestBrowserOptions {
  username?: string;
  password?: string;
  /** Whether to approve the consent page; true by default. */
  approve?: boolean;
  /** Changes the URL the provider sends the browser back to before it is followed (to tamper with `state`, say). */
  beforeCallback?: (url: URL) => URL;
}

/**
 * A scripted browser for `openBrowser`: loads the authorization URL, follows redirects with its own cookies, signs in
 * and consents through the provider's forms, and finally loads the loopback redirect, keeping every page it saw.
 */
export class TestBrowser {
  readonly visits: BrowserVisit[] = [];
  /** The authorization URL it was opened with. */
  authorizationUrl: URL | undefined;
  /** The loopback URL it was sent back to (after `beforeCallback`). */
  callbackUrl: URL | undefined;
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly server: TestOidcServer,
    private readonly options: TestBrowserOptions = {},
  ) {}

  /** Settles when the browser has loaded its last page (`signIn` may finish first: it does not wait for the browser). */
  done: Promise<void> = Promise.resolve();

  /** The opener to give to `signIn`; resolves when the browser has loaded its last page. */
  readonly open = (url: string): Promise<void> => {
    this.done = this.browse(url);
    return this.done;
  };

  private async browse(url: string): Promise<void> {
    this.authorizationUrl = new URL(url);
    let next: { url: URL; method: string; body?: string } = { url: new URL(url), method: "GET" };
    for (let step = 0; step < 20; step++) {
      if (next.url.origin !== this.server.origin) {
        this.callbackUrl = this.options.beforeCallback ? this.options.beforeCallback(next.url) : next.url;
        const response = await fetch(this.callbackUrl, { redirect: "manual" });
        this.visits.push({ url: this.callbackUrl.href, method: "GET", status: response.status, body: await response.text() });
        return;
      }
      const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
      if (next.body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
      const response = await fetch(next.url, { method: next.method, headers, body: next.body, redirect: "manual" });
      this.keepCookies(response);
      const body = await response.text();
      this.visits.push({ url: next.url.href, method: next.method, status: response.status, body });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        next = { url: new URL(location, next.url), method: "GET" };
        continue;
      }
      const form = body.match(/<form method="post" action="([^"]+)" data-prompt="(login|consent)">/);
      if (form === null) return;
      const fields: Record<string, string> =
        form[2] === "login"
          ? { username: this.options.username ?? "alice", password: this.options.password ?? "secret" }
          : { decision: this.options.approve === false ? "deny" : "approve" };
      next = { url: new URL(form[1] as string, next.url), method: "POST", body: new URLSearchParams(fields).toString() };
    }
    throw new Error("the test browser went round in circles");
  }

  /** The last page loaded. */
  get lastVisit(): BrowserVisit | undefined {
    return this.visits.at(-1);
  }

  private keepCookies(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((attribute) => {
        const [key = "", value = ""] = attribute.split("=").map((part) => part.trim());
        return (key.toLowerCase() === "expires" && Date.parse(value) <= Date.now()) || (key.toLowerCase() === "max-age" && Number(value) <= 0);
      });
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }
}

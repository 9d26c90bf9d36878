/**
 * Which credentials a command uses, decided in one place. First the
 * environment (CI, scripts): `SUPEROFFICE_API_URL` with `SUPEROFFICE_TOKEN`
 * (Bearer) or with `SUPEROFFICE_TICKET` + `SUPEROFFICE_APP_TOKEN`
 * (`Authorization: SOTicket …` and `SO-AppToken`) or with
 * `SUPEROFFICE_USER` + `SUPEROFFICE_PASSWORD` (an Onsite user, HTTP Basic);
 * then an Onsite user from configuration; then the profile's stored SuperId
 * sign-in.
 * The answer is the tenant's API base and a function giving the headers of
 * each request, or an error saying what to do.
 */
import { CredentialsError } from "./errors.js";
import { notSignedIn, SuperIdSession } from "./session.js";
import { normalizeApiBase } from "./superid.js";
import type { TokenStore } from "./token-store.js";

/** The environment variables read, by role. */
export const CREDENTIAL_VARIABLES = {
  apiUrl: "SUPEROFFICE_API_URL",
  token: "SUPEROFFICE_TOKEN",
  ticket: "SUPEROFFICE_TICKET",
  appToken: "SUPEROFFICE_APP_TOKEN",
  user: "SUPEROFFICE_USER",
  password: "SUPEROFFICE_PASSWORD",
} as const;

/** An Onsite installation's user, from configuration. */
export interface OnsiteBasicCredentials {
  /** The installation's API base, such as `https://crm.example.com/SuperOffice/api/`. */
  apiBase: string;
  user: string;
  password: string;
}

export interface ResolveCredentialsOptions {
  /** The environment to read (`process.env` in the CLI). */
  env: Readonly<Record<string, string | undefined>>;
  store: TokenStore;
  /** The stored profile to use; when not given and exactly one profile is stored, that one. */
  profile?: string;
  /** An Onsite user from configuration, used when the environment names no credentials. */
  onsite?: OnsiteBasicCredentials;
  /** The application's secret, for renewing a stored sign-in of an application registered with one. */
  clientSecret?: string;
  /** The clock, in milliseconds since 1970; `Date.now` by default. */
  now?: () => number;
}

/** Where the credentials came from. */
export type CredentialSource = "environment-token" | "environment-ticket" | "environment-user" | "onsite" | "profile";

export interface ApiCredentials {
  /** The tenant's API base, ending in `/`. */
  apiBase: string;
  source: CredentialSource;
  /** The stored profile, when the credentials are a stored sign-in. */
  profile?: string;
  /** The headers that authenticate a request (a stored sign-in renews its token first when it is about to expire). */
  authorizationHeaders(): Promise<Record<string, string>>;
}

/**
 * The credentials to call the tenant's API with. Throws `CredentialsError` when the environment or configuration is
 * incomplete or malformed, `NotSignedInError` ("not signed in: run crmscript login") when there are none.
 */
export async function resolveCredentials(options: ResolveCredentialsOptions): Promise<ApiCredentials> {
  const fromEnvironment = environmentCredentials(options.env);
  if (fromEnvironment !== undefined) return fromEnvironment;
  if (options.onsite !== undefined) return onsiteCredentials(options.onsite);
  const profile = options.profile ?? (await onlyProfile(options.store));
  const session = await SuperIdSession.open({ store: options.store, profile, clientSecret: options.clientSecret, now: options.now });
  return { apiBase: session.apiBase, source: "profile", profile, authorizationHeaders: () => session.authorizationHeaders() };
}

/** The credentials the environment names, undefined when it names none; throws `CredentialsError` when they are incomplete. */
export function environmentCredentials(env: Readonly<Record<string, string | undefined>>): ApiCredentials | undefined {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const { apiUrl: apiUrlName, token: tokenName, ticket: ticketName, appToken: appTokenName, user: userName, password: passwordName } = CREDENTIAL_VARIABLES;
  const apiUrl = read(apiUrlName);
  const token = read(tokenName)?.replace(/^Bearer\s+/i, "");
  const ticket = read(ticketName)?.replace(/^SOTicket\s+/i, "");
  const appToken = read(appTokenName);
  const user = read(userName);
  if (apiUrl === undefined && token === undefined && ticket === undefined && user === undefined) {
    if (appToken !== undefined) throw new CredentialsError(`${appTokenName} is set without ${ticketName} and ${apiUrlName}`);
    return undefined;
  }
  const given = [token === undefined ? "" : tokenName, ticket === undefined ? "" : ticketName, user === undefined ? "" : userName].filter(
    (name) => name !== "",
  );
  if (given.length > 1) throw new CredentialsError(`${given.join(" and ")} are set together: set only one`);
  if (apiUrl === undefined) throw new CredentialsError(`${given[0]} is set without ${apiUrlName}, the tenant's API base`);
  const apiBase = checked(() => normalizeApiBase(apiUrl, apiUrlName));
  if (token !== undefined) {
    const headers = { Authorization: `Bearer ${headerValue(token, tokenName)}` };
    return { apiBase, source: "environment-token", authorizationHeaders: async () => ({ ...headers }) };
  }
  if (ticket !== undefined) {
    if (appToken === undefined) throw new CredentialsError(`${ticketName} is set without ${appTokenName} (the application's client secret)`);
    const headers = { Authorization: `SOTicket ${headerValue(ticket, ticketName)}`, "SO-AppToken": headerValue(appToken, appTokenName) };
    return { apiBase, source: "environment-ticket", authorizationHeaders: async () => ({ ...headers }) };
  }
  if (user !== undefined) {
    const password = env[passwordName];
    if (password === undefined) throw new CredentialsError(`${userName} is set without ${passwordName}`);
    return { ...onsiteCredentials({ apiBase, user, password }), source: "environment-user" };
  }
  throw new CredentialsError(`${apiUrlName} is set without ${tokenName}, ${ticketName} with ${appTokenName}, or ${userName} with ${passwordName}`);
}

/** HTTP Basic credentials of an Onsite user. */
export function onsiteCredentials(onsite: OnsiteBasicCredentials): ApiCredentials {
  const apiBase = checked(() => normalizeApiBase(onsite.apiBase, "the Onsite API base"));
  if (onsite.user === "" || onsite.user.includes(":")) throw new CredentialsError("the Onsite user name must be given and must not contain ':'");
  const encoded = Buffer.from(`${onsite.user}:${onsite.password}`, "utf8").toString("base64");
  return { apiBase, source: "onsite", authorizationHeaders: async () => ({ Authorization: `Basic ${encoded}` }) };
}

async function onlyProfile(store: TokenStore): Promise<string> {
  const profiles = await store.profiles();
  if (profiles.length === 1) return profiles[0] as string;
  if (profiles.length === 0) throw notSignedIn(undefined);
  throw new CredentialsError(`several sign-ins are stored (${profiles.join(", ")}): choose a profile`);
}

function headerValue(value: string, name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must not reach a header.
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new CredentialsError(`${name} holds control characters or line breaks`);
  return value;
}

function checked<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new CredentialsError((error as Error).message, { cause: error });
  }
}

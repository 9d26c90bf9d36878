/**
 * SuperId, SuperOffice Online's OpenID provider, as facts: where each
 * environment's discovery document is, the SuperOffice claims of its id
 * token and how they become a `TenantIdentity` (the tenant's API base, its
 * id, the user), profile names, and which URLs may be plain HTTP (loopback
 * only, for tests and local providers).
 */
import { AuthError } from "./errors.js";

/** The SuperOffice Online environments: development, stage (QA) and production. */
export type SuperIdEnvironment = "sod" | "stage" | "online";

export const SUPERID_ENVIRONMENTS: readonly SuperIdEnvironment[] = ["sod", "stage", "online"];

/**
 * The host that signs users in for each environment. Stage signs in at `qaonline` (its tenants' APIs are on
 * `stage.superoffice.com`); SuperOffice warns not to use the numbered hosts (`sod2`, `online2`) for sign-in.
 */
const SIGN_IN_HOSTS: Record<SuperIdEnvironment, string> = { sod: "sod.superoffice.com", stage: "qaonline.superoffice.com", online: "online.superoffice.com" };

/**
 * The discovery document of an environment: `https://{host}/login/.well-known/openid-configuration`. Its `issuer` is
 * `https://{host}` (without `/login`), so the document is fetched by this URL rather than derived from the issuer.
 */
export function superIdDiscoveryUrl(environment: SuperIdEnvironment): string {
  return `https://${SIGN_IN_HOSTS[environment]}/login/.well-known/openid-configuration`;
}

/** The environment a SuperId discovery URL belongs to, if it is one of SuperOffice's. */
export function environmentOfDiscoveryUrl(discoveryUrl: string): SuperIdEnvironment | undefined {
  const host = parseUrl(discoveryUrl)?.hostname.toLowerCase();
  return SUPERID_ENVIRONMENTS.find((environment) => SIGN_IN_HOSTS[environment] === host);
}

/** Access tokens without `expires_in` are taken to last an hour, SuperId's lifetime. */
export const DEFAULT_ACCESS_TOKEN_SECONDS = 3600;

const CLAIM_PREFIX = "http://schemes.superoffice.net/identity/";

/** The SuperOffice claims of SuperId's id token. */
export const SUPEROFFICE_CLAIMS = {
  webApiUrl: `${CLAIM_PREFIX}webapi_url`,
  tenantId: `${CLAIM_PREFIX}ctx`,
  netServerUrl: `${CLAIM_PREFIX}netserver_url`,
  isAdministrator: `${CLAIM_PREFIX}is_administrator`,
  upn: `${CLAIM_PREFIX}upn`,
  email: `${CLAIM_PREFIX}email`,
  associateId: `${CLAIM_PREFIX}associateid`,
} as const;

/** Who signed in, and to which tenant: what the id token says, without the token itself. */
export interface TenantIdentity {
  /** The tenant's API base, ending in `/` (such as `https://sod2.superoffice.com/Cust12345/api/`). */
  apiBase: string;
  /** The tenant (customer) id, such as `Cust12345`. */
  tenantId: string;
  /** The id token's subject. */
  subject: string;
  upn?: string;
  email?: string;
  isAdministrator?: boolean;
}

/** Reads the tenant and the user from an id token's claims; throws when the tenant's API base or id is missing. */
export function identityFromClaims(claims: Record<string, unknown>): TenantIdentity {
  const text = (name: string): string | undefined => {
    const value = claims[name];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const webApiUrl = text(SUPEROFFICE_CLAIMS.webApiUrl);
  if (webApiUrl === undefined) throw new AuthError(`the sign-in did not say where the tenant's API is (no claim ${SUPEROFFICE_CLAIMS.webApiUrl})`);
  const tenantId = text(SUPEROFFICE_CLAIMS.tenantId);
  if (tenantId === undefined) throw new AuthError(`the sign-in did not name the tenant (no claim ${SUPEROFFICE_CLAIMS.tenantId})`);
  const identity: TenantIdentity = { apiBase: normalizeApiBase(webApiUrl, "the claim webapi_url"), tenantId, subject: text("sub") ?? "" };
  const upn = text(SUPEROFFICE_CLAIMS.upn);
  if (upn !== undefined) identity.upn = upn;
  const email = text(SUPEROFFICE_CLAIMS.email);
  if (email !== undefined) identity.email = email;
  const administrator = claims[SUPEROFFICE_CLAIMS.isAdministrator];
  if (typeof administrator === "boolean") identity.isAdministrator = administrator;
  else if (typeof administrator === "string" && /^(true|false)$/i.test(administrator.trim())) identity.isAdministrator = /^true$/i.test(administrator.trim());
  return identity;
}

/**
 * An API base URL checked and spelled one way: absolute, HTTPS (HTTP only on a loopback address), no query or
 * fragment, ending in `/` so that relative paths such as `v1/CRMScript` resolve under it. `what` names its source
 * in the error.
 */
export function normalizeApiBase(value: string, what: string): string {
  const url = parseUrl(value.trim());
  if (url === undefined) throw new AuthError(`${what} is not a URL: ${value}`);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackUrl(url))) {
    throw new AuthError(`${what} must be an https:// URL (plain http only on this machine's loopback address): ${value}`);
  }
  if (url.username !== "" || url.password !== "") throw new AuthError(`${what} must not hold a user name or password: put credentials elsewhere`);
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  return url.href;
}

/** Whether a URL points at this machine by a loopback address (127.0.0.0/8, ::1 or localhost). */
export function isLoopbackUrl(url: URL | string): boolean {
  const parsed = typeof url === "string" ? parseUrl(url) : url;
  if (parsed === undefined) return false;
  const host = parsed.hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** A URL, or undefined when the text is not one (`URL.parse` is missing from early Node 20 releases). */
export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

const PROFILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Whether a profile name is usable: letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export function isValidProfileName(name: string): boolean {
  return PROFILE.test(name);
}

/** The profile name of a sign-in: `{environment}-{tenant}` such as `sod-Cust12345`. */
export function profileName(environment: string, tenantId: string): string {
  const name = `${environment}-${tenantId}`.replace(/[^A-Za-z0-9._-]+/g, "_");
  return isValidProfileName(name) ? name : `profile-${name}`.slice(0, 100);
}

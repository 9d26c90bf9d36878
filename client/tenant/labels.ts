/**
 * How tenants and sign-ins are named in the UI: a tenant by its id (from
 * its API base, `…/Cust12345/api/`), an environment by SuperId's name for
 * it or the provider's host, and a stored sign-in as its user and tenant.
 */
import { environmentOfDiscoveryUrl, type StoredSignIn } from "../../server/tenant/auth/index.js";

/** The tenant id an API base names (`https://sod2.superoffice.com/Cust12345/api/` → `Cust12345`), else its host. */
export function tenantLabel(apiBase: string): string {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    return apiBase;
  }
  const parts = url.pathname.split("/").filter((part) => part !== "");
  const api = parts.lastIndexOf("api");
  const tenant = api > 0 ? parts[api - 1] : parts.at(-1);
  return tenant === undefined || tenant === "" ? url.host : decodeURIComponent(tenant);
}

/** `sod`, `stage` or `online` for SuperId's providers; another provider's host. */
export function environmentLabel(discoveryUrl: string): string {
  const environment = environmentOfDiscoveryUrl(discoveryUrl);
  if (environment !== undefined) return environment;
  try {
    return new URL(discoveryUrl).host;
  } catch {
    return discoveryUrl;
  }
}

/** Who signed in: the user principal name, else the e-mail address, else the subject. */
export function userLabel(signIn: Pick<StoredSignIn, "upn" | "email" | "subject">): string {
  return signIn.upn ?? signIn.email ?? signIn.subject;
}

/** A stored sign-in as the Accounts menu lists it: `alice@example.com (Cust12345, sod)`. */
export function accountLabel(signIn: StoredSignIn): string {
  return `${userLabel(signIn)} (${signIn.tenantId}, ${environmentLabel(signIn.discoveryUrl)})`;
}

/** Whether two API bases name the same tenant (case and trailing slashes aside). */
export function sameApiBase(a: string, b: string): boolean {
  const normalize = (url: string): string => url.replace(/\/+$/, "").toLowerCase();
  return normalize(a) === normalize(b);
}

/**
 * The one place that talks to `openid-client`'s configuration: discovering
 * the provider from its discovery document (or issuer) with the client id
 * and optional secret, allowing plain HTTP only for a provider on this
 * machine's loopback address, and turning its failures into `AuthError`s.
 */
import * as oidc from "openid-client";
import { AuthError } from "./errors.js";
import { isLoopbackUrl, parseUrl } from "./superid.js";

/** The application as registered with the provider; the client id and secret are configuration, never built in. */
export interface OidcClientConfig {
  /** The discovery document (`…/.well-known/openid-configuration`) or the issuer to derive it from. */
  discoveryUrl: string;
  clientId: string;
  /** Only for applications registered with a secret (sent as `client_secret` in the token request). */
  clientSecret?: string;
  /** Seconds before a request to the provider is abandoned; 30 by default. */
  timeoutSeconds?: number;
}

/** Reads the provider's metadata; throws an `AuthError` naming the URL when it cannot. */
export async function discoverProvider(client: OidcClientConfig): Promise<oidc.Configuration> {
  const url = parseUrl(client.discoveryUrl);
  if (url === undefined) throw new AuthError(`the sign-in service's address is not a URL: ${client.discoveryUrl}`);
  const insecure = url.protocol === "http:";
  if (url.protocol !== "https:" && !(insecure && isLoopbackUrl(url))) {
    throw new AuthError(`the sign-in service must be reached over https:// (plain http only on the loopback address): ${client.discoveryUrl}`);
  }
  if (client.clientId.trim() === "") throw new AuthError("no client id: the application's SuperOffice client id is configuration");
  const secret = client.clientSecret !== undefined && client.clientSecret !== "" ? client.clientSecret : undefined;
  try {
    return await oidc.discovery(url, client.clientId, secret, secret === undefined ? oidc.None() : oidc.ClientSecretPost(secret), {
      // Plain HTTP only reaches a provider on this machine's loopback address (tests, local providers).
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: client.timeoutSeconds ?? 30,
    });
  } catch (error) {
    throw new AuthError(`cannot read the sign-in service's discovery document at ${url.href}: ${describeError(error)}`, { cause: error });
  }
}

/** A short description of an `openid-client` or network failure: the OAuth error and its description where there is one. */
export function describeError(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return `${error.error}${error.error_description ? ` (${error.error_description})` : ""}`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * Signing in to SuperOffice Online interactively: the authorization-code
 * flow with PKCE (S256) through a loopback redirect, as SuperOffice asks of
 * native applications. Discovers the provider, listens on 127.0.0.1, opens
 * the browser (the opener is given: the CLI passes a real one, tests a
 * scripted browser), exchanges the code, and reads the tenant and user from
 * the id token. `login` also saves the result under a profile name.
 */
import * as oidc from "openid-client";
import { AuthError, SignInError } from "./errors.js";
import { startLoopbackListener } from "./loopback.js";
import { describeError, discoverProvider, type OidcClientConfig } from "./openid.js";
import { DEFAULT_ACCESS_TOKEN_SECONDS, environmentOfDiscoveryUrl, identityFromClaims, isValidProfileName, parseUrl, profileName } from "./superid.js";
import type { StoredSignIn, TokenStore } from "./token-store.js";

export interface SignInOptions extends OidcClientConfig {
  /** Shows the authorization URL to the user: opens a browser, or prints the URL; a rejection ends the sign-in. */
  openBrowser: (url: string) => void | Promise<void>;
  /** Skips SuperId's tenant choice: sent as `acr_values=tenant:{tenant}`. */
  tenant?: string;
  /** The user name or e-mail address to suggest (`login_hint`). */
  loginHint?: string;
  /** `openid` by default (SuperId returns a refresh token for the code flow without `offline_access`). */
  scope?: string;
  /** The loopback port; 0 (the default) lets the system choose, for applications registered without a fixed port. */
  port?: number;
  /** The redirect URI's path; `/callback` by default. */
  callbackPath?: string;
  /** How long to wait for the user in the browser; five minutes by default. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The clock, in milliseconds since 1970; `Date.now` by default. */
  now?: () => number;
}

/** Signs the user in through the browser and returns the sign-in to store; throws a `SignInError` or `AuthError`. */
export async function signIn(options: SignInOptions): Promise<StoredSignIn> {
  const now = options.now ?? Date.now;
  const config = await discoverProvider(options);
  const state = oidc.randomState();
  const verifier = oidc.randomPKCECodeVerifier();
  const challenge = await oidc.calculatePKCECodeChallenge(verifier);
  const listener = await startLoopbackListener({
    expectedState: state,
    port: options.port,
    path: options.callbackPath,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  try {
    const parameters: Record<string, string> = {
      redirect_uri: listener.redirectUri,
      scope: options.scope ?? "openid",
      response_type: "code",
      state,
      code_challenge: challenge,
      code_challenge_method: "S256",
    };
    if (options.tenant) parameters.acr_values = `tenant:${options.tenant}`;
    if (options.loginHint) parameters.login_hint = options.loginHint;
    const url = oidc.buildAuthorizationUrl(config, parameters);
    // The browser is opened while the listener waits; an opener that fails ends the wait.
    Promise.resolve()
      .then(() => options.openBrowser(url.href))
      .catch((error: unknown) => listener.close(new SignInError(`cannot open the browser: ${describeError(error)}`, { cause: error })));
    const callback = await listener.callback;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, idTokenExpected: true });
    } catch (error) {
      throw new SignInError(`the sign-in service did not accept the sign-in: ${describeError(error)}`, { cause: error });
    }
    const claims = tokens.claims();
    if (claims === undefined) throw new SignInError("the sign-in service returned no id token");
    const identity = identityFromClaims(claims);
    const signedIn: StoredSignIn = {
      kind: "superid",
      discoveryUrl: options.discoveryUrl,
      clientId: options.clientId,
      ...identity,
      accessToken: tokens.access_token,
      expiresAt: now() + (tokens.expires_in ?? DEFAULT_ACCESS_TOKEN_SECONDS) * 1000,
      signedInAt: now(),
    };
    if (tokens.refresh_token !== undefined) signedIn.refreshToken = tokens.refresh_token;
    return signedIn;
  } finally {
    listener.close();
    await listener.closed;
  }
}

export interface LoginOptions extends SignInOptions {
  store: TokenStore;
  /** The profile to save under; by default `{environment}-{tenant}` such as `sod-Cust12345`. */
  profile?: string;
}

/** Signs in and saves the sign-in under its profile, replacing an earlier one of that profile. */
export async function login(options: LoginOptions): Promise<{ profile: string; signIn: StoredSignIn }> {
  if (options.profile !== undefined && !isValidProfileName(options.profile)) throw new AuthError(`not a profile name: "${options.profile}"`);
  const signedIn = await signIn(options);
  const environment = environmentOfDiscoveryUrl(options.discoveryUrl) ?? parseUrl(options.discoveryUrl)?.hostname ?? "superid";
  const profile = options.profile ?? profileName(environment, signedIn.tenantId);
  await options.store.set(profile, signedIn);
  return { profile, signIn: signedIn };
}

/** Forgets a profile's sign-in (its tokens are deleted from the store); false when there was none. */
export async function logout(store: TokenStore, profile: string): Promise<boolean> {
  return store.delete(profile);
}

/**
 * A stored SuperId sign-in in use: `SuperIdSession` yields a valid access
 * token, renewing it with the refresh token (`grant_type=refresh_token`)
 * when it is within a minute of expiring, one renewal at a time, and saves
 * the renewed (and rotated) tokens back to the store. A renewal the provider
 * refuses becomes a `SignInAgainError`; a renewal another process already
 * made is picked up from the store instead of being repeated.
 */
import * as oidc from "openid-client";
import { AuthError, NotSignedInError, SignInAgainError } from "./errors.js";
import { describeError, discoverProvider } from "./openid.js";
import { DEFAULT_ACCESS_TOKEN_SECONDS, identityFromClaims, type TenantIdentity } from "./superid.js";
import type { StoredSignIn, TokenStore } from "./token-store.js";

export interface SessionOptions {
  store: TokenStore;
  profile: string;
  /** The application's secret, for applications registered with one (it is configuration, never stored). */
  clientSecret?: string;
  /** The clock, in milliseconds since 1970; `Date.now` by default. */
  now?: () => number;
  /** How long before expiry a token is renewed; one minute by default. */
  refreshMarginMs?: number;
  /** Seconds before a request to the provider is abandoned; 30 by default. */
  timeoutSeconds?: number;
}

/** The errors of the token endpoint after which only a new sign-in helps. */
const SIGN_IN_AGAIN = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "invalid_scope"]);

/** What a command says to sign in. */
export function notSignedIn(profile: string | undefined, detail?: string): NotSignedInError {
  const about = profile === undefined ? "" : ` (profile "${profile}"${detail ? `: ${detail}` : ""})`;
  return new NotSignedInError(`not signed in: run crmscript login${about}`);
}

export class SuperIdSession {
  private current: StoredSignIn;
  private renewal: Promise<StoredSignIn> | undefined;
  private provider: Promise<oidc.Configuration> | undefined;
  private readonly now: () => number;

  private constructor(
    private readonly options: SessionOptions,
    signIn: StoredSignIn,
  ) {
    this.current = signIn;
    this.now = options.now ?? Date.now;
  }

  /** The session of a stored profile; throws `NotSignedInError` when the store has none. */
  static async open(options: SessionOptions): Promise<SuperIdSession> {
    const signIn = await options.store.get(options.profile);
    if (signIn === undefined) throw notSignedIn(options.profile, "no sign-in stored");
    return new SuperIdSession(options, signIn);
  }

  get profile(): string {
    return this.options.profile;
  }

  /** The tenant's API base, such as `https://sod2.superoffice.com/Cust12345/api/`. */
  get apiBase(): string {
    return this.current.apiBase;
  }

  get identity(): TenantIdentity {
    const { apiBase, tenantId, subject, upn, email, isAdministrator } = this.current;
    return { apiBase, tenantId, subject, upn, email, isAdministrator };
  }

  /** When the current access token expires, in milliseconds since 1970. */
  get expiresAt(): number {
    return this.current.expiresAt;
  }

  /** A valid access token, renewed first when it is within the margin of expiring. */
  async getAccessToken(): Promise<string> {
    if (this.isFresh(this.current)) return this.current.accessToken;
    return (await this.renew(false)).accessToken;
  }

  /** The request headers that authenticate a call to the tenant's API. */
  async authorizationHeaders(): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${await this.getAccessToken()}` };
  }

  /** Renews the access token now, whether or not it is about to expire. */
  async refresh(): Promise<void> {
    await this.renew(true);
  }

  private isFresh(signIn: StoredSignIn): boolean {
    return signIn.expiresAt - this.now() > (this.options.refreshMarginMs ?? 60_000);
  }

  /** One renewal at a time: callers that ask while one is under way share it. */
  private renew(force: boolean): Promise<StoredSignIn> {
    this.renewal ??= this.renewOnce(force).finally(() => (this.renewal = undefined));
    return this.renewal;
  }

  private async renewOnce(force: boolean): Promise<StoredSignIn> {
    const { store, profile } = this.options;
    // The store is the truth: another process may have renewed the tokens (and rotated the refresh token) already.
    const stored = await store.get(profile);
    if (stored === undefined) throw notSignedIn(profile, "its sign-in was removed");
    if (!force && stored.accessToken !== this.current.accessToken && this.isFresh(stored)) return (this.current = stored);
    if (stored.refreshToken === undefined) throw this.signInAgain("no refresh token is stored");
    const provider = (this.provider ??= discoverProvider({
      discoveryUrl: stored.discoveryUrl,
      clientId: stored.clientId,
      clientSecret: this.options.clientSecret,
      timeoutSeconds: this.options.timeoutSeconds,
    }).catch((error: unknown) => {
      this.provider = undefined;
      throw error;
    }));
    let tokens: Awaited<ReturnType<typeof oidc.refreshTokenGrant>>;
    try {
      tokens = await oidc.refreshTokenGrant(await provider, stored.refreshToken);
    } catch (error) {
      if (error instanceof oidc.ResponseBodyError && SIGN_IN_AGAIN.has(error.error)) throw this.signInAgain(describeError(error), error);
      if (error instanceof AuthError) throw error;
      throw new AuthError(`cannot renew the sign-in of profile "${profile}": ${describeError(error)}`, { cause: error });
    }
    const renewed: StoredSignIn = {
      ...stored,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? stored.refreshToken,
      expiresAt: this.now() + (tokens.expires_in ?? DEFAULT_ACCESS_TOKEN_SECONDS) * 1000,
    };
    const claims = tokens.claims();
    if (claims !== undefined) {
      try {
        Object.assign(renewed, identityFromClaims(claims));
      } catch {
        // A renewed id token without the SuperOffice claims leaves the tenant as it was.
      }
    }
    await store.set(profile, renewed);
    this.current = renewed;
    return renewed;
  }

  private signInAgain(reason: string, cause?: unknown): SignInAgainError {
    const profile = this.options.profile;
    return new SignInAgainError(`the sign-in of profile "${profile}" has expired or was revoked (${reason}): sign in again with crmscript login`, { cause });
  }
}

/**
 * How the extension reaches a tenant: through a stored sign-in (a profile),
 * through the environment's credentials (`SUPEROFFICE_API_URL` with a token
 * or ticket), or for a tenant workspace as the CLI decides: the
 * environment's credentials first, else the workspace's profile, else the
 * stored sign-in for the workspace's tenant. A sign-in that reaches another
 * tenant than the workspace's is refused. Each connection carries its
 * `TenantApi`.
 */
import { TenantApi } from "../../server/tenant/api.js";
import {
  type ApiCredentials,
  environmentCredentials,
  NotSignedInError,
  resolveCredentials,
  type StoredSignIn,
  SuperIdSession,
  type TokenStore,
} from "../../server/tenant/auth/index.js";
import type { Workspace } from "../../server/tenant/workspace/state.js";
import { sameApiBase, tenantLabel } from "./labels.js";
import { ENVIRONMENT_CONNECTION } from "./tenant-uri.js";

export interface TenantConnection {
  /** A profile name, or `ENVIRONMENT_CONNECTION`. */
  readonly key: string;
  readonly apiBase: string;
  /** The tenant's id, as shown. */
  readonly label: string;
  readonly api: TenantApi;
}

/** A tenant the tree lists: the environment's, or a stored sign-in's. */
export interface AvailableTenant {
  readonly key: string;
  readonly apiBase: string;
  readonly signIn?: StoredSignIn;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export class TenantConnections {
  constructor(
    readonly store: TokenStore,
    private readonly env: Environment,
  ) {}

  /** The connection a key names; throws `NotSignedInError` when its sign-in is gone. */
  async forKey(key: string): Promise<TenantConnection> {
    if (key === ENVIRONMENT_CONNECTION) {
      const credentials = environmentCredentials(this.env);
      if (credentials === undefined) throw new NotSignedInError("the environment names no SuperOffice credentials any more");
      return connectionOf(key, credentials);
    }
    const session = await SuperIdSession.open({ store: this.store, profile: key });
    return connectionOf(key, { apiBase: session.apiBase, source: "profile", profile: key, authorizationHeaders: () => session.authorizationHeaders() });
  }

  /** The connection of a tenant workspace; throws when there is none, or when it reaches another tenant. */
  async forWorkspace(workspace: Workspace): Promise<TenantConnection> {
    const { apiBase, profile } = workspace.manifest.tenant;
    const chosen = profile ?? (await this.profileFor(apiBase));
    const credentials = await resolveCredentials({ env: this.env, store: this.store, ...(chosen === undefined ? {} : { profile: chosen }) });
    if (!sameApiBase(apiBase, credentials.apiBase)) {
      throw new Error(`this workspace belongs to ${apiBase}, but the sign-in reaches ${credentials.apiBase}`);
    }
    return connectionOf(credentials.profile ?? ENVIRONMENT_CONNECTION, credentials);
  }

  /** The environment's tenant (when it names credentials), then each stored sign-in. */
  async available(): Promise<AvailableTenant[]> {
    const tenants: AvailableTenant[] = [];
    const fromEnvironment = environmentCredentials(this.env);
    if (fromEnvironment !== undefined) tenants.push({ key: ENVIRONMENT_CONNECTION, apiBase: fromEnvironment.apiBase });
    for (const profile of await this.store.profiles()) {
      const signIn = await this.store.get(profile);
      if (signIn !== undefined) tenants.push({ key: profile, apiBase: signIn.apiBase, signIn });
    }
    return tenants;
  }

  /** The stored sign-in for a tenant, when one is. */
  private async profileFor(apiBase: string): Promise<string | undefined> {
    for (const profile of await this.store.profiles()) {
      const signIn = await this.store.get(profile);
      if (signIn !== undefined && sameApiBase(signIn.apiBase, apiBase)) return profile;
    }
    return undefined;
  }
}

function connectionOf(key: string, credentials: ApiCredentials): TenantConnection {
  return {
    key,
    apiBase: credentials.apiBase,
    label: tenantLabel(credentials.apiBase),
    api: new TenantApi({ apiBase: credentials.apiBase, authorizationHeaders: () => credentials.authorizationHeaders() }),
  };
}

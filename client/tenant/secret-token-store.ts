/**
 * The extension's `TokenStore`: sign-ins kept in VS Code's SecretStorage
 * (the system's keychain on the desktop), one secret per profile, and the
 * profile names in one more secret, never in the workspace or in settings.
 * Changes are made one at a time. It needs only get, store and delete, so
 * it is tested without VS Code.
 */
import { AuthError, isValidProfileName } from "../../server/tenant/auth/index.js";
import { isStoredSignIn, type StoredSignIn, type TokenStore } from "../../server/tenant/auth/token-store.js";

/** The part of `vscode.SecretStorage` the store uses. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

const SIGN_IN_KEY = "crmscript.tenant.signIn/";
const PROFILES_KEY = "crmscript.tenant.profiles";

/** Whether a secret's key is one of this store's (to follow changes made by other windows). */
export function isTokenStoreKey(key: string): boolean {
  return key === PROFILES_KEY || key.startsWith(SIGN_IN_KEY);
}

export class SecretTokenStore implements TokenStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly secrets: SecretStore) {}

  async get(profile: string): Promise<StoredSignIn | undefined> {
    checkProfile(profile);
    const text = await this.secrets.get(SIGN_IN_KEY + profile);
    if (text === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return isStoredSignIn(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async set(profile: string, signIn: StoredSignIn): Promise<void> {
    checkProfile(profile);
    if (!isStoredSignIn(signIn)) throw new AuthError(`refusing to store an incomplete sign-in for profile "${profile}"`);
    return this.serialized(async () => {
      await this.secrets.store(SIGN_IN_KEY + profile, JSON.stringify(signIn));
      const names = await this.names();
      if (!names.includes(profile)) await this.secrets.store(PROFILES_KEY, JSON.stringify([...names, profile].sort()));
    });
  }

  async delete(profile: string): Promise<boolean> {
    checkProfile(profile);
    return this.serialized(async () => {
      const existed = (await this.secrets.get(SIGN_IN_KEY + profile)) !== undefined;
      await this.secrets.delete(SIGN_IN_KEY + profile);
      const names = await this.names();
      if (names.includes(profile)) await this.secrets.store(PROFILES_KEY, JSON.stringify(names.filter((name) => name !== profile)));
      return existed;
    });
  }

  async profiles(): Promise<string[]> {
    return (await this.names()).filter(isValidProfileName).sort();
  }

  private async names(): Promise<string[]> {
    const text = await this.secrets.get(PROFILES_KEY);
    if (text === undefined) return [];
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
    } catch {
      return [];
    }
  }

  /** Runs changes one after another, so two sign-ins never lose each other's profile name. */
  private serialized<T>(change: () => Promise<T>): Promise<T> {
    const next = this.queue.then(change, change);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function checkProfile(profile: string): void {
  if (!isValidProfileName(profile)) throw new AuthError(`not a profile name: "${profile}"`);
}

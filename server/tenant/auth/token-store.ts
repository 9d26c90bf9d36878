/**
 * Where sign-ins are kept: the `TokenStore` interface (get, set, delete by
 * profile name; the VS Code extension implements it with SecretStorage), the
 * record it keeps (`StoredSignIn`), an in-memory store, and the CLI's file
 * store in the user's configuration folder, outside any workspace
 * (`$XDG_CONFIG_HOME/crmscript/credentials.json` or `~/.config/crmscript/…`
 * on Linux, `%APPDATA%\crmscript\…` on Windows, `~/Library/Application
 * Support/crmscript/…` on macOS): one JSON file holding every profile,
 * written atomically, the file readable by its owner only (0600) in a folder
 * only its owner may enter (0700).
 */
import { chmodSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { posix, win32 } from "node:path";
import { replaceAtomically } from "../../node/write-source.js";
import { AuthError } from "./errors.js";
import { isValidProfileName, type TenantIdentity } from "./superid.js";

/** A SuperId sign-in as stored: the tenant and user it is for, the tokens, and what is needed to renew them. */
export interface StoredSignIn extends TenantIdentity {
  kind: "superid";
  /** The provider's discovery document, to find its token endpoint when renewing. */
  discoveryUrl: string;
  /** The application the tokens were issued to (renewing needs the same one). */
  clientId: string;
  accessToken: string;
  /** Long-lived: a secret as valuable as a password. */
  refreshToken?: string;
  /** When the access token expires, in milliseconds since 1970. */
  expiresAt: number;
  /** When the user signed in, in milliseconds since 1970. */
  signedInAt: number;
}

/** Sign-ins by profile name (such as `sod-Cust12345`), several tenants side by side. */
export interface TokenStore {
  get(profile: string): Promise<StoredSignIn | undefined>;
  set(profile: string, signIn: StoredSignIn): Promise<void>;
  /** Forgets the profile's sign-in; false when there was none. */
  delete(profile: string): Promise<boolean>;
  /** The names of the stored profiles, sorted. */
  profiles(): Promise<string[]>;
}

/** Whether a value read back from a store is a usable sign-in record. */
export function isStoredSignIn(value: unknown): value is StoredSignIn {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const text = (key: string): boolean => typeof record[key] === "string" && record[key] !== "";
  return (
    record.kind === "superid" &&
    text("discoveryUrl") &&
    text("clientId") &&
    text("apiBase") &&
    text("tenantId") &&
    text("accessToken") &&
    typeof record.subject === "string" &&
    (record.refreshToken === undefined || typeof record.refreshToken === "string") &&
    typeof record.expiresAt === "number" &&
    Number.isFinite(record.expiresAt) &&
    typeof record.signedInAt === "number"
  );
}

function checkProfile(profile: string): void {
  if (!isValidProfileName(profile)) {
    throw new AuthError(`not a profile name: "${profile}" (use letters, digits, ".", "_" and "-", starting with a letter or digit)`);
  }
}

/** A store that forgets everything when the process ends (tests, and hosts that keep tokens elsewhere). */
export class MemoryTokenStore implements TokenStore {
  private readonly entries = new Map<string, StoredSignIn>();

  async get(profile: string): Promise<StoredSignIn | undefined> {
    checkProfile(profile);
    const found = this.entries.get(profile);
    return found === undefined ? undefined : structuredClone(found);
  }

  async set(profile: string, signIn: StoredSignIn): Promise<void> {
    checkProfile(profile);
    this.entries.set(profile, structuredClone(signIn));
  }

  async delete(profile: string): Promise<boolean> {
    checkProfile(profile);
    return this.entries.delete(profile);
  }

  async profiles(): Promise<string[]> {
    return [...this.entries.keys()].sort();
  }
}

/** Where a user's configuration folders are; each defaults to this process's. */
export interface ConfigFolderOptions {
  platform?: NodeJS.Platform;
  env?: Readonly<Record<string, string | undefined>>;
  homedir?: string;
}

/** The tools' folder in the user's configuration folder (not a workspace): see the header for each system. */
export function configFolder(options: ConfigFolderOptions = {}): string {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const home = options.homedir ?? homedir();
  if (platform === "win32") return win32.join(nonEmpty(env.APPDATA) ?? win32.join(home, "AppData", "Roaming"), "crmscript");
  if (platform === "darwin") return posix.join(home, "Library", "Application Support", "crmscript");
  // XDG: a relative XDG_CONFIG_HOME is invalid and ignored.
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  return posix.join(xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(home, ".config"), "crmscript");
}

/** The CLI's credentials file: `credentials.json` in `configFolder`. */
export function credentialsPath(options: ConfigFolderOptions = {}): string {
  const platform = options.platform ?? process.platform;
  return (platform === "win32" ? win32 : posix).join(configFolder(options), "credentials.json");
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

const FILE_VERSION = 1;

/**
 * The CLI's store: one JSON file, `{ "version": 1, "profiles": { name: record } }`. Every change reads the file
 * again, changes one profile and replaces the file atomically (a new file renamed over the old one), so other
 * profiles, and records this version does not understand, are kept as they were.
 */
export class FileTokenStore implements TokenStore {
  /** @param path the credentials file; `credentialsPath()` by default. */
  constructor(
    readonly path: string = credentialsPath(),
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async get(profile: string): Promise<StoredSignIn | undefined> {
    checkProfile(profile);
    const record = this.read().get(profile);
    return isStoredSignIn(record) ? record : undefined;
  }

  async set(profile: string, signIn: StoredSignIn): Promise<void> {
    checkProfile(profile);
    if (!isStoredSignIn(signIn)) throw new AuthError(`refusing to store an incomplete sign-in for profile "${profile}"`);
    const profiles = this.read();
    profiles.set(profile, signIn);
    this.write(profiles);
  }

  async delete(profile: string): Promise<boolean> {
    checkProfile(profile);
    const profiles = this.read();
    if (!profiles.delete(profile)) return false;
    // Nothing left to keep: no file holding secrets stays behind.
    if (profiles.size === 0) rmSync(this.path, { force: true });
    else this.write(profiles);
    return true;
  }

  async profiles(): Promise<string[]> {
    return [...this.read().keys()].filter(isValidProfileName).sort();
  }

  private read(): Map<string, unknown> {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
      throw new AuthError(`cannot read the stored sign-ins in ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new AuthError(`the stored sign-ins in ${this.path} are not JSON: delete the file and sign in again`);
    }
    const profiles = (data as { profiles?: unknown } | null)?.profiles;
    if ((data as { version?: unknown } | null)?.version !== FILE_VERSION || typeof profiles !== "object" || profiles === null) {
      throw new AuthError(`the stored sign-ins in ${this.path} are not in a format this version understands: delete the file and sign in again`);
    }
    return new Map(Object.entries(profiles));
  }

  private write(profiles: Map<string, unknown>): void {
    const windows = this.platform === "win32";
    const folder = (windows ? win32 : posix).dirname(this.path);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      // On Windows the folder inherits the user's profile permissions; elsewhere only the owner may enter it.
      if (!windows) chmodSync(folder, 0o700);
      const sorted = Object.fromEntries([...profiles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const bytes = Buffer.from(`${JSON.stringify({ version: FILE_VERSION, profiles: sorted }, null, 2)}\n`, "utf8");
      replaceAtomically(this.path, bytes, windows ? undefined : 0o600);
    } catch (error) {
      throw new AuthError(`cannot save the sign-in in ${this.path}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/**
 * Where sign-ins are kept: the configuration folder on each system, the
 * credentials file's permissions (0600 in a 0700 folder), its atomic
 * replacement, profiles side by side, logout, and damaged files.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  configFolder,
  credentialsPath,
  FileTokenStore,
  logout,
  MemoryTokenStore,
  profileName,
  type StoredSignIn,
  type TokenStore,
} from "../../server/tenant/auth/index.js";

function signIn(tenantId: string, accessToken = `access-${tenantId}`): StoredSignIn {
  return {
    kind: "superid",
    discoveryUrl: "https://sod.superoffice.com/login/.well-known/openid-configuration",
    clientId: "client",
    apiBase: `https://sod2.superoffice.com/${tenantId}/api/`,
    tenantId,
    subject: "alice",
    upn: "alice",
    accessToken,
    refreshToken: `refresh-${tenantId}`,
    expiresAt: 2_000_000_000_000,
    signedInAt: 1_000_000_000_000,
  };
}

describe("configFolder and credentialsPath", () => {
  it("use XDG_CONFIG_HOME or ~/.config on Linux", () => {
    expect(credentialsPath({ platform: "linux", env: { XDG_CONFIG_HOME: "/xdg" }, homedir: "/home/a" })).toBe("/xdg/crmscript/credentials.json");
    expect(credentialsPath({ platform: "linux", env: {}, homedir: "/home/a" })).toBe("/home/a/.config/crmscript/credentials.json");
    // A relative XDG_CONFIG_HOME is invalid by the specification, an empty one unset.
    expect(configFolder({ platform: "linux", env: { XDG_CONFIG_HOME: "rel" }, homedir: "/home/a" })).toBe("/home/a/.config/crmscript");
    expect(configFolder({ platform: "freebsd", env: { XDG_CONFIG_HOME: " " }, homedir: "/home/a" })).toBe("/home/a/.config/crmscript");
  });

  it("use %APPDATA% on Windows and Application Support on macOS", () => {
    expect(credentialsPath({ platform: "win32", env: { APPDATA: "C:\\Users\\a\\AppData\\Roaming" }, homedir: "C:\\Users\\a" })).toBe(
      "C:\\Users\\a\\AppData\\Roaming\\crmscript\\credentials.json",
    );
    expect(configFolder({ platform: "win32", env: {}, homedir: "C:\\Users\\a" })).toBe("C:\\Users\\a\\AppData\\Roaming\\crmscript");
    expect(credentialsPath({ platform: "darwin", env: { XDG_CONFIG_HOME: "/xdg" }, homedir: "/Users/a" })).toBe(
      "/Users/a/Library/Application Support/crmscript/credentials.json",
    );
  });
});

describe("FileTokenStore", () => {
  let root: string;
  let path: string;
  let store: FileTokenStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "crmscript-store-"));
    path = join(root, "config", "crmscript", "credentials.json");
    store = new FileTokenStore(path);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.skipIf(process.platform === "win32")("creates the file readable by its owner only (0600) in a folder only its owner may enter (0700)", async () => {
    await store.set("sod-Cust12345", signIn("Cust12345"));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, "config", "crmscript")).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === "win32")("tightens a folder and a file that were readable by others", async () => {
    mkdirSync(join(root, "config", "crmscript"), { recursive: true, mode: 0o755 });
    writeFileSync(path, JSON.stringify({ version: 1, profiles: {} }), { mode: 0o644 });
    await store.set("sod-Cust12345", signIn("Cust12345"));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, "config", "crmscript")).mode & 0o777).toBe(0o700);
  });

  it("replaces the file atomically: a reader of the old file sees all of it, and no temporary file is left", async () => {
    await store.set("sod-Cust12345", signIn("Cust12345"));
    const before = readFileSync(path, "utf8");
    const inode = statSync(path).ino;
    const reader = openSync(path, "r");
    try {
      await store.set("sod-Cust67890", signIn("Cust67890"));
      // Written in place, the open file would now hold the new text; renamed over, it still holds the old one whole.
      const buffer = Buffer.alloc(before.length + 100);
      const length = readSync(reader, buffer, 0, buffer.length, 0);
      expect(buffer.subarray(0, length).toString("utf8")).toBe(before);
    } finally {
      closeSync(reader);
    }
    if (process.platform !== "win32") expect(statSync(path).ino).not.toBe(inode);
    expect(readdirSync(join(root, "config", "crmscript"))).toEqual(["credentials.json"]);
    expect(JSON.parse(readFileSync(path, "utf8")).profiles["sod-Cust67890"].tenantId).toBe("Cust67890");
  });

  it("keeps profiles side by side, and a new store reads them back", async () => {
    await store.set("sod-Cust12345", signIn("Cust12345"));
    await store.set("online-Cust999", signIn("Cust999"));
    await store.set("sod-Cust12345", signIn("Cust12345", "newer"));
    const again = new FileTokenStore(path);
    expect(await again.profiles()).toEqual(["online-Cust999", "sod-Cust12345"]);
    expect(await again.get("sod-Cust12345")).toEqual(signIn("Cust12345", "newer"));
    expect(await again.get("online-Cust999")).toEqual(signIn("Cust999"));
    expect(await again.get("stage-Cust1")).toBeUndefined();
  });

  it("logs out one profile, and removes the file with the last one", async () => {
    await store.set("sod-Cust12345", signIn("Cust12345"));
    await store.set("online-Cust999", signIn("Cust999"));
    expect(await logout(store, "sod-Cust12345")).toBe(true);
    expect(await logout(store, "sod-Cust12345")).toBe(false);
    expect(await store.profiles()).toEqual(["online-Cust999"]);
    expect(readFileSync(path, "utf8")).not.toContain("access-Cust12345");
    expect(await logout(store, "online-Cust999")).toBe(true);
    expect(() => statSync(path)).toThrow(/ENOENT/);
    expect(await store.profiles()).toEqual([]);
  });

  it("keeps records it does not understand, and ignores them when asked for a sign-in", async () => {
    mkdirSync(join(root, "config", "crmscript"), { recursive: true });
    writeFileSync(path, JSON.stringify({ version: 1, profiles: { "future-1": { kind: "something-else", x: 1 } } }));
    expect(await store.get("future-1")).toBeUndefined();
    await store.set("sod-Cust12345", signIn("Cust12345"));
    expect(JSON.parse(readFileSync(path, "utf8")).profiles["future-1"]).toEqual({ kind: "something-else", x: 1 });
  });

  it("says what to do with a damaged file, and refuses bad profile names", async () => {
    mkdirSync(join(root, "config", "crmscript"), { recursive: true });
    writeFileSync(path, "{ not json");
    await expect(store.get("sod-Cust12345")).rejects.toThrow(/are not JSON: delete the file and sign in again/);
    writeFileSync(path, JSON.stringify({ version: 7, profiles: {} }));
    await expect(store.profiles()).rejects.toThrow(/not in a format this version understands/);
    await expect(store.set("../escape", signIn("Cust1"))).rejects.toThrow(/not a profile name/);
    await expect(store.get("__proto__")).rejects.toThrow(/not a profile name/);
  });
});

describe("MemoryTokenStore", () => {
  it("behaves like a store and hands out copies", async () => {
    const store: TokenStore = new MemoryTokenStore();
    await store.set("a", signIn("Cust1"));
    const got = await store.get("a");
    if (got !== undefined) got.accessToken = "changed";
    expect((await store.get("a"))?.accessToken).toBe("access-Cust1");
    expect(await store.delete("a")).toBe(true);
    expect(await store.profiles()).toEqual([]);
  });
});

describe("profileName", () => {
  it("is {environment}-{tenant}", () => {
    expect(profileName("sod", "Cust12345")).toBe("sod-Cust12345");
    expect(profileName("127.0.0.1", "Cust 1/2")).toBe("127.0.0.1-Cust_1_2");
  });
});

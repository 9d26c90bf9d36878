/**
 * The language server's code cache store: V8's compiled code of the
 * server's bundle, one file per bundle (named by a hash of its source) and
 * Node (version, architecture, flags), in a folder only this user can write
 * to, so that a later start deserializes the code instead of parsing and
 * compiling it (`launcher.ts` decides what to compile and when to write).
 * Everything here is best effort: a file that is missing, damaged or from
 * another build is only a miss; a folder that cannot be made or written to
 * means no cache. Files are written whole (`replaceAtomically`) and checked with a SHA-1 of their content, since V8 checks only
 * the source's length, its own version and its flags before running the
 * cached code.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { replaceAtomically } from "../node/write-source.js";

/** Names the folder to use instead of the per-user default; empty turns the cache off. */
export const CACHE_FOLDER_VARIABLE = "CRMSCRIPT_LANGUAGE_SERVER_CACHE";
/** Cache files kept in the folder (the newest; more builds or Node versions replace the oldest). */
const KEEP_FILES = 4;
const MAGIC = Buffer.from("CRMSCC02", "latin1");
/** SHA-1: fast enough to check a few megabytes at every start; it guards against damage, not against an attacker. */
const CHECKSUM = "sha1";
const CHECKSUM_LENGTH = 20;
const HEADER_LENGTH = MAGIC.length + CHECKSUM_LENGTH;
/** Temporary files older than this were left by a process that ended while writing. */
const STALE_TEMPORARY_MILLISECONDS = 60 * 60 * 1000;

/** The folder the cache lives in by default: the platform's per-user cache folder, or one of this user's own in the temporary folder. */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const configured = env[CACHE_FOLDER_VARIABLE];
  if (configured !== undefined) return configured === "" ? undefined : configured;
  const home = safeHomedir();
  if (platform === "win32") {
    const local = env.LOCALAPPDATA ?? (home === undefined ? undefined : join(home, "AppData", "Local"));
    return local === undefined ? undefined : join(local, "crmscript", "Cache", "language-server");
  }
  if (platform === "darwin" && home !== undefined) return join(home, "Library", "Caches", "crmscript", "language-server");
  const base = env.XDG_CACHE_HOME || (home === undefined ? undefined : join(home, ".cache"));
  if (base !== undefined) return join(base, "crmscript", "language-server");
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return join(tmpdir(), `crmscript-${uid}`, "language-server");
}

function safeHomedir(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/** What a cache file's name depends on besides the bundle: the Node that compiled it, and the flags it ran with. */
export function runtimeKey(): string {
  const flags = `${process.execArgv.join(" ")}\n${process.env.NODE_OPTIONS ?? ""}`;
  const flagsHash = createHash("sha256").update(flags).digest("hex").slice(0, 8);
  return `${process.version}-${process.arch}-${flagsHash}`;
}

/** The hash of a bundle's source that names its cache files. */
export function sourceKey(source: Buffer): string {
  return createHash(CHECKSUM).update(source).digest("hex");
}

export class CodeCache {
  readonly file: string;

  /** `source` names the bundle (`sourceKey`); `runtime` the Node that compiles it (`runtimeKey()`). */
  constructor(
    readonly folder: string,
    source: string,
    runtime: string = runtimeKey(),
  ) {
    this.file = join(folder, `server-${source.slice(0, 20)}-${runtime}.cache`);
  }

  /** The cached code, if the file is there, whole, and this user's. */
  read(): Buffer | undefined {
    const bytes = readOwnFile(this.file);
    if (bytes === undefined || bytes.length <= HEADER_LENGTH || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const checksum = createHash(CHECKSUM).update(bytes.subarray(HEADER_LENGTH)).digest();
    return checksum.equals(bytes.subarray(MAGIC.length, HEADER_LENGTH)) ? bytes.subarray(HEADER_LENGTH) : undefined;
  }

  /** Writes the file whole or not at all; false when it could not be written. */
  write(cachedData: Buffer): boolean {
    const header = Buffer.alloc(HEADER_LENGTH);
    MAGIC.copy(header);
    createHash(CHECKSUM).update(cachedData).digest().copy(header, MAGIC.length);
    try {
      if (!this.ensureFolder()) return false;
      replaceAtomically(this.file, Buffer.concat([header, cachedData]), 0o600);
    } catch {
      return false;
    }
    this.prune();
    return true;
  }

  /** Makes the folder (only this user may enter it); false when it cannot be made or belongs to someone else. */
  private ensureFolder(): boolean {
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    if (typeof process.getuid !== "function") return true;
    const stats = statSync(this.folder);
    // Not into another user's folder (one planted in a shared temporary folder, say).
    return stats.isDirectory() && stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
  }

  /** Keeps the newest few cache files, and removes temporary files left behind by a process that ended while writing. */
  private prune(): void {
    try {
      const now = Date.now();
      // Cache files are `server-….cache`; `replaceAtomically` writes each through `.server-….tmp` beside it.
      const entries = readdirSync(this.folder)
        .filter((name) => name.startsWith("server-") || (name.startsWith(".server-") && name.endsWith(".tmp")))
        .map((name) => ({ path: join(this.folder, name), modified: statSync(join(this.folder, name)).mtimeMs, temporary: name.endsWith(".tmp") }));
      for (const entry of entries) if (entry.temporary && now - entry.modified > STALE_TEMPORARY_MILLISECONDS) tryUnlink(entry.path);
      const files = entries.filter((entry) => !entry.temporary).sort((a, b) => b.modified - a.modified);
      for (const entry of files.slice(KEEP_FILES)) if (entry.path !== this.file) tryUnlink(entry.path);
    } catch {
      // Another process may be pruning too; what is left is tidied next time.
    }
  }
}

/** The file's bytes if it is there and was written by this user (another user's file could hand this process code to run). */
function readOwnFile(path: string): Buffer | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    const stats = fstatSync(descriptor);
    if (!stats.isFile() || (typeof process.getuid === "function" && stats.uid !== process.getuid())) return undefined;
    return readFileSync(descriptor);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) tryClose(descriptor);
  }
}

function tryClose(descriptor: number): void {
  try {
    closeSync(descriptor);
  } catch {
    // Nothing more to do with it.
  }
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already, or in use (Windows): left for the next prune.
  }
}

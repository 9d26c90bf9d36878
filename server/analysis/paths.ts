/**
 * File paths the same way on every system: a path that names a Windows
 * drive (`C:\scripts`, `c:/Scripts`) or a UNC share (`\\server\share`)
 * follows Windows rules (either separator, letters compared without regard
 * to case), any other path POSIX rules, whichever system the tools run on.
 * Every path the tools keep is in one spelling (`normalizePath`: `\` and
 * an upper-case drive letter on Windows paths), so the same file is one key
 * whether it came from a URI (`file:///c%3A/...`), the command line or an
 * include.
 */
import { posix, win32, type PlatformPath } from "node:path";

const DRIVE = /^[A-Za-z]:(?:[\\/]|$)/;
const UNC = /^\\\\[^\\/]/;

/** Whether a path names a Windows drive or UNC share. */
export function isWindowsPath(path: string): boolean {
  return DRIVE.test(path) || UNC.test(path);
}

/** The rules a path follows. */
export function pathRules(path: string): PlatformPath {
  return isWindowsPath(path) ? win32 : posix;
}

/** The one spelling of a path: `.` and `..` resolved; on Windows paths `\` separators and an upper-case drive letter. */
export function normalizePath(path: string): string {
  if (!isWindowsPath(path)) return posix.normalize(path);
  const normalized = win32.normalize(path);
  return DRIVE.test(normalized) ? `${(normalized[0] as string).toUpperCase()}${normalized.slice(1)}` : normalized;
}

export function dirnameOf(path: string): string {
  return pathRules(path).dirname(path);
}

export function basenameOf(path: string): string {
  return pathRules(path).basename(path);
}

/** `relative` resolved against `base` (a folder), with `base`'s rules; an absolute `relative` stands on its own. */
export function resolvePath(base: string, relative: string): string {
  if (isWindowsPath(relative) || (!isWindowsPath(base) && posix.isAbsolute(relative))) return normalizePath(relative);
  return normalizePath(pathRules(base).resolve(base, relative));
}

export function joinPath(folder: string, name: string): string {
  return normalizePath(pathRules(folder).join(folder, name));
}

/** Whether two paths name the same file (Windows paths compared without regard to case or separator). */
export function samePath(a: string, b: string): boolean {
  if (isWindowsPath(a) !== isWindowsPath(b)) return false;
  const left = normalizePath(a);
  const right = normalizePath(b);
  return isWindowsPath(a) ? left.toLowerCase() === right.toLowerCase() : left === right;
}

/**
 * `path` relative to `folder`, with `/` separators, or undefined when the
 * path is not inside the folder (another folder, another drive, another
 * system's path).
 */
export function relativeInside(folder: string, path: string): string | undefined {
  if (isWindowsPath(folder) !== isWindowsPath(path)) return undefined;
  const rules = pathRules(folder);
  const relative = rules.relative(normalizePath(folder), normalizePath(path)).replace(/\\/g, "/");
  if (relative === "" || relative === ".." || relative.startsWith("../") || rules.isAbsolute(relative) || DRIVE.test(relative)) return undefined;
  return relative;
}

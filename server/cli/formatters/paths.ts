/**
 * How the formatters name a result's file: relative to the working folder
 * (as stylish shows it and GitHub annotations want it), and `<stdin>` for
 * standard input read without `--stdin-filename`.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";

/** The file name of standard input read without `--stdin-filename`. */
export const STDIN_PATH = "<stdin>";

/** `filePath` (absolute, or relative to `cwd`) relative to `cwd`, in the platform's form; `<stdin>` as is. */
export function displayPath(filePath: string, cwd: string): string {
  if (filePath === STDIN_PATH) return filePath;
  return relative(cwd, resolve(cwd, filePath)) || filePath;
}

/** Whether a path from `displayPath` leaves `cwd` (starts with `..`, or is absolute because it is on another drive). */
export function isOutside(shownPath: string): boolean {
  return isAbsolute(shownPath) || shownPath === ".." || shownPath.startsWith(`..${sep}`);
}

/** A displayed path with `/` between its folders, whatever the platform. */
export function forwardSlashes(shownPath: string): string {
  return sep === "/" ? shownPath : shownPath.split(sep).join("/");
}

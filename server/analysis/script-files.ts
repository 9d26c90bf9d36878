/**
 * The one list of file extensions CRMScript is written in (spec §0: `.crm`
 * recommended, `.crmscript`, and the older `.ej`, `.ejscript`, `.crmx`,
 * `.cr`). The CLI's folder search, the include resolver, the language
 * server's index, watcher and include-id completion, and the VS Code
 * manifest all read it, so a script of any of them is found everywhere.
 */
import { extname } from "node:path";

export const SCRIPT_EXTENSIONS = [".crm", ".crmscript", ".ej", ".ejscript", ".crmx", ".cr"] as const;

/** Whether a path names a script (by its extension, in any letter case). */
export function isScriptPath(path: string): boolean {
  return scriptExtensionOf(path) !== undefined;
}

/** The script extension a path ends in, lower case, or undefined. */
export function scriptExtensionOf(path: string): string | undefined {
  const extension = extname(path).toLowerCase();
  return (SCRIPT_EXTENSIONS as readonly string[]).includes(extension) ? extension : undefined;
}

/**
 * The editor settings (section `crmscript` of `workspace/configuration`,
 * the names the VS Code extension contributes) as the lowest configuration
 * layer: the same properties with the same meaning as `.crmscriptrc.json`,
 * read by the same reader; a configuration file found for a script
 * overrides them. Values that make no sense are ignored with a message.
 */
import { readConfig, type ConfigLayer } from "../config/config.js";
import { jsonNodeOf } from "../config/json-document.js";

/** The settings under `crmscript.`; the extension's manifest contributes exactly these (plus `trace.server`). */
export const editorSettingNames = ["targetVersion", "platform", "includePaths", "ignorePatterns", "rules", "reportUnusedSuppressions"] as const;

export type EditorSettings = { readonly [Name in (typeof editorSettingNames)[number]]?: unknown };

/** What a client may send as `initializationOptions`: the settings, and whether to offer statement snippets. */
export type InitializationOptions = EditorSettings & {
  /** False when the client has the snippets of its own; the server then leaves them out of completion. */
  readonly snippets?: unknown;
};

/** The editor settings as a configuration layer; relative folders are relative to the first workspace folder. */
export function editorSettingsLayer(raw: EditorSettings | null | undefined, workspaceRoots: readonly string[], problems: string[]): ConfigLayer {
  const given: Record<string, unknown> = {};
  for (const name of editorSettingNames) {
    const value = raw?.[name];
    // An empty value is VS Code's way of leaving a setting unset.
    if (value !== undefined && value !== null && value !== "") given[name] = value;
  }
  const { layer, problems: found } = readConfig(jsonNodeOf(given), { source: "editor settings", folder: workspaceRoots[0] ?? process.cwd(), kind: "editor" });
  for (const problem of found) problems.push(`crmscript settings: ${problem.message}; it is ignored`);
  return layer;
}

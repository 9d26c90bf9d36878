/**
 * The editor settings (section `crmscript` of `workspace/configuration`,
 * the same names as the VS Code extension contributes) turned into the
 * analysis settings; values that make no sense are ignored with a message.
 */
import { isAbsolute, resolve } from "node:path";
import { isValidVersion, type AnalysisSettings, type RuleSeverity } from "../analysis/settings.js";

/** The settings under `crmscript.`; the extension's manifest contributes exactly these (plus `trace.server`). */
export const editorSettingNames = ["targetVersion", "platform", "includePaths", "rules"] as const;

export type EditorSettings = { readonly [Name in (typeof editorSettingNames)[number]]?: unknown };

/** What a client may send as `initializationOptions`: the settings, and whether to offer statement snippets. */
export type InitializationOptions = EditorSettings & {
  /** False when the client has the snippets of its own; the server then leaves them out of completion. */
  readonly snippets?: unknown;
};

const SEVERITIES: ReadonlySet<string> = new Set(["off", "warning", "error"]);
const SEVERITY_ALIASES: Record<string, RuleSeverity> = { warn: "warning", info: "warning", hint: "warning" };

export function toAnalysisSettings(raw: EditorSettings | null | undefined, workspaceRoots: readonly string[], problems: string[]): AnalysisSettings {
  const settings: { -readonly [K in keyof AnalysisSettings]: AnalysisSettings[K] } = { workspaceRoots };
  const value = raw ?? {};
  if (typeof value.targetVersion === "string" && value.targetVersion.trim() !== "") {
    if (isValidVersion(value.targetVersion)) settings.targetVersion = value.targetVersion.trim();
    else problems.push(`crmscript.targetVersion '${value.targetVersion}' is not a version such as 10.2; it is ignored`);
  }
  if (value.platform === "online" || value.platform === "onsite") settings.platform = value.platform;
  else if (value.platform !== undefined && value.platform !== null && value.platform !== "") problems.push(`crmscript.platform must be 'online' or 'onsite'; '${String(value.platform)}' is ignored`);
  if (Array.isArray(value.includePaths)) {
    // Relative folders are relative to the first workspace folder.
    const base = workspaceRoots[0];
    settings.includePaths = value.includePaths
      .filter((path): path is string => typeof path === "string" && path.trim() !== "")
      .map((path) => (isAbsolute(path) || base === undefined ? path : resolve(base, path)));
  }
  if (typeof value.rules === "object" && value.rules !== null) {
    const rules: Record<string, RuleSeverity> = {};
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      const normalized = typeof severity === "string" ? (SEVERITY_ALIASES[severity] ?? severity) : severity;
      if (typeof normalized === "string" && SEVERITIES.has(normalized)) rules[id] = normalized as RuleSeverity;
      else problems.push(`crmscript.rules.${id} must be 'off', 'warning' or 'error'; it is ignored`);
    }
    settings.rules = rules;
  }
  return settings;
}

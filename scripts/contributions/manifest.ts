/**
 * What the extension's `package.json` contributes: the `crmscript` language
 * and its file extensions, the grammar (with HTML embedded in templates),
 * snippets, the settings (one-to-one with the server's editor settings, one
 * severity setting per lint rule, and the client's trace level), and the
 * commands. Also the activation event, which VS Code does not add by itself.
 */
import { allRules } from "../../server/lint/registry.js";

/** The file extensions CRMScript is written in (spec §0: `.crm` recommended, `.crmscript`, and the older ones). */
export const LANGUAGE_FILE_EXTENSIONS = [".crm", ".crmscript", ".ej", ".ejscript", ".crmx", ".cr"] as const;

export const COMMANDS = {
  "crmscript.restartServer": "Restart Language Server",
  "crmscript.showServerOutput": "Show Language Server Output",
} as const;

const SEVERITY_DESCRIPTIONS = ["Not reported.", "Reported as a warning.", "Reported as an error."];

function ruleSettings(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of allRules) {
    properties[rule.id] = {
      type: "string",
      enum: ["off", "warning", "error"],
      enumDescriptions: SEVERITY_DESCRIPTIONS,
      default: rule.defaultSeverity,
      markdownDescription: `${rule.description} (\`${rule.id}\`, ${rule.group})`,
    };
  }
  return properties;
}

export function manifestContributions(): { activationEvents: string[]; contributes: Record<string, unknown> } {
  return {
    activationEvents: ["onLanguage:crmscript"],
    contributes: {
      languages: [{
        id: "crmscript",
        aliases: ["CRMScript", "crmscript"],
        extensions: [...LANGUAGE_FILE_EXTENSIONS],
        firstLine: "^\\s*(#setLanguageLevel\\b|%EJSCRIPT_START%)",
        configuration: "./client/language-configuration.json",
      }],
      grammars: [{
        language: "crmscript",
        scopeName: "source.crmscript",
        path: "./syntaxes/crmscript.tmLanguage.json",
        embeddedLanguages: { "text.html.basic": "html", "meta.embedded.block.crmscript": "crmscript" },
      }],
      snippets: [{ language: "crmscript", path: "./client/snippets.json" }],
      configuration: {
        title: "CRMScript",
        properties: {
          "crmscript.targetVersion": {
            type: "string",
            default: "",
            pattern: "^(\\d+(\\.\\d+)*(\\s*([Rr]|[Ss][Rr])\\d+)?)?$",
            patternErrorMessage: "A SuperOffice version such as 10.2 or 10.3 R4, or empty.",
            markdownDescription: "The SuperOffice version your scripts must run on, such as `10.2`. Calls to API introduced in a later version are reported. Empty: the newest version, no check.",
          },
          "crmscript.platform": {
            type: "string",
            enum: ["onsite", "online"],
            enumDescriptions: ["An on-site installation: all API is available.", "SuperOffice Online: API that exists only on-site is reported."],
            default: "onsite",
            markdownDescription: "Where your scripts run. With `online`, calls to API that exists only on on-site installations are reported.",
          },
          "crmscript.includePaths": {
            type: "array",
            items: { type: "string" },
            default: [],
            markdownDescription: "Folders searched for the scripts named in `#include \"id\";` (as `id.crm` or `id.crmscript`), after the including script's own folder and the workspace folders. Relative folders are relative to the first workspace folder.",
          },
          "crmscript.rules": {
            type: "object",
            default: {},
            additionalProperties: false,
            properties: ruleSettings(),
            markdownDescription: "The severity of each lint rule: `off`, `warning` or `error`. Rules left out keep their default. Syntax and type errors are always reported.",
          },
          "crmscript.trace.server": {
            type: "string",
            enum: ["off", "messages", "verbose"],
            default: "off",
            scope: "window",
            markdownDescription: "Logs the messages between VS Code and the CRMScript language server in its output channel (for reporting a problem with the server).",
          },
        },
      },
      commands: Object.entries(COMMANDS).map(([command, title]) => ({ command, title, category: "CRMScript" })),
    },
  };
}

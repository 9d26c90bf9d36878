/**
 * What the extension's `package.json` contributes: the `crmscript` language
 * and its file extensions, the grammar (with HTML embedded in templates),
 * snippets, the settings (the configuration file's properties with the
 * same schema, and the client's trace level), the schema of the
 * configuration file, the commands, and the extension as the default
 * formatter of CRMScript with the editor indenting as the formatter does
 * by default, together with what the tenant scripts features
 * contribute (`tenant.ts`). Also the activation events, which VS Code does
 * not add by itself.
 */
import { SCRIPT_EXTENSIONS } from "../../server/analysis/script-files.js";
import { CONFIG_FILE_NAME } from "../../server/config/config.js";
import { CONFIG_SCHEMA_PATH, propertySchema } from "../../server/config/schema.js";
import { defaultFormatOptions } from "../../server/format/index.js";
import { MANIFEST_FILE } from "../../server/tenant/workspace/state.js";
import { editorSettingNames } from "../../server/lsp/settings.js";
import { TENANT_COMMANDS, tenantCommands, tenantContributions, tenantSettings } from "./tenant.js";

/** The file extensions CRMScript is written in: the server's one list. */
export const LANGUAGE_FILE_EXTENSIONS = SCRIPT_EXTENSIONS;

export const COMMANDS = {
  "crmscript.restartServer": "Restart Language Server",
  "crmscript.showServerOutput": "Show Language Server Output",
  ...TENANT_COMMANDS,
} as const;

/** The commands of the language server (the tenant's are in `tenant.ts`). */
const SERVER_COMMANDS = ["crmscript.restartServer", "crmscript.showServerOutput"] as const;

/** The default each setting shows in VS Code (empty: unset). */
const SETTING_DEFAULTS: Record<(typeof editorSettingNames)[number], unknown> = {
  targetVersion: "",
  platform: "onsite",
  includePaths: [],
  ignorePatterns: [],
  rules: {},
  reportUnusedSuppressions: "warn",
};

/** Where the settings' meaning differs from the file's: relative paths have no file to be relative to. */
const EDITOR_DESCRIPTIONS: Partial<Record<(typeof editorSettingNames)[number], string>> = {
  includePaths:
    "Folders searched for `#include`d scripts after the script's own folder and the workspace folders; relative folders are relative to the first workspace folder.",
  ignorePatterns: "Files and folders that get no diagnostics, as globs relative to the first workspace folder (gitignore style).",
};

/** The `crmscript.*` settings: the configuration file's properties, read the same way; a `.crmscriptrc.json` overrides them. */
function editorSettings(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const name of editorSettingNames) {
    const schema = propertySchema(name);
    const description = EDITOR_DESCRIPTIONS[name] ?? schema.markdownDescription;
    properties[`crmscript.${name}`] = {
      ...schema,
      default: SETTING_DEFAULTS[name],
      markdownDescription: `${description} A \`${CONFIG_FILE_NAME}\` file overrides this.`,
    };
  }
  return properties;
}

/** What the manifest contributes; `extensionId` is `publisher.name` from the manifest itself. */
export function manifestContributions(extensionId: string): { activationEvents: string[]; contributes: Record<string, unknown> } {
  return {
    // Views, commands and the authentication provider activate the extension by themselves.
    activationEvents: ["onLanguage:crmscript", `workspaceContains:${MANIFEST_FILE}`],
    contributes: {
      languages: [
        {
          id: "crmscript",
          aliases: ["CRMScript", "crmscript"],
          extensions: [...LANGUAGE_FILE_EXTENSIONS],
          firstLine: "^\\s*(#setLanguageLevel\\b|%EJSCRIPT_START%)",
          configuration: "./client/language-configuration.json",
        },
        {
          // The configuration file may have comments, as the CLI and the server accept.
          id: "jsonc",
          filenames: [CONFIG_FILE_NAME],
        },
      ],
      grammars: [
        {
          language: "crmscript",
          scopeName: "source.crmscript",
          path: "./syntaxes/crmscript.tmLanguage.json",
          embeddedLanguages: { "text.html.basic": "html", "meta.embedded.block.crmscript": "crmscript" },
        },
      ],
      snippets: [{ language: "crmscript", path: "./client/snippets.json" }],
      jsonValidation: [{ fileMatch: CONFIG_FILE_NAME, url: `./${CONFIG_SCHEMA_PATH}` }],
      configuration: {
        title: "CRMScript",
        properties: {
          ...editorSettings(),
          "crmscript.trace.server": {
            type: "string",
            enum: ["off", "messages", "verbose"],
            default: "off",
            scope: "window",
            markdownDescription:
              "Logs the messages between VS Code and the CRMScript language server in its output channel (for reporting a problem with the server).",
          },
          ...tenantSettings(),
        },
      },
      // The server formats CRMScript; naming it spares users a choice should another extension offer to format it too.
      // It formats with `.crmscriptrc.json` and its own defaults only (as crmscript-format does), so typing indents the same way.
      configurationDefaults: {
        "[crmscript]": {
          "editor.defaultFormatter": extensionId,
          "editor.tabSize": defaultFormatOptions.indentWidth,
          "editor.insertSpaces": !defaultFormatOptions.useTabs,
          "editor.detectIndentation": false,
        },
      },
      commands: [...SERVER_COMMANDS.map((command) => ({ command, title: COMMANDS[command], category: "CRMScript" })), ...tenantCommands()],
      ...tenantContributions(),
    },
  };
}

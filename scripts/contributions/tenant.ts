/**
 * What the tenant scripts features contribute to the manifest: the
 * SuperOffice authentication provider, the `crmscript.tenant.*` commands
 * (with their icons and menus: the view's title bar, its items, the
 * Explorer and the editor of a tenant workspace), the "SuperOffice Tenant
 * Scripts" view in the Explorer with its welcome text, and the sign-in
 * settings (user settings only: a workspace cannot choose where its users sign in).
 */
import { SCRIPT_EXTENSIONS } from "../../server/analysis/script-files.js";
import { MANIFEST_FILE } from "../../server/tenant/workspace/state.js";

export const TENANT_VIEW = "crmscript.tenantScripts";

export const TENANT_COMMANDS = {
  "crmscript.tenant.signIn": "Sign In to SuperOffice",
  "crmscript.tenant.signOut": "Sign Out of SuperOffice…",
  "crmscript.tenant.refresh": "Refresh Tenant Scripts",
  "crmscript.tenant.pull": "Pull from Tenant",
  "crmscript.tenant.push": "Push to Tenant",
  "crmscript.tenant.compare": "Compare with Tenant",
  "crmscript.tenant.validate": "Validate in Tenant",
  "crmscript.tenant.run": "Run in Tenant",
  "crmscript.tenant.openRemote": "Open Tenant Copy",
  "crmscript.tenant.showChanges": "Show Scripts Out of Sync with the Tenant",
} as const;

type TenantCommand = keyof typeof TENANT_COMMANDS;

const ICONS: Partial<Record<TenantCommand, string>> = {
  "crmscript.tenant.signIn": "$(sign-in)",
  "crmscript.tenant.refresh": "$(refresh)",
  "crmscript.tenant.pull": "$(cloud-download)",
  "crmscript.tenant.push": "$(cloud-upload)",
  "crmscript.tenant.compare": "$(diff)",
  "crmscript.tenant.run": "$(play)",
  "crmscript.tenant.openRemote": "$(go-to-file)",
};

/** Only from a tree item. */
const TREE_ONLY: readonly TenantCommand[] = ["crmscript.tenant.openRemote"];
/** Only in a tenant workspace. */
const WORKSPACE_ONLY: readonly TenantCommand[] = [
  "crmscript.tenant.push",
  "crmscript.tenant.compare",
  "crmscript.tenant.validate",
  "crmscript.tenant.run",
  "crmscript.tenant.showChanges",
];

const IN_WORKSPACE = "crmscript.tenant.workspace";
const SCRIPT_FILE = `resourceExtname =~ /^\\.(${SCRIPT_EXTENSIONS.map((extension) => extension.slice(1)).join("|")})$/i`;

export function tenantCommands(): Record<string, unknown>[] {
  return Object.entries(TENANT_COMMANDS).map(([command, title]) => ({
    command,
    title,
    category: "CRMScript",
    ...(ICONS[command as TenantCommand] === undefined ? {} : { icon: ICONS[command as TenantCommand] }),
  }));
}

export function tenantSettings(): Record<string, unknown> {
  return {
    "crmscript.tenant.clientId": {
      type: "string",
      default: "",
      scope: "application",
      markdownDescription:
        "The client id of the application registered with SuperOffice that signs in to tenants (registered by your organization in SuperOffice's developer portal, as a native application with a loopback redirect).",
    },
    "crmscript.tenant.environment": {
      type: "string",
      enum: ["", "online", "sod", "stage"],
      enumDescriptions: ["Asked at each sign-in.", "SuperOffice Online (production).", "SuperOffice development (SOD).", "SuperOffice stage (QA)."],
      default: "",
      scope: "application",
      markdownDescription: "The SuperOffice Online environment to sign in to; empty asks at each sign-in. `#crmscript.tenant.discoveryUrl#` overrides it.",
    },
    "crmscript.tenant.discoveryUrl": {
      type: "string",
      default: "",
      scope: "application",
      markdownDescription:
        "The discovery document (`…/.well-known/openid-configuration`) of another OpenID provider to sign in with, such as an Onsite installation's; empty uses SuperOffice Online's (`#crmscript.tenant.environment#`). Plain `http://` only on this machine's loopback address.",
    },
  };
}

export function tenantContributions(): Record<string, unknown> {
  const palette = Object.keys(TENANT_COMMANDS).flatMap((command) => {
    if (TREE_ONLY.includes(command as TenantCommand)) return [{ command, when: "false" }];
    if (WORKSPACE_ONLY.includes(command as TenantCommand)) return [{ command, when: IN_WORKSPACE }];
    return [];
  });
  const script = "viewItem =~ /^tenant(Script|Trigger)/";
  return {
    authentication: [{ id: "superoffice", label: "SuperOffice" }],
    views: { explorer: [{ id: TENANT_VIEW, name: "SuperOffice Tenant Scripts", when: "crmscript.tenant.available" }] },
    viewsWelcome: [
      {
        view: TENANT_VIEW,
        contents: `Sign in to a SuperOffice tenant to see its CRMScripts and trigger scripts, and to pull them into this folder.\n[Sign In to SuperOffice](command:crmscript.tenant.signIn)\nA folder with a ${MANIFEST_FILE} is a tenant workspace: pull, push, compare, validate and run its scripts from the Command Palette.`,
      },
    ],
    menus: {
      commandPalette: palette,
      "view/title": [
        { command: "crmscript.tenant.pull", when: `view == ${TENANT_VIEW}`, group: "navigation@1" },
        { command: "crmscript.tenant.push", when: `view == ${TENANT_VIEW} && ${IN_WORKSPACE}`, group: "navigation@2" },
        { command: "crmscript.tenant.refresh", when: `view == ${TENANT_VIEW}`, group: "navigation@3" },
        { command: "crmscript.tenant.signIn", when: `view == ${TENANT_VIEW}`, group: "navigation@4" },
        { command: "crmscript.tenant.showChanges", when: `view == ${TENANT_VIEW} && ${IN_WORKSPACE}`, group: "sync" },
      ],
      "view/item/context": [
        { command: "crmscript.tenant.pull", when: `view == ${TENANT_VIEW} && ${script}`, group: "inline@1" },
        { command: "crmscript.tenant.compare", when: `view == ${TENANT_VIEW} && viewItem =~ /\\.local$/`, group: "inline@2" },
        { command: "crmscript.tenant.openRemote", when: `view == ${TENANT_VIEW} && ${script}`, group: "1_open@1" },
        { command: "crmscript.tenant.pull", when: `view == ${TENANT_VIEW} && ${script}`, group: "2_sync@1" },
        { command: "crmscript.tenant.compare", when: `view == ${TENANT_VIEW} && viewItem =~ /\\.local$/`, group: "2_sync@2" },
        { command: "crmscript.tenant.pull", when: `view == ${TENANT_VIEW} && viewItem =~ /^tenant(Profile|Environment)$/`, group: "2_sync@1" },
        { command: "crmscript.tenant.signOut", when: `view == ${TENANT_VIEW} && viewItem == tenantProfile`, group: "3_account@1" },
      ],
      "explorer/context": [
        // Script files, or the workspace's folder for all of them.
        { command: "crmscript.tenant.pull", when: `${IN_WORKSPACE} && (explorerResourceIsRoot || ${SCRIPT_FILE})`, group: "7_crmscript@1" },
        { command: "crmscript.tenant.push", when: `${IN_WORKSPACE} && (explorerResourceIsRoot || ${SCRIPT_FILE})`, group: "7_crmscript@2" },
        { command: "crmscript.tenant.compare", when: `${IN_WORKSPACE} && ${SCRIPT_FILE}`, group: "7_crmscript@3" },
      ],
      "editor/title": [
        { command: "crmscript.tenant.compare", when: `${IN_WORKSPACE} && resourceScheme == file && resourceLangId == crmscript`, group: "navigation" },
      ],
      "editor/context": [
        { command: "crmscript.tenant.compare", when: `${IN_WORKSPACE} && resourceScheme == file && resourceLangId == crmscript`, group: "9_crmscript@1" },
        { command: "crmscript.tenant.validate", when: `${IN_WORKSPACE} && resourceScheme == file && resourceLangId == crmscript`, group: "9_crmscript@2" },
        { command: "crmscript.tenant.run", when: `${IN_WORKSPACE} && resourceScheme == file && resourceLangId == crmscript`, group: "9_crmscript@3" },
      ],
    },
  };
}

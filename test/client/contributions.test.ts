/**
 * The extension's manifest and generated contributions: fresh, and true to
 * the server. Settings map one-to-one onto the server's editor settings,
 * every lint rule has a severity setting, the commands the manifest names
 * are the ones the extension registers, the extension is CRMScript's
 * default formatter with the editor indenting as the formatter does (2
 * spaces), the snippets are the server's, and the folding markers fold the
 * same lines in VS Code and in the server.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateContributions, LANGUAGE_CONFIGURATION_PATH } from "../../scripts/contributions/index.js";
import { COMMANDS, LANGUAGE_FILE_EXTENSIONS } from "../../scripts/contributions/manifest.js";
import { REGION_END_MARKER, REGION_START_MARKER } from "../../server/features/folding.js";
import { snippets } from "../../server/features/completion/snippets.js";
import { allRules } from "../../server/lint/registry.js";
import { configSeverity } from "../../server/config/config.js";
import { mergeLayers, toAnalysisSettings } from "../../server/config/resolve.js";
import { configSchema, CONFIG_SCHEMA_PATH } from "../../server/config/schema.js";
import { editorSettingNames, editorSettingsLayer } from "../../server/lsp/settings.js";
import { repositoryRoot } from "../support/paths.js";

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  icon: string;
  engines: Record<string, string>;
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    snippets: { language: string; path: string }[];
    jsonValidation: { fileMatch: string; url: string }[];
    configuration: {
      properties: Record<string, { default: unknown; markdownDescription?: string; properties?: Record<string, { default: string; enum: string[] }> }>;
    };
    commands: { command: string; title: string }[];
    configurationDefaults: Record<string, Record<string, unknown>>;
  };
}

/** `${` placeholders left open at the end of a snippet body (braces of the code itself are literal). */
function unclosedPlaceholders(body: string): number {
  let open = 0;
  for (let index = 0; index < body.length; index++) {
    if (body[index] === "$" && body[index + 1] === "{") {
      open++;
      index++;
    } else if (body[index] === "}" && open > 0) {
      open--;
    }
  }
  return open;
}

const manifest = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as Manifest;
const read = (path: string): string => readFileSync(join(repositoryRoot, path), "utf8");

describe("generated contributions", () => {
  it("are what npm run build:contributions writes (run it after changing the grammar generator, a rule, a snippet or the catalog)", () => {
    for (const [path, content] of generateContributions(repositoryRoot)) expect(read(path), path).toBe(content);
  });
});

describe("the manifest", () => {
  it("names the publisher, engines, entry point and icon vsce and VS Code need", () => {
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(manifest.engines.vscode).toBe("^1.91.0");
    expect(manifest.main).toBe("./dist/extension.js");
    expect(read(manifest.icon).length).toBeGreaterThan(1000);
  });

  it("activates on the language, which covers every CRMScript file extension and has a configuration, and in a tenant workspace", () => {
    expect(manifest.activationEvents).toEqual(["onLanguage:crmscript", "workspaceContains:crmscript-tenant.json"]);
    const [language] = manifest.contributes.languages;
    expect(language?.id).toBe("crmscript");
    expect(language?.extensions).toEqual([...LANGUAGE_FILE_EXTENSIONS]);
    expect(language?.configuration).toBe(`./${LANGUAGE_CONFIGURATION_PATH}`);
  });

  it("makes the extension the default formatter of CRMScript (the server formats it), typing indented as it formats: 2 spaces", () => {
    expect(manifest.contributes.configurationDefaults).toEqual({
      "[crmscript]": {
        "editor.defaultFormatter": `${manifest.publisher}.${manifest.name}`,
        "editor.tabSize": 2,
        "editor.insertSpaces": true,
        "editor.detectIndentation": false,
      },
    });
  });

  it("contributes exactly the server's settings plus the trace level and the sign-in settings, each described with a default", () => {
    const properties = manifest.contributes.configuration.properties;
    const signIn = ["crmscript.tenant.clientId", "crmscript.tenant.discoveryUrl", "crmscript.tenant.environment"];
    expect(Object.keys(properties).sort()).toEqual([...editorSettingNames.map((name) => `crmscript.${name}`), "crmscript.trace.server", ...signIn].sort());
    // A workspace must not choose where its users sign in.
    for (const name of signIn) expect((properties[name] as { scope?: string }).scope, name).toBe("application");
    for (const [name, property] of Object.entries(properties)) {
      expect(property.markdownDescription, name).toMatch(/\w{3,}.*\./);
      expect(property.default, name).toBeDefined();
    }
  });

  it("has a severity setting for every lint rule, defaulting to the rule's own", () => {
    const rules = manifest.contributes.configuration.properties["crmscript.rules"]?.properties ?? {};
    expect(Object.keys(rules)).toEqual(allRules.map((rule) => rule.id));
    for (const rule of allRules)
      expect(rules[rule.id]).toMatchObject({ default: configSeverity(rule.defaultSeverity), enum: ["off", "warn", "error", "warning"] });
  });

  it("describes every setting with the configuration file's schema, and validates that file with the shipped schema", () => {
    const properties = manifest.contributes.configuration.properties;
    const fileProperties = (configSchema().properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const name of editorSettingNames) {
      const { default: _default, markdownDescription: _setting, ...setting } = properties[`crmscript.${name}`] as Record<string, unknown>;
      const { markdownDescription: _file, ...file } = fileProperties[name] as Record<string, unknown>;
      const { default: _fileDefault, ...fileWithoutDefault } = file;
      expect(setting, name).toEqual(fileWithoutDefault);
    }
    expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: ".crmscriptrc.json", url: `./${CONFIG_SCHEMA_PATH}` }]);
    expect(JSON.parse(read(CONFIG_SCHEMA_PATH))).toEqual(configSchema());
  });

  it("maps each setting onto the server's analysis settings one-to-one", () => {
    const properties = manifest.contributes.configuration.properties;
    const defaults = Object.fromEntries(editorSettingNames.map((name) => [name, properties[`crmscript.${name}`]?.default]));
    const problems: string[] = [];
    const settingsOf = (raw: Record<string, unknown>) => toAnalysisSettings(mergeLayers([editorSettingsLayer(raw, ["/workspace"], problems)]), ["/workspace"]);
    expect(settingsOf(defaults)).toEqual({
      workspaceRoots: ["/workspace"],
      targetVersion: undefined,
      platform: "onsite",
      includePaths: [],
      rules: {},
      reportUnusedSuppressions: "warning",
    });
    const chosen = {
      targetVersion: "10.2",
      platform: "online",
      includePaths: ["lib", "/shared/scripts"],
      rules: { "no-shadow": "error", "keyword-case": "off" },
      reportUnusedSuppressions: "error",
    };
    expect(settingsOf(chosen)).toEqual({
      workspaceRoots: ["/workspace"],
      targetVersion: "10.2",
      platform: "online",
      includePaths: ["/workspace/lib", "/shared/scripts"],
      rules: { "no-shadow": "error", "keyword-case": "off" },
      reportUnusedSuppressions: "error",
    });
    expect(problems).toEqual([]);
  });

  it("declares the commands the extension registers, and the extension registers no others", () => {
    const registered = ["client/extension.ts", "client/tenant/commands.ts"].flatMap((path) =>
      [...read(path).matchAll(/registerCommand\(\s*"([^"]+)"/g)].map((match) => match[1]),
    );
    const elsewhere = readdirSync(join(repositoryRoot, "client", "tenant")).filter(
      (name) => name !== "commands.ts" && read(`client/tenant/${name}`).includes("registerCommand("),
    );
    expect(elsewhere).toEqual([]);
    expect(manifest.contributes.commands.map((command) => command.command)).toEqual(Object.keys(COMMANDS));
    expect(registered.sort()).toEqual(Object.keys(COMMANDS).sort());
    const referenced = [...read("client/status-item.ts").matchAll(/command\s*[=:]\s*"(crmscript\.[a-zA-Z]+)"/g)].map((match) => match[1]);
    expect(referenced).toEqual(["crmscript.restartServer"]);
  });

  it("contributes the tenant view, its welcome, menus and the authentication provider the extension registers", () => {
    const contributes = manifest.contributes as unknown as {
      authentication: { id: string; label: string }[];
      views: { explorer: { id: string }[] };
      viewsWelcome: { view: string; contents: string }[];
      menus: Record<string, { command: string; when?: string }[]>;
    };
    const declared = new Set(Object.keys(COMMANDS));
    expect(contributes.authentication).toEqual([{ id: "superoffice", label: "SuperOffice" }]);
    expect(read("client/tenant/auth-provider.ts")).toContain('AUTH_PROVIDER_ID = "superoffice"');
    expect(contributes.views.explorer.map((view) => view.id)).toEqual(["crmscript.tenantScripts"]);
    expect(read("client/tenant/index.ts")).toContain('TENANT_VIEW_ID = "crmscript.tenantScripts"');
    const welcomeCommands = contributes.viewsWelcome.flatMap((welcome) => [...welcome.contents.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1]));
    expect(welcomeCommands).toEqual(["crmscript.tenant.signIn"]);
    for (const [menu, items] of Object.entries(contributes.menus))
      for (const item of items) expect(declared.has(item.command), `${menu}: ${item.command}`).toBe(true);
  });

  it("names only declared commands, and its own context keys, secrets and status item, in the tenant code", () => {
    const others = ["crmscript.tenant.workspace", "crmscript.tenant.available", "crmscript.tenant.profiles", "crmscript.tenant.sync"];
    const named = readdirSync(join(repositoryRoot, "client", "tenant")).flatMap((name) =>
      [...read(`client/tenant/${name}`).matchAll(/"(crmscript\.tenant\.\w+)"/g)].map((match) => match[1] as string),
    );
    expect(named.filter((name) => !(name in COMMANDS) && !others.includes(name))).toEqual([]);
    for (const key of ["crmscript.tenant.workspace", "crmscript.tenant.available"]) expect(JSON.stringify(manifest.contributes)).toContain(key);
  });

  it("contributes the server's snippets, with balanced placeholders", () => {
    expect(manifest.contributes.snippets).toEqual([{ language: "crmscript", path: "./client/snippets.json" }]);
    const contributed = JSON.parse(read("client/snippets.json")) as Record<string, { prefix: string; body: string[] }>;
    expect(Object.values(contributed).map((snippet) => snippet.prefix)).toEqual(snippets.map((snippet) => snippet.label));
    for (const snippet of Object.values(contributed)) {
      const body = snippet.body.join("\n");
      expect(unclosedPlaceholders(body), snippet.prefix).toBe(0);
      expect(body, snippet.prefix).toMatch(/\$\{?\d/);
    }
  });
});

describe("the language configuration", () => {
  const configuration = JSON.parse(read(LANGUAGE_CONFIGURATION_PATH)) as {
    folding: { markers: { start: string; end: string } };
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    comments: { lineComment: string; blockComment: string[] };
  };

  it("folds the same region markers as the server", () => {
    const start = new RegExp(configuration.folding.markers.start);
    const end = new RegExp(configuration.folding.markers.end);
    for (const line of ["// region Settings", "//#region", "  // region indented"]) {
      expect(start.test(line), line).toBe(true);
      expect(REGION_START_MARKER.test(line.trim()), line).toBe(true);
    }
    for (const line of ["// endregion", "//#endregion Settings"]) {
      expect(end.test(line), line).toBe(true);
      expect(REGION_END_MARKER.test(line.trim()), line).toBe(true);
      expect(start.test(line), line).toBe(false);
    }
    expect(start.test("Integer region = 1; // regional")).toBe(false);
  });

  it("indents after an opening brace or parenthesis, not after one in a comment, and outdents a closing line", () => {
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
    expect(increase.test('if (ticket.getValue("status") == "1") {')).toBe(true);
    expect(increase.test("printLine(")).toBe(true);
    expect(increase.test("// see {")).toBe(false);
    expect(increase.test("if (x) { y(); }")).toBe(false);
    expect(decrease.test("  } else {")).toBe(true);
    expect(decrease.test("  x = 1;")).toBe(false);
    expect(configuration.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
  });
});

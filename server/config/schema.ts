/**
 * The JSON schema of `.crmscriptrc.json` (shipped as
 * `schemas/crmscriptrc.schema.json`, which VS Code uses for completion and
 * checking in the file) and the schema of each property on its own, which
 * the extension's settings reuse, so the file and the settings cannot drift
 * apart. Written from the property list and the rule registry.
 */
import { allRules } from "../lint/registry.js";
import { configSeverity, CONFIG_PROPERTIES, type ConfigPropertyName } from "./config.js";
import { formatSectionSchema } from "./format-section.js";

export const CONFIG_SCHEMA_PATH = "schemas/crmscriptrc.schema.json";

type Schema = Record<string, unknown>;

// `warning` is the spelling the first settings used; it stays valid.
const SEVERITY_VALUES = ["off", "warn", "error", "warning"];
const SEVERITY_DESCRIPTIONS = ["Not reported.", "Reported as a warning.", "Reported as an error.", "The same as warn."];

function severity(description: string, defaultValue?: string): Schema {
  return {
    type: "string",
    enum: SEVERITY_VALUES,
    enumDescriptions: SEVERITY_DESCRIPTIONS,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    markdownDescription: description,
  };
}

function ruleProperties(): Schema {
  const properties: Schema = {};
  for (const rule of allRules) {
    properties[rule.id] = severity(
      `${rule.description} (\`${rule.id}\`, ${rule.group}; default \`${configSeverity(rule.defaultSeverity)}\`)`,
      configSeverity(rule.defaultSeverity),
    );
  }
  return properties;
}

/** The schema of one configuration property, with its description. */
export function propertySchema(name: ConfigPropertyName): Schema {
  const markdownDescription = CONFIG_PROPERTIES[name];
  switch (name) {
    case "root":
      return { type: "boolean", markdownDescription };
    case "targetVersion":
      return {
        type: "string",
        pattern: "^(\\d+(\\.\\d+)*(\\s*([Rr]|[Ss][Rr])\\d+)?)?$",
        patternErrorMessage: "A SuperOffice version such as 10.2 or 10.3 R4.",
        markdownDescription,
      };
    case "platform":
      return {
        type: "string",
        enum: ["onsite", "online"],
        enumDescriptions: ["An on-site installation: all API is available.", "SuperOffice Online: API that exists only on-site is reported."],
        markdownDescription,
      };
    case "includePaths":
    case "ignorePatterns":
      return { type: "array", items: { type: "string", minLength: 1 }, markdownDescription };
    case "rules":
      return { type: "object", additionalProperties: false, properties: ruleProperties(), markdownDescription };
    case "reportUnusedSuppressions":
      return severity(markdownDescription, "warn");
    case "format":
      return formatSectionSchema(markdownDescription);
  }
}

export function configSchema(): Schema {
  const properties: Schema = { $schema: { type: "string", markdownDescription: "The schema of this file." } };
  for (const name of Object.keys(CONFIG_PROPERTIES) as ConfigPropertyName[]) properties[name] = propertySchema(name);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "crmscript-lint and crmscript-format configuration (.crmscriptrc.json)",
    type: "object",
    additionalProperties: false,
    properties,
  };
}

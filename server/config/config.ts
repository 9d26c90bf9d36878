/**
 * What a configuration says and how it is checked: one `ConfigLayer` per
 * source (a `.crmscriptrc.json` file, the editor settings, the command
 * line), read from a JSON value with positions. The file and the editor
 * settings use the same names with the same meaning; the editor settings
 * only cannot say `root`. Every wrong value is a problem at its exact
 * range; the rest of the layer is still used.
 */
import { resolvePath } from "../analysis/paths.js";
import type { TextRange } from "../../grammar/index.js";
import { isValidVersion, type Platform, type RuleSeverity } from "../analysis/settings.js";
import { allRules } from "../lint/registry.js";
import { bestNames, didYouMean } from "../semantics/suggest.js";
import { readFormatSection, type FormatSettings } from "./format-section.js";
import { parseIgnorePattern, type IgnorePattern } from "./ignore.js";
import type { JsonNode } from "./json-document.js";

export const CONFIG_FILE_NAME = ".crmscriptrc.json";

/** How a configuration writes a severity; `warn` is the documented spelling, the others are accepted. */
export type ConfigSeverity = "off" | "warn" | "error";

export interface ConfigLayer {
  /** Where it came from: a file's absolute path, `editor settings` or `command line`. */
  readonly source: string;
  /** A file with `"root": true` ends the search for configuration files in folders above it. */
  readonly root?: boolean;
  readonly targetVersion?: string;
  readonly platform?: Platform;
  /** Absolute folders (relative ones are resolved against the layer's folder). */
  readonly includePaths?: readonly string[];
  readonly ignorePatterns?: readonly IgnorePattern[];
  readonly rules?: Readonly<Record<string, RuleSeverity>>;
  readonly reportUnusedSuppressions?: RuleSeverity;
  /** The formatting options this layer sets. */
  readonly format?: Readonly<FormatSettings>;
}

export interface ConfigProblem {
  readonly message: string;
  readonly range: TextRange;
}

export interface ConfigRead {
  readonly layer: ConfigLayer;
  readonly problems: readonly ConfigProblem[];
}

/** The properties a configuration may have, with what each means (the JSON schema and the docs say the same). */
export const CONFIG_PROPERTIES = {
  root: "Stop looking for configuration files in the folders above this one.",
  targetVersion: "SuperOffice version the scripts must run on, such as 10.2: API from later versions is reported.",
  platform: "online reports API that exists only on on-site installations (onsite: no such check).",
  includePaths: "Folders searched for #include'd scripts after the script's own folder and the workspace, relative to this file's folder.",
  ignorePatterns:
    "Files and folders not to lint, as globs relative to this file's folder (gitignore style: a name without / matches at any depth, a trailing / matches a folder, ! re-includes).",
  rules: "Lint rule severities by rule id: off, warn or error.",
  reportUnusedSuppressions: "Severity of suppression comments that suppress nothing: off, warn or error (default warn).",
  format: "Formatting options (crmscript-format and the editor's Format Document): indentWidth, lineWidth, useTabs and endOfLine.",
} as const;

export type ConfigPropertyName = keyof typeof CONFIG_PROPERTIES;

const SEVERITY_WORDS: Readonly<Record<string, RuleSeverity>> = { off: "off", warn: "warning", warning: "warning", error: "error" };
const SEVERITY_NUMBERS: readonly RuleSeverity[] = ["off", "warning", "error"];

/** The configuration spelling of an internal severity. */
export function configSeverity(severity: RuleSeverity): ConfigSeverity {
  return severity === "warning" ? "warn" : severity;
}

/** `warn`, `warning`, `error`, `off`, or ESLint's 0, 1, 2; undefined for anything else. */
export function parseSeverity(value: unknown): RuleSeverity | undefined {
  if (typeof value === "string" && /^\s*[0-2]\s*$/.test(value)) return SEVERITY_NUMBERS[Number(value)];
  if (typeof value === "string") return SEVERITY_WORDS[value.trim().toLowerCase()];
  if (typeof value === "number") return SEVERITY_NUMBERS[value];
  return undefined;
}

/** `id:severity` (or `id=severity`) as `--rule` takes it; a message when the id is unknown; undefined when there is no valid severity. */
export function parseRuleAssignment(value: string): { id: string; severity: RuleSeverity } | string | undefined {
  const separator = value.search(/[:=]/);
  if (separator < 0) return undefined;
  const id = value.slice(0, separator).trim();
  const severity = parseSeverity(value.slice(separator + 1));
  const ids = allRules.map((rule) => rule.id);
  if (!ids.includes(id)) return `unknown rule '${id}'${didYouMean(bestNames(id, ids))}`;
  if (severity === undefined) return undefined;
  return { id, severity };
}

export interface ReadOptions {
  /** The layer's name in messages and in `ConfigLayer.source`. */
  readonly source: string;
  /** The folder relative paths are resolved against. */
  readonly folder: string;
  /** Editor settings cannot say `root`, and carry VS Code's own properties beside ours. */
  readonly kind: "file" | "editor";
}

export function readConfig(root: JsonNode, options: ReadOptions): ConfigRead {
  const problems: ConfigProblem[] = [];
  const problem = (node: { range: TextRange } | TextRange, message: string): void => {
    problems.push({ message, range: "range" in node ? node.range : node });
  };
  const layer: { -readonly [K in keyof ConfigLayer]: ConfigLayer[K] } = { source: options.source };
  if (root.kind !== "object") {
    problem(root, 'the configuration must be a JSON object, such as { "rules": { "no-shadow": "off" } }');
    return { layer, problems };
  }
  const known = Object.keys(CONFIG_PROPERTIES).filter((name) => options.kind === "file" || name !== "root");
  for (const { key, keyRange, value } of root.properties) {
    switch (key) {
      case "$schema":
        if (value.kind !== "string") problem(value, "$schema must be a string");
        break;
      case "root":
        if (options.kind !== "file") problem(keyRange, "'root' only has a meaning in a configuration file");
        else if (value.kind !== "boolean") problem(value, "root must be true or false");
        else layer.root = value.value;
        break;
      case "targetVersion":
        if (value.kind !== "string" || !isValidVersion(value.value)) problem(value, 'targetVersion must be a SuperOffice version such as "10.2" or "9.2 R08"');
        else layer.targetVersion = value.value.trim();
        break;
      case "platform":
        if (value.kind !== "string" || (value.value !== "online" && value.value !== "onsite")) problem(value, 'platform must be "online" or "onsite"');
        else layer.platform = value.value;
        break;
      case "includePaths":
        layer.includePaths = strings(value, key, problem).map((path) => resolvePath(options.folder, path));
        break;
      case "ignorePatterns":
        layer.ignorePatterns = strings(value, key, problem).map((pattern) => parseIgnorePattern(pattern, options.folder));
        break;
      case "rules":
        layer.rules = readRules(value, problem);
        break;
      case "reportUnusedSuppressions": {
        const severity = parseSeverity(value.kind === "string" || value.kind === "number" ? value.value : undefined);
        if (severity === undefined) problem(value, 'reportUnusedSuppressions must be "off", "warn" or "error"');
        else layer.reportUnusedSuppressions = severity;
        break;
      }
      case "format":
        layer.format = readFormatSection(value, problem);
        break;
      default:
        if (options.kind === "file")
          problem(keyRange, `unknown property '${key}'${didYouMean(bestNames(key, known))} (the properties are ${known.join(", ")})`);
    }
  }
  return { layer, problems };
}

function strings(node: JsonNode, name: string, problem: (node: JsonNode, message: string) => void): string[] {
  if (node.kind !== "array") {
    problem(node, `${name} must be an array of strings`);
    return [];
  }
  const values: string[] = [];
  for (const item of node.items) {
    if (item.kind === "string" && item.value.trim() !== "") values.push(item.value.trim());
    else problem(item, `each item of ${name} must be a non-empty string`);
  }
  return values;
}

function readRules(node: JsonNode, problem: (node: JsonNode | TextRange, message: string) => void): Record<string, RuleSeverity> {
  const rules: Record<string, RuleSeverity> = {};
  if (node.kind !== "object") {
    problem(node, 'rules must be an object of rule ids and severities, such as { "no-shadow": "off" }');
    return rules;
  }
  const ids = allRules.map((rule) => rule.id);
  for (const { key, keyRange, value } of node.properties) {
    if (!ids.includes(key)) {
      problem(keyRange, `unknown rule '${key}'${didYouMean(bestNames(key, ids))}`);
      continue;
    }
    const severity = parseSeverity(value.kind === "string" || value.kind === "number" ? value.value : undefined);
    if (severity === undefined) problem(value, `the severity of '${key}' must be "off", "warn" or "error"`);
    else rules[key] = severity;
  }
  return rules;
}

/**
 * The effective configuration of a script: the `.crmscriptrc.json` files
 * in its folder and the folders above it (up to one that says
 * `"root": true`), nearer files overriding farther ones, between the layers
 * a front end puts below them (the editor settings) and above them (the
 * command line). Or, with an explicit config file, that file alone between
 * the same layers. Files are read through a reader and cached by folder.
 */
import { dirnameOf, joinPath } from "../analysis/paths.js";
import { LineIndex } from "../../grammar/index.js";
import type { AnalysisSettings, Platform, RuleSeverity } from "../analysis/settings.js";
import { allRules } from "../lint/registry.js";
import { effectiveSeverity } from "../lint/run.js";
import { defaultFormatOptions } from "../format/index.js";
import { CONFIG_FILE_NAME, configSeverity, readConfig, type ConfigLayer, type ConfigSeverity } from "./config.js";
import type { FormatSettings } from "./format-section.js";
import { isIgnored, type IgnorePattern } from "./ignore.js";
import { parseJson } from "./json-document.js";

export interface EffectiveConfig {
  /** The configuration files used, farthest first. */
  readonly files: readonly string[];
  readonly targetVersion?: string;
  readonly platform?: Platform;
  /** Nearest layer's folders first. */
  readonly includePaths: readonly string[];
  readonly ignorePatterns: readonly IgnorePattern[];
  /** Only the rules some layer names; the others keep their default. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  readonly reportUnusedSuppressions: RuleSeverity;
  /** Only the formatting options some layer sets; the others keep the formatter's defaults. */
  readonly format: Readonly<FormatSettings>;
}

/** A problem in a configuration file, 1-based as editors and terminals show it. */
export interface ConfigFileProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

export function formatConfigProblem(problem: ConfigFileProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/**
 * What a reader found at a configuration file's path: its text, or a text
 * that cannot be trusted (bytes that are not Unicode) with the problem and
 * where in the text it starts.
 */
export type ConfigFileText = string | { readonly text: string; readonly problem: string; readonly offset: number };

export interface ConfigReader {
  /** The file's text, or undefined when there is none. */
  readFile(path: string): ConfigFileText | undefined;
}

export interface ResolverOptions {
  /** Layers below every configuration file (the editor settings), lowest first. */
  readonly below?: readonly ConfigLayer[];
  /** Layers above every configuration file (command-line options), lowest first. */
  readonly above?: readonly ConfigLayer[];
  /** Use this configuration file alone instead of searching folders. */
  readonly configFile?: string;
}

interface ReadFile {
  readonly exists: boolean;
  /** Undefined when the file is missing or is not JSON. */
  readonly layer: ConfigLayer | undefined;
  readonly problems: readonly ConfigFileProblem[];
}

export class ConfigResolver {
  private readonly files = new Map<string, ReadFile>();
  private readonly chains = new Map<string, readonly string[]>();
  private readonly merged = new Map<string, ReturnType<ConfigResolver["forFile"]>>();

  constructor(
    private readonly reader: ConfigReader,
    private readonly options: ResolverOptions = {},
  ) {}

  /** The configuration that applies to the script at `path`, with the problems of the files it came from. */
  forFile(path: string): { readonly config: EffectiveConfig; readonly problems: readonly ConfigFileProblem[] } {
    const folder = dirnameOf(path);
    let result = this.merged.get(folder);
    if (result === undefined) {
      const chain = this.options.configFile !== undefined ? [this.options.configFile] : this.chainFor(folder);
      const read = chain.map((file) => this.read(file));
      const layers = [...(this.options.below ?? []), ...read.flatMap((file) => file.layer ?? []), ...(this.options.above ?? [])];
      result = { config: mergeLayers(layers, chain), problems: read.flatMap((file) => file.problems) };
      this.merged.set(folder, result);
    }
    return result;
  }

  /** Reads one configuration file (cached); a missing explicit file is a problem. */
  read(file: string): ReadFile {
    let result = this.files.get(file);
    if (result === undefined) {
      result = readConfigFile(file, this.reader.readFile(file), file === this.options.configFile);
      this.files.set(file, result);
    }
    return result;
  }

  /** Forgets what was read (a configuration file changed, appeared or went away). */
  forget(): void {
    this.files.clear();
    this.chains.clear();
    this.merged.clear();
  }

  /** The configuration files that apply in `folder`, farthest first. */
  private chainFor(folder: string): readonly string[] {
    let chain = this.chains.get(folder);
    if (chain !== undefined) return chain;
    const file = joinPath(folder, CONFIG_FILE_NAME);
    const read = this.read(file);
    const parent = dirnameOf(folder);
    const above = read.layer?.root === true || parent === folder ? [] : this.chainFor(parent);
    chain = read.exists ? [...above, file] : above;
    this.chains.set(folder, chain);
    return chain;
  }
}

function readConfigFile(file: string, read: ConfigFileText | undefined, explicit: boolean): ReadFile {
  if (read === undefined) {
    const problems = explicit ? [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, message: "cannot read the configuration file" }] : [];
    return { exists: false, layer: undefined, problems };
  }
  const text = typeof read === "string" ? read : read.text;
  const lines = new LineIndex(text);
  const at = (start: number, end: number, message: string): ConfigFileProblem => {
    const from = lines.position(start);
    const to = lines.position(end);
    return { file, line: from.line + 1, column: from.column + 1, endLine: to.line + 1, endColumn: to.column + 1, message };
  };
  if (typeof read !== "string") return { exists: true, layer: undefined, problems: [at(read.offset, read.offset, read.problem)] };
  const parsed = parseJson(text);
  if (!parsed.ok) return { exists: true, layer: undefined, problems: [at(parsed.offset, parsed.offset, `not valid JSON: ${parsed.message}`)] };
  const { layer, problems } = readConfig(parsed.root, { source: file, folder: dirnameOf(file), kind: "file" });
  return { exists: true, layer, problems: problems.map((problem) => at(problem.range.start, problem.range.end, problem.message)) };
}

/** The layers combined, lowest first; `files` are the configuration files among them, for reports. */
export function mergeLayers(layers: readonly ConfigLayer[], files: readonly string[] = []): EffectiveConfig {
  const rules: Record<string, RuleSeverity> = {};
  let targetVersion: string | undefined;
  let platform: Platform | undefined;
  let reportUnusedSuppressions: RuleSeverity = "warning";
  const includePaths: string[] = [];
  const ignorePatterns: IgnorePattern[] = [];
  const format: FormatSettings = {};
  for (const layer of layers) {
    Object.assign(rules, layer.rules);
    Object.assign(format, layer.format);
    targetVersion = layer.targetVersion ?? targetVersion;
    platform = layer.platform ?? platform;
    reportUnusedSuppressions = layer.reportUnusedSuppressions ?? reportUnusedSuppressions;
    includePaths.unshift(...(layer.includePaths ?? []));
    ignorePatterns.push(...(layer.ignorePatterns ?? []));
  }
  return {
    files,
    ...(targetVersion === undefined ? {} : { targetVersion }),
    ...(platform === undefined ? {} : { platform }),
    includePaths: [...new Set(includePaths)],
    ignorePatterns,
    rules,
    reportUnusedSuppressions,
    format,
  };
}

/** What analysis needs of a configuration. */
export function toAnalysisSettings(config: EffectiveConfig, workspaceRoots: readonly string[]): AnalysisSettings {
  return {
    targetVersion: config.targetVersion,
    platform: config.platform,
    includePaths: config.includePaths,
    workspaceRoots,
    rules: config.rules,
    reportUnusedSuppressions: config.reportUnusedSuppressions,
  };
}

export function isIgnoredBy(config: EffectiveConfig, path: string): boolean {
  return isIgnored(path, config.ignorePatterns);
}

/** The configuration as `--print-config` shows it: every rule with the severity it will have, every formatting option with its value. */
export function describeConfig(config: EffectiveConfig, path: string): Record<string, unknown> {
  const rules: Record<string, ConfigSeverity> = {};
  for (const rule of allRules) rules[rule.id] = configSeverity(effectiveSeverity(rule, config.rules));
  return {
    file: path,
    configFiles: config.files,
    ignored: isIgnoredBy(config, path),
    targetVersion: config.targetVersion ?? null,
    platform: config.platform ?? null,
    includePaths: config.includePaths,
    ignorePatterns: config.ignorePatterns.map((pattern) => ({ pattern: pattern.pattern, folder: pattern.folder })),
    reportUnusedSuppressions: configSeverity(config.reportUnusedSuppressions),
    rules,
    format: { ...defaultFormatOptions, ...config.format },
  };
}

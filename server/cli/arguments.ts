/**
 * Parses the command line of `crmscript-lint` into options, or a usage error.
 */
import { isValidVersion, type Platform, type RuleSeverity } from "../analysis/settings.js";
import { parseRuleAssignment } from "../config/config.js";

export type OutputFormat = "stylish" | "json" | "sarif" | "github";

export interface CliOptions {
  readonly inputs: string[];
  readonly format: OutputFormat;
  readonly extensions: string[];
  readonly stdin: boolean;
  readonly stdinFilename: string | undefined;
  /** true/false to force colours on or off; undefined to colour only on a terminal. */
  readonly color: boolean | undefined;
  readonly help: boolean;
  readonly version: boolean;
  /** SuperOffice version the scripts must run on (`--target-version 10.2`). */
  readonly targetVersion: string | undefined;
  readonly platform: Platform | undefined;
  /** Extra folders to search for included scripts, in order. */
  readonly includePaths: string[];
  /** `--config`: this configuration file alone, instead of searching the folders. */
  readonly configFile: string | undefined;
  /** `--print-config FILE`: show the effective configuration of FILE instead of linting. */
  readonly printConfig: string | undefined;
  /** `--rule id:severity`, in order (later wins). */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  /** Write safe fixes to the files (`--fix`), or only show them (`--fix-dry-run`). */
  readonly fix: "write" | "dry-run" | undefined;
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
  /** Worker threads; undefined: as many as there are cores, for a run long enough to gain from them. */
  readonly jobs: number | undefined;
  /** `--no-ignore`: lint files the configuration's ignorePatterns name. */
  readonly ignore: boolean;
  /** `--no-warn-ignored`: say nothing about an ignored file named on the command line. */
  readonly warnIgnored: boolean;
  /** `--report-suppressed`: SARIF also lists suppressed problems, marked as suppressed. */
  readonly reportSuppressed: boolean;
}

export type ParsedArguments = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

export const DEFAULT_EXTENSIONS = [".crm", ".crmscript"];

const FORMATS: readonly OutputFormat[] = ["stylish", "json", "sarif", "github"];

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const inputs: string[] = [];
  let format: OutputFormat = "stylish";
  let extensions = DEFAULT_EXTENSIONS;
  let stdin = false;
  let stdinFilename: string | undefined;
  let color: boolean | undefined;
  let help = false;
  let version = false;
  let targetVersion: string | undefined;
  let platform: Platform | undefined;
  const includePaths: string[] = [];
  let configFile: string | undefined;
  let printConfig: string | undefined;
  const rules: Record<string, RuleSeverity> = {};
  let fix: CliOptions["fix"];
  let maxWarnings: number | undefined;
  let quiet = false;
  let cache = false;
  let cacheLocation: string | undefined;
  let jobs: number | undefined;
  let ignore = true;
  let warnIgnored = true;
  let reportSuppressed = false;

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === "--") {
      inputs.push(...argv.slice(index + 1));
      break;
    }
    if (!argument.startsWith("-") || argument === "-") {
      inputs.push(argument);
      continue;
    }
    const equals = argument.indexOf("=");
    const name = equals >= 0 ? argument.slice(0, equals) : argument;
    const takeValue = (): string | undefined => {
      if (equals >= 0) return argument.slice(equals + 1);
      const value = argv[index + 1];
      // A negative number (`--max-warnings -1`) is a value, not an option.
      if (value === undefined || (value.startsWith("-") && value !== "-" && !/^-\d+$/.test(value))) return undefined;
      index++;
      return value;
    };
    switch (name) {
      case "-h":
      case "--help":
        help = true;
        break;
      case "-v":
      case "--version":
        version = true;
        break;
      case "-f":
      case "--format": {
        const value = takeValue();
        if (value === undefined) return { ok: false, error: `${name} needs a value: ${FORMATS.join(" or ")}` };
        if (!FORMATS.includes(value as OutputFormat)) return { ok: false, error: `unknown format '${value}': use ${FORMATS.join(" or ")}` };
        format = value as OutputFormat;
        break;
      }
      case "--ext": {
        const value = takeValue();
        if (value === undefined || value.trim() === "") return { ok: false, error: "--ext needs a comma-separated list of extensions, such as .crm,.crmscript" };
        extensions = value.split(",").map((item) => item.trim()).filter((item) => item !== "").map((item) => (item.startsWith(".") ? item : `.${item}`));
        break;
      }
      case "--stdin":
        stdin = true;
        break;
      case "--stdin-filename": {
        const value = takeValue();
        if (value === undefined) return { ok: false, error: "--stdin-filename needs a file name" };
        stdinFilename = value;
        break;
      }
      case "--target-version": {
        const value = takeValue();
        if (value === undefined || !isValidVersion(value)) return { ok: false, error: `${name} needs a SuperOffice version such as 10.2 or 9.2 R08` };
        targetVersion = value.trim();
        break;
      }
      case "--platform": {
        const value = takeValue();
        if (value !== "online" && value !== "onsite") return { ok: false, error: `${name} needs 'online' or 'onsite'` };
        platform = value;
        break;
      }
      case "-I":
      case "--include-path": {
        const value = takeValue();
        if (value === undefined || value.trim() === "") return { ok: false, error: `${name} needs a folder` };
        includePaths.push(value);
        break;
      }
      case "-c":
      case "--config": {
        const value = takeValue();
        if (value === undefined) return { ok: false, error: `${name} needs a configuration file` };
        configFile = value;
        break;
      }
      case "--print-config": {
        const value = takeValue();
        if (value === undefined) return { ok: false, error: `${name} needs the file whose configuration to show` };
        printConfig = value;
        break;
      }
      case "--rule": {
        const value = takeValue();
        const parsedRule = value === undefined ? undefined : parseRuleAssignment(value);
        if (parsedRule === undefined) return { ok: false, error: `${name} needs rule-id:severity, such as --rule no-shadow:off (severity off, warn or error)` };
        if (typeof parsedRule === "string") return { ok: false, error: parsedRule };
        rules[parsedRule.id] = parsedRule.severity;
        break;
      }
      case "--fix":
        fix = "write";
        break;
      case "--fix-dry-run":
        fix = "dry-run";
        break;
      case "--max-warnings": {
        const value = takeValue();
        if (value === undefined || !/^-?\d+$/.test(value.trim())) return { ok: false, error: `${name} needs a whole number` };
        maxWarnings = Number(value);
        break;
      }
      case "-q":
      case "--quiet":
        quiet = true;
        break;
      case "--cache":
        cache = true;
        break;
      case "--cache-location": {
        const value = takeValue();
        if (value === undefined || value.trim() === "") return { ok: false, error: `${name} needs a file` };
        cacheLocation = value;
        cache = true;
        break;
      }
      case "-j":
      case "--jobs": {
        const value = takeValue();
        if (value === undefined || !/^[1-9]\d*$/.test(value.trim())) return { ok: false, error: `${name} needs a number of worker threads, 1 or more` };
        jobs = Number(value);
        break;
      }
      case "--no-ignore":
        ignore = false;
        break;
      case "--no-warn-ignored":
        warnIgnored = false;
        break;
      case "--report-suppressed":
        reportSuppressed = true;
        break;
      case "--color":
        color = true;
        break;
      case "--no-color":
        color = false;
        break;
      default:
        return { ok: false, error: `unknown option '${name}' (see --help)` };
    }
  }
  if (stdin && inputs.length > 0) return { ok: false, error: "--stdin lints standard input; do not also give files" };
  if (stdinFilename !== undefined && !stdin) return { ok: false, error: "--stdin-filename only makes sense with --stdin" };
  if (fix === "write" && stdin) return { ok: false, error: "--fix cannot write standard input; use --fix-dry-run to see the fixed text" };
  return {
    ok: true,
    options: {
      inputs, format, extensions, stdin, stdinFilename, color, help, version, targetVersion, platform, includePaths,
      configFile, printConfig, rules, fix, maxWarnings, quiet, cache, cacheLocation, jobs, ignore, warnIgnored, reportSuppressed,
    },
  };
}

export const USAGE = `Usage: crmscript-lint [options] <files|folders|globs...>

Checks CRMScript files (SuperOffice CRM) and reports problems. Settings come from the
.crmscriptrc.json files in each file's folder and the folders above it (see docs/configuration.md).

Options:
  -f, --format <name>        stylish (default), json (ESLint-compatible), sarif (SARIF 2.1.0, for
                             GitHub code scanning) or github (GitHub Actions annotations)
  -c, --config <file>        use this configuration file instead of searching for .crmscriptrc.json
      --print-config <file>  show the configuration that applies to a file, as JSON, and exit
      --rule <id:severity>   set a rule to off, warn or error, over the configuration (repeatable)
      --target-version <v>   report API newer than this SuperOffice version, such as 10.2
      --platform <p>         online: report API that exists only on on-site installations; or onsite
  -I, --include-path <dir>   also look for #include'd scripts in this folder (repeatable)
      --fix                  apply safe fixes and write the files that change
      --fix-dry-run          show the safe fixes without writing anything
      --max-warnings <n>     exit 1 when there are more than n warnings
  -q, --quiet                report errors only
      --cache                skip files unchanged since the last run (.crmscriptlintcache)
      --cache-location <f>   where to keep the cache (implies --cache)
  -j, --jobs <n>             worker threads (default: one per core for long runs)
      --no-ignore            also lint files the configuration's ignorePatterns name
      --no-warn-ignored      no warning for an ignored file named on the command line
      --report-suppressed    sarif: also list suppressed problems, marked as suppressed (GitHub code
                             scanning ignores the mark and opens alerts for them)
      --ext <list>           extensions searched for in folders (default: .crm,.crmscript)
      --stdin                lint the text on standard input
      --stdin-filename <n>   the file name to report (and find the configuration by) for --stdin
      --color, --no-color    force colours on or off (default: only on a terminal)
  -h, --help                 show this help
  -v, --version              show the version

Suppress a problem in the code with a comment:
  // crmscript-lint-disable-next-line no-agent-in-loop -- reason
  /* crmscript-lint-disable no-shadow */ ... /* crmscript-lint-enable no-shadow */

Exit codes: 0 no errors (and no more warnings than --max-warnings), 1 errors or too many warnings,
2 bad usage, a broken configuration, an unreadable file or an internal failure.

Examples:
  crmscript-lint examples/
  crmscript-lint "scripts/**/*.crm" --format json > report.json
  crmscript-lint --format sarif scripts/ > crmscript.sarif
  crmscript-lint --max-warnings 0 --rule no-netserver-call-in-loop:warn scripts/
  crmscript-lint --fix-dry-run scripts/ && crmscript-lint --fix scripts/
  crmscript-lint --print-config scripts/trigger.crm
  cat trigger.crm | crmscript-lint --stdin --stdin-filename scripts/trigger.crm
  crmscript-lint --target-version 10.2 --platform online -I shared/includes scripts/
`;

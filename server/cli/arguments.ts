/**
 * The command line of `crmscript-lint`: the options it takes, read by
 * `option-parser.ts` and checked into `CliOptions`, or a usage error that
 * names the option and says what to write; and the `--help` text.
 */
import { SCRIPT_EXTENSIONS } from "../analysis/script-files.js";
import { isValidVersion, type Platform, type RuleSeverity } from "../analysis/settings.js";
import { parseRuleAssignment } from "../config/config.js";
import { checked, fileRunOptions, isFilled, optionParser, type OptionSpec as OptionSpecOf, type ParsedOptions } from "./option-parser.js";

export type OutputFormat = "stylish" | "json" | "sarif" | "github";

export interface CliOptions {
  readonly inputs: string[];
  readonly format: OutputFormat;
  readonly extensions: readonly string[];
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

export type ParsedArguments = ParsedOptions<CliOptions>;

export const DEFAULT_EXTENSIONS: readonly string[] = SCRIPT_EXTENSIONS;

const FORMATS: readonly OutputFormat[] = ["stylish", "json", "sarif", "github"];
const FORMAT_LIST = FORMATS.join(" or ");

type Draft = { -readonly [K in keyof CliOptions]: CliOptions[K] };

type OptionSpec = OptionSpecOf<Draft>;

const isFormat = (value: string): value is OutputFormat => (FORMATS as readonly string[]).includes(value);
const isPlatform = (value: string): value is Platform => value === "online" || value === "onsite";

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...fileRunOptions<Draft>(),
  format: {
    short: "f",
    needs: `a value: ${FORMAT_LIST}`,
    apply: (options, value) => {
      if (!isFormat(value)) return `unknown format '${value}': use ${FORMAT_LIST}`;
      options.format = value;
      return undefined;
    },
  },
  config: {
    short: "c",
    needs: "a configuration file",
    apply: (options, value) => {
      options.configFile = value;
    },
  },
  "print-config": {
    needs: "the file whose configuration to show",
    apply: (options, value) => {
      options.printConfig = value;
    },
  },
  rule: {
    needs: "rule-id:severity, such as --rule no-shadow:off (severity off, warn or error)",
    apply: (options, value) => {
      const rule = parseRuleAssignment(value);
      if (rule === undefined || typeof rule === "string") return rule ?? false;
      options.rules = { ...options.rules, [rule.id]: rule.severity };
      return undefined;
    },
  },
  "target-version": {
    needs: "a SuperOffice version such as 10.2 or 9.2 R08",
    apply: checked(isValidVersion, (options, value) => {
      options.targetVersion = value.trim();
    }),
  },
  platform: {
    needs: "'online' or 'onsite'",
    apply: checked(isPlatform, (options, value) => {
      options.platform = value as Platform;
    }),
  },
  "include-path": {
    short: "I",
    needs: "a folder",
    apply: checked(isFilled, (options, value) => {
      options.includePaths.push(value);
    }),
  },
  fix: {
    apply: (options) => {
      options.fix = "write";
    },
  },
  "fix-dry-run": {
    apply: (options) => {
      options.fix = "dry-run";
    },
  },
  "max-warnings": {
    needs: "a whole number",
    apply: checked(
      (value) => /^-?\d+$/.test(value.trim()),
      (options, value) => {
        options.maxWarnings = Number(value);
      },
    ),
  },
  quiet: {
    short: "q",
    apply: (options) => {
      options.quiet = true;
    },
  },
  cache: {
    apply: (options) => {
      options.cache = true;
    },
  },
  "cache-location": {
    needs: "a file",
    apply: checked(isFilled, (options, value) => {
      options.cacheLocation = value;
      options.cache = true;
    }),
  },
  "no-warn-ignored": {
    apply: (options) => {
      options.warnIgnored = false;
    },
  },
  "report-suppressed": {
    apply: (options) => {
      options.reportSuppressed = true;
    },
  },
  stdin: {
    apply: (options) => {
      options.stdin = true;
    },
  },
  "stdin-filename": {
    needs: "a file name",
    apply: (options, value) => {
      options.stdinFilename = value;
    },
  },
  color: {
    apply: (options) => {
      options.color = true;
    },
  },
  "no-color": {
    apply: (options) => {
      options.color = false;
    },
  },
};

const parse = optionParser(OPTIONS);

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const parsed = parse(argv, defaults);
  if (!parsed.ok) return parsed;
  const conflict = conflictOf(parsed.options);
  return conflict === undefined ? parsed : { ok: false, error: conflict };
}

function defaults(): Draft {
  return {
    inputs: [],
    format: "stylish",
    extensions: DEFAULT_EXTENSIONS,
    stdin: false,
    stdinFilename: undefined,
    color: undefined,
    help: false,
    version: false,
    targetVersion: undefined,
    platform: undefined,
    includePaths: [],
    configFile: undefined,
    printConfig: undefined,
    rules: {},
    fix: undefined,
    maxWarnings: undefined,
    quiet: false,
    cache: false,
    cacheLocation: undefined,
    jobs: undefined,
    ignore: true,
    warnIgnored: true,
    reportSuppressed: false,
  };
}

/** Options that cannot go together. */
function conflictOf(options: CliOptions): string | undefined {
  if (options.stdin && options.inputs.length > 0) return "--stdin lints standard input; do not also give files";
  if (options.stdinFilename !== undefined && !options.stdin) return "--stdin-filename only makes sense with --stdin";
  if (options.fix === "write" && options.stdin) return "--fix cannot write standard input; use --fix-dry-run to see the fixed text";
  return undefined;
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
      --ext <list>           extensions searched for in folders (default: ${SCRIPT_EXTENSIONS.join(",")})
      --stdin                lint the text on standard input
      --stdin-filename <n>   the file name to report (and find the configuration by) for --stdin
      --color, --no-color    force colours on or off (default: only on a terminal)
      --                     what follows is files, even a name that starts with -
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

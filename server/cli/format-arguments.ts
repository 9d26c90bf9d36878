/**
 * The command line of `crmscript-format`: the options it takes, read by
 * `option-parser.ts` into `FormatCliOptions` (with the combinations that
 * make no sense refused), and the `--help` text with the exit codes.
 */
import { SCRIPT_EXTENSIONS } from "../analysis/script-files.js";
import { checked, fileRunOptions, isFilled, optionParser, type OptionTable, type ParsedOptions } from "./option-parser.js";

export interface FormatCliOptions {
  readonly inputs: string[];
  /** `--check`: list the files that would change, change nothing. */
  readonly check: boolean;
  /** `--write`: rewrite the files that change. */
  readonly write: boolean;
  readonly stdin: boolean;
  /** The file standard input stands for: its configuration applies, and its ignore patterns. */
  readonly stdinFilepath: string | undefined;
  /** `--config`: this configuration file alone, instead of searching the folders. */
  readonly configFile: string | undefined;
  /** `--no-config`: no configuration file at all. */
  readonly useConfig: boolean;
  /** `--no-ignore`: format files the configuration's ignorePatterns name. */
  readonly ignore: boolean;
  readonly extensions: readonly string[];
  /** Worker threads; undefined: as many as there are cores, for a run long enough to gain from them. */
  readonly jobs: number | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

type Draft = { -readonly [K in keyof FormatCliOptions]: FormatCliOptions[K] };

const setStdinFilepath = (options: Draft, value: string): void => {
  options.stdinFilepath = value;
  options.stdin = true;
};

const OPTIONS: OptionTable<Draft> = {
  ...fileRunOptions<Draft>(),
  check: {
    apply: (options) => {
      options.check = true;
    },
  },
  write: {
    short: "w",
    apply: (options) => {
      options.write = true;
    },
  },
  stdin: {
    apply: (options) => {
      options.stdin = true;
    },
  },
  "stdin-filepath": { needs: "a file name", apply: checked(isFilled, setStdinFilepath) },
  // crmscript-lint's name for it.
  "stdin-filename": { needs: "a file name", apply: checked(isFilled, setStdinFilepath) },
  config: {
    short: "c",
    needs: "a configuration file",
    apply: checked(isFilled, (options, value) => {
      options.configFile = value;
    }),
  },
  "no-config": {
    apply: (options) => {
      options.useConfig = false;
    },
  },
};

const parse = optionParser(OPTIONS);

export function parseFormatArguments(argv: readonly string[]): ParsedOptions<FormatCliOptions> {
  const parsed = parse(argv, defaults);
  if (!parsed.ok) return parsed;
  const conflict = conflictOf(parsed.options);
  return conflict === undefined ? parsed : { ok: false, error: conflict };
}

function defaults(): Draft {
  return {
    inputs: [],
    check: false,
    write: false,
    stdin: false,
    stdinFilepath: undefined,
    configFile: undefined,
    useConfig: true,
    ignore: true,
    extensions: SCRIPT_EXTENSIONS,
    jobs: undefined,
    help: false,
    version: false,
  };
}

/** Options that cannot go together. */
function conflictOf(options: FormatCliOptions): string | undefined {
  if (options.check && options.write) return "--check changes nothing and --write changes files: give one of them";
  if (options.stdin && options.inputs.length > 0) return "--stdin formats standard input; do not also give files";
  if (options.stdin && options.write) return "--write cannot write standard input: without it, the formatted text goes to standard output";
  if (options.configFile !== undefined && !options.useConfig) return "--config and --no-config do not go together";
  return undefined;
}

export const FORMAT_USAGE = `Usage: crmscript-format [options] <files|folders|globs...>

Formats CRMScript files (SuperOffice CRM). The options come from the "format" section of the
.crmscriptrc.json files in each file's folder and the folders above it (see docs/configuration.md).
Without --check or --write, prints the formatted text of the one file given.

Options:
      --check                list the files that are not formatted; change nothing
  -w, --write                format the files in place and list the ones that changed
      --stdin                format the text on standard input and print it
      --stdin-filepath <f>   the file standard input stands for: its configuration and ignore patterns
                             apply (implies --stdin; --stdin-filename is the same)
  -c, --config <file>        use this configuration file instead of searching for .crmscriptrc.json
      --no-config            use no configuration file: the default options, no ignore patterns
      --no-ignore            also format files the configuration's ignorePatterns name
      --ext <list>           extensions searched for in folders (default: ${SCRIPT_EXTENSIONS.join(",")})
  -j, --jobs <n>             worker threads (default: one per core for long runs)
      --                     what follows is files, even a name that starts with -
  -h, --help                 show this help
  -v, --version              show the version

A file with a syntax error is left as it is, and reported on standard error as file:line:column.
Files are written atomically, in the encoding, byte-order mark and permissions they had.

Exit codes: 0 done (with --check: every file is formatted), 1 --check found files to format,
2 bad usage, a broken configuration, or a file that could not be read, formatted or written.

Examples:
  crmscript-format scripts/trigger.crm
  crmscript-format --check scripts/
  crmscript-format --write "scripts/**/*.crm"
  cat trigger.crm | crmscript-format --stdin --stdin-filepath scripts/trigger.crm
`;

/**
 * Parses the command line of `crmscript-lint` into options, or a usage error.
 */
import { isValidVersion, type Platform } from "../analysis/settings.js";


export type OutputFormat = "stylish" | "json";

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
}

export type ParsedArguments = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

export const DEFAULT_EXTENSIONS = [".crm", ".crmscript"];

const FORMATS: readonly OutputFormat[] = ["stylish", "json"];

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
      if (value === undefined || (value.startsWith("-") && value !== "-")) return undefined;
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
  return { ok: true, options: { inputs, format, extensions, stdin, stdinFilename, color, help, version, targetVersion, platform, includePaths } };
}

export const USAGE = `Usage: crmscript-lint [options] <files|folders|globs...>

Checks CRMScript files (SuperOffice CRM) and reports problems.

Options:
  -f, --format <name>        output format: stylish (default) or json (ESLint-compatible)
      --ext <list>           extensions searched for in folders (default: .crm,.crmscript)
      --stdin                lint the text on standard input
      --stdin-filename <n>   the file name to report for --stdin
      --target-version <v>   report API newer than this SuperOffice version, such as 10.2
      --platform <p>         online: report API that exists only on on-site installations; or onsite
  -I, --include-path <dir>   also look for #include'd scripts in this folder (repeatable)
      --color, --no-color    force colours on or off (default: only on a terminal)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage, an unreadable file or an internal failure.

Examples:
  crmscript-lint examples/
  crmscript-lint "scripts/**/*.crm" --format json > report.json
  cat trigger.crm | crmscript-lint --stdin --stdin-filename trigger.crm
  crmscript-lint --target-version 10.2 --platform online -I shared/includes scripts/
`;

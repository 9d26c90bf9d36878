/**
 * Reading a command line against a table of options, for every executable
 * of the CLI: `node:util`'s `parseArgs` in strict mode does the reading;
 * this module applies each option to a draft of the command's options, and
 * turns what strict `parseArgs` refuses into a usage error that names the
 * option as typed and says what to write (the nearest known option for a
 * typo, the value an option needs, the opposite flag for a flag given a
 * value). A negative number after an option that takes a value is its value.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * One option, under its long name. A flag (no `needs`) takes no value. An
 * option with a value says what the value must be ("--jobs needs …"); `apply`
 * returns false for a value that is not that, or a message of its own.
 */
export interface OptionSpec<Draft> {
  readonly short?: string;
  readonly needs?: string;
  readonly apply: (options: Draft, value: string) => false | string | undefined | void;
}

export type OptionTable<Draft> = Readonly<Record<string, OptionSpec<Draft>>>;

export type ParsedOptions<Options> = { readonly ok: true; readonly options: Options } | { readonly ok: false; readonly error: string };

/** The `apply` of an option whose value `set` stores when it is `valid`. */
export function checked<Draft>(valid: (value: string) => boolean, set: (options: Draft, value: string) => void): OptionSpec<Draft>["apply"] {
  return (options, value) => {
    if (!valid(value)) return false;
    set(options, value);
    return undefined;
  };
}

export const isFilled = (value: string): boolean => value.trim() !== "";

/** `--ext .crm,ej`: the extensions of a comma-separated list, each with its dot. */
export function extensionList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "")
    .map((item) => (item.startsWith(".") ? item : `.${item}`));
}

/** What every command that runs over files has: help, version, worker threads, ignore patterns, extensions. */
export interface FileRunDraft {
  help: boolean;
  version: boolean;
  jobs: number | undefined;
  ignore: boolean;
  extensions: readonly string[];
}

/** The options of every command that runs over files (`crmscript-lint`, `crmscript-format`), the same in each. */
export function fileRunOptions<Draft extends FileRunDraft>(): OptionTable<Draft> {
  return {
    help: {
      short: "h",
      apply: (options) => {
        options.help = true;
      },
    },
    version: {
      short: "v",
      apply: (options) => {
        options.version = true;
      },
    },
    jobs: {
      short: "j",
      needs: "a number of worker threads, 1 or more",
      apply: checked(
        (value) => /^[1-9]\d*$/.test(value.trim()),
        (options, value) => {
          options.jobs = Number(value);
        },
      ),
    },
    "no-ignore": {
      apply: (options) => {
        options.ignore = false;
      },
    },
    ext: {
      needs: "a comma-separated list of extensions, such as .crm,.crmscript",
      apply: checked(isFilled, (options, value) => {
        options.extensions = extensionList(value);
      }),
    },
  };
}

type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];
type OptionToken = Extract<Token, { kind: "option" }>;

/** A reader of command lines for `table`: positional arguments go to `inputs`, options to the draft `defaults()` gives. */
export function optionParser<Draft extends { inputs: string[] }>(
  table: OptionTable<Draft>,
): (argv: readonly string[], defaults: () => Draft) => ParsedOptions<Draft> {
  const parseOptions: ParseArgsConfig["options"] = Object.fromEntries(
    Object.entries(table).map(([name, spec]) => {
      const type = spec.needs === undefined ? "boolean" : "string";
      return [name, spec.short === undefined ? { type } : { type, short: spec.short }];
    }),
  );
  /** The option of that long name; undefined for any other name, `constructor` included. */
  const specOf = (name: string): OptionSpec<Draft> | undefined => (Object.hasOwn(table, name) ? table[name] : undefined);
  /** The option spelt exactly so (`--jobs`, `-j`). */
  const optionSpelt = (spelling: string): OptionSpec<Draft> | undefined => {
    if (spelling.startsWith("--")) return specOf(spelling.slice(2));
    return Object.values(table).find((spec) => spec.short !== undefined && `-${spec.short}` === spelling);
  };
  const tokenize = (args: readonly string[], strict: boolean): Token[] =>
    parseArgs({ args: [...args], options: parseOptions, strict, allowPositionals: true, tokens: true }).tokens ?? [];

  /**
   * A negative number after an option that takes a value is its value: `--max-warnings -1` becomes `--max-warnings=-1`
   * (and `-j -1` `-j-1`), since strict `parseArgs` takes a separate value that starts with '-' for a forgotten one.
   */
  const joinNegativeNumbers = (argv: readonly string[]): string[] => {
    const args: string[] = [];
    for (const argument of argv) {
      const previous = args[args.length - 1] ?? "";
      const joins = /^-\d+$/.test(argument) && optionSpelt(previous)?.needs !== undefined && !args.includes("--");
      if (joins) args[args.length - 1] = `${previous}${previous.startsWith("--") ? "=" : ""}${argument}`;
      else args.push(argument);
    }
    return args;
  };

  /** The tokens of a valid command line, or what is wrong with it. */
  const tokensOf = (args: readonly string[]): Token[] | string => {
    try {
      return tokenize(args, true);
    } catch (error) {
      // Node's message names the option its own way ("Option '-f, --format <value>' argument missing"):
      // a lenient reading finds the argument at fault, to say what to write instead.
      const problems = tokenize(args, false).map((token) => (token.kind === "option" ? problemOf(token, args[token.index] ?? "") : undefined));
      return problems.find((problem) => problem !== undefined) ?? (error as Error).message;
    }
  };

  /** Why strict `parseArgs` refuses this option, found in `argument`; undefined when it would not. */
  const problemOf = (token: OptionToken, argument: string): string | undefined => {
    const spec = specOf(token.name);
    if (spec === undefined) return unknownOption(token.rawName, argument);
    // `-q=1` reads as the options -q, -= and -1.
    const given = token.value !== undefined || argument.includes(`${token.rawName.slice(1)}=`);
    if (spec.needs === undefined) return given ? takesNoValue(token.name, token.rawName) : undefined;
    if (token.value === undefined) return needsValue(token.rawName, spec);
    if (token.inlineValue || !isOptionLike(token.value)) return undefined;
    const hint = optionSpelt(token.value.split("=")[0] ?? "") !== undefined ? "" : ` (for a value that starts with '-', write --${token.name}=${token.value})`;
    return `${needsValue(token.rawName, spec)}${hint}`;
  };

  /** An unknown option, with the known one nearest to it, or where a file name that looks like an option goes. */
  const unknownOption = (rawName: string, argument: string): string => {
    // `-help` reads as -h -e -l -p: a word after one dash is matched as if it had two.
    const typed = rawName.startsWith("--") ? rawName : (argument.split("=")[0] ?? rawName);
    const suggestion = nearestOption(typed, Object.keys(table));
    if (suggestion !== undefined) return `unknown option '${typed}'; did you mean '${suggestion}'?`;
    return `unknown option '${rawName}' (see --help; a file whose name starts with '-' goes after --)`;
  };

  /** A flag given a value (`--fix=false`): write it or leave it out, or write its opposite (`--no-color`). */
  const takesNoValue = (name: string, rawName: string): string => {
    const opposite = name.startsWith("no-") ? name.slice(3) : `no-${name}`;
    const hint = specOf(opposite) === undefined ? `write ${rawName}, or leave it out` : `write --${name} or --${opposite}`;
    return `${rawName} takes no value: ${hint}`;
  };

  /** Applies an option `parseArgs` accepted; a message when its value is wrong. */
  const applyOption = (options: Draft, token: OptionToken): string | undefined => {
    const spec = table[token.name] as OptionSpec<Draft>;
    let value = token.value ?? "";
    // `-f=json`: after a short option parseArgs keeps the '='.
    if (token.inlineValue && !token.rawName.startsWith("--") && value.startsWith("=")) value = value.slice(1);
    const outcome = spec.apply(options, value);
    return outcome === false ? needsValue(token.rawName, spec) : outcome || undefined;
  };

  return (argv, defaults) => {
    const tokens = tokensOf(joinNegativeNumbers(argv));
    if (typeof tokens === "string") return { ok: false, error: tokens };
    const options = defaults();
    for (const token of tokens) {
      if (token.kind === "positional") options.inputs.push(token.value);
      if (token.kind !== "option") continue;
      const error = applyOption(options, token);
      if (error !== undefined) return { ok: false, error };
    }
    return { ok: true, options };
  };
}

/** `parseArgs` takes a separate value that looks like an option for a forgotten one. */
const isOptionLike = (value: string): boolean => value.length > 1 && value.startsWith("-");

const needsValue = (rawName: string, spec: { readonly needs?: string }): string => `${rawName} needs ${spec.needs}`;

/** The long option nearest to `typed` (letter case aside), within an edit per three letters; undefined when none is. */
function nearestOption(typed: string, names: readonly string[]): string | undefined {
  const name = typed.replace(/^-+/, "").toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of names) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best === undefined ? undefined : `--${best}`;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

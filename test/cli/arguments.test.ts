/**
 * The command line of `crmscript-lint`, read by `parseArguments` alone:
 * every option in its short, long and `--name=value` forms, what follows
 * `--`, and the usage errors (a flag given a value, an unknown option, a
 * missing or wrong value), each naming the option with a hint.
 */
import { describe, expect, it } from "vitest";
import { parseArguments, type CliOptions } from "../../server/cli/arguments.js";

function options(argv: string[]): CliOptions {
  const parsed = parseArguments(argv);
  if (!parsed.ok) expect.fail(`${argv.join(" ")}: ${parsed.error}`);
  return parsed.options;
}

function error(argv: string[]): string {
  const parsed = parseArguments(argv);
  if (parsed.ok) expect.fail(`${argv.join(" ")} should be a usage error`);
  return parsed.error;
}

/** Every option that takes a value, with a valid value and what it sets. */
const VALUE_OPTIONS: [string, string, Partial<CliOptions>][] = [
  ["--format", "json", { format: "json" }],
  ["--config", "team.json", { configFile: "team.json" }],
  ["--print-config", "a.crm", { printConfig: "a.crm" }],
  ["--rule", "no-shadow:off", { rules: { "no-shadow": "off" } }],
  ["--target-version", "10.2", { targetVersion: "10.2" }],
  ["--platform", "online", { platform: "online" }],
  ["--include-path", "shared", { includePaths: ["shared"] }],
  ["--max-warnings", "3", { maxWarnings: 3 }],
  ["--cache-location", "build/cache", { cache: true, cacheLocation: "build/cache" }],
  ["--jobs", "4", { jobs: 4 }],
  ["--ext", ".ej", { extensions: [".ej"] }],
  ["--stdin-filename", "x.crm", { stdin: true, stdinFilename: "x.crm" }],
];

/** Every flag, and what it sets. */
const FLAGS: [string, Partial<CliOptions>][] = [
  ["--help", { help: true }],
  ["--version", { version: true }],
  ["--fix", { fix: "write" }],
  ["--fix-dry-run", { fix: "dry-run" }],
  ["--quiet", { quiet: true }],
  ["--cache", { cache: true }],
  ["--no-ignore", { ignore: false }],
  ["--no-warn-ignored", { warnIgnored: false }],
  ["--report-suppressed", { reportSuppressed: true }],
  ["--stdin", { stdin: true }],
  ["--color", { color: true }],
  ["--no-color", { color: false }],
];

/** `--stdin-filename` needs `--stdin`, which takes no files. */
const filesFor = (option: string): string[] => (option === "--stdin-filename" ? ["--stdin"] : ["a.crm"]);

describe("options", () => {
  it("have their defaults when not given", () => {
    expect(options(["a.crm"])).toEqual({
      inputs: ["a.crm"],
      format: "stylish",
      extensions: [".crm", ".crmscript", ".ej", ".ejscript", ".crmx", ".cr"],
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
    });
  });

  for (const [option, value, expected] of VALUE_OPTIONS) {
    it(`${option} takes its value as the next argument or after '='`, () => {
      expect(options([option, value, ...filesFor(option)])).toMatchObject(expected);
      expect(options([`${option}=${value}`, ...filesFor(option)])).toMatchObject(expected);
    });
  }

  for (const [flag, expected] of FLAGS) {
    it(`${flag} is a flag`, () => {
      const files = flag === "--stdin" ? [] : ["a.crm"];
      expect(options([flag, ...files])).toMatchObject({ ...expected, inputs: files });
    });
  }

  it("have short forms, also with the value attached", () => {
    expect(options(["-f", "sarif", "-c", "team.json", "-I", "lib", "-j", "2", "-q", "a.crm"])).toMatchObject({
      format: "sarif",
      configFile: "team.json",
      includePaths: ["lib"],
      jobs: 2,
      quiet: true,
      inputs: ["a.crm"],
    });
    expect(options(["-fjson", "-j3", "-qI", "lib", "a.crm"])).toMatchObject({ format: "json", jobs: 3, quiet: true, includePaths: ["lib"] });
    expect(options(["-f=github", "a.crm"]).format).toBe("github");
    expect(options(["-h"]).help).toBe(true);
    expect(options(["-v"]).version).toBe(true);
  });

  it("-I and --rule repeat; the last --fix or --fix-dry-run and --color or --no-color win", () => {
    const repeated = options([
      "-I",
      "a",
      "--include-path",
      "b",
      "--include-path=c",
      "--rule",
      "no-shadow:off",
      "--rule=no-shadow=error",
      "--rule",
      "keyword-case:1",
      "x.crm",
    ]);
    expect(repeated.includePaths).toEqual(["a", "b", "c"]);
    expect(repeated.rules).toEqual({ "no-shadow": "error", "keyword-case": "warning" });
    expect(options(["--fix", "--fix-dry-run", "--color", "--no-color", "a.crm"])).toMatchObject({ fix: "dry-run", color: false });
    expect(options(["--fix-dry-run", "--fix", "--no-color", "--color", "a.crm"])).toMatchObject({ fix: "write", color: true });
  });

  it("--max-warnings takes -1 and 0; --ext takes a list, dots optional", () => {
    expect(options(["--max-warnings", "-1", "a.crm"])).toMatchObject({ maxWarnings: -1, inputs: ["a.crm"] });
    expect(options(["--max-warnings=-1", "a.crm"]).maxWarnings).toBe(-1);
    expect(options(["--max-warnings", "0", "a.crm"]).maxWarnings).toBe(0);
    expect(options(["--ext", "crm, .ej,,txt", "a"]).extensions).toEqual([".crm", ".ej", ".txt"]);
  });

  it("everything after -- is a file name, even one that starts with '-'; '-' alone is a file name", () => {
    expect(options(["-f", "json", "--", "-odd.crm", "--fix", "--max-warnings", "-1"])).toMatchObject({
      format: "json",
      fix: undefined,
      maxWarnings: undefined,
      inputs: ["-odd.crm", "--fix", "--max-warnings", "-1"],
    });
    expect(options(["a.crm", "-", "--quiet", "b.crm"])).toMatchObject({ inputs: ["a.crm", "-", "b.crm"], quiet: true });
  });
});

describe("usage errors", () => {
  it("a flag given a value, with a hint", () => {
    expect(error(["--fix=false", "a.crm"])).toBe("--fix takes no value: write --fix, or leave it out");
    expect(error(["--cache=false", "a.crm"])).toBe("--cache takes no value: write --cache, or leave it out");
    expect(error(["--quiet=1", "a.crm"])).toBe("--quiet takes no value: write --quiet, or leave it out");
    expect(error(["-q=1", "a.crm"])).toBe("-q takes no value: write -q, or leave it out");
    expect(error(["-hq=true", "a.crm"])).toBe("-q takes no value: write -q, or leave it out");
    expect(error(["--color=false", "a.crm"])).toBe("--color takes no value: write --color or --no-color");
    expect(error(["--no-color=", "a.crm"])).toBe("--no-color takes no value: write --no-color or --color");
    for (const [flag] of FLAGS) expect(error([`${flag}=false`, "a.crm"])).toMatch(new RegExp(`^${flag} takes no value: write ${flag}`));
  });

  it("an unknown option, with the nearest known one or where such a file name goes", () => {
    expect(error(["--fixx", "a.crm"])).toBe("unknown option '--fixx'; did you mean '--fix'?");
    expect(error(["--no-colour", "a.crm"])).toBe("unknown option '--no-colour'; did you mean '--no-color'?");
    expect(error(["--Quiet", "a.crm"])).toBe("unknown option '--Quiet'; did you mean '--quiet'?");
    expect(error(["--max-warning=0", "a.crm"])).toBe("unknown option '--max-warning'; did you mean '--max-warnings'?");
    expect(error(["-help"])).toBe("unknown option '-help'; did you mean '--help'?");
    expect(error(["--bogus", "a.crm"])).toBe("unknown option '--bogus' (see --help; a file whose name starts with '-' goes after --)");
    expect(error(["-odd.crm"])).toMatch(/^unknown option '-o' \(see --help; a file whose name starts with '-' goes after --\)$/);
    expect(error(["--constructor", "a.crm"])).toMatch(/^unknown option '--constructor'/);
  });

  for (const [option] of VALUE_OPTIONS) {
    it(`${option} without its value`, () => {
      expect(error([...filesFor(option).filter((file) => file !== "a.crm"), option])).toMatch(new RegExp(`^${option} needs \\S`));
    });
  }

  it("a missing value, followed by another option or by nothing", () => {
    expect(error(["a.crm", "--format"])).toBe("--format needs a value: stylish or json or sarif or github");
    expect(error(["a.crm", "-f"])).toBe("-f needs a value: stylish or json or sarif or github");
    expect(error(["--format", "--fix", "a.crm"])).toBe("--format needs a value: stylish or json or sarif or github");
    expect(error(["-I", "-q", "a.crm"])).toBe("-I needs a folder");
    expect(error(["--stdin", "--stdin-filename", "-odd.crm"])).toBe(
      "--stdin-filename needs a file name (for a value that starts with '-', write --stdin-filename=-odd.crm)",
    );
    expect(options(["--stdin", "--stdin-filename=-odd.crm"]).stdinFilename).toBe("-odd.crm");
  });

  it("a wrong value: numbers, formats, severities, platforms, versions, lists", () => {
    expect(error(["--format", "xml", "a.crm"])).toBe("unknown format 'xml': use stylish or json or sarif or github");
    expect(error(["--max-warnings", "lots", "a.crm"])).toBe("--max-warnings needs a whole number");
    expect(error(["--max-warnings=1.5", "a.crm"])).toBe("--max-warnings needs a whole number");
    for (const jobs of ["0", "-1", "two"]) expect(error(["-j", jobs, "a.crm"])).toBe("-j needs a number of worker threads, 1 or more");
    expect(error(["--jobs=0", "a.crm"])).toBe("--jobs needs a number of worker threads, 1 or more");
    expect(error(["--rule", "no-shadow:loud", "a.crm"])).toBe("--rule needs rule-id:severity, such as --rule no-shadow:off (severity off, warn or error)");
    expect(error(["--rule", "no-shadow", "a.crm"])).toMatch(/^--rule needs rule-id:severity/);
    expect(error(["--rule", "no-shadw:off", "a.crm"])).toBe("unknown rule 'no-shadw'; did you mean 'no-shadow'?");
    expect(error(["--platform=cloud", "a.crm"])).toBe("--platform needs 'online' or 'onsite'");
    expect(error(["--target-version", "latest", "a.crm"])).toBe("--target-version needs a SuperOffice version such as 10.2 or 9.2 R08");
    expect(error(["--ext=", "."])).toBe("--ext needs a comma-separated list of extensions, such as .crm,.crmscript");
    expect(error(["-I", " ", "a.crm"])).toBe("-I needs a folder");
    expect(error(["--cache-location=", "a.crm"])).toBe("--cache-location needs a file");
  });

  it("options that do not go together", () => {
    expect(error(["--stdin", "a.crm"])).toBe("--stdin lints standard input; do not also give files");
    expect(error(["--stdin-filename", "x.crm", "a.crm"])).toBe("--stdin-filename only makes sense with --stdin");
    expect(error(["--stdin", "--fix"])).toBe("--fix cannot write standard input; use --fix-dry-run to see the fixed text");
  });
});

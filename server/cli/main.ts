/**
 * `crmscript-lint`: arguments in, report out, exit code returned (never
 * `process.exit`). It finds the files, checks their configuration, reuses
 * cached results, lints the rest (on worker threads for long runs), writes
 * fixes when asked and formats the report. All I/O goes through `CliIo`,
 * so tests run it in-process.
 */
import { existsSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import {
  type ConfigResolver,
  describeConfig,
  formatConfigProblem,
  isIgnoredBy,
  toAnalysisSettings,
  type ConfigFileProblem,
  type ConfigFileText,
  type EffectiveConfig,
} from "../config/resolve.js";
import { findFiles } from "../node/find-files.js";
import { decodeSource, readConfigText, readSource } from "../node/read-source.js";
import { replaceAtomically, writeSourceFile } from "../node/write-source.js";
import { parseArguments, USAGE, type CliOptions } from "./arguments.js";
import { FileLinter, lintJob, readOrUndefined, type JobOutcome, type LintJob, type LinterSetup } from "./file-linter.js";
import { formatFixDiff } from "./formatters/fix-diff.js";
import { formatGithub } from "./formatters/github.js";
import { formatJson } from "./formatters/json.js";
import { displayPath } from "./formatters/paths.js";
import { formatSarif, packageDocs } from "./formatters/sarif.js";
import { formatStylish } from "./formatters/stylish.js";
import { DEFAULT_CACHE_FILE, LintCache } from "./lint-cache.js";
import { errorsOnly, lintResult, unreadableFileResult, type LintResult } from "./lint-result.js";
import { toolVersion } from "../analysis/tool-version.js";
import { ProgressLine } from "./progress.js";
import { toolIdentity } from "./tool-identity.js";
import { runInWorkers, threadsFor } from "./worker-pool.js";

export interface CliIo {
  readonly cwd: string;
  readonly stdoutIsTerminal: boolean;
  readonly stderrIsTerminal?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readStdin(): Promise<string>;
  readFile(path: string): string;
  /** A configuration file's text (undefined when there is none), or why its bytes are not usable text. */
  readConfig(path: string): ConfigFileText | undefined;
  /** Whether a file exists (the cache drops entries of files that are gone). */
  exists(path: string): boolean;
  /** This build's identity, which the cache keys on (default: a hash of the registries, for runs from the sources). */
  toolIdentity?(): string;
  /** Writes a file the CLI owns (the cache), atomically. */
  writeFile(path: string, text: string): void;
  /**
   * Replaces `original` with `changed` in a script (`--fix`), keeping its
   * encoding, byte-order mark and permissions, atomically; throws, leaving
   * the file untouched, when that cannot be done faithfully.
   */
  writeSource(path: string, original: string, changed: string): void;
  /** The script worker threads run (the bundled executable); without it everything runs on this thread. */
  readonly workerScript?: string;
  /** How many threads can run at once. */
  readonly cores?: number;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FAILURE = 2;

function linterSetup(options: CliOptions, io: CliIo): LinterSetup {
  return {
    cwd: io.cwd,
    configFile: options.configFile,
    overrides: {
      source: "command line",
      ...(options.targetVersion === undefined ? {} : { targetVersion: options.targetVersion }),
      ...(options.platform === undefined ? {} : { platform: options.platform }),
      includePaths: options.includePaths.map((folder) => resolve(io.cwd, folder)),
      rules: options.rules,
    },
    fix: options.fix !== undefined,
  };
}

function useColor(color: boolean | undefined, io: CliIo): boolean {
  if (color !== undefined) return color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.stdoutIsTerminal;
}

/** The run's state: results in input order, and whether anything failed outright. */
interface Run {
  readonly options: CliOptions;
  readonly io: CliIo;
  readonly linter: FileLinter;
  readonly results: (LintResult | undefined)[];
  readonly texts: Map<string, string>;
  failed: boolean;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv);
  if (!parsed.ok) {
    io.writeStderr(`crmscript-lint: ${parsed.error}\n`);
    return EXIT_FAILURE;
  }
  const options = parsed.options;
  if (options.help) {
    io.writeStdout(USAGE);
    return EXIT_OK;
  }
  if (options.version) {
    io.writeStdout(`${toolVersion()}\n`);
    return EXIT_OK;
  }
  const setup = linterSetup(options, io);
  const linter = new FileLinter(setup, { script: (path) => io.readFile(path), config: (path) => io.readConfig(path) });
  if (options.printConfig !== undefined) return printConfig(linter, resolve(io.cwd, options.printConfig), io);

  const run: Run = { options, io, linter, results: [], texts: new Map(), failed: false };
  if (options.stdin) {
    const code = await lintStdin(run);
    if (code !== undefined) return code;
  } else {
    if (options.inputs.length === 0) {
      io.writeStderr(`crmscript-lint: no files given\n\n${USAGE}`);
      return EXIT_FAILURE;
    }
    const search = findFiles(options.inputs, io.cwd, options.extensions);
    for (const problem of search.problems) io.writeStderr(`crmscript-lint: ${problem}\n`);
    if (search.problems.length > 0) run.failed = true;
    const configs = configurationsOf(search.files, linter, io);
    if (configs === undefined) return EXIT_FAILURE;
    const indexes: number[] = [];
    search.files.forEach((file, index) => {
      if (!options.ignore || !isIgnoredBy(configs[index] as EffectiveConfig, file)) indexes.push(index);
      else if (search.explicit.has(file) && options.warnIgnored) run.results[index] = ignoredFileResult(file, io.cwd);
    });
    await lintFiles(run, indexes, search.files, setup);
  }
  return report(run);
}

/** Each file's configuration, or undefined (after saying why) when a configuration file is broken (`crmscript-format` too). */
export function configurationsOf(
  files: readonly string[],
  source: { readonly configs: ConfigResolver },
  io: CliIo,
  tool?: string,
): EffectiveConfig[] | undefined {
  const problems: ConfigFileProblem[] = [];
  const configs = files.map((file) => {
    const { config, problems: found } = source.configs.forFile(file);
    problems.push(...found);
    return config;
  });
  return reportConfigProblems(problems, io, tool) ? undefined : configs;
}

/** Prints each configuration problem once (`crmscript-format` too); true when there was any (the run must stop). */
export function reportConfigProblems(problems: readonly ConfigFileProblem[], io: CliIo, tool = "crmscript-lint"): boolean {
  if (problems.length === 0) return false;
  for (const problem of new Set(problems.map(formatConfigProblem))) io.writeStderr(`${tool}: ${problem}\n`);
  io.writeStderr(`${tool}: fix the configuration and run again\n`);
  return true;
}

function printConfig(linter: FileLinter, path: string, io: CliIo): number {
  const { config, problems } = linter.configs.forFile(path);
  if (reportConfigProblems(problems, io)) return EXIT_FAILURE;
  io.writeStdout(`${JSON.stringify(describeConfig(config, path), null, 2)}\n`);
  return EXIT_OK;
}

function ignoredFileResult(file: string, cwd: string): LintResult {
  const shown = displayPath(file, cwd);
  return lintResult(file, [
    {
      ruleId: null,
      severity: 1,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: `${shown} is not linted: the configuration's ignorePatterns name it (use --no-ignore to lint it)`,
    },
  ]);
}

async function lintStdin(run: Run): Promise<number | undefined> {
  let text: string;
  try {
    text = await run.io.readStdin();
  } catch (error) {
    run.io.writeStderr(`crmscript-lint: cannot read standard input: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
  const filePath = run.options.stdinFilename ?? "<stdin>";
  const { config, problems } = run.linter.configs.forFile(resolve(run.io.cwd, filePath));
  if (reportConfigProblems(problems, run.io)) return EXIT_FAILURE;
  if (run.options.stdinFilename !== undefined && run.options.ignore && isIgnoredBy(config, resolve(run.io.cwd, filePath))) {
    if (run.options.warnIgnored) run.results.push(ignoredFileResult(filePath, run.io.cwd));
    return undefined;
  }
  run.texts.set(filePath, text);
  run.results.push(lintOne(run, { index: 0, file: filePath, text }));
  return undefined;
}

/** Lints one file on this thread; an exception becomes a failed run, not a lost file. */
function lintOne(run: Run, job: LintJob): LintResult | undefined {
  const outcome = lintHere(run.linter, run.io, job);
  return settle(run, job, outcome);
}

function lintHere(linter: FileLinter, io: CliIo, job: LintJob): JobOutcome {
  return lintJob(linter, job, (path) => io.readFile(path));
}

function settle(run: Run, job: LintJob, outcome: JobOutcome): LintResult | undefined {
  if (outcome.kind === "linted") return outcome.linted.result;
  run.failed = true;
  if (outcome.kind === "unreadable") return unreadableFileResult(job.file, outcome.reason);
  run.io.writeStderr(`crmscript-lint: internal error while linting ${job.file}: ${outcome.reason}\n`);
  return undefined;
}

async function lintFiles(run: Run, indexes: readonly number[], files: readonly string[], setup: LinterSetup): Promise<void> {
  const { io, options } = run;
  const cacheFile = resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE);
  const read = (path: string): string | undefined => readOrUndefined((file) => io.readFile(file), path);
  const cache = options.cache
    ? new LintCache(read(cacheFile), io.toolIdentity?.() ?? toolIdentity(toolVersion(), undefined), {
        root: io.cwd,
        readFile: read,
        exists: (path) => io.exists(path),
        resolveInclude: (includeId, from) => run.linter.resolveInclude(includeId, from),
      })
    : undefined;
  // What of a file's configuration changes its result; the resolver shares one configuration object per folder.
  const keys = new WeakMap<EffectiveConfig, string>();
  const configKey = (file: string): string => {
    const { config } = run.linter.configs.forFile(file);
    let key = keys.get(config);
    if (key === undefined) keys.set(config, (key = JSON.stringify(toAnalysisSettings(config, [io.cwd]))));
    return key;
  };
  const jobs: LintJob[] = [];
  for (const index of indexes) {
    const file = files[index] as string;
    // Without a cache the thread that lints a file reads it; with one, its text decides whether to lint it.
    if (cache === undefined) {
      jobs.push({ index, file });
      continue;
    }
    const text = read(file);
    const cached = text === undefined || options.fix !== undefined ? undefined : cache.lookup(file, text, configKey(file));
    if (cached !== undefined) run.results[index] = cached;
    else jobs.push(text === undefined ? { index, file } : { index, file, text });
  }

  const progress = ProgressLine.forRun(jobs.length, io.stderrIsTerminal === true, (text) => io.writeStderr(text));
  const done = (job: LintJob, outcome: JobOutcome): void => {
    progress.advance();
    run.results[job.index] = settle(run, job, outcome);
    if (outcome.kind === "linted" && outcome.linted.fixedFrom !== undefined) run.texts.set(job.file, outcome.linted.fixedFrom);
    if (outcome.kind === "linted" && job.text !== undefined)
      cache?.store(job.file, job.text, configKey(job.file), outcome.linted.includes, outcome.linted.result);
  };
  const threads = threadsFor(jobs.length, options.jobs, io.cores ?? 1);
  if (io.workerScript !== undefined && threads > 1) {
    const start = { role: "crmscript-lint-worker", setup } as const;
    await runInWorkers(io.workerScript, threads, start, jobs, done, (job) => lintHere(run.linter, io, job));
  } else {
    for (const job of jobs) done(job, lintHere(run.linter, io, job));
  }
  progress.finish();

  const saved = cache?.serialize();
  if (saved !== undefined) {
    try {
      io.writeFile(cacheFile, saved);
    } catch (error) {
      io.writeStderr(`crmscript-lint: cannot write the cache ${cacheFile}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}

/** Writes fixes, formats the results and decides the exit code. */
function report(run: Run): number {
  const { io, options } = run;
  let results = run.results.filter((result): result is LintResult => result !== undefined);
  // Standard input is never written anywhere: its fixed text is the JSON report's `output`.
  if (options.fix === "write" && !options.stdin) {
    for (const result of results) {
      const original = run.texts.get(result.filePath);
      if (result.output === undefined || original === undefined) continue;
      try {
        io.writeSource(resolve(io.cwd, result.filePath), original, result.output);
      } catch (error) {
        run.failed = true;
        const reason = error instanceof Error ? error.message : String(error);
        io.writeStderr(`crmscript-lint: ${displayPath(result.filePath, io.cwd)} is unchanged: cannot write the fixes (${reason})\n`);
      }
    }
  }
  if (options.quiet) results = results.map(errorsOnly);
  io.writeStdout(format(results, run));
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings)
    io.writeStderr(`crmscript-lint: ${warnings} ${warnings === 1 ? "warning" : "warnings"}, more than --max-warnings ${options.maxWarnings} allows\n`);
  if (run.failed) return EXIT_FAILURE;
  return results.some((result) => result.errorCount > 0) || tooManyWarnings ? EXIT_ERRORS : EXIT_OK;
}

/** Results in one of the report formats (`crmscript validate` uses it too). */
export function formatReport(
  results: readonly LintResult[],
  format: CliOptions["format"],
  io: CliIo,
  options: { readonly color?: boolean | undefined; readonly reportSuppressed?: boolean } = {},
): string {
  switch (format) {
    case "json":
      return formatJson(results);
    case "sarif":
      return formatSarif(results, { cwd: io.cwd, toolVersion: toolVersion(), docs: packageDocs(), includeSuppressed: options.reportSuppressed === true });
    case "github":
      return formatGithub(results, { cwd: io.cwd });
    case "stylish":
      return formatStylish(results, { color: useColor(options.color, io), cwd: io.cwd });
  }
}

function format(results: readonly LintResult[], run: Run): string {
  const { io, options } = run;
  const report = formatReport(results, options.format, io, { color: options.color, reportSuppressed: options.reportSuppressed });
  switch (options.format) {
    case "stylish": {
      const stylish = report;
      if (options.fix !== "dry-run") return stylish;
      return (
        formatFixDiff(results, {
          cwd: io.cwd,
          originalText: (result) => run.texts.get(result.filePath) ?? readOrUndefined((file) => io.readFile(file), result.filePath),
        }) + stylish
      );
    }
    default:
      return report;
  }
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdoutIsTerminal: process.stdout.isTTY === true,
    stderrIsTerminal: process.stderr.isTTY === true,
    env: process.env,
    writeStdout: (text) => process.stdout.write(text),
    writeStderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeSource(Buffer.concat(chunks));
    },
    readFile: readSource,
    readConfig: readConfigText,
    exists: (path) => existsSync(path),
    // The bundle is the tool: its hash changes with every build.
    toolIdentity: () => toolIdentity(toolVersion(), typeof __filename === "string" ? __filename : undefined),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      replaceAtomically(path, Buffer.from(text, "utf8"));
    },
    writeSource: (path, original, changed) => {
      writeSourceFile(path, original, changed);
    },
    // The bundle is a CommonJS file that is also the worker's script.
    ...(typeof __filename === "string" ? { workerScript: __filename } : {}),
    cores: availableParallelism(),
  };
}

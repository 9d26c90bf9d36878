/**
 * `crmscript-format`: arguments in, formatted text or a list of files out,
 * exit code returned (never `process.exit`). It finds the files as the
 * linter does (folders, globs, extensions, ignore patterns), stops on a
 * broken configuration, formats each file with its own `format` options
 * (on worker threads for long runs), and prints the one file's text
 * (default), lists the files that would change (`--check`), or writes them
 * back faithfully (`--write`). All I/O goes through `CliIo`.
 *
 * Exit codes, as Prettier's: 0 done (with `--check`, nothing to format), 1
 * `--check` found files to format, 2 bad usage, a broken configuration, or
 * a file that could not be read, formatted or written.
 */
import { resolve } from "node:path";
import { toolVersion } from "../analysis/tool-version.js";
import { type EffectiveConfig, isIgnoredBy } from "../config/resolve.js";
import { findFiles } from "../node/find-files.js";
import { FileFormatter, type FormatJob, type FormatOutcome, type FormatterSetup, refusalOf } from "./file-formatter.js";
import { FORMAT_USAGE, type FormatCliOptions, parseFormatArguments } from "./format-arguments.js";
import { displayPath, STDIN_PATH } from "./formatters/paths.js";
import { type CliIo, configurationsOf, EXIT_ERRORS, EXIT_FAILURE, EXIT_OK, reportConfigProblems } from "./main.js";
import { ProgressLine } from "./progress.js";
import { runInWorkers, threadsFor } from "./worker-pool.js";

const TOOL = "crmscript-format";

export async function formatMain(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseFormatArguments(argv);
  if (!parsed.ok) {
    io.writeStderr(`${TOOL}: ${parsed.error}\n`);
    return EXIT_FAILURE;
  }
  const options = parsed.options;
  if (options.help) {
    io.writeStdout(FORMAT_USAGE);
    return EXIT_OK;
  }
  if (options.version) {
    io.writeStdout(`${toolVersion()}\n`);
    return EXIT_OK;
  }
  const setup: FormatterSetup = { cwd: io.cwd, configFile: options.configFile, useConfig: options.useConfig, texts: options.write };
  const formatter = new FileFormatter(setup, { script: (path) => io.readFile(path), config: (path) => io.readConfig(path) });
  if (options.stdin) return formatStdin(options, formatter, io);
  if (options.inputs.length === 0) {
    io.writeStderr(`${TOOL}: no files given\n\n${FORMAT_USAGE}`);
    return EXIT_FAILURE;
  }

  const search = findFiles(options.inputs, io.cwd, options.extensions);
  for (const problem of search.problems) io.writeStderr(`${TOOL}: ${problem}\n`);
  const configs = configurationsOf(search.files, formatter, io, TOOL);
  if (configs === undefined) return EXIT_FAILURE;
  const files = search.files.filter((file, index) => {
    if (!options.ignore || !isIgnoredBy(configs[index] as EffectiveConfig, file)) return true;
    if (search.explicit.has(file))
      io.writeStderr(`${TOOL}: ${displayPath(file, io.cwd)} is not formatted: the configuration's ignorePatterns name it (use --no-ignore to format it)\n`);
    return false;
  });
  const failed = search.problems.length > 0;
  if (!options.check && !options.write) return printOne(files, formatter, io, failed);
  const run = await formatFiles(files, options, setup, formatter, io);
  if (failed || run.failed) return EXIT_FAILURE;
  return options.check && run.changed > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** Without `--check` or `--write`: the formatted text of the one file, on standard output. */
function printOne(files: readonly string[], formatter: FileFormatter, io: CliIo, failed: boolean): number {
  if (files.length > 1) {
    io.writeStderr(`${TOOL}: ${files.length} files to format: name one file to print its formatted text, or use --check or --write\n`);
    return EXIT_FAILURE;
  }
  const file = files[0];
  if (file === undefined) return failed ? EXIT_FAILURE : EXIT_OK;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    reportOutcome(file, { kind: "unreadable", reason: messageOf(error) }, io);
    return EXIT_FAILURE;
  }
  const result = formatter.format(file, text);
  if (!result.ok) {
    reportOutcome(file, refusalOf(result, text), io);
    return EXIT_FAILURE;
  }
  io.writeStdout(result.text);
  return failed ? EXIT_FAILURE : EXIT_OK;
}

/** `--stdin`: the formatted text on standard output, or with `--check` whether it would change. */
async function formatStdin(options: FormatCliOptions, formatter: FileFormatter, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await io.readStdin();
  } catch (error) {
    io.writeStderr(`${TOOL}: cannot read standard input: ${messageOf(error)}\n`);
    return EXIT_FAILURE;
  }
  const filePath = options.stdinFilepath ?? STDIN_PATH;
  const { config, problems } = formatter.configs.forFile(resolve(io.cwd, filePath));
  if (reportConfigProblems(problems, io, TOOL)) return EXIT_FAILURE;
  // A file the configuration leaves alone comes back as it is, so an editor piping text through loses nothing.
  if (options.stdinFilepath !== undefined && options.ignore && isIgnoredBy(config, resolve(io.cwd, filePath))) {
    if (!options.check) io.writeStdout(text);
    return EXIT_OK;
  }
  const result = formatter.format(filePath, text);
  if (!result.ok) {
    reportOutcome(filePath, refusalOf(result, text), io);
    return EXIT_FAILURE;
  }
  if (!options.check) {
    io.writeStdout(result.text);
    return EXIT_OK;
  }
  if (!result.changed) return EXIT_OK;
  io.writeStdout(`${displayPath(filePath, io.cwd)}\n`);
  return EXIT_ERRORS;
}

interface FilesRun {
  /** Files that would change (`--check`) or were written (`--write`). */
  changed: number;
  /** Whether a file could not be read, formatted or written. */
  failed: boolean;
}

/**
 * `--check` and `--write`: formats every file (on worker threads when there
 * are many), writes each changed file as soon as its outcome arrives, and
 * lists the changed files and reports the others in the order given.
 */
async function formatFiles(files: readonly string[], options: FormatCliOptions, setup: FormatterSetup, formatter: FileFormatter, io: CliIo): Promise<FilesRun> {
  const run: FilesRun = { changed: 0, failed: false };
  const jobs: FormatJob[] = files.map((file, index) => ({ index, file }));
  // What to say about each file, in input order: a listed path on standard output or a report on standard error.
  const said: ({ readonly listed: string } | { readonly report: () => void } | undefined)[] = [];
  const progress = ProgressLine.forRun(jobs.length, io.stderrIsTerminal === true, (text) => io.writeStderr(text), TOOL);
  const done = (job: FormatJob, outcome: FormatOutcome): void => {
    progress.advance();
    const written = outcome.kind === "formatted" && outcome.changed && options.write ? writeBack(job.file, outcome, io) : undefined;
    if (written !== undefined) {
      run.failed = true;
      said[job.index] = { report: () => io.writeStderr(`${TOOL}: ${displayPath(job.file, io.cwd)} is unchanged: cannot write it (${written})\n`) };
    } else if (outcome.kind === "formatted") {
      if (outcome.changed) run.changed++;
      said[job.index] = outcome.changed ? { listed: displayPath(job.file, io.cwd) } : undefined;
    } else {
      run.failed = true;
      said[job.index] = { report: () => reportOutcome(job.file, outcome, io) };
    }
  };
  const here = (job: FormatJob): FormatOutcome => formatter.run(job, (path) => io.readFile(path));
  const threads = threadsFor(jobs.length, options.jobs, io.cores ?? 1);
  if (io.workerScript !== undefined && threads > 1) {
    await runInWorkers(io.workerScript, threads, { role: "crmscript-format-worker", setup }, jobs, done, here);
  } else {
    for (const job of jobs) done(job, here(job));
  }
  progress.finish();
  for (const item of said) {
    if (item === undefined) continue;
    if ("listed" in item) io.writeStdout(`${item.listed}\n`);
    else item.report();
  }
  return run;
}

/** Writes a changed file back; why it could not be, or undefined when it was written. */
function writeBack(file: string, outcome: Extract<FormatOutcome, { kind: "formatted" }>, io: CliIo): string | undefined {
  if (outcome.original === undefined || outcome.text === undefined) return "its formatted text was lost";
  try {
    io.writeSource(file, outcome.original, outcome.text);
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}

/** A file left as it is, on standard error: `file:line:column: …` where a syntax error stopped the formatter. */
function reportOutcome(file: string, outcome: Exclude<FormatOutcome, { kind: "formatted" }>, io: CliIo): void {
  const shown = displayPath(file, io.cwd);
  switch (outcome.kind) {
    case "refused": {
      const at = outcome.line === undefined ? shown : `${shown}:${outcome.line}:${outcome.column}`;
      io.writeStderr(`${TOOL}: ${at}: not formatted: ${outcome.reason}\n`);
      return;
    }
    case "unreadable":
      io.writeStderr(`${TOOL}: ${shown}: cannot be read: ${outcome.reason}\n`);
      return;
    case "failed":
      io.writeStderr(`${TOOL}: internal error while formatting ${shown}: ${outcome.reason}\n`);
      return;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

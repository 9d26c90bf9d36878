/**
 * `crmscript-lint`: arguments in, report out, exit code returned (never
 * `process.exit`). All I/O goes through `CliIo`, so tests run it in-process.
 */
import { resolve } from "node:path";
import { AnalysisHost } from "../analysis/host.js";
import { builtinCatalog } from "../catalog/builtin-catalog.js";
import { parseArguments, USAGE, type CliOptions } from "./arguments.js";
import { findFiles } from "../node/find-files.js";
import { formatJson } from "./formatters/json.js";
import { formatStylish } from "./formatters/stylish.js";
import { lintResult, toLintMessage, unreadableFileResult, type LintResult } from "./lint-result.js";
import { decodeSource, readSource } from "../node/read-source.js";

export interface CliIo {
  readonly cwd: string;
  readonly stdoutIsTerminal: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readStdin(): Promise<string>;
  readFile(path: string): string;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FAILURE = 2;

declare const CRMSCRIPT_TOOLS_VERSION: string | undefined;

export function toolVersion(): string {
  return typeof CRMSCRIPT_TOOLS_VERSION === "string" ? CRMSCRIPT_TOOLS_VERSION : "development";
}

/** Analyses `text` as the file at `filePath` and turns its diagnostics into a lint result. */
function lintText(host: AnalysisHost, cwd: string, filePath: string, text: string): LintResult {
  const path = resolve(cwd, filePath);
  const analysis = host.analyzeText(path, text);
  const lines = analysis.sourceFile.lineIndex;
  const result = lintResult(filePath, analysis.diagnostics.map((diagnostic) => toLintMessage(diagnostic, lines)));
  host.release(path);
  return result;
}

function createHost(options: CliOptions, io: CliIo): AnalysisHost {
  // Included scripts are read through the same I/O as the files named on the command line.
  const fileSystem = {
    readFile: (path: string): string | undefined => {
      try {
        return io.readFile(path);
      } catch {
        return undefined;
      }
    },
  };
  return new AnalysisHost(builtinCatalog().catalog, fileSystem, {
    targetVersion: options.targetVersion,
    platform: options.platform,
    workspaceRoots: [io.cwd],
    includePaths: options.includePaths.map((folder) => resolve(io.cwd, folder)),
  });
}

function useColor(options: CliOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.stdoutIsTerminal;
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

  const host = createHost(options, io);
  const results: LintResult[] = [];
  let failed = false;
  if (options.stdin) {
    let text: string;
    try {
      text = await io.readStdin();
    } catch (error) {
      io.writeStderr(`crmscript-lint: cannot read standard input: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_FAILURE;
    }
    results.push(lintText(host, io.cwd, options.stdinFilename ?? "<stdin>", text));
  } else {
    if (options.inputs.length === 0) {
      io.writeStderr(`crmscript-lint: no files given\n\n${USAGE}`);
      return EXIT_FAILURE;
    }
    const search = findFiles(options.inputs, io.cwd, options.extensions);
    for (const problem of search.problems) io.writeStderr(`crmscript-lint: ${problem}\n`);
    if (search.problems.length > 0) failed = true;
    for (const file of search.files) {
      let text: string;
      try {
        text = io.readFile(file);
      } catch (error) {
        failed = true;
        results.push(unreadableFileResult(file, error instanceof Error ? error.message : String(error)));
        continue;
      }
      try {
        results.push(lintText(host, io.cwd, file, text));
      } catch (error) {
        failed = true;
        io.writeStderr(`crmscript-lint: internal error while linting ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
    }
  }

  const output = options.format === "json" ? formatJson(results) : formatStylish(results, { color: useColor(options, io), cwd: io.cwd });
  io.writeStdout(output);
  if (failed) return EXIT_FAILURE;
  return results.some((result) => result.errorCount > 0) ? EXIT_ERRORS : EXIT_OK;
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdoutIsTerminal: process.stdout.isTTY === true,
    env: process.env,
    writeStdout: (text) => process.stdout.write(text),
    writeStderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeSource(Buffer.concat(chunks));
    },
    readFile: readSource,
  };
}

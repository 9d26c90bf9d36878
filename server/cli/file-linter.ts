/**
 * Lints one file at a time with the configuration that applies to it: the
 * work the CLI's main thread and each worker thread do. It owns the
 * analysis host (with per-file settings from the configuration files) and
 * the `--fix` loop, and returns the file's result with the files its
 * analysis read through includes (for the cache).
 */
import { resolve } from "node:path";
import { AnalysisHost, type FileAnalysis, type IncludeUse } from "../analysis/host.js";
import { normalizePath } from "../analysis/paths.js";
import { builtinCatalog } from "../catalog/builtin-catalog.js";
import type { ConfigLayer } from "../config/config.js";
import { ConfigResolver, toAnalysisSettings, type ConfigFileText } from "../config/resolve.js";
import { applyFixes, isAutoFixable } from "../lint/fixes.js";
import { lintResult, toLintMessage, toSuppressedMessage, type LintResult } from "./lint-result.js";
import { describeFailure } from "./failure.js";

/** Everything a linter needs, plain data so it can be sent to a worker thread. */
export interface LinterSetup {
  readonly cwd: string;
  readonly configFile: string | undefined;
  /** The command line's settings, above every configuration file. */
  readonly overrides: ConfigLayer;
  /** Compute fixed texts (`--fix`, `--fix-dry-run`). */
  readonly fix: boolean;
}

export interface LintedFile {
  readonly result: LintResult;
  /** The text that was linted, when fixes changed it (`result.output`): a writer checks the file still holds it. */
  readonly fixedFrom?: string;
  /** The includes the analysis resolved; the result holds while they resolve the same and no file involved changes. */
  readonly includes: readonly IncludeUse[];
}

export interface LintJob {
  readonly index: number;
  readonly file: string;
  /** The file's text when the main thread has read it already (for the cache); otherwise the worker reads it. */
  readonly text?: string;
}

export type JobOutcome =
  | { readonly kind: "linted"; readonly linted: LintedFile }
  | { readonly kind: "unreadable"; readonly reason: string }
  | { readonly kind: "failed"; readonly reason: string };

/** The file's text, or undefined when it cannot be read (included scripts, configuration files, the cache). */
export function readOrUndefined(readFile: (path: string) => string, path: string): string | undefined {
  try {
    return readFile(path);
  } catch {
    return undefined;
  }
}

/** How a linter reads scripts (throwing when one cannot be read) and configuration files. */
export interface LinterReaders {
  readonly script: (path: string) => string;
  readonly config: (path: string) => ConfigFileText | undefined;
}

/** How often fixes are applied and the file analysed again, at most (a fix may make room for another). */
const MAX_FIX_PASSES = 10;

export class FileLinter {
  readonly configs: ConfigResolver;
  private readonly host: AnalysisHost;

  constructor(
    private readonly setup: LinterSetup,
    readers: LinterReaders,
  ) {
    const reader = { readFile: (path: string) => readOrUndefined(readers.script, path) };
    this.configs = new ConfigResolver(
      { readFile: readers.config },
      {
        above: [setup.overrides],
        ...(setup.configFile === undefined ? {} : { configFile: resolve(setup.cwd, setup.configFile) }),
      },
    );
    this.host = new AnalysisHost(
      builtinCatalog().catalog,
      reader,
      {},
      {
        settingsFor: (path) => toAnalysisSettings(this.configs.forFile(path).config, [setup.cwd]),
      },
    );
  }

  /** Lints `text` as the content of `filePath` (as the user named it, relative to the working folder or absolute). */
  lint(filePath: string, text: string): LintedFile {
    const path = normalizePath(resolve(this.setup.cwd, filePath));
    let analysis = this.host.analyzeText(path, text);
    let current = text;
    for (let pass = 0; this.setup.fix && pass < MAX_FIX_PASSES; pass++) {
      const fixes = analysis.diagnostics.filter(isAutoFixable).map((diagnostic) => diagnostic.fix);
      const fixed = applyFixes(current, fixes).text;
      if (fixes.length === 0 || fixed === current) break;
      current = fixed;
      analysis = this.host.analyzeText(path, current);
    }
    const result = toResult(filePath, analysis, current === text ? undefined : current);
    const includes = this.host.includeResolutionsOf(path);
    this.host.release(path);
    return current === text ? { result, includes } : { result, includes, fixedFrom: text };
  }

  /** The file an include id names from `fromFile` now, with that file's settings. */
  resolveInclude(includeId: string, fromFile: string): string | undefined {
    return this.host.findInclude(includeId, fromFile).path;
  }
}

function toResult(filePath: string, analysis: FileAnalysis, output: string | undefined): LintResult {
  const lines = analysis.sourceFile.lineIndex;
  return lintResult(
    filePath,
    analysis.diagnostics.map((diagnostic) => toLintMessage(diagnostic, lines)),
    {
      suppressedMessages: analysis.suppressed.map((suppressed) => toSuppressedMessage(suppressed, lines)),
      ...(output === undefined ? {} : { output }),
    },
  );
}

/** One job on the thread it is on: read the file unless the job has its text, lint it, and never throw. */
export function lintJob(linter: FileLinter, job: LintJob, readFile: (path: string) => string): JobOutcome {
  let text: string;
  try {
    text = job.text ?? readFile(job.file);
  } catch (error) {
    return { kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    return { kind: "linted", linted: linter.lint(job.file, text) };
  } catch (error) {
    return { kind: "failed", reason: describeFailure(error) };
  }
}

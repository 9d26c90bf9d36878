/**
 * Formats one file at a time with the `format` options of the
 * configuration that applies to it: the work `crmscript-format`'s main
 * thread and each of its worker threads do. It owns the configuration
 * resolver of a formatting run (searching the folders, one `--config`
 * file, or none with `--no-config`) and the outcome of one file's job,
 * which is plain data so a worker can send it.
 */
import { resolve } from "node:path";
import { LineIndex } from "../../grammar/index.js";
import { ConfigResolver, type ConfigFileText } from "../config/resolve.js";
import { type FormatResult, formatText } from "../format/index.js";
import { describeFailure } from "./failure.js";

/** Everything a formatter needs, plain data so it can be sent to a worker thread. */
export interface FormatterSetup {
  readonly cwd: string;
  /** `--config`: this configuration file alone. */
  readonly configFile: string | undefined;
  /** `--no-config`: read no configuration file (the formatter's defaults, no ignore patterns). */
  readonly useConfig: boolean;
  /** Whether an outcome brings the original and formatted texts of a file that changes (`--write`). */
  readonly texts: boolean;
}

export interface FormatJob {
  readonly index: number;
  readonly file: string;
}

export type FormatOutcome =
  /** `original` and `text` when the setup asks for texts and the file changes. */
  | { readonly kind: "formatted"; readonly changed: boolean; readonly original?: string; readonly text?: string }
  /** The formatter left the file as it is; `line` and `column` (1-based) where a syntax error stopped it. */
  | { readonly kind: "refused"; readonly reason: string; readonly line?: number; readonly column?: number }
  | { readonly kind: "unreadable"; readonly reason: string }
  | { readonly kind: "failed"; readonly reason: string };

/** How a formatter reads scripts (throwing when one cannot be read) and configuration files. */
export interface FormatterReaders {
  readonly script: (path: string) => string;
  readonly config: (path: string) => ConfigFileText | undefined;
}

export class FileFormatter {
  readonly configs: ConfigResolver;

  constructor(
    private readonly setup: FormatterSetup,
    readers: FormatterReaders,
  ) {
    // Without configuration, a reader that finds no file leaves every file the defaults.
    const readFile = setup.useConfig ? readers.config : () => undefined;
    this.configs = new ConfigResolver(
      { readFile },
      setup.useConfig && setup.configFile !== undefined ? { configFile: resolve(setup.cwd, setup.configFile) } : {},
    );
  }

  /** Formats `text` as the content of `filePath` (relative to the working folder or absolute), with that file's options. */
  format(filePath: string, text: string): FormatResult {
    return formatText(text, this.configs.forFile(resolve(this.setup.cwd, filePath)).config.format);
  }

  /** One job on the thread it is on: read the file, format it, and never throw. */
  run(job: FormatJob, readFile: (path: string) => string): FormatOutcome {
    let text: string;
    try {
      text = readFile(job.file);
    } catch (error) {
      return { kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
    }
    try {
      return outcomeOf(this.format(job.file, text), text, this.setup.texts);
    } catch (error) {
      return { kind: "failed", reason: describeFailure(error) };
    }
  }
}

/** A formatter's result as a job's outcome. */
export function outcomeOf(result: FormatResult, original: string, texts: boolean): FormatOutcome {
  if (!result.ok) return refusalOf(result, original);
  return texts && result.changed ? { kind: "formatted", changed: true, original, text: result.text } : { kind: "formatted", changed: result.changed };
}

/** Why the formatter left `original` as it is, with the 1-based line and column of the syntax error that stopped it. */
export function refusalOf(result: Extract<FormatResult, { ok: false }>, original: string): Extract<FormatOutcome, { kind: "refused" }> {
  if (result.diagnostic === undefined) return { kind: "refused", reason: result.reason };
  // The formatter reads the text after a byte-order mark; its offsets count from there.
  const body = original.startsWith("\uFEFF") ? original.slice(1) : original;
  const at = new LineIndex(body).position(result.diagnostic.range.start);
  const { message, severity } = result.diagnostic;
  // Not every diagnostic that stops the formatter is an error (a binary file, one too large to parse).
  return { kind: "refused", reason: severity === "error" ? `syntax error: ${message}` : message, line: at.line + 1, column: at.column + 1 };
}

/**
 * The `crmscript` executable: runs the command on the real process and sets
 * the exit code; started as a lint worker thread (by `crmscript lint`), it
 * lints the files it is sent instead.
 */
import { crmscriptMain } from "./crmscript.js";
import { isLintWorker, runLintWorker } from "./lint-worker.js";
import { processIo } from "./main.js";

if (isLintWorker()) {
  runLintWorker();
} else {
  crmscriptMain(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`crmscript: internal failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

/**
 * The `crmscript-lint` executable: runs the CLI on the real process and
 * sets the exit code; started as a worker thread by the CLI itself, it
 * lints the files it is sent instead.
 */
import { isLintWorker, runLintWorker } from "./lint-worker.js";
import { main, processIo } from "./main.js";

if (isLintWorker()) {
  runLintWorker();
} else {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`crmscript-lint: internal failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

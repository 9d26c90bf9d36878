/**
 * What each executable of the CLI does on the real process: started as a
 * worker thread (the linter and the formatter start their own executable
 * as workers), it does the work of its role on the files it is sent;
 * otherwise it runs its command with the process's arguments and sets the
 * exit code, an unexpected failure becoming exit code 2 with the stack on
 * standard error.
 */
import { runFormatWorker } from "./format-worker.js";
import { runLintWorker } from "./lint-worker.js";
import { type CliIo, processIo } from "./main.js";
import { workerRole } from "./worker-thread.js";
import { describeFailure } from "./failure.js";

export function runExecutable(name: string, command: (argv: readonly string[], io: CliIo) => Promise<number>): void {
  switch (workerRole()) {
    case "crmscript-lint-worker":
      runLintWorker();
      return;
    case "crmscript-format-worker":
      runFormatWorker();
      return;
    case undefined:
      break;
  }
  command(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: internal failure: ${describeFailure(error)}\n`);
      process.exitCode = 2;
    },
  );
}

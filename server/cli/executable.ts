/**
 * What each executable of the CLI does on the real process: started as a
 * lint worker thread (the linter starts its own executable as workers), it
 * lints the files it is sent; otherwise it runs its command with the
 * process's arguments and sets the exit code, an unexpected failure
 * becoming exit code 2 with the stack on standard error.
 */
import { isLintWorker, runLintWorker } from "./lint-worker.js";
import { type CliIo, processIo } from "./main.js";

export function runExecutable(name: string, command: (argv: readonly string[], io: CliIo) => Promise<number>): void {
  if (isLintWorker()) {
    runLintWorker();
    return;
  }
  command(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: internal failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

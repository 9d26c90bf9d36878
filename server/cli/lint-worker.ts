/**
 * The body of a lint worker thread: lints each file the pool sends with a
 * `FileLinter` of its own (reading the file itself unless the job brings
 * its text) and answers with the result; a file that cannot be read or
 * makes the linter throw is answered as failed and the worker goes on.
 */
import { readConfigText, readSource } from "../node/read-source.js";
import { FileLinter, lintJob, type LinterSetup, type LintJob } from "./file-linter.js";
import { serveJobs, workerSetup } from "./worker-thread.js";

export function runLintWorker(): void {
  const linter = new FileLinter(workerSetup<LinterSetup>(), { script: readSource, config: readConfigText });
  serveJobs((job: LintJob) => lintJob(linter, job, readSource));
}

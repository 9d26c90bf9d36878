/**
 * The body of a lint worker thread: lints each file the pool sends with a
 * `FileLinter` of its own (reading the file itself unless the job brings
 * its text) and answers with the result; a file that cannot be read or
 * makes the linter throw is answered as failed and the worker goes on.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readConfigText, readSource } from "../node/read-source.js";
import { FileLinter, lintJob, type LintJob } from "./file-linter.js";
import type { WorkerReply, WorkerStart } from "./worker-pool.js";

/** Whether this thread was started by the pool (the bundle is both the executable and the worker). */
export function isLintWorker(): boolean {
  return (workerData as Partial<WorkerStart> | null)?.role === "crmscript-lint-worker";
}

export function runLintWorker(): void {
  const port = parentPort;
  if (port === null) return;
  const linter = new FileLinter((workerData as WorkerStart).setup, { script: readSource, config: readConfigText });
  port.on("message", (job: LintJob) => {
    const reply: WorkerReply = { index: job.index, outcome: lintJob(linter, job, readSource) };
    // As a JSON string: cloning one string is much cheaper than cloning thousands of small message objects.
    port.postMessage(JSON.stringify(reply));
  });
}

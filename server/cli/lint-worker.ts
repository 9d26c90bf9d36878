/**
 * The body of a lint worker thread: lints each file the pool sends with a
 * `FileLinter` of its own and answers with the result; a file that makes
 * the linter throw is answered as failed and the worker goes on.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readSource } from "../node/read-source.js";
import { FileLinter } from "./file-linter.js";
import type { LintJob, WorkerReply, WorkerStart } from "./worker-pool.js";

/** Whether this thread was started by the pool (the bundle is both the executable and the worker). */
export function isLintWorker(): boolean {
  return (workerData as Partial<WorkerStart> | null)?.role === "crmscript-lint-worker";
}

export function runLintWorker(): void {
  const port = parentPort;
  if (port === null) return;
  const linter = new FileLinter((workerData as WorkerStart).setup, readSource);
  port.on("message", (job: LintJob) => {
    let reply: WorkerReply;
    try {
      reply = { index: job.index, outcome: { kind: "linted", linted: linter.lint(job.file, job.text) } };
    } catch (error) {
      reply = { index: job.index, outcome: { kind: "failed", reason: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
    }
    port.postMessage(reply);
  });
}

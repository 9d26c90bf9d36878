/**
 * Lints files on worker threads: each worker runs a `FileLinter` of its own
 * (see lint-worker.ts) and gets the next file as soon as it is done with
 * one, so fast and slow files even out. A worker that dies fails only the
 * file it was on (the ones waiting behind it go to other workers); the
 * files left when no worker is alive are linted by the fallback on this
 * thread, so a run always ends with a result per file.
 */
import { Worker } from "node:worker_threads";
import type { JobOutcome, LintJob, LinterSetup } from "./file-linter.js";

/** What a worker answers for one job (sent as JSON text). */
export interface WorkerReply {
  readonly index: number;
  readonly outcome: JobOutcome;
}

/** The data each worker starts with. */
export interface WorkerStart {
  readonly role: "crmscript-lint-worker";
  readonly setup: LinterSetup;
}

/** Files a worker holds at once: one being linted, one waiting, so it never idles on the round trip. */
const IN_FLIGHT = 2;

export async function lintInWorkers(
  script: string,
  threads: number,
  setup: LinterSetup,
  jobs: readonly LintJob[],
  onOutcome: (job: LintJob, outcome: JobOutcome) => void,
  fallback: (job: LintJob) => JobOutcome,
): Promise<void> {
  const queue = [...jobs];
  const byIndex = new Map(jobs.map((job) => [job.index, job]));
  await new Promise<void>((resolveAll) => {
    let alive = 0;
    const finishIfDone = (): void => {
      if (alive > 0) return;
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) onOutcome(job, fallback(job));
      resolveAll();
    };
    for (let count = 0; count < threads; count++) {
      const start: WorkerStart = { role: "crmscript-lint-worker", setup };
      const worker = new Worker(script, { workerData: start, stdout: false, stderr: false });
      // The jobs sent to this worker and not answered yet, in the order it works on them.
      const held: number[] = [];
      let stopped = false;
      alive++;
      const feed = (): void => {
        while (held.length < IN_FLIGHT && queue.length > 0) {
          const job = queue.shift() as LintJob;
          held.push(job.index);
          worker.postMessage(job);
        }
        if (held.length === 0 && !stopped) {
          stopped = true;
          void worker.terminate();
        }
      };
      // The worker died on the first job it held; the ones waiting behind it go back to the queue.
      const stop = (reason: string): void => {
        stopped = true;
        const failed = held.shift();
        if (failed !== undefined) onOutcome(byIndex.get(failed) as LintJob, { kind: "failed", reason });
        queue.unshift(...held.splice(0).map((index) => byIndex.get(index) as LintJob));
      };
      worker.on("message", (message: string) => {
        const reply = JSON.parse(message) as WorkerReply;
        held.splice(held.indexOf(reply.index), 1);
        onOutcome(byIndex.get(reply.index) as LintJob, reply.outcome);
        feed();
      });
      worker.on("error", (error) => stop(`the worker thread failed: ${error instanceof Error ? error.message : String(error)}`));
      worker.on("exit", (code) => {
        stop(`the worker thread stopped (exit code ${code})`);
        alive--;
        finishIfDone();
      });
      feed();
    }
  });
}

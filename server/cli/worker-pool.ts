/**
 * Runs file jobs on worker threads, for the linter and the formatter alike:
 * each worker (see `worker-thread.ts`; `lint-worker.ts`, `format-worker.ts`)
 * does the work of its role with a setup of its own and gets the next file
 * as soon as it is done with one, so fast and slow files even out. A
 * worker that dies fails only the file it was on (the ones waiting behind
 * it go to other workers); the files left when no worker is alive are done
 * by the fallback on this thread, so a run always ends with an outcome per
 * file.
 */
import { Worker } from "node:worker_threads";
import type { WorkerFailure, WorkerReply, WorkerStart } from "./worker-thread.js";

/** Below this many files per thread, starting workers costs more than it saves. */
const FILES_PER_WORKER = 100;

/** How many threads a run of `jobCount` files uses: `requested` (`--jobs`), or one per core once there are enough files for each. */
export function threadsFor(jobCount: number, requested: number | undefined, cores: number): number {
  return Math.min(requested ?? cores, Math.ceil(jobCount / (requested === undefined ? FILES_PER_WORKER : 1)));
}

/** Files a worker holds at once: one being linted, one waiting, so it never idles on the round trip. */
const IN_FLIGHT = 2;

/**
 * Sends each job to one of `threads` workers started from `script` with
 * `start`, and hands each outcome (or the failure of the worker that held
 * the job) to `onOutcome`, exactly once per job.
 */
export async function runInWorkers<Job extends { readonly index: number }, Outcome>(
  script: string,
  threads: number,
  start: WorkerStart,
  jobs: readonly Job[],
  onOutcome: (job: Job, outcome: Outcome | WorkerFailure) => void,
  fallback: (job: Job) => Outcome | WorkerFailure,
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
      const worker = new Worker(script, { workerData: start, stdout: false, stderr: false });
      // The jobs sent to this worker and not answered yet, in the order it works on them.
      const held: number[] = [];
      let stopped = false;
      alive++;
      // Why the worker failed (an uncaught error); it exits after that, and is sent nothing more.
      let failure: string | undefined;
      const feed = (): void => {
        if (failure !== undefined) return;
        while (held.length < IN_FLIGHT && queue.length > 0) {
          const job = queue.shift() as Job;
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
        if (failed !== undefined) onOutcome(byIndex.get(failed) as Job, { kind: "failed", reason });
        queue.unshift(...held.splice(0).map((index) => byIndex.get(index) as Job));
      };
      worker.on("message", (message: string) => {
        const reply = JSON.parse(message) as WorkerReply<Outcome>;
        const at = held.indexOf(reply.index);
        // Each job is answered once: a job already failed with its worker stays failed.
        if (at < 0) return;
        held.splice(at, 1);
        onOutcome(byIndex.get(reply.index) as Job, reply.outcome);
        feed();
      });
      // The error can arrive before the answers the worker sent ahead of it; "exit" comes after them all.
      worker.on("error", (error) => {
        failure ??= `the worker thread failed: ${error instanceof Error ? error.message : String(error)}`;
      });
      worker.on("exit", (code) => {
        stop(failure ?? `the worker thread stopped (exit code ${code})`);
        alive--;
        finishIfDone();
      });
      feed();
    }
  });
}

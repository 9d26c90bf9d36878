/**
 * The worker side of the worker pool (`worker-pool.ts`): the roles a
 * thread of the CLI's executables can be started in, the data it starts
 * with, and the loop that answers each job the pool sends with its outcome.
 */
import { parentPort, workerData } from "node:worker_threads";

/** What a worker thread does: lint files or format them. */
export type WorkerRole = "crmscript-lint-worker" | "crmscript-format-worker";

/** The data each worker starts with: its role and the plain-data setup of its work. */
export interface WorkerStart {
  readonly role: WorkerRole;
  readonly setup: unknown;
}

/** The outcome of a job whose worker died on it. */
export interface WorkerFailure {
  readonly kind: "failed";
  readonly reason: string;
}

/** What a worker answers for one job (sent as JSON text). */
export interface WorkerReply<Outcome> {
  readonly index: number;
  readonly outcome: Outcome;
}

/** The role this thread was started in by the pool (the bundle is both the executable and its workers); undefined on the main thread. */
export function workerRole(): WorkerRole | undefined {
  return (workerData as Partial<WorkerStart> | null)?.role;
}

/** The setup this worker thread was started with. */
export function workerSetup<Setup>(): Setup {
  return (workerData as WorkerStart).setup as Setup;
}

/** Answers each job the pool sends with `handle`'s outcome; `handle` must not throw. */
export function serveJobs<Job extends { readonly index: number }, Outcome>(handle: (job: Job) => Outcome): void {
  const port = parentPort;
  if (port === null) return;
  port.on("message", (job: Job) => {
    const reply: WorkerReply<Outcome> = { index: job.index, outcome: handle(job) };
    // As a JSON string: cloning one string is much cheaper than cloning thousands of small message objects.
    port.postMessage(JSON.stringify(reply));
  });
}

/**
 * Running a snippet of CommonJS in a worker thread, which gets a V8 heap of
 * its own made with the process's flags as they are now: how the tests of
 * the server's heap tunings compare a heap made before a flag is set with
 * one made after. The snippet posts one message, which is the result.
 */
import { Worker } from "node:worker_threads";

export function resultInNewHeap<T>(code: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

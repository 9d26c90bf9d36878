/**
 * The body of a format worker thread: formats each file the pool sends
 * with a `FileFormatter` of its own (reading the file itself) and answers
 * with the outcome; a file that cannot be read or makes the formatter throw
 * is answered as such and the worker goes on.
 */
import { readConfigText, readSource } from "../node/read-source.js";
import { FileFormatter, type FormatJob, type FormatterSetup } from "./file-formatter.js";
import { serveJobs, workerSetup } from "./worker-thread.js";

export function runFormatWorker(): void {
  const formatter = new FileFormatter(workerSetup<FormatterSetup>(), { script: readSource, config: readConfigText });
  serveJobs((job: FormatJob) => formatter.run(job, readSource));
}

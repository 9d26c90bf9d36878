/**
 * Keeps one failing feature from taking the server down: a handler that
 * throws (or whose promise rejects) is logged with its stack and answers
 * with an empty result, and the server goes on. LSP errors meant for the
 * client (a refused rename, a cancelled request) pass through. Other
 * failures the server survives are logged the same way (`logFailure`).
 */
import type { Connection } from "vscode-languageserver";
import { ResponseError } from "./protocol.js";

/** Logs that `what` failed, with the error's stack. */
export function logFailure(connection: Connection, what: string, error: unknown): void {
  connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

export function guarded<P extends unknown[], R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (...args: P) => R | Promise<R>,
): (...args: P) => R | Promise<R> {
  const failed = (error: unknown): R => {
    if (error instanceof ResponseError) throw error;
    logFailure(connection, name, error);
    return fallback;
  };
  return (...args: P): R | Promise<R> => {
    try {
      const result = handler(...args);
      return result instanceof Promise ? result.catch(failed) : result;
    } catch (error) {
      return failed(error);
    }
  };
}

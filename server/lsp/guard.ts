/**
 * Keeps one failing feature from taking the server down: a handler that
 * throws (or whose promise rejects) is logged with its stack and answers
 * with an empty result, and the server goes on. LSP errors meant for the
 * client (a refused rename, a cancelled request) pass through.
 */
import type { Connection } from "vscode-languageserver";
import { ResponseError } from "./protocol.js";

export function guarded<P extends unknown[], R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (...args: P) => R | Promise<R>,
): (...args: P) => R | Promise<R> {
  const failed = (error: unknown): R => {
    if (error instanceof ResponseError) throw error;
    connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
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

/**
 * Keeps one failing feature from taking the server down: a handler that
 * throws is logged with its stack and answers with an empty result. LSP
 * errors meant for the client (a refused rename) pass through.
 */
import { ResponseError, type Connection } from "vscode-languageserver";

export function guarded<P extends unknown[], R>(connection: Connection, name: string, fallback: R, handler: (...args: P) => R): (...args: P) => R {
  return (...args: P): R => {
    try {
      return handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}

/**
 * Long requests in steps. Between files or phases a handler gives the
 * event loop a turn, so that a `$/cancelRequest` (and any other message)
 * can be read, and then checks its cancellation token; a cancelled request
 * is answered with the protocol's `RequestCancelled` error (and one whose
 * document changed meanwhile, where that matters, with `ContentModified`).
 */
import type { CancellationToken } from "vscode-languageserver";
import { LSPErrorCodes, ResponseError } from "./protocol.js";

/** How long a handler works before it lets the event loop run (milliseconds). */
const STEP_MILLISECONDS = 10;

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, "the request was cancelled");
}

/** For a request about a document that changed before the answer was ready: the client asks again if it still wants one. */
export function contentModifiedError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, "the document changed while the request was being answered");
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw cancelledError();
}

/** Lets the event loop run (pending input, such as a cancellation, is read), then checks the token. */
export async function pause(token: CancellationToken): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  throwIfCancelled(token);
}

/** Calls `each` on every item, pausing whenever the current step has taken `STEP_MILLISECONDS`. */
export async function forEachInSteps<T>(items: Iterable<T>, token: CancellationToken, each: (item: T) => void): Promise<void> {
  let stepStart = performance.now();
  for (const item of items) {
    if (performance.now() - stepStart >= STEP_MILLISECONDS) {
      await pause(token);
      stepStart = performance.now();
    }
    each(item);
  }
  throwIfCancelled(token);
}

/** Waits for `promise`, or until the request is cancelled. */
export async function waitUnlessCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T> {
  throwIfCancelled(token);
  let listener: { dispose(): void } | undefined;
  const cancelled = new Promise<never>((_resolve, reject) => {
    listener = token.onCancellationRequested(() => reject(cancelledError()));
  });
  try {
    return await Promise.race([promise, cancelled]);
  } finally {
    listener?.dispose();
  }
}

/**
 * How the CLI words a failure it did not expect (a bug, not a bad input):
 * the error's stack where it has one, so a report can point at the code.
 */

export function describeFailure(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

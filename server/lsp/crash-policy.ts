/**
 * What the server does about a fault outside any request: an exception
 * thrown from a timer or an I/O callback, or a promise rejection nobody
 * handles. The server's state may be half-updated then, so instead of
 * limping on it logs the error with its stack (on standard error, which
 * clients show, and to the client's log where the message still gets out)
 * and exits with code 1; the client starts a fresh server (the VS Code
 * extension's language client restarts a server that stops, a few times in
 * a row at most). A request whose handler throws is not such a fault: it is
 * answered with an error or an empty result and the server goes on
 * (`guard.ts`, and the protocol library for the rest).
 */

/** The part of `process` the policy uses (tests give a fake one). */
export interface CrashingProcess {
  on(event: string, listener: (reason: unknown) => void): unknown;
  exit(code: number): void;
  readonly stderr: { write(text: string): unknown };
}

export const CRASH_EXIT_CODE = 1;

export function installCrashPolicy(target: CrashingProcess, log: (message: string) => void): void {
  let crashing = false;
  const crash = (what: string, reason: unknown): void => {
    // A second fault while the first is reported only makes the exit sooner.
    if (!crashing) {
      crashing = true;
      const consequence = `exiting with code ${CRASH_EXIT_CODE} so that a fresh server starts`;
      const message = `crmscript-language-server: ${what} outside a request; ${consequence}: ${describe(reason)}`;
      for (const say of [(): unknown => target.stderr.write(`${message}\n`), (): void => log(message)]) {
        try {
          say();
        } catch {
          // That way of saying it is gone; exiting matters more.
        }
      }
    }
    target.exit(CRASH_EXIT_CODE);
  };
  target.on("uncaughtException", (error) => crash("uncaught exception", error));
  target.on("unhandledRejection", (reason) => crash("unhandled promise rejection", reason));
}

function describe(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? `${reason.name}: ${reason.message}`) : String(reason);
}

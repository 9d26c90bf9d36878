/**
 * Failures of tenant operations as the user sees them: a message for every
 * error (never a crash of the extension), with a Sign In button when the
 * sign-in is missing, expired or refused, and the full text in the
 * CRMScript Tenant output; a choice not to go on (`UserCancelled`) is
 * only logged.
 */
import * as vscode from "vscode";
import { NotSignedInError, SignInAgainError } from "../../server/tenant/auth/index.js";
import { TenantError } from "../../server/tenant/http.js";

/** The user chose not to go on (closed a pick or a confirmation); nothing to report. */
export class UserCancelled extends Error {
  override name = "UserCancelled";
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether signing in again is what helps. */
export function needsSignIn(error: unknown): boolean {
  return error instanceof NotSignedInError || error instanceof SignInAgainError || (error instanceof TenantError && error.kind === "unauthorized");
}

/** Shows a failed operation's error (`what` names the operation, such as "Pull"). */
export async function showTenantError(what: string, error: unknown, log: vscode.LogOutputChannel): Promise<void> {
  if (error instanceof UserCancelled || error instanceof vscode.CancellationError) {
    log.info(`${what} stopped: ${describeError(error)}`);
    return;
  }
  log.error(`${what} failed: ${describeError(error)}`);
  if (needsSignIn(error)) {
    const text =
      error instanceof TenantError
        ? "the tenant refused the sign-in (it may have expired)"
        : "not signed in to SuperOffice for this tenant, or the sign-in expired";
    const choice = await vscode.window.showErrorMessage(`${what} failed: ${text}. Sign in again.`, "Sign In", "Show Output");
    if (choice === "Sign In") await vscode.commands.executeCommand("crmscript.tenant.signIn");
    else if (choice === "Show Output") log.show(true);
    return;
  }
  const choice = await vscode.window.showErrorMessage(`${what} failed: ${describeError(error)}`, "Show Output");
  if (choice !== undefined) log.show(true);
}

/**
 * Signing in to SuperOffice from VS Code: the application's client id and
 * the provider from the `crmscript.tenant` settings (the SuperId
 * environment, asked for when the settings name none, or a discovery URL
 * of another provider), the browser sign-in of `server/tenant/auth` with a
 * cancellable progress notification, and opening the sign-in page with
 * `openExternal` (a page on this machine's loopback address through a
 * one-shot redirect, see `redirect-page.ts`).
 */
import * as vscode from "vscode";
import { login, SUPERID_ENVIRONMENTS, type SuperIdEnvironment, superIdDiscoveryUrl, type TokenStore } from "../../server/tenant/auth/index.js";
import { isLoopbackUrl } from "../../server/tenant/auth/superid.js";
import type { StoredSignIn } from "../../server/tenant/auth/token-store.js";
import { UserCancelled } from "./errors.js";
import { type RedirectPage, startRedirectPage } from "./redirect-page.js";

const ENVIRONMENT_NAMES: Record<SuperIdEnvironment, string> = {
  online: "SuperOffice Online (production)",
  sod: "SuperOffice development (SOD)",
  stage: "SuperOffice stage (QA)",
};

/** The provider's discovery URL from the settings, or from the environment the user picks. */
async function discoveryUrl(settings: vscode.WorkspaceConfiguration): Promise<string> {
  const configured = settings.get<string>("discoveryUrl", "").trim();
  if (configured !== "") return configured;
  const environment = settings.get<string>("environment", "").trim();
  if ((SUPERID_ENVIRONMENTS as readonly string[]).includes(environment)) return superIdDiscoveryUrl(environment as SuperIdEnvironment);
  const picked = await vscode.window.showQuickPick(
    SUPERID_ENVIRONMENTS.map((id) => ({ label: ENVIRONMENT_NAMES[id], description: id, id })),
    { title: "Sign in to SuperOffice", placeHolder: "Which SuperOffice environment is the tenant in?", ignoreFocusOut: true },
  );
  if (picked === undefined) throw new UserCancelled("no environment was chosen");
  return superIdDiscoveryUrl(picked.id);
}

/** Signs in through the browser and stores the sign-in under its profile (`{environment}-{tenant}`). */
export async function interactiveSignIn(store: TokenStore, log: vscode.LogOutputChannel): Promise<{ profile: string; signIn: StoredSignIn }> {
  const settings = vscode.workspace.getConfiguration("crmscript.tenant");
  const clientId = settings.get<string>("clientId", "").trim();
  if (clientId === "") {
    void vscode.window
      .showErrorMessage(
        "Signing in to SuperOffice needs the client id of an application registered with SuperOffice: set crmscript.tenant.clientId.",
        "Open Settings",
      )
      .then((choice) => {
        if (choice !== undefined) void vscode.commands.executeCommand("workbench.action.openSettings", "crmscript.tenant");
      });
    throw new UserCancelled("no client id is configured");
  }
  const provider = await discoveryUrl(settings);
  log.info(`Signing in with ${provider}`);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "Signing in to SuperOffice", cancellable: true },
    async (progress, token) => {
      progress.report({ message: "complete the sign-in in your browser…" });
      const abort = new AbortController();
      const cancellation = token.onCancellationRequested(() => abort.abort());
      const pages: RedirectPage[] = [];
      try {
        const result = await login({ store, discoveryUrl: provider, clientId, signal: abort.signal, openBrowser: (url) => openSignInPage(url, pages, log) });
        log.info(`Signed in to ${result.signIn.tenantId} as profile ${result.profile}`);
        return result;
      } catch (error) {
        if (abort.signal.aborted) throw new UserCancelled("the sign-in was cancelled");
        throw error;
      } finally {
        cancellation.dispose();
        for (const page of pages) page.close();
      }
    },
  );
}

/**
 * Opens the provider's sign-in page in the user's browser. A page on the loopback address goes through a one-shot
 * local redirect, so that VS Code's port forwarding never rewrites the provider's own address.
 */
async function openSignInPage(url: string, pages: RedirectPage[], log: vscode.LogOutputChannel): Promise<void> {
  log.info(`Opening the sign-in page: ${url}`);
  let target = url;
  if (isLoopbackUrl(url)) {
    const page = await startRedirectPage(url);
    pages.push(page);
    target = page.url;
    log.info(`The sign-in service is on this machine; opening it through ${target}`);
  }
  if (!(await vscode.env.openExternal(vscode.Uri.parse(target, true)))) {
    // Declined or not possible: the address still works when opened by hand.
    void vscode.window
      .showWarningMessage("The browser was not opened. Open the sign-in address from the CRMScript Tenant output.", "Show Output")
      .then((choice) => {
        if (choice !== undefined) log.show(true);
      });
  }
}

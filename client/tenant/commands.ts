/**
 * The tenant commands (`crmscript.tenant.*`), registered in one place: each
 * runs guarded, so a failure becomes a message (see `errors.ts`) and never
 * an exception out of the extension. Sign-in, sign-out and refresh are
 * here; the work of the others is in `sync-commands.ts` and
 * `check-commands.ts`.
 */
import * as vscode from "vscode";
import { runCommand, validateCommand } from "./check-commands.js";
import { showTenantError, UserCancelled } from "./errors.js";
import { tenantLabel, userLabel } from "./labels.js";
import { afterChange, type TenantServices } from "./services.js";
import { compareCommand, openTenantCopyCommand, pullCommand, pushCommand, showChangesCommand } from "./sync-commands.js";
import { isTenantElement } from "./targets.js";

export function registerTenantCommands(services: TenantServices): vscode.Disposable[] {
  const guarded =
    (what: string, body: (...args: unknown[]) => Promise<void>) =>
    async (...args: unknown[]): Promise<void> => {
      try {
        await body(...args);
      } catch (error) {
        void showTenantError(what, error, services.log);
      }
    };
  return [
    vscode.commands.registerCommand(
      "crmscript.tenant.signIn",
      guarded("Sign-in", () => signIn(services)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.signOut",
      guarded("Sign-out", (target) => signOut(services, target)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.refresh",
      guarded("Refresh", async () => afterChange(services)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.pull",
      guarded("Pull", (target, selected) => pullCommand(services, target, selected)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.push",
      guarded("Push", (target, selected) => pushCommand(services, target, selected)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.compare",
      guarded("Compare with Tenant", (target) => compareCommand(services, target)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.validate",
      guarded("Validate in Tenant", (target) => validateCommand(services, target)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.run",
      guarded("Run in Tenant", (target) => runCommand(services, target)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.openRemote",
      guarded("Open Tenant Copy", (target) => openTenantCopyCommand(target)),
    ),
    vscode.commands.registerCommand(
      "crmscript.tenant.showChanges",
      guarded("Show Tenant Changes", () => showChangesCommand(services)),
    ),
  ];
}

/** Signs in to one more tenant (the Accounts menu does the same through VS Code). */
async function signIn(services: TenantServices): Promise<void> {
  const session = await services.auth.createSession();
  afterChange(services);
  void vscode.window.showInformationMessage(`Signed in to SuperOffice as ${session.account.label}.`);
}

/** Signs out of a tree item's profile, or of one the user picks. */
async function signOut(services: TenantServices, target: unknown): Promise<void> {
  let profile = isTenantElement(target) && target.type === "tenant" && target.tenant.signIn !== undefined ? target.tenant.key : undefined;
  if (profile === undefined) {
    const profiles = await services.connections.store.profiles();
    if (profiles.length === 0) {
      void vscode.window.showInformationMessage("No SuperOffice sign-in is stored.");
      return;
    }
    const items = await Promise.all(
      profiles.map(async (name) => {
        const signIn = await services.connections.store.get(name);
        return {
          label: signIn === undefined ? name : tenantLabel(signIn.apiBase),
          description: signIn === undefined ? "" : userLabel(signIn),
          detail: name,
          name,
        };
      }),
    );
    profile = (await vscode.window.showQuickPick(items, { placeHolder: "Sign out of which tenant?" }))?.name;
    if (profile === undefined) throw new UserCancelled("no sign-in was chosen");
  }
  const confirmed = await vscode.window.showWarningMessage(
    `Sign out of ${profile}?`,
    { modal: true, detail: "Its tokens are deleted from this machine." },
    "Sign Out",
  );
  if (confirmed !== "Sign Out") return;
  await services.auth.removeSession(profile);
  afterChange(services);
}

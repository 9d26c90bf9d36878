/**
 * Validate in Tenant and Run in Tenant: the tenant's own compiler on a
 * workspace file (its errors become diagnostics on the files they are in,
 * see `tenant-diagnostics.ts`), and running a file's text in the tenant,
 * its output in the "CRMScript Run in Tenant" channel. Running changes
 * nothing here, but the script may change the tenant's data, so the first
 * run in each tenant of a session asks first.
 */
import * as vscode from "vscode";
import { runInTenant, validateInTenant } from "../../server/tenant/workspace/tenant-checks.js";
import { UserCancelled } from "./errors.js";
import type { TenantServices } from "./services.js";
import { oneFile, requireWorkspace, saveUnsaved } from "./targets.js";

export async function validateCommand(services: TenantServices, target: unknown): Promise<void> {
  const workspace = requireWorkspace(services.state);
  const file = oneFile(workspace, target);
  await saveUnsaved(workspace, [file]);
  const connection = await services.connections.forWorkspace(workspace);
  const problems = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Validating ${file} in ${connection.label}…` },
    () => validateInTenant(connection.api, workspace, file),
  );
  services.diagnostics.show(workspace, [file], problems);
  if (problems.length === 0) {
    void vscode.window.showInformationMessage(`${file} compiles in ${connection.label}.`);
    return;
  }
  const count = problems.length === 1 ? "1 error" : `${problems.length} errors`;
  void vscode.window.showWarningMessage(`The compiler of ${connection.label} reports ${count} in ${file}.`, "Show Problems").then((choice) => {
    if (choice !== undefined) void vscode.commands.executeCommand("workbench.actions.view.problems");
  });
}

/** The tenants a script has been run in this session (after the user agreed). */
const agreedTenants = new Set<string>();

export async function runCommand(services: TenantServices, target: unknown): Promise<void> {
  const workspace = requireWorkspace(services.state);
  const file = oneFile(workspace, target);
  await saveUnsaved(workspace, [file]);
  const connection = await services.connections.forWorkspace(workspace);
  if (!agreedTenants.has(connection.apiBase)) {
    const choice = await vscode.window.showWarningMessage(
      `Run ${file} in ${connection.label}?`,
      { modal: true, detail: "The script runs in the tenant as you, and may change its data. You are asked once per tenant in this session." },
      "Run",
    );
    if (choice !== "Run") throw new UserCancelled("the script was not run");
    agreedTenants.add(connection.apiBase);
  }
  const output = services.runOutput;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Running ${file} in ${connection.label}…` }, () =>
    runInTenant(connection.api, workspace, file),
  );
  output.clear();
  output.appendLine(`${file} in ${connection.label} (${new Date().toLocaleString()}):`);
  output.append(outcome.output.endsWith("\n") || outcome.output === "" ? outcome.output : `${outcome.output}\n`);
  if (outcome.problem !== undefined) {
    const { problem } = outcome;
    output.appendLine(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
    services.diagnostics.show(workspace, [], [problem]);
  }
  output.appendLine(outcome.success ? "The script finished." : "The script stopped with an error.");
  output.show(true);
  if (!outcome.success) void vscode.window.showWarningMessage(`${file} stopped with an error in ${connection.label}; see the output.`);
}

/**
 * What the tenant's compiler said about workspace files, as diagnostics
 * (source "SuperOffice tenant"): each problem at its mapped line and
 * column, the files validated without problems cleared, and a file's
 * problems dropped as soon as it is edited (they describe the old text).
 */
import * as vscode from "vscode";
import { readWorkspaceFile } from "../../server/tenant/workspace/status.js";
import type { Workspace } from "../../server/tenant/workspace/state.js";
import type { TenantProblem } from "../../server/tenant/workspace/tenant-checks.js";
import { problemRange } from "./problem-range.js";

export class TenantDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("crmscript-tenant");
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && this.collection.has(event.document.uri)) this.collection.delete(event.document.uri);
    });
  }

  /** Shows the problems of the files validated (files without problems are cleared). */
  show(workspace: Workspace, validated: readonly string[], problems: readonly TenantProblem[]): void {
    for (const file of new Set([...validated, ...problems.map((problem) => problem.file)])) {
      const text = readWorkspaceFile(workspace, file) ?? "";
      const diagnostics = problems
        .filter((problem) => problem.file === file)
        .map((problem) => {
          const range = problemRange(text, problem.line, problem.column);
          const diagnostic = new vscode.Diagnostic(
            new vscode.Range(range.line, range.start, range.line, range.end),
            problem.message,
            vscode.DiagnosticSeverity.Error,
          );
          diagnostic.source = "SuperOffice tenant";
          diagnostic.code = "tenant-compiler";
          return diagnostic;
        });
      this.collection.set(vscode.Uri.file(workspace.absolute(file)), diagnostics);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

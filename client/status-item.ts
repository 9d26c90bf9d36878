/**
 * The status bar item shown while a CRMScript file is active: the SuperOffice
 * version and platform scripts are checked against (from the `crmscript`
 * settings), or that the server is not running. Clicking it opens those
 * settings, or restarts a stopped server.
 */
import * as vscode from "vscode";
import { State, type LanguageClient } from "vscode-languageclient/node";

const PLATFORM_NAMES: Record<string, string> = { online: "Online", onsite: "on-site" };

export class TargetStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("crmscript.target", vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly languageId: string,
  ) {
    this.item.name = "CRMScript target";
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("crmscript")) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      client.onDidChangeState(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || editor.document.languageId !== this.languageId) {
      this.item.hide();
      return;
    }
    const settings = vscode.workspace.getConfiguration("crmscript", editor.document);
    const version = settings.get<string>("targetVersion", "").trim();
    const platform = PLATFORM_NAMES[settings.get<string>("platform", "onsite")] ?? "on-site";
    const state = this.client.state;
    if (state === State.Stopped || state === State.StartFailed) {
      this.item.text = "$(error) CRMScript: server stopped";
      this.item.tooltip = "The CRMScript language server is not running. Click to restart it.";
      this.item.command = "crmscript.restartServer";
    } else {
      const target = version === "" ? "latest" : version;
      this.item.text = `$(${state === State.Starting ? "sync~spin" : "versions"}) CRMScript ${target} · ${platform}`;
      this.item.tooltip = new vscode.MarkdownString(
        `Scripts are checked against SuperOffice **${version === "" ? "(newest, no version check)" : version}** on **${platform}**.\n\nClick to change \`crmscript.targetVersion\` and \`crmscript.platform\`.`,
      );
      this.item.command = { title: "CRMScript settings", command: "workbench.action.openSettings", arguments: ["crmscript."] };
    }
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

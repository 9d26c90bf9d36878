/**
 * The VS Code extension: starts the bundled CRMScript language server over
 * Node IPC for `crmscript` documents, logs it to an output channel, and
 * offers a restart command and a status item with the target version and
 * platform. Everything the language does lives in the server; this file
 * only wires it into VS Code, with the tenant scripts features
 * (`client/tenant/`), which work whether or not the server starts.
 */
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { serverEnvironmentOverrides } from "./server-environment.js";
import { TargetStatusItem } from "./status-item.js";
import { activateTenantFeatures } from "./tenant/index.js";

const LANGUAGE_ID = "crmscript";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  activateTenantFeatures(context);
  const output = vscode.window.createOutputChannel("CRMScript Language Server", { log: true });
  const serverModule = context.asAbsolutePath("dist/crmscript-language-server.js");
  const env = serverEnvironmentOverrides();
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: LANGUAGE_ID },
      { scheme: "untitled", language: LANGUAGE_ID },
    ],
    outputChannel: output,
    // The settings come with initialize, so the server's first analysis already uses them (it would check every
    // open script again when they arrived later); the extension contributes the snippets itself (client/snippets.json).
    initializationOptions: () => ({ ...vscode.workspace.getConfiguration().get<object>("crmscript"), snippets: false }),
  };
  const languageClient = new LanguageClient(LANGUAGE_ID, "CRMScript Language Server", serverOptions, clientOptions);
  client = languageClient;

  const status = new TargetStatusItem(languageClient, LANGUAGE_ID);
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand("crmscript.restartServer", async () => {
      output.info("Restarting the language server on request");
      await languageClient.restart();
    }),
    vscode.commands.registerCommand("crmscript.showServerOutput", () => output.show(true)),
  );
  try {
    await languageClient.start();
  } catch (error) {
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage("The CRMScript language server did not start; see its output for why.", "Show Output").then((choice) => {
      if (choice !== undefined) output.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) await running.dispose();
}

/**
 * `crmscript-language-server`: starts the server on the transport named on
 * the command line (`--stdio`, `--node-ipc`, `--socket=PORT`, `--pipe=NAME`;
 * vscode-languageserver reads them). A fault outside a request is logged
 * with its stack and ends the process with code 1, so the client starts a
 * fresh server (`crash-policy.ts`). The heap is collected whenever the
 * server goes quiet after growing it (`idle-collection.ts`).
 */
import { createConnection, ProposedFeatures } from "./protocol.js";
import { installCrashPolicy } from "./crash-policy.js";
import { IdleCollection } from "./idle-collection.js";
import { MessageActivity } from "./message-activity.js";
import { startServer } from "./server.js";
import { toolVersion } from "../analysis/tool-version.js";

const argv = process.argv.slice(2);
if (argv.includes("--version") || argv.includes("-v")) {
  process.stdout.write(`${toolVersion()}\n`);
} else if (!argv.some((argument) => /^--(stdio|node-ipc|socket|pipe)/.test(argument))) {
  process.stderr.write("Usage: crmscript-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n");
  process.exitCode = 2;
} else {
  const activity = new MessageActivity();
  const connection = createConnection(ProposedFeatures.all, { messageStrategy: activity.messageStrategy });
  installCrashPolicy(process, (message) => connection.console.error(message));
  startServer(connection, { activity });
  new IdleCollection({ handledMessages: () => activity.handledCount }).start();
}

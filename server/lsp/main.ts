/**
 * `crmscript-language-server`: starts the server on the transport named on
 * the command line (`--stdio`, `--node-ipc`, `--socket=PORT`, `--pipe=NAME`;
 * vscode-languageserver reads them). A crash outside a request is logged,
 * never fatal.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";

declare const CRMSCRIPT_TOOLS_VERSION: string | undefined;

const argv = process.argv.slice(2);
if (argv.includes("--version") || argv.includes("-v")) {
  process.stdout.write(`${typeof CRMSCRIPT_TOOLS_VERSION === "string" ? CRMSCRIPT_TOOLS_VERSION : "development"}\n`);
} else if (!argv.some((argument) => /^--(stdio|node-ipc|socket|pipe)/.test(argument))) {
  process.stderr.write("Usage: crmscript-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n");
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  process.on("uncaughtException", (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
  startServer(connection);
}

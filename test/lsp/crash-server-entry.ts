/**
 * The language server as `main.ts` starts it (the real server under the
 * real crash policy), plus what only the crash-policy test sends, to inject
 * faults: a request whose handler throws, and a notification after which a
 * timer throws or a promise rejects outside any request. The test bundles
 * this file and runs it as a child process.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { installCrashPolicy } from "../../server/lsp/crash-policy.js";
import { startServer } from "../../server/lsp/server.js";

const connection = createConnection(ProposedFeatures.all);
installCrashPolicy(process, (message) => connection.console.error(message));
connection.onRequest("test/throwInHandler", () => {
  throw new Error("a fault in a request handler");
});
connection.onNotification("test/faultOutsideRequest", (params: { kind: "exception" | "rejection" }) => {
  if (params.kind === "rejection") void Promise.reject(new Error("an injected rejection outside a request"));
  else
    setTimeout(() => {
      throw new Error("an injected fault outside a request");
    }, 0);
});
startServer(connection);

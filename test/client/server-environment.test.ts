/**
 * The environment the VS Code extension starts the language server with
 * (`client/server-environment.ts`): laid over the parent's environment the
 * way vscode-languageclient lays `options.env` over `process.env`, it
 * leaves `NODE_EXTRA_CA_CERTS` out of the forked process and keeps the rest.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serverEnvironmentOverrides, VARIABLES_THE_SERVER_DOES_NOT_NEED } from "../../client/server-environment.js";

/** Forks a script that answers with the variables its process sees, from `environment`. */
function variablesSeenByChild(environment: Record<string, string | undefined>): Promise<Record<string, string>> {
  const folder = mkdtempSync(join(tmpdir(), "crmscript-env-"));
  const script = join(folder, "child.cjs");
  writeFileSync(script, "process.send(process.env, () => process.exit(0));\n");
  return new Promise<Record<string, string>>((resolve, reject) => {
    const child = fork(script, [], { env: environment, stdio: ["ignore", "ignore", "ignore", "ipc"] });
    child.once("message", (message) => resolve(message as Record<string, string>));
    child.once("error", reject);
    child.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  });
}

describe("the server's environment", () => {
  it("names NODE_EXTRA_CA_CERTS, and only variables the server has no use for", () => {
    expect(VARIABLES_THE_SERVER_DOES_NOT_NEED).toEqual(["NODE_EXTRA_CA_CERTS"]);
    expect(serverEnvironmentOverrides()).toEqual({ NODE_EXTRA_CA_CERTS: undefined });
    expect(Object.keys(serverEnvironmentOverrides())).toEqual(["NODE_EXTRA_CA_CERTS"]);
  });

  it("leaves the variable out of a forked process and keeps the others", async () => {
    // As vscode-languageclient builds a forked server's environment: a copy of the parent's, then `options.env` over it.
    const parent = { ...process.env, NODE_EXTRA_CA_CERTS: "/etc/ssl/certs/company-proxy.pem", CRMSCRIPT_KEPT: "yes" };
    const seen = await variablesSeenByChild({ ...parent, ...serverEnvironmentOverrides() });
    expect(seen.CRMSCRIPT_KEPT).toBe("yes");
    expect("NODE_EXTRA_CA_CERTS" in seen).toBe(false);
    // Without the overrides the child sees it: the check above can fail.
    const unchanged = await variablesSeenByChild(parent);
    expect(unchanged.NODE_EXTRA_CA_CERTS).toBe("/etc/ssl/certs/company-proxy.pem");
  });
});

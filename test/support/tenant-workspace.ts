/**
 * The setting of the tenant command tests: before each test a fresh fake
 * tenant and an empty temporary folder, `crmscript(...)` running the
 * command in-process there with the tenant's address and token in the
 * environment; after it, the folder is removed and the test fails if any
 * request or answer broke the Web API contract.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { type Run, runCrmscript } from "./cli-runner.js";
import { startTenantServer, type TenantServer } from "./tenant-server.js";

export interface TenantWorkspace {
  readonly server: TenantServer;
  /** The workspace folder (empty at the start of each test). */
  readonly folder: string;
  crmscript(...argv: string[]): Promise<Run>;
}

/** Registers the hooks; the object's members are the current test's. */
export function useTenantWorkspace(): TenantWorkspace {
  let server: TenantServer | undefined;
  let folder: string | undefined;
  beforeEach(async () => {
    server = await startTenantServer();
    folder = mkdtempSync(join(tmpdir(), "crmscript-tenant-"));
  });
  afterEach(async () => {
    await server?.close();
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    expect(server?.contractProblems).toEqual([]);
  });
  const current = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useTenantWorkspace: used outside a test");
    return value;
  };
  return {
    get server() {
      return current(server);
    },
    get folder() {
      return current(folder);
    },
    crmscript: (...argv) =>
      runCrmscript(argv, {
        cwd: current(folder),
        env: { SUPEROFFICE_API_URL: current(server).apiBase, SUPEROFFICE_TOKEN: current(server).token },
      }),
  };
}

/**
 * `crmscript login`, `whoami` and `logout` end to end: a browser sign-in
 * with PKCE against the test SuperId (`test/support/oidc-server.ts`), the
 * sign-in kept in the credentials file of the user's configuration folder,
 * a pull with that sign-in (no environment credentials) recording the
 * profile in the workspace, and signing out.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCrmscript } from "../support/cli-runner.js";
import { startOidcServer, TestBrowser, type TestOidcServer } from "../support/oidc-server.js";
import { startTenantServer, type TenantServer } from "../support/tenant-server.js";

let tenant: TenantServer;
let superId: TestOidcServer;
let scratch: string;
let workspace: string;
let env: Record<string, string>;

beforeEach(async () => {
  tenant = await startTenantServer();
  superId = await startOidcServer({ tenantApiBase: tenant.apiBase });
  scratch = mkdtempSync(join(tmpdir(), "crmscript-login-"));
  workspace = join(scratch, "workspace");
  mkdirSync(workspace);
  env = { XDG_CONFIG_HOME: join(scratch, "config"), SUPEROFFICE_CLIENT_ID: superId.clientId };
});

afterEach(async () => {
  await superId.close();
  await tenant.close();
  rmSync(scratch, { recursive: true, force: true });
  expect(tenant.contractProblems).toEqual([]);
});

const credentialsFile = (): string => join(scratch, "config", "crmscript", "credentials.json");

function crmscript(argv: string[], browser?: TestBrowser) {
  return runCrmscript(argv, { cwd: workspace, env, ...(browser === undefined ? {} : { openBrowser: browser.open }) });
}

describe("crmscript login", () => {
  it("signs in through the browser, keeps the sign-in for the owner only, and the tenant commands use it", async () => {
    const browser = new TestBrowser(superId);
    const login = await crmscript(["login", "--discovery-url", superId.discoveryUrl, "--tenant", "Cust12345"], browser);
    expect(login.stderr).toContain(`open this address:\n  ${superId.origin}/login/`);
    expect(login.code).toBe(0);
    expect(login.stdout).toBe("Signed in to Cust12345 as alice (profile 127.0.0.1-Cust12345)\n");
    expect(browser.authorizationUrl?.searchParams.get("code_challenge_method")).toBe("S256");
    expect(browser.authorizationUrl?.searchParams.get("acr_values")).toBe("tenant:Cust12345");
    if (process.platform !== "win32") expect(statSync(credentialsFile()).mode & 0o777).toBe(0o600);

    const stored = JSON.parse(readFileSync(credentialsFile(), "utf8")).profiles["127.0.0.1-Cust12345"];
    expect(stored.apiBase).toBe(tenant.apiBase);
    tenant.acceptToken(stored.accessToken);

    const whoami = await crmscript(["whoami"]);
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toContain("profile  127.0.0.1-Cust12345");
    expect(whoami.stdout).toContain("tenant   Cust12345");
    expect(whoami.stdout).toContain(`api      ${tenant.apiBase}`);

    tenant.store.seedScripts(2);
    const pull = await crmscript(["pull"]);
    expect(pull.stdout).toContain("2 pulled");
    expect(tenant.requests.at(-1)?.headers.authorization).toBe(`Bearer ${stored.accessToken}`);
    expect(JSON.parse(readFileSync(join(workspace, "crmscript-tenant.json"), "utf8")).tenant).toEqual({
      apiBase: tenant.apiBase,
      profile: "127.0.0.1-Cust12345",
    });
    expect(readFileSync(join(workspace, "crmscript-tenant.json"), "utf8")).not.toContain(stored.accessToken);

    const logout = await crmscript(["logout"]);
    expect(logout.stdout).toBe("Signed out of 127.0.0.1-Cust12345\n");
    const after = await crmscript(["status"]);
    expect(after.code).toBe(2);
    expect(after.stderr).toContain("not signed in");
  });

  it("environment credentials win over a stored sign-in", async () => {
    await crmscript(["login", "--discovery-url", superId.discoveryUrl], new TestBrowser(superId));
    env = { ...env, SUPEROFFICE_API_URL: "https://sod.superoffice.com/Cust777/api", SUPEROFFICE_TOKEN: "ci-token" };
    const whoami = await crmscript(["whoami"]);
    expect(whoami.stdout).toBe("Credentials from the environment (environment-token) for https://sod.superoffice.com/Cust777/api/\n");
  });

  it("says what is missing: the application's client id, a known environment, a sign-in the user refused", async () => {
    env = { XDG_CONFIG_HOME: join(scratch, "config") };
    const noClient = await crmscript(["login"]);
    expect(noClient.code).toBe(2);
    expect(noClient.stderr).toContain("register one with SuperOffice and give its client id with --client-id or SUPEROFFICE_CLIENT_ID");
    const badEnvironment = await crmscript(["login", "--client-id", "x", "--env", "prod"]);
    expect(badEnvironment.stderr).toContain("unknown environment 'prod': use sod, stage, online");
    const refused = await crmscript(
      ["login", "--client-id", superId.clientId, "--discovery-url", superId.discoveryUrl],
      new TestBrowser(superId, { approve: false }),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/crmscript login: .*access_denied/);
    expect((await crmscript(["whoami"])).stderr).toContain("not signed in: run crmscript login");
  });
});

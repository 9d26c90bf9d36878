/**
 * Tenant scripts in VS Code itself: code-server's workbench in headless
 * Chromium with the packaged extension, against the fake tenant
 * (`tenant-server.ts`) and the in-process OpenID provider (`oidc-server.ts`).
 * The workspace is a fresh clone of a tenant workspace (a manifest, no
 * scripts, no sign-in). One scenario: sign in from the Accounts menu, the
 * provider's login and consent pages filled in the page the workbench
 * opens; pull from the Command Palette; edit and save a script, push it;
 * another user changes it in the tenant, the next push is refused and
 * Compare shows the tenant's copy, and only an explicit confirmation
 * overwrites it. Also the view's tree with a read-only tenant copy, Run
 * and Validate in Tenant. Screenshots go to test-results/vscode-tenant/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatManifest } from "../../server/tenant/workspace/state.js";
import { CodeServer, launchChromium, type Page, pickFromQuickOpen, screenshotOnFailure, tearDownWorkbench } from "../support/code-server.js";
import { startOidcServer, type TestOidcServer } from "../support/oidc-server.js";
import { packageExtension } from "../support/package-extension.js";
import { repositoryRoot } from "../support/paths.js";
import { requireClients, shouldRun } from "../support/real-clients.js";
import { startTenantServer, type TenantServer } from "../support/tenant-server.js";

const WAIT = { timeout: 60_000 };
const shots = join(repositoryRoot, "test-results", "vscode-tenant");

describe.runIf(shouldRun("codeServer", "node24", "chromium", "playwrightCore"))("VS Code (code-server): tenant scripts with the packaged extension", () => {
  let scratch: string;
  let workspace: string;
  let tenant: TenantServer;
  let superId: TestOidcServer;
  let server: CodeServer | undefined;
  let close: (() => Promise<void>) | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireClients("codeServer", "node24", "chromium", "playwrightCore");
    scratch = mkdtempSync(join(tmpdir(), "crmscript-vscode-tenant-test-"));
    tenant = await startTenantServer();
    tenant.store.seedScripts(3, { folders: ["Library", "Tools"] });
    superId = await startOidcServer({ tenantApiBase: tenant.apiBase });
    // The tenant accepts what the provider issues, as SuperOffice's API accepts SuperId's tokens.
    superId.provider.on("access_token.saved", (token: { jti: string }) => tenant.acceptToken(token.jti));
    const vsix = join(scratch, "crmscript.vsix");
    packageExtension(vsix);
    workspace = join(scratch, "workspace");
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, "crmscript-tenant.json"), formatManifest({ tenant: { apiBase: tenant.apiBase }, folders: [], entries: [] }));
    mkdirSync(shots, { recursive: true });
    server = await CodeServer.start(vsix, workspace, {
      userSettings: { "crmscript.tenant.discoveryUrl": superId.discoveryUrl, "crmscript.tenant.clientId": superId.clientId },
    });
    const chromium = await launchChromium();
    page = chromium.page;
    close = () => chromium.browser.close();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(server.url, WAIT);
    await page.waitForSelector(".monaco-workbench", WAIT);
    await page.waitForSelector(".explorer-folders-view", WAIT);
  }, 300_000);

  afterAll(async () => {
    await tearDownWorkbench(close, server, scratch);
    await superId?.close();
    await tenant?.close();
  }, 60_000);

  const step = screenshotOnFailure(() => page, shots);

  /** Opens Quick Open with `keys` (the file picker, or the command palette), types `query` and picks the row showing `row`. */
  const quickPick = (keys: string, query: string, row: string): Promise<void> => pickFromQuickOpen(page, keys, query, row, WAIT);

  const command = (title: string): Promise<void> => quickPick("Control+Shift+P", `CRMScript: ${title}`, title);

  const statusItem = (text: string | RegExp) => page.locator(".statusbar-item", { hasText: text }).first();
  const notification = (text: string | RegExp) => page.locator(".notification-toast", { hasText: text }).first();

  it("signs in from the Accounts menu, through the provider's own login and consent pages", async () => {
    await step("sign-in", async () => {
      // The extension asks for a sign-in, which the Accounts menu shows with a badge.
      await page.locator('.activitybar [aria-label="Accounts - Sign in requested"]').first().waitFor(WAIT);
      await page.locator(".activitybar li.action-item:has(.codicon-accounts-view-bar-icon)").first().click(WAIT);
      const signIn = page.locator(".monaco-menu .action-item", { hasText: "Sign in with SuperOffice to use CRMScript" }).first();
      await signIn.waitFor(WAIT);
      await page.screenshot({ path: join(shots, "accounts-menu.png") });
      const opened = page.waitForEvent("popup", WAIT);
      await signIn.click(WAIT);
      // The page the workbench opened: the provider's login form, then its consent form, then the extension's loopback answer.
      const signInPage = await opened;
      await signInPage.locator("input[name=username]").first().fill("alice", WAIT);
      await signInPage.locator("input[name=password]").first().fill("secret", WAIT);
      await signInPage.screenshot({ path: join(shots, "provider-login.png") });
      // Reached at the provider's own address (code-server's port proxy would have served it under its own origin).
      expect(new URL(signInPage.url()).origin).toBe(superId.origin);
      expect(superId.authorizationRequests.map((query) => [query.get("client_id"), query.get("code_challenge_method")])).toEqual([[superId.clientId, "S256"]]);
      await signInPage.locator("button", { hasText: "Sign in" }).first().click(WAIT);
      await signInPage.locator("button", { hasText: "Approve" }).first().click(WAIT);
      await signInPage.locator("h1", { hasText: "Signed in" }).first().waitFor(WAIT);
      expect(new URL(signInPage.url()).pathname).toBe("/callback");
      await signInPage.close();
      // The status bar shows the workspace's tenant with everything still to pull; the view lists the tenant.
      await statusItem("Cust12345: 3 in tenant").waitFor(WAIT);
      await page.locator('.pane-header[aria-expanded="false"]', { hasText: "SuperOffice Tenant Scripts" }).first().click(WAIT);
      await page.locator(".monaco-list-row", { hasText: "Cust12345" }).first().waitFor(WAIT);
      await page.screenshot({ path: join(shots, "signed-in.png") });
      // The Accounts menu lists the sign-in, and the request is gone.
      await page.locator(".activitybar li.action-item:has(.codicon-accounts-view-bar-icon)").first().click(WAIT);
      await page.locator(".monaco-menu .action-item", { hasText: "alice (Cust12345," }).first().waitFor(WAIT);
      expect(await page.locator(".monaco-menu .action-item", { hasText: "Sign in with SuperOffice" }).count()).toBe(0);
      await page.screenshot({ path: join(shots, "accounts-signed-in.png") });
      await page.keyboard.press("Escape");
    });
  }, 180_000);

  it("pulls the tenant's scripts into the workspace", async () => {
    await step("pull", async () => {
      await command("Pull from Tenant");
      await notification("Pulled 3 scripts from Cust12345").waitFor(WAIT);
      expect(existsSync(join(workspace, "scripts", "Library", "script_1.crm"))).toBe(true);
      expect(existsSync(join(workspace, "scripts", "Tools", "script_2.crm"))).toBe(true);
      await statusItem("Cust12345: in sync").waitFor(WAIT);
      await page.screenshot({ path: join(shots, "pulled.png") });
    });
  }, 120_000);

  it("shows the tenant's folders and scripts, and opens a script's tenant copy read-only", async () => {
    await step("tree", async () => {
      const row = (text: string) => page.locator(".pane-body .monaco-list-row", { hasText: text }).first();
      await row("Cust12345").click(WAIT);
      await row("Library").click(WAIT);
      await row("Script 3").click(WAIT);
      await page.locator(".tabs-container .tab", { hasText: "Script 3.crm" }).first().waitFor(WAIT);
      const editor = page.locator(".editor-instance .view-lines", { hasText: 'printLine("Script 3");' }).first();
      await editor.click(WAIT);
      await page.keyboard.type("x");
      await page
        .locator(".monaco-editor-overlaymessage", { hasText: "Editor is read-only because the file system of the file is read-only" })
        .first()
        .waitFor(WAIT);
      expect(await editor.innerText()).not.toContain("x");
      await page.screenshot({ path: join(shots, "tenant-copy.png") });
      await page.keyboard.press("Control+W");
    });
  }, 120_000);

  const file = () => join(workspace, "scripts", "Library", "script_1.crm");

  /** Adds a line at the end of the open script and saves it. */
  const appendLine = async (text: string): Promise<void> => {
    await page.locator(".editor-instance .view-lines").first().click(WAIT);
    await page.keyboard.press("Control+End");
    await page.keyboard.type(text);
    await page.keyboard.press("Control+S");
    await expect.poll(() => readFileSync(file(), "utf8"), WAIT).toContain(text);
  };

  it("pushes an edited script", async () => {
    await step("push", async () => {
      await quickPick("Control+P", "script_1.crm", "script_1.crm");
      await page.locator(".editor-instance .view-lines", { hasText: 'printLine("Script 1");' }).first().waitFor(WAIT);
      await appendLine("// edited here\n");
      await statusItem("Cust12345: 1 changed here").waitFor(WAIT);
      await command("Push to Tenant");
      await notification("Pushed 1 script to Cust12345, 2 unchanged.").waitFor(WAIT);
      expect(tenant.store.getScript(1)?.Source).toBe(readFileSync(file(), "utf8"));
      await statusItem("Cust12345: in sync").waitFor(WAIT);
    });
  }, 120_000);

  it("shows a conflict before anything is overwritten: Compare, then overwrite only after confirming", async () => {
    await step("conflict", async () => {
      tenant.store.editScriptAsOtherUser(1);
      await appendLine("// edited here again\n");
      await statusItem("Cust12345: 1 conflict").waitFor(WAIT);
      await command("Push to Tenant");
      const refused = "1 script was not pushed, because it changed in the tenant since your last pull: scripts/Library/script_1.crm.";
      await notification(`Nothing was pushed to Cust12345. ${refused}`).waitFor(WAIT);
      expect(tenant.store.getScript(1)?.Source).toContain("// edited by associate 99");
      expect(tenant.store.getScript(1)?.Source).not.toContain("edited here again");
      await page.screenshot({ path: join(shots, "push-refused.png") });
      // Compare: the tenant's copy (read-only, with the other user's line) beside the file.
      await page.locator(`.notification-toast:has-text("${refused}") .monaco-button`, { hasText: "Compare" }).first().click(WAIT);
      await page.locator(".tabs-container .tab", { hasText: "script_1.crm (Cust12345 ↔ local)" }).first().waitFor(WAIT);
      await page.locator(".monaco-diff-editor .editor.original .view-lines", { hasText: "// edited by associate 99" }).first().waitFor(WAIT);
      await page.locator(".monaco-diff-editor .editor.modified .view-lines", { hasText: "// edited here again" }).first().waitFor(WAIT);
      await page.screenshot({ path: join(shots, "compare.png") });
      // Push Anyway asks first; only Overwrite writes. (The first push's toasts go first, so the button clicked is the second push's, after it ended.)
      await command("Notifications: Clear All Notifications");
      await command("Push to Tenant");
      await notification(`Nothing was pushed to Cust12345. ${refused}`).waitFor(WAIT);
      await page
        .locator(".notification-toast", { hasText: "Pushing to Cust12345" })
        .first()
        .waitFor({ ...WAIT, state: "hidden" });
      await page.locator(`.notification-toast:has-text("${refused}") .monaco-button`, { hasText: "Push Anyway…" }).first().click(WAIT);
      const dialog = page.locator(".monaco-dialog-box", { hasText: "Overwrite the tenant's copies of 1 script?" }).first();
      await dialog.waitFor(WAIT);
      await page.screenshot({ path: join(shots, "confirm-overwrite.png") });
      expect(tenant.store.getScript(1)?.Source).toContain("// edited by associate 99");
      await page.locator(".monaco-dialog-box .monaco-button", { hasText: "Overwrite" }).first().click(WAIT);
      // Only the file confirmed is sent (the first push's message said "2 unchanged").
      await notification("Pushed 1 script to Cust12345, 0 unchanged.").waitFor(WAIT);
      expect(tenant.store.getScript(1)?.Source).toBe(readFileSync(file(), "utf8"));
      await statusItem("Cust12345: in sync").waitFor(WAIT);
    });
  }, 120_000);

  it("runs a script in the tenant after asking, its output in an output channel", async () => {
    await step("run", async () => {
      await command("Run in Tenant");
      await page.locator(".monaco-dialog-box", { hasText: "Run scripts/Library/script_1.crm in Cust12345?" }).first().waitFor(WAIT);
      await page.locator(".monaco-dialog-box .monaco-button", { hasText: "Run" }).first().click(WAIT);
      // What the script printed, between the header and the closing line.
      await page.locator(".output-view .view-line", { hasText: "The script finished." }).first().waitFor(WAIT);
      await page
        .locator(".output-view .view-line", { hasText: /^Script\s1$/ })
        .first()
        .waitFor(WAIT);
      await page.screenshot({ path: join(shots, "run.png") });
    });
  }, 120_000);

  it("validates a script in the tenant, its error in the Problems panel", async () => {
    await step("validate", async () => {
      await page
        .locator(".tabs-container .tab", { hasText: /^script_1\.crm$/ })
        .first()
        .click(WAIT);
      await appendLine("COMPILE_ERROR\n");
      await command("Validate in Tenant");
      await page.keyboard.press("Control+Shift+M");
      const row = page.locator(".markers-panel .monaco-list-row", { hasText: "SuperOffice tenant" }).first();
      await row.waitFor(WAIT);
      expect((await row.innerText()).replace(/\s+/g, " ")).toMatch(/\[Ln 5, Col 1\]/);
      await page.screenshot({ path: join(shots, "validate.png") });
    });
    expect(tenant.takeContractProblems()).toEqual([]);
    expect(pageErrors.filter((message) => /crmscript/i.test(message))).toEqual([]);
  }, 120_000);
});

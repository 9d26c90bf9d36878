/**
 * The packaged extension in VS Code itself: code-server's workbench in
 * headless Chromium, with the .vsix that `npm run package` builds installed.
 * One scenario against one server: the Problems panel shows the NetServer
 * mistake, completion after `agent.` lists GetContactEntity, hover shows its
 * signature, the file is coloured by the grammar, the status item shows the
 * workspace's target, the schema of `.crmscriptrc.json` completes rule ids
 * in that file, and the restart command restarts the server.
 * Screenshots go to test-results/vscode/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeServer, launchChromium, type Page, pickFromQuickOpen, screenshotOnFailure, tearDownWorkbench } from "../support/code-server.js";
import { packageExtension } from "../support/package-extension.js";
import { repositoryRoot } from "../support/paths.js";
import { requireClients, shouldRun } from "../support/real-clients.js";

const WAIT = { timeout: 60_000 };
const shots = join(repositoryRoot, "test-results", "vscode");

const TEMPLATE = [
  "%EJSCRIPT_START%",
  "<ul>",
  "<% for (Integer i = 0; i < 3; i++) { %>",
  "  <li>Item <% print(i.toString()); %></li>",
  "<% } %>",
  "</ul>",
  "%EJSCRIPT_END%",
  "",
].join("\n");

const SCRIPT = [
  "#setLanguageLevel 4;",
  "// Look up a contact and greet it.",
  "NSContactAgent agent;",
  "NSContactEntity contact = agent.GetContactEntity(5);",
  "String name = contact.GetNmae();",
  'printLine("Hello " + name);',
  "",
].join("\n");

// A configuration file with room for one more rule on its third line.
const CONFIG = ["{", '  "rules": {', "", '    "no-agent-in-loop": "error"', "  }", "}", ""].join("\n");

describe.runIf(shouldRun("codeServer", "node24", "chromium", "playwrightCore"))("VS Code (code-server) with the packaged extension", () => {
  let scratch: string;
  let server: CodeServer | undefined;
  let close: (() => Promise<void>) | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireClients("codeServer", "node24", "chromium", "playwrightCore");
    scratch = mkdtempSync(join(tmpdir(), "crmscript-vscode-test-"));
    const vsix = join(scratch, "crmscript.vsix");
    packageExtension(vsix);
    const workspace = join(scratch, "workspace");
    mkdirSync(join(workspace, ".vscode"), { recursive: true });
    writeFileSync(join(workspace, "greet.crm"), SCRIPT);
    writeFileSync(join(workspace, "list-page.crm"), TEMPLATE);
    writeFileSync(join(workspace, ".crmscriptrc.json"), CONFIG);
    writeFileSync(join(workspace, ".vscode", "settings.json"), JSON.stringify({ "crmscript.targetVersion": "10.2", "crmscript.platform": "online" }));
    mkdirSync(shots, { recursive: true });
    server = await CodeServer.start(vsix, workspace);
    const chromium = await launchChromium();
    page = chromium.page;
    close = () => chromium.browser.close();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(server.url, WAIT);
    await page.waitForSelector(".monaco-workbench", WAIT);
    await page.waitForSelector(".explorer-folders-view", WAIT);
    await openFile("greet.crm", "NSContactAgent agent;");
  }, 300_000);

  afterAll(async () => {
    await tearDownWorkbench(close, server, scratch);
  }, 60_000);

  /** Opens Quick Open with `keys` (the file picker, or the command palette), types `query` and picks the row showing `row`. */
  const quickPick = (keys: string, query: string, row: string): Promise<void> => pickFromQuickOpen(page, keys, query, row, WAIT);

  /** Opens a workspace file and waits until the editor shows `text`. */
  const openFile = async (name: string, text: string): Promise<void> => {
    await quickPick("Control+P", name, name);
    await page.locator(".editor-instance .view-lines", { hasText: text }).first().waitFor(WAIT);
  };

  /** Colour of each token span of the visible editor by its text (the editor renders spaces as no-break spaces). */
  const editorColors = (): Promise<Record<string, string>> =>
    page.evaluate<Record<string, string>>(`(() => {
    const out = {};
    for (const span of document.querySelectorAll(".editor-instance .view-lines .view-line > span > span")) {
      out[span.textContent.replace(/\\u00a0/g, " ").trim()] = getComputedStyle(span).color;
    }
    return out;
  })()`);

  /** Waits until the tokens with these texts are all shown, each in a colour of its own (once the grammar has tokenised the file). */
  const expectDistinctColors = async (texts: readonly string[]): Promise<void> => {
    const colorsOf = async (): Promise<string[]> => {
      const colors = await editorColors();
      return texts.map((text) => String(colors[text]));
    };
    await expect.poll(async () => new Set(await colorsOf()).size, WAIT).toBe(texts.length);
    expect(await colorsOf()).not.toContain("undefined");
  };

  const step = screenshotOnFailure(() => page, shots);

  it("shows the server's diagnostic in the Problems panel", async () => {
    await step("problems", async () => {
      await page.keyboard.press("Control+Shift+M");
      const row = page.locator(".markers-panel .monaco-list-row", { hasText: "NSContactEntity has no method 'GetNmae'; did you mean 'GetName'?" }).first();
      await row.waitFor(WAIT);
      expect((await row.innerText()).replace(/\s+/g, " ")).toMatch(/crmscript\s*\(?unknown-member\)?.*\[Ln 5, Col 23\]/);
      expect(await page.locator(".markers-panel .monaco-list-row").count()).toBe(2); // the file's row and its one problem
      await page.screenshot({ path: join(shots, "problems.png") });
    });
  }, 120_000);

  it("colors the file with the grammar (comments and strings) and the server's semantic tokens", async () => {
    await step("colours", async () => {
      await expectDistinctColors(["// Look up a contact and greet it.", '"Hello "', "NSContactAgent", "agent"]);
    });
  }, 60_000);

  it("shows the workspace's target version and platform in the status bar", async () => {
    await step("status", async () => {
      await page.locator(".statusbar-item", { hasText: "CRMScript 10.2 · Online" }).first().waitFor(WAIT);
    });
  }, 90_000);

  it("hovers a NetServer method with its signature", async () => {
    await step("hover", async () => {
      await page.keyboard.press("Escape");
      await page
        .locator(".editor-instance .view-lines span[class*='mtk']", { hasText: /^GetContactEntity$/ })
        .first()
        .hover(WAIT);
      const hover = page.locator(".monaco-hover", { hasText: "NSContactEntity NSContactAgent.GetContactEntity(Integer contactEntityId)" }).first();
      await hover.waitFor(WAIT);
      expect(await hover.innerText()).toContain("Since SuperOffice 7.0");
      await page.screenshot({ path: join(shots, "hover.png") });
    });
  }, 90_000);

  it("completes NetServer methods after `agent.`", async () => {
    await step("completion", async () => {
      await page
        .locator(".editor-instance .view-lines span[class*='mtk']", { hasText: /^printLine$/ })
        .first()
        .click(WAIT);
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      await page.keyboard.type("agent.", { delay: 50 });
      const widget = page.locator(".suggest-widget .monaco-list-row", { hasText: "GetContactEntity" }).first();
      await widget.waitFor(WAIT);
      const labels = await page.locator(".suggest-widget .monaco-list-row .label-name").allInnerTexts();
      expect(labels.length).toBeGreaterThan(5);
      expect(labels.every((label) => /^[A-Z][A-Za-z]+$/.test(label))).toBe(true);
      await page.screenshot({ path: join(shots, "completion.png") });
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+Z");
    });
  }, 90_000);

  it("colors a template: HTML tags outside the code blocks, CRMScript inside", async () => {
    await step("template", async () => {
      await openFile("list-page.crm", "%EJSCRIPT_START%");
      await expectDistinctColors(["li", "for", "Item", "print"]);
      await page.screenshot({ path: join(shots, "template.png") });
    });
  }, 90_000);

  it("completes rule ids in .crmscriptrc.json from the schema the extension ships", async () => {
    await step("config-schema", async () => {
      await openFile(".crmscriptrc.json", "no-agent-in-loop");
      await page
        .locator(".editor-instance .view-lines span", { hasText: /"rules"/ })
        .first()
        .click(WAIT);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("End");
      await page.keyboard.type('    "no-net', { delay: 50 });
      await page.keyboard.press("Control+Space");
      const row = page.locator(".suggest-widget .monaco-list-row", { hasText: "no-netserver-call-in-loop" }).first();
      await row.waitFor(WAIT);
      await page.screenshot({ path: join(shots, "config-schema.png") });
      await page.keyboard.press("Escape");
      for (let undo = 0; undo < 3; undo++) await page.keyboard.press("Control+Z");
      // The status item belongs to CRMScript editors: back to the script's tab.
      await page.locator(".tabs-container .tab", { hasText: "greet.crm" }).first().click(WAIT);
      await page.locator(".editor-instance .view-lines", { hasText: "NSContactAgent agent;" }).first().waitFor(WAIT);
    });
  }, 90_000);

  it("restarts the server from the command palette, logging both starts in its output channel", async () => {
    await step("restart", async () => {
      await quickPick("Control+Shift+P", "CRMScript: Restart Language Server", "Restart Language Server");
      await quickPick("Control+Shift+P", "CRMScript: Show Language Server Output", "Show Language Server Output");
      const output = page.locator(".output-view .view-lines", { hasText: "Restarting the language server on request" }).first();
      await output.waitFor(WAIT);
      await expect.poll(async () => page.locator(".output-view .view-line", { hasText: "crmscript-language-server" }).count(), WAIT).toBeGreaterThanOrEqual(2);
      await page.locator(".statusbar-item", { hasText: "CRMScript 10.2 · Online" }).first().waitFor(WAIT);
      await page.screenshot({ path: join(shots, "output.png") });
    });
    expect(pageErrors.filter((message) => /crmscript/i.test(message))).toEqual([]);
  }, 120_000);
});

/**
 * Formatting in real editors, always as `crmscript-format` formats: with
 * `.crmscriptrc.json` and the formatter's defaults (2 spaces), never the
 * editor's indentation. VS Code (code-server in headless Chromium, the
 * packaged extension): Format Document from the Command Palette lays a
 * messy script out with 2 spaces although the user's settings give
 * CRMScript a tab size of 4, format on save formats a script in a folder
 * whose `.crmscriptrc.json` says 4 with 4, and a script with a syntax error
 * is left alone with a warning naming the error. Neovim (built-in
 * `vim.lsp`): `vim.lsp.buf.format()` (`formatting_sync()` in Neovim 0.7)
 * formats a buffer with 2 spaces although its `shiftwidth` is 8 and it
 * indents with tabs, and leaves one with a syntax error as it was.
 * Screenshots go to test-results/vscode-formatting/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeServer, launchChromium, type Page, pickFromQuickOpen, screenshotOnFailure, tearDownWorkbench } from "../support/code-server.js";
import { ensureServerBuilt, serverBundle } from "../support/lsp-client.js";
import { packageExtension } from "../support/package-extension.js";
import { repositoryRoot } from "../support/paths.js";
import { realClients, requireClients, shouldRun } from "../support/real-clients.js";

const WAIT = { timeout: 60_000 };
const shots = join(repositoryRoot, "test-results", "vscode-formatting");
const lines = (...text: string[]): string => `${text.join("\n")}\n`;

const MESSY = lines(
  "#setLanguageLevel 4;",
  "// Greets a contact.",
  "Void greet(Integer contactId)",
  "{",
  "NSContactAgent agent;",
  "      NSContactEntity contact=agent.GetContactEntity(contactId);",
  '  if(contact.GetName()!=""){printLine("Hello "+contact.GetName());}',
  "}",
  "greet(  5 );",
);

/** MESSY formatted with the formatter's defaults (an indentation of 2), as `crmscript-format` prints it. */
const FORMATTED = lines(
  "#setLanguageLevel 4;",
  "// Greets a contact.",
  "Void greet(Integer contactId) {",
  "  NSContactAgent agent;",
  "  NSContactEntity contact = agent.GetContactEntity(contactId);",
  '  if (contact.GetName() != "") {',
  '    printLine("Hello " + contact.GetName());',
  "  }",
  "}",
  "greet(5);",
);

const BROKEN = lines("#setLanguageLevel 4;", "Integer  x=1;", "if (x > 0 {", "x=2;", "}");

describe.runIf(shouldRun("codeServer", "node24", "chromium", "playwrightCore"))("formatting in VS Code (code-server) with the packaged extension", () => {
  let scratch: string;
  let workspace: string;
  let server: CodeServer | undefined;
  let close: (() => Promise<void>) | undefined;
  let page: Page;

  beforeAll(async () => {
    requireClients("codeServer", "node24", "chromium", "playwrightCore");
    scratch = mkdtempSync(join(tmpdir(), "crmscript-vscode-formatting-"));
    const vsix = join(scratch, "crmscript.vsix");
    packageExtension(vsix);
    workspace = join(scratch, "workspace");
    mkdirSync(join(workspace, "team"), { recursive: true });
    writeFileSync(join(workspace, "messy.crm"), MESSY);
    writeFileSync(join(workspace, "broken.crm"), BROKEN);
    writeFileSync(join(workspace, "team", "saved.crm"), lines("#setLanguageLevel 4;", "Void f(){", 'if(true){printLine("saved");}', "}"));
    writeFileSync(join(workspace, "team", ".crmscriptrc.json"), '{ "format": { "indentWidth": 4 } }\n');
    mkdirSync(shots, { recursive: true });
    // The user's own tab size for CRMScript (over the extension's default of 2): the formatter must not take it.
    server = await CodeServer.start(vsix, workspace, {
      userSettings: {
        "editor.renderWhitespace": "none",
        "[crmscript]": { "editor.tabSize": 4, "editor.insertSpaces": true, "editor.detectIndentation": false, "editor.formatOnSave": true },
      },
    });
    const chromium = await launchChromium();
    page = chromium.page;
    close = () => chromium.browser.close();
    await page.goto(server.url, WAIT);
    await page.waitForSelector(".monaco-workbench", WAIT);
    await page.waitForSelector(".explorer-folders-view", WAIT);
  }, 300_000);

  afterAll(async () => {
    await tearDownWorkbench(close, server, scratch);
  }, 60_000);

  const step = screenshotOnFailure(() => page, shots);

  /** Opens a workspace file with Quick Open and waits until the editor shows `text` and the language server runs. */
  const openFile = async (name: string, text: string): Promise<void> => {
    await pickFromQuickOpen(page, "Control+P", name, name, WAIT);
    await page.locator(".editor-instance .view-lines", { hasText: text }).first().waitFor(WAIT);
    // The status item shows this icon once the client has started (a spinner while it starts).
    await page.locator(".statusbar-item .codicon-versions").first().waitFor(WAIT);
  };

  /** Runs "Format Document" from the Command Palette (the row itself, not "Format Document With..."). */
  const formatDocument = async (): Promise<void> => {
    await page.keyboard.press("Control+Shift+P");
    await page.waitForSelector(".quick-input-widget input", { ...WAIT, state: "visible" });
    await page.keyboard.type("Format Document");
    await page
      .locator(".quick-input-list .monaco-list-row", { hasText: /Format Document(?!\s*With)/ })
      .first()
      .click(WAIT);
  };

  /** The active editor's text, line by line in their order on screen (all of it, for a file this short). */
  const editorText = (): Promise<string> =>
    page.evaluate<string>(`(() => {
    const view = document.querySelector(".editor-instance .view-lines");
    const rows = [...view.querySelectorAll(".view-line")].map((line) => ({ top: parseFloat(line.style.top), text: line.textContent.replace(/\\u00a0/g, " ") }));
    return rows.sort((a, b) => a.top - b.top).map((row) => row.text).join("\\n");
  })()`);

  it("formats a messy script with Format Document by 2 spaces, as crmscript-format does, ignoring the editor's tab size of 4", async () => {
    await step("format-document", async () => {
      await openFile("messy.crm", "NSContactAgent agent;");
      // The editor does indent this file by 4 (the status bar's indentation item).
      await page.locator(".statusbar-item", { hasText: "Spaces: 4" }).first().waitFor(WAIT);
      await formatDocument();
      // The editor shows an empty last line after the final line break.
      await expect.poll(editorText, WAIT).toBe(FORMATTED);
      await page.screenshot({ path: join(shots, "format-document.png") });
      expect(readFileSync(join(workspace, "messy.crm"), "utf8")).toBe(MESSY);
    });
  }, 120_000);

  it("formats on save with the configuration file's indentation (4)", async () => {
    await step("format-on-save", async () => {
      await openFile("saved.crm", 'printLine("saved")');
      await page.locator(".editor-instance .view-lines").first().click(WAIT);
      await page.keyboard.press("Control+End");
      await page.keyboard.type("f(  );");
      await page.keyboard.press("Control+S");
      const expected = lines("#setLanguageLevel 4;", "Void f() {", "    if (true) {", '        printLine("saved");', "    }", "}", "f();");
      await expect.poll(() => readFileSync(join(workspace, "team", "saved.crm"), "utf8"), WAIT).toBe(expected);
      await page.screenshot({ path: join(shots, "format-on-save.png") });
    });
  }, 120_000);

  it("leaves a script with a syntax error as it is and names the error in a warning", async () => {
    await step("syntax-error", async () => {
      await openFile("broken.crm", "if (x > 0 {");
      await formatDocument();
      const warning = page.locator(".notification-toast", { hasText: "CRMScript: not formatted: it has a syntax error at 3:10" }).first();
      await warning.waitFor(WAIT);
      await page.screenshot({ path: join(shots, "syntax-error.png") });
      expect(await editorText()).toBe(BROKEN);
    });
  }, 120_000);
});

interface NeovimResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly api: string;
  /** The `FormattingOptions` Neovim sends with its requests (from the buffer's `shiftwidth` and `expandtab`). */
  readonly options: { readonly tabSize: number; readonly insertSpaces: boolean };
  readonly formatted: readonly string[];
  readonly broken: readonly string[];
  readonly shown: readonly string[];
}

describe("formatting in Neovim", () => {
  let folder: string;

  beforeAll(() => {
    ensureServerBuilt();
    folder = mkdtempSync(join(tmpdir(), "crmscript-neovim-formatting-"));
    mkdirSync(join(folder, ".home"));
    writeFileSync(join(folder, "messy.crm"), MESSY);
    writeFileSync(join(folder, "broken.crm"), BROKEN);
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.runIf(shouldRun("neovim"))(
    "formats the buffer with vim.lsp.buf.format() by 2 spaces, ignoring its shiftwidth of 8 and tabs, and leaves one with a syntax error alone",
    () => {
      requireClients("neovim");
      const home = join(folder, ".home");
      const output = execFileSync(
        realClients.neovim,
        ["--headless", "-n", "-i", "NONE", "-u", join(repositoryRoot, "test", "real-clients", "neovim-format.lua"), "messy.crm", "broken.crm"],
        {
          cwd: folder,
          env: {
            PATH: process.env.PATH ?? "",
            HOME: home,
            XDG_CONFIG_HOME: join(home, "config"),
            XDG_STATE_HOME: join(home, "state"),
            XDG_DATA_HOME: join(home, "data"),
            CRMSCRIPT_SERVER: serverBundle,
          },
          timeout: 60_000,
          stdio: ["ignore", "pipe", "pipe"],
        },
      ).toString();
      const result = JSON.parse(output.trim().split("\n").pop() ?? "{}") as NeovimResult;
      expect(result.ok, result.error).toBe(true);
      expect(result.api).toMatch(/^vim\.lsp\.buf\.(format|formatting_sync)$/);
      // Neovim asks for 8 and tabs; the answer is crmscript-format's all the same.
      expect(result.options).toEqual({ tabSize: 8, insertSpaces: false });
      expect(`${result.formatted.join("\n")}\n`).toBe(FORMATTED);
      expect(readFileSync(join(folder, "messy.crm"), "utf8")).toBe(FORMATTED);
      expect(`${result.broken.join("\n")}\n`).toBe(BROKEN);
      expect(result.shown).toEqual(["CRMScript: not formatted: it has a syntax error at 3:10: expected ')' to close the 'if' condition, found '{'"]);
    },
    90_000,
  );
});

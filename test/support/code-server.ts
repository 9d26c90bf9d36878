/**
 * VS Code itself for tests: code-server (the real workbench and extension
 * host, on Node 24) with a fresh user-data and extensions folder, a .vsix
 * installed, serving one workspace on a free local port; and Debian's
 * Chromium driven by playwright-core to look at it. Both come from
 * `scripts/install-real-clients.sh`; playwright-core is loaded from there,
 * so it is not a dependency of the project.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { realClients } from "./real-clients.js";

/** The part of playwright-core's API the tests use. */
export interface Locator {
  first(): Locator;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { timeout?: number; state?: "visible" | "attached" | "hidden" | "detached" }): Promise<void>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  hover(options?: { timeout?: number }): Promise<void>;
  click(options?: { timeout?: number }): Promise<void>;
  count(): Promise<number>;
}

export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  waitForSelector(selector: string, options?: { timeout?: number; state?: "visible" | "attached" | "hidden" | "detached" }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  screenshot(options: { path: string }): Promise<unknown>;
  evaluate<T>(script: string): Promise<T>;
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  on(event: "pageerror", listener: (error: Error) => void): void;
  /** A page this page opens (`window.open`, which is how the workbench opens an external address). */
  waitForEvent(event: "popup", options?: { timeout?: number }): Promise<Page>;
  url(): string;
  close(): Promise<void>;
}

interface Browser {
  newPage(options: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "git.enabled": false,
  "security.workspace.trust.enabled": false,
  "editor.minimap.enabled": false,
  "editor.fontSize": 15,
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export class CodeServer {
  private constructor(
    private readonly process: ChildProcess,
    readonly url: string,
    private readonly port: number,
    readonly state: string,
  ) {}

  /** Installs the .vsix into a fresh state folder and starts code-server on the workspace, with more user settings if given. */
  static async start(vsix: string, workspace: string, options: { userSettings?: Record<string, unknown> } = {}): Promise<CodeServer> {
    const state = mkdtempSync(join(tmpdir(), "crmscript-code-server-"));
    mkdirSync(join(state, "user-data", "User"), { recursive: true });
    writeFileSync(join(state, "user-data", "User", "settings.json"), JSON.stringify({ ...USER_SETTINGS, ...options.userSettings }, null, 2));
    // A clean environment: the test runner's own variables (NODE_ENV=test, VITEST_…) must not reach VS Code.
    const env: Record<string, string> = {
      HOME: process.env.HOME ?? state,
      LANG: "C.UTF-8",
      PATH: `${dirname(realClients.node24)}:${process.env.PATH ?? ""}`,
      // code-server writes its config and logs under these instead of $HOME.
      XDG_CONFIG_HOME: join(state, "config"),
      XDG_DATA_HOME: join(state, "data"),
      XDG_CACHE_HOME: join(state, "cache"),
    };
    const folders = ["--user-data-dir", join(state, "user-data"), "--extensions-dir", join(state, "extensions")];
    execFileSync(realClients.codeServer, [...folders, "--install-extension", vsix], { env, stdio: "pipe", timeout: 120_000 });
    const port = await freePort();
    const log = openSync(join(state, "server.log"), "w");
    const child = spawn(
      realClients.codeServer,
      [
        ...folders,
        "--bind-addr",
        `127.0.0.1:${port}`,
        "--auth",
        "none",
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        "--ignore-last-opened",
        workspace,
      ],
      { env, stdio: ["ignore", log, log], detached: true },
    );
    const server = new CodeServer(child, `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, port, state);
    const deadline = Date.now() + 60_000;
    while (!(await answers(`http://127.0.0.1:${port}/healthz`))) {
      if (Date.now() > deadline || child.exitCode !== null) {
        await server.stop();
        throw new Error(`code-server did not start; see ${join(state, "server.log")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return server;
  }

  /** Kills the whole process group (server, extension host, language server) and waits until the port is free. */
  async stop(): Promise<void> {
    if (this.process.pid !== undefined && this.process.exitCode === null) {
      try {
        process.kill(-this.process.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await answers(`http://127.0.0.1:${this.port}/healthz`))) await new Promise((resolve) => setTimeout(resolve, 200));
  }

  removeState(): void {
    rmSync(this.state, { recursive: true, force: true });
  }
}

export async function launchChromium(): Promise<{ browser: Browser; page: Page }> {
  const { chromium } = createRequire(join(realClients.playwrightCore, "package.json"))("playwright-core") as {
    chromium: { launch(options: Record<string, unknown>): Promise<Browser> };
  };
  const browser = await chromium.launch({
    executablePath: realClients.chromium,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  return { browser, page };
}

/**
 * Opens Quick Open with `keys` (the file picker, or the command palette),
 * types `query` and clicks the row showing `row`. The row itself is clicked:
 * Enter takes the focused row, and on a loaded machine the list can still be
 * filling (quick open's file search answers late), so the focused row was
 * sometimes another one.
 */
export async function pickFromQuickOpen(page: Page, keys: string, query: string, row: string, wait: { readonly timeout: number }): Promise<void> {
  await page.keyboard.press(keys);
  await page.waitForSelector(".quick-input-widget input", { ...wait, state: "visible" });
  await page.keyboard.type(query);
  const match = page.locator(".quick-input-list .monaco-list-row", { hasText: row }).first();
  await match.waitFor(wait);
  await match.click(wait);
}

/** A test step that saves a screenshot of the workbench to `shots` when it fails (`page` is read when the step runs). */
export function screenshotOnFailure(page: () => Page, shots: string): (name: string, body: () => Promise<void>) => Promise<void> {
  return async (name, body) => {
    try {
      await body();
    } catch (error) {
      await page()
        .screenshot({ path: join(shots, `failure-${name}.png`) })
        .catch(() => undefined);
      throw error;
    }
  };
}

/**
 * Closes the browser and code-server, and removes code-server's state and
 * the scratch workspace, unless CRMSCRIPT_KEEP_STATE is set (then both are
 * kept for a look after a failure).
 */
export async function tearDownWorkbench(close: (() => Promise<void>) | undefined, server: CodeServer | undefined, scratch: string | undefined): Promise<void> {
  await close?.().catch(() => undefined);
  await server?.stop();
  if (process.env.CRMSCRIPT_KEEP_STATE === undefined) {
    server?.removeState();
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  } else {
    console.log(`kept ${server?.state} and ${scratch}`);
  }
}

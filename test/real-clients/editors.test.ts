/**
 * `crmscript-language-server --stdio` in the editors people run it from
 * outside VS Code: headless Neovim (built-in `vim.lsp`) and batch Emacs with
 * eglot, each opening a script with a NetServer mistake. Each must show the
 * server's diagnostic, complete the NetServer methods after `agent.`, and
 * hover a method with its signature.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { ensureServerBuilt, serverBundle } from "../support/lsp-client.js";
import { repositoryRoot } from "../support/paths.js";
import { realClients, requireClients, shouldRun } from "../support/real-clients.js";

const SCRIPT = [
  "#setLanguageLevel 4;",
  "NSContactAgent agent;",
  "NSContactEntity contact = agent.GetContactEntity(5);",
  "String name = contact.GetNmae();",
  "printLine(name);",
  "",
].join("\n");

interface EditorResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly diagnostics: readonly { line: number; message: string; code?: string }[];
  readonly completion: readonly string[];
  readonly hover: string;
}

let workspace: string;
let home: string;

beforeAll(() => {
  ensureServerBuilt();
  workspace = mkdtempSync(join(tmpdir(), "crmscript-editors-"));
  home = join(workspace, ".home");
  mkdirSync(home);
  writeFileSync(join(workspace, "greet.crm"), SCRIPT);
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function run(command: string, args: readonly string[]): EditorResult {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_CACHE_HOME: join(home, "cache"),
    XDG_STATE_HOME: join(home, "state"),
    XDG_DATA_HOME: join(home, "data"),
    CRMSCRIPT_SERVER: serverBundle,
    COMPLETE_AFTER: "agent.",
    HOVER_ON: "GetContactEntity",
  };
  const output = execFileSync(command, args, { cwd: workspace, env, timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] }).toString();
  return JSON.parse(output.trim().split("\n").pop() ?? "{}") as EditorResult;
}

/** What every editor must have got from the server. */
function expectServerAnswers(result: EditorResult): void {
  expect(result.ok, result.error).toBe(true);
  expect(result.diagnostics).toHaveLength(1);
  expect(result.diagnostics[0]).toMatchObject({ line: 3 });
  expect(result.diagnostics[0]?.message).toContain("NSContactEntity has no method 'GetNmae'; did you mean 'GetName'?");
  const agentMethods = builtinCatalog().catalog.classNamed("NSContactAgent")?.methods;
  expect(result.completion).toContain("GetContactEntity");
  expect(result.completion).toContain("SaveContactEntity");
  expect(result.completion.filter((label) => agentMethods?.has(label) !== true)).toEqual([]);
  expect(result.hover).toContain("NSContactEntity NSContactAgent.GetContactEntity(Integer contactEntityId)");
}

describe("the language server in real editors", () => {
  it.runIf(shouldRun("neovim"))(
    "Neovim (vim.lsp) shows the diagnostic, completes agent. and hovers",
    () => {
      requireClients("neovim");
      const result = run(realClients.neovim, [
        "--headless",
        "-n",
        "-i",
        "NONE",
        "-u",
        join(repositoryRoot, "test", "real-clients", "neovim-client.lua"),
        "greet.crm",
      ]);
      expectServerAnswers(result);
      expect(result.diagnostics[0]).toMatchObject({ code: "unknown-member", col: 22 });
    },
    90_000,
  );

  it.runIf(shouldRun("emacs"))(
    "Emacs (eglot) shows the diagnostic, completes agent. and hovers",
    () => {
      requireClients("emacs");
      const result = run(realClients.emacs, ["--batch", "-q", "-l", join(repositoryRoot, "test", "real-clients", "emacs-client.el"), "greet.crm"]);
      expectServerAnswers(result);
      expect(result.diagnostics[0]?.message).toContain("[unknown-member]");
    },
    90_000,
  );
});

/**
 * The crash policy: a fault outside any request (an exception from a timer,
 * a promise rejection nobody handles) is logged with its stack and ends the
 * process with code 1, so the client starts a fresh server; a request whose
 * handler throws (or rejects) is answered with an error or the empty
 * result and the server goes on. Checked on a fake process, on guarded
 * handlers, and on a server process (the real server and policy,
 * bundled with a test entry that can inject the faults).
 */
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "vscode-languageserver";
import { ErrorCodes, LSPErrorCodes, type DocumentSymbol } from "vscode-languageserver-protocol";
import { cancelledError } from "../../server/lsp/cancellation.js";
import { CRASH_EXIT_CODE, installCrashPolicy } from "../../server/lsp/crash-policy.js";
import { guarded } from "../../server/lsp/guard.js";
import { LspClient } from "../support/lsp-client.js";
import { repositoryRoot } from "../support/paths.js";

class FakeProcess extends EventEmitter {
  readonly exits: number[] = [];
  written = "";
  readonly stderr = { write: (text: string): boolean => Boolean((this.written += text)) };
  exit(code: number): void {
    this.exits.push(code);
  }
}

describe("the crash policy on a fake process", () => {
  it("logs an uncaught exception with its stack and exits with code 1", () => {
    const fake = new FakeProcess();
    const logged: string[] = [];
    installCrashPolicy(fake, (message) => logged.push(message));
    fake.emit("uncaughtException", new Error("corrupt state"));
    expect(fake.exits).toEqual([CRASH_EXIT_CODE]);
    expect(CRASH_EXIT_CODE).toBe(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/uncaught exception outside a request; exiting with code 1 so that a fresh server starts: Error: corrupt state\n\s+at /);
    expect(fake.written).toBe(`${logged[0]}\n`);
  });

  it("treats an unhandled rejection the same, with whatever was rejected", () => {
    const fake = new FakeProcess();
    const logged: string[] = [];
    installCrashPolicy(fake, (message) => logged.push(message));
    fake.emit("unhandledRejection", "not even an Error");
    expect(fake.exits).toEqual([1]);
    expect(logged[0]).toMatch(/unhandled promise rejection outside a request; .*: not even an Error$/);
  });

  it("still exits when logging fails, and reports a second fault only by exiting", () => {
    const fake = new FakeProcess();
    installCrashPolicy(fake, () => {
      throw new Error("the connection is gone");
    });
    fake.emit("uncaughtException", new Error("first"));
    fake.emit("uncaughtException", new Error("second"));
    expect(fake.exits).toEqual([1, 1]);
    expect(fake.written).toContain("Error: first");
    expect(fake.written).not.toContain("second");
  });
});

describe("a guarded handler that runs in steps", () => {
  const errors: string[] = [];
  const connection = { console: { error: (message: string) => errors.push(message) } } as unknown as Connection;

  it("whose promise rejects is logged with its stack and answered with the empty result", async () => {
    const handler = guarded(connection, "references", null, async (): Promise<string[] | null> => {
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error("feature exploded later");
    });
    expect(await handler()).toBeNull();
    expect(errors.pop()).toMatch(/^references failed: Error: feature exploded later\n\s+at /);
  });

  it("that is cancelled passes the cancellation on, without logging it", async () => {
    const handler = guarded(connection, "references", null, async (): Promise<string[] | null> => {
      throw cancelledError();
    });
    await expect(handler()).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
    expect(errors).toEqual([]);
  });
});

describe("a server process with the crash policy", () => {
  const scratch = mkdtempSync(join(tmpdir(), "crmscript-crash-"));
  const bundle = join(scratch, "crash-server.js");

  beforeAll(async () => {
    const { build } = await import("esbuild");
    const pluginUrl = pathToFileURL(join(repositoryRoot, "scripts", "esbuild-json-as-string.mjs")).href;
    const { jsonAsString } = (await import(pluginUrl)) as { jsonAsString: import("esbuild").Plugin };
    await build({
      entryPoints: [join(repositoryRoot, "test", "lsp", "crash-server-entry.ts")],
      outfile: bundle,
      plugins: [jsonAsString],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      mainFields: ["module", "main"],
      logLevel: "warning",
    });
  }, 120_000);

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it.each([
    ["exception", "uncaught exception outside a request", "Error: an injected fault outside a request"],
    ["rejection", "unhandled promise rejection outside a request", "Error: an injected rejection outside a request"],
  ])("answers a throwing handler with an error and goes on, then exits with code 1 after an injected %s", async (kind, what, error) => {
    const client = await LspClient.start({ serverPath: bundle });
    const child = client.process;
    if (child === undefined) throw new Error("no server process");
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    await expect(client.request("test/throwInHandler", {})).rejects.toMatchObject({ code: ErrorCodes.InternalError });
    client.open("untitled:Untitled-1", "#setLanguageLevel 4;\nVoid still() { }\n");
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: "untitled:Untitled-1" } });
    expect(symbols.map((symbol) => symbol.name)).toEqual(["still"]);

    client.connection.sendNotification("test/faultOutsideRequest", { kind });
    expect(await exited).toBe(1);
    client.connection.dispose();
    expect(stderr).toContain(`crmscript-language-server: ${what}; exiting with code 1 so that a fresh server starts: ${error}\n`);
    expect(stderr).toMatch(/\n\s+at .*crash-server/);
  });
});

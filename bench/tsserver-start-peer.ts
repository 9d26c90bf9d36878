/**
 * The start-up peer for `npm run bench:lsp`: TypeScript's own server
 * (`tsserver`) started as a child process, as an editor starts it, on the
 * TypeScript rendering of the benchmark's program with the CRMScript API
 * declared from the catalog (`typescript-peer.ts`), in files on disk. Timed
 * from the spawn to its syntax diagnostics of the script (the first) and
 * to its semantic diagnostics (all), as ours is timed to its two waves, so
 * the bench can print ours ÷ theirs: both pay the machine's speed of the
 * moment, which moves absolute start-up times by a third between runs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { serverEnvironmentOverrides } from "../client/server-environment.js";
import { repositoryRoot } from "../test/support/paths.js";
import { catalogDeclarations } from "./typescript-peer.js";

export interface StartTimes {
  readonly first: number;
  readonly full: number;
}

/** The program's files written to a temporary folder, and starts of tsserver on them. */
export interface TsserverPeer {
  startOnce(): Promise<StartTimes>;
  dispose(): void;
}

/** How long one start may take before the bench gives up on the peer. */
const START_TIMEOUT_MILLISECONDS = 60_000;

/** Writes `program` (the TypeScript rendering of the bench's script) and the API declarations to files tsserver can open. */
export function prepareTsserverPeer(program: string): TsserverPeer {
  const folder = mkdtempSync(join(tmpdir(), "crmscript-bench-tsserver-"));
  const script = join(folder, "script.ts");
  writeFileSync(script, program);
  writeFileSync(join(folder, "crmscript-api.d.ts"), catalogDeclarations());
  // The options of the in-process peer.
  const compilerOptions = { target: "ES2015", lib: ["ES5"], strict: true, noEmit: true, types: [] };
  writeFileSync(join(folder, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["script.ts", "crmscript-api.d.ts"] }));
  const tsserver = createRequire(join(repositoryRoot, "package.json")).resolve("typescript/lib/tsserver.js");
  return {
    startOnce: () => startOnce(tsserver, script),
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** One tsserver process: spawned, asked for the script's diagnostics, timed to its syntax and semantic events, stopped. */
function startOnce(tsserver: string, script: string): Promise<StartTimes> {
  const started = performance.now();
  const child = spawn(process.execPath, [tsserver, "--disableAutomaticTypingAcquisition"], {
    stdio: ["pipe", "pipe", "ignore"],
    env: { ...process.env, ...serverEnvironmentOverrides() },
  });
  const send = (seq: number, command: string, args: unknown): void => {
    child.stdin?.write(`${JSON.stringify({ seq, type: "request", command, arguments: args })}\n`);
  };
  send(1, "open", { file: script });
  send(2, "geterr", { files: [script], delay: 0 });
  return new Promise((resolve, reject) => {
    let first: number | undefined;
    const timer = setTimeout(() => finish(new Error("tsserver gave no semantic diagnostics in time")), START_TIMEOUT_MILLISECONDS);
    const finish = (error?: Error, full?: number): void => {
      clearTimeout(timer);
      stop(child);
      if (error !== undefined || first === undefined || full === undefined) reject(error ?? new Error("tsserver ended early"));
      else resolve({ first, full });
    };
    let pending = "";
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      pending += chunk;
      // Each message is a Content-Length header, a blank line and one line of JSON; only the event names are needed.
      for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        if (!line.startsWith("{")) continue;
        const message = JSON.parse(line) as { readonly type: string; readonly event?: string };
        if (message.type !== "event") continue;
        if (message.event === "syntaxDiag") first ??= performance.now() - started;
        if (message.event === "semanticDiag") finish(undefined, performance.now() - started);
      }
    });
    child.once("exit", () => finish());
    child.once("error", (error) => finish(error));
  });
}

function stop(child: ChildProcess): void {
  child.stdout?.removeAllListeners("data");
  child.removeAllListeners("exit");
  child.kill();
}

/**
 * The language server over the real protocol (issue 4), with the built
 * server as a child process: start to first diagnostics of a realistic
 * 5,000-line script (from the server's code cache, as every start but the
 * first of a build, and without it), hover and completion-after-`.` latency (p50/p95),
 * diagnostics after a one-character edit, and resident memory after
 * opening 1,000 typical files (right after the last diagnostics, and once
 * the server has been quiet for a few seconds, when it has collected what
 * the burst left: `server/lsp/idle-collection.ts`). The baseline is the protocol's own round
 * trip (a request the server answers without work), measured in the run;
 * the peers are TypeScript's language service (`typescript-peer.ts`) and,
 * for start-up, tsserver started before each of ours (`tsserver-start-peer.ts`).
 * The client collects its own garbage before each timed request.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { serverEnvironmentOverrides, VARIABLES_THE_SERVER_DOES_NOT_NEED } from "../client/server-environment.js";
import { LspClient } from "../test/support/lsp-client.js";
import { formatTable, latencySummary, median, medianRatio } from "./measure.js";
import { generateProgramOfLines, generateScriptOfLines, seededRandom } from "./realistic-script.js";
import { prepareTsserverPeer } from "./tsserver-start-peer.js";
import { type PeerResult, runTypeScriptPeer } from "./typescript-peer.js";

export interface LspBenchResult {
  /** The server measured: "shipped" (the production build) or "development" (dist/). */
  readonly build: "shipped" | "development";
  readonly lines: number;
  /** Medians of starts from the code cache the first start of the build wrote. */
  readonly startToFirstDiagnostics: number;
  readonly startToFullDiagnostics: number;
  /** Medians of starts without a code cache (the first start of a build). */
  readonly uncachedStartToFirstDiagnostics: number;
  readonly uncachedStartToFullDiagnostics: number;
  /**
   * Medians of cached starts with this process's environment as it is (as an editor that starts the server itself
   * does), alternating with the others; undefined when that environment has none of the variables the VS Code
   * extension leaves out (`client/server-environment.ts`).
   */
  readonly startAsIs: { readonly first: number; readonly full: number; readonly variables: readonly string[] } | undefined;
  readonly roundTrip: { readonly p50: number; readonly p95: number };
  readonly hover: { readonly p50: number; readonly p95: number };
  readonly completion: { readonly p50: number; readonly p95: number; readonly items: number };
  readonly diagnosticsAfterEdit: { readonly p50: number; readonly p95: number };
  readonly memory: { readonly files: number; readonly lines: number; readonly residentMegabytes: number; readonly quietResidentMegabytes: number };
  /** TypeScript's language service on the same program in TypeScript, in the same run. */
  readonly peer: PeerResult;
  /** Medians of tsserver's starts on the same program in TypeScript, each right before one of the cached starts (`tsserver-start-peer.ts`). */
  readonly startPeer: { readonly first: number; readonly full: number };
  /** Each cached start of ours divided by the peer's start before it, median. */
  readonly startRatio: { readonly first: number; readonly full: number };
}

/**
 * This process's garbage collector, with `--expose-gc` (which `scripts/run-bench.mjs` passes): the client collects its
 * garbage before each series of requests (all of it) and before each timed request (its young generation: a full
 * collection would also throw away its optimized code), so a pause of the measuring client is not counted as the
 * server's latency. `run-bench.mjs` also gives this process a large initial old generation, so that V8 does not start
 * collecting it on its own in the middle of a series.
 */
const collectGarbage = (globalThis as { gc?: (options?: { type: "minor" | "major" }) => void }).gc;

function settleClient(): void {
  collectGarbage?.({ type: "minor" });
}

/** Resident memory of a process, in megabytes (Linux). */
function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? "0");
  return kilobytes / 1024;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; milliseconds: number }> {
  const start = performance.now();
  const value = await run();
  return { value, milliseconds: performance.now() - start };
}

/** Fresh servers started for the start-up figures: from the code cache, and without one. */
const STARTS = 5;
/** How long the memory figure waits for the server to go quiet after opening the files. */
const QUIET_WAIT_MILLISECONDS = 3000;
const UNCACHED_STARTS = 3;

export interface LspBenchOptions {
  /** The server's executable (the development build in dist/ when undefined). */
  readonly serverPath?: string | undefined;
}

export async function runLspBench(options: LspBenchOptions = {}): Promise<LspBenchResult> {
  const program = generateProgramOfLines(5000, 11);
  const text = program.crmscript;
  const lines = text.split("\n");
  const uri = "file:///bench/script.crm";

  // Start-up is one sample per server process, so several fresh servers are started and the medians kept. Each
  // server writes its code cache when it stops (if its folder has none), so emptying the folder makes a first start.
  // The servers are started as the VS Code extension starts them (`client/server-environment.ts`); where this
  // environment sets a variable the extension leaves out, every cached start is followed by one with it.
  const cacheFolder = mkdtempSync(join(tmpdir(), "crmscript-bench-code-cache-"));
  const variablesSet = VARIABLES_THE_SERVER_DOES_NOT_NEED.filter((name) => process.env[name] !== undefined);
  const starts = { first: [] as number[], full: [] as number[], uncachedFirst: [] as number[], uncachedFull: [] as number[] };
  const startsAsIs = { first: [] as number[], full: [] as number[] };
  let client: LspClient | undefined;
  const tsserver = prepareTsserverPeer(program.typescript);
  const peerStarts = { first: [] as number[], full: [] as number[] };
  /** Stops `previous`, then starts a server and times its first and its full diagnostics. */
  const startOnce = async (previous: LspClient | undefined, environment: Record<string, undefined>) => {
    await previous?.stop();
    const started = performance.now();
    const server = await LspClient.start({ retainPublishes: 2, codeCacheFolder: cacheFolder, environment, serverPath: options.serverPath });
    server.open(uri, text);
    await server.waitForDiagnostics(uri, () => true, 0, 60_000);
    const first = performance.now() - started;
    await server.waitForDiagnostics(uri, () => true, 1, 60_000);
    return { server, first, full: performance.now() - started };
  };
  // One more start first, not counted: the first in this process also times this process's own cold client code.
  // Before each cached start, with no server of ours running, the peer starts once (one more first, not counted).
  await tsserver.startOnce();
  for (let start = -1; start < UNCACHED_STARTS + STARTS; start++) {
    const cached = start >= UNCACHED_STARTS;
    if (!cached) rmSync(cacheFolder, { recursive: true, force: true });
    if (cached) {
      await client?.stop();
      client = undefined;
      const peer = await tsserver.startOnce();
      peerStarts.first.push(peer.first);
      peerStarts.full.push(peer.full);
    }
    const { server, first, full } = await startOnce(client, serverEnvironmentOverrides());
    client = server;
    if (start < 0) continue;
    (cached ? starts.first : starts.uncachedFirst).push(first);
    (cached ? starts.full : starts.uncachedFull).push(full);
    if (cached && variablesSet.length > 0) {
      const asIs = await startOnce(client, {});
      client = asIs.server;
      startsAsIs.first.push(asIs.first);
      startsAsIs.full.push(asIs.full);
    }
  }
  tsserver.dispose();
  if (client === undefined) throw new Error("no server started");

  // Baseline: a request the server answers at once (hover on an empty document).
  client.open("file:///bench/empty.crm", "");
  const roundTrips: number[] = [];
  collectGarbage?.();
  for (let index = 0; index < 60; index++) {
    settleClient();
    roundTrips.push(
      (await timed(() => client.request("textDocument/hover", { textDocument: { uri: "file:///bench/empty.crm" }, position: { line: 0, character: 0 } })))
        .milliseconds,
    );
  }

  // Hover on the NetServer method of every `agent.Get…` call, spread over the file.
  const hoverPositions: { line: number; character: number }[] = [];
  lines.forEach((line, index) => {
    const at = line.indexOf("agent.Get");
    if (at >= 0) hoverPositions.push({ line: index, character: at + 8 });
  });
  const hovers: number[] = [];
  collectGarbage?.();
  for (const position of hoverPositions.slice(0, 200)) {
    settleClient();
    hovers.push((await timed(() => client.request("textDocument/hover", { textDocument: { uri }, position }))).milliseconds);
  }

  // Completion right after typing `agent.` on a new line inside a function, from a quiet state.
  const targets = lines.flatMap((line, index) => (line.startsWith("  entity = agent.Save") ? [index] : []));
  const completions: number[] = [];
  collectGarbage?.();
  let items = 0;
  for (const lineNumber of targets.slice(0, 60)) {
    const insert = "  agent.";
    const before = client.pushedCount(uri);
    settleClient();
    client.change(uri, [{ range: { start: { line: lineNumber, character: 0 }, end: { line: lineNumber, character: 0 } }, text: `${insert}\n` }]);
    const result = await timed(() =>
      client.request<{ items: unknown[] }>("textDocument/completion", { textDocument: { uri }, position: { line: lineNumber, character: insert.length } }),
    );
    completions.push(result.milliseconds);
    items = result.value.items.length;
    const version = client.change(uri, [{ range: { start: { line: lineNumber, character: 0 }, end: { line: lineNumber + 1, character: 0 } }, text: "" }]);
    await client.waitForDiagnostics(uri, (params) => params.version === version, before, 60_000);
  }

  // Diagnostics after one character is typed (and then deleted again).
  const afterEdit: number[] = [];
  collectGarbage?.();
  const random = seededRandom(5);
  for (let round = 0; round < 30; round++) {
    const lineNumber = Math.floor(random() * (lines.length - 2));
    for (const change of [
      { range: { start: { line: lineNumber, character: 0 }, end: { line: lineNumber, character: 0 } }, text: " " },
      { range: { start: { line: lineNumber, character: 0 }, end: { line: lineNumber, character: 1 } }, text: "" },
    ]) {
      const before = client.pushedCount(uri);
      settleClient();
      const start = performance.now();
      const version = client.change(uri, [change]);
      await client.waitForDiagnostics(uri, (params) => params.version === version, before, 60_000);
      afterEdit.push(performance.now() - start);
    }
  }
  await client.stop();
  rmSync(cacheFolder, { recursive: true, force: true });

  // Memory after opening 1,000 typical files in a fresh server.
  const memoryClient = await LspClient.start({ serverPath: options.serverPath });
  const files = 1000;
  let fileLines = 0;
  const fileRandom = seededRandom(77);
  for (let index = 0; index < files; index++) {
    const script = generateScriptOfLines(100 + Math.floor(fileRandom() * 150), 5000 + index);
    fileLines += script.split("\n").length;
    memoryClient.open(`file:///bench/files/script${index}.crm`, script);
  }
  await memoryClient.waitForDiagnostics(`file:///bench/files/script${files - 1}.crm`, () => true, 1, 120_000);
  const resident = residentMegabytes(memoryClient.process?.pid as number);
  // The server checks every second whether it has gone quiet; two checks and the collection fit in three seconds.
  await new Promise((resolve) => setTimeout(resolve, QUIET_WAIT_MILLISECONDS));
  const quietResident = residentMegabytes(memoryClient.process?.pid as number);
  await memoryClient.stop();

  const peer = runTypeScriptPeer(program.typescript);

  return {
    build: options.serverPath === undefined ? "development" : "shipped",
    lines: lines.length,
    startToFirstDiagnostics: median(starts.first),
    startToFullDiagnostics: median(starts.full),
    uncachedStartToFirstDiagnostics: median(starts.uncachedFirst),
    uncachedStartToFullDiagnostics: median(starts.uncachedFull),
    startAsIs: variablesSet.length === 0 ? undefined : { first: median(startsAsIs.first), full: median(startsAsIs.full), variables: variablesSet },
    roundTrip: latencySummary(roundTrips),
    hover: latencySummary(hovers),
    completion: { ...latencySummary(completions), items },
    diagnosticsAfterEdit: latencySummary(afterEdit),
    memory: { files, lines: fileLines, residentMegabytes: resident, quietResidentMegabytes: quietResident },
    peer,
    startPeer: { first: median(peerStarts.first), full: median(peerStarts.full) },
    startRatio: { first: medianRatio(starts.first, peerStarts.first), full: medianRatio(starts.full, peerStarts.full) },
  };
}

export function reportLspBench(result: LspBenchResult): string {
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  const times = (value: number): string => `${(value / result.roundTrip.p50).toFixed(1)}×`;
  const versus = (ours: number, theirs: number): string => `${(ours / theirs).toFixed(2)}×`;
  const peer = result.peer;
  return [
    `Language server over stdio (the ${result.build === "shipped" ? "shipped (production) build" : "development build in dist/"} of the server as a child process; ${result.lines}-line realistic script)`,
    formatTable([
      ["measure", "p50", "p95", "p50 / round trip"],
      ["protocol round trip (baseline: hover on an empty document)", ms(result.roundTrip.p50), ms(result.roundTrip.p95), "1.0×"],
      ["hover on a NetServer method", ms(result.hover.p50), ms(result.hover.p95), times(result.hover.p50)],
      [
        `completion after typing 'agent.' (${result.completion.items} items)`,
        ms(result.completion.p50),
        ms(result.completion.p95),
        times(result.completion.p50),
      ],
      [
        "diagnostics after a one-character edit",
        ms(result.diagnosticsAfterEdit.p50),
        ms(result.diagnosticsAfterEdit.p95),
        times(result.diagnosticsAfterEdit.p50),
      ],
    ]),
    "Peer: TypeScript's language service in process (no protocol) on the same program in TypeScript, the CRMScript API declared from the catalog",
    formatTable([
      ["measure", "TypeScript p50", "TypeScript p95", "ours ÷ TypeScript (p50)", "ours ÷ TypeScript (p95)"],
      [
        `completion after 'agent.' (${peer.completion.items} items)`,
        ms(peer.completion.p50),
        ms(peer.completion.p95),
        versus(result.completion.p50, peer.completion.p50),
        versus(result.completion.p95, peer.completion.p95),
      ],
      [
        "diagnostics after a one-character edit",
        ms(peer.diagnosticsAfterEdit.p50),
        ms(peer.diagnosticsAfterEdit.p95),
        versus(result.diagnosticsAfterEdit.p50, peer.diagnosticsAfterEdit.p50),
        versus(result.diagnosticsAfterEdit.p95, peer.diagnosticsAfterEdit.p95),
      ],
    ]),
    formatTable([
      ["measure", "value"],
      [`start (spawn) to first diagnostics of the script (syntax wave; median of ${STARTS} starts)`, ms(result.startToFirstDiagnostics)],
      [`start (spawn) to all diagnostics of the script (median of ${STARTS} starts)`, ms(result.startToFullDiagnostics)],
      ...(result.startAsIs === undefined
        ? []
        : [
            [
              `  with ${result.startAsIs.variables.join(", ")} as set here (an editor starting the server itself): first diagnostics`,
              ms(result.startAsIs.first),
            ],
            [`  with ${result.startAsIs.variables.join(", ")} as set here: all diagnostics`, ms(result.startAsIs.full)],
          ]),
      [
        `  peer: tsserver on the same program in TypeScript, to its syntax / semantic diagnostics (median of ${STARTS}, each before one of ours)`,
        `${ms(result.startPeer.first)} / ${ms(result.startPeer.full)}`,
      ],
      ["  ours ÷ tsserver: first / all diagnostics (median of the pairs)", `${result.startRatio.first.toFixed(2)}× / ${result.startRatio.full.toFixed(2)}×`],
      [`  first start of a build (no code cache yet): first diagnostics (median of ${UNCACHED_STARTS})`, ms(result.uncachedStartToFirstDiagnostics)],
      [`  first start of a build (no code cache yet): all diagnostics (median of ${UNCACHED_STARTS})`, ms(result.uncachedStartToFullDiagnostics)],
      [`resident memory after opening ${result.memory.files} typical files (${result.memory.lines} lines)`, `${result.memory.residentMegabytes.toFixed(0)} MB`],
      [`  the same once the server has been quiet for ${QUIET_WAIT_MILLISECONDS / 1000} s`, `${result.memory.quietResidentMegabytes.toFixed(0)} MB`],
    ]),
  ].join("\n\n");
}

/**
 * Tenant sync (issue 13): pulling 1,000 scripts from the local fake tenant
 * (`test/support/tenant-server.ts`, which checks every request and answer
 * against the Web API contract) into an empty workspace, pushing all of
 * them back changed, and a push with nothing to send. The baseline, timed
 * in the same rounds, is the bare HTTP a pull cannot avoid: the lists and
 * one GET per script with plain `fetch` at the same concurrency, nothing
 * written. Floor: 1,000 scripts pulled in under 10 s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pLimit from "p-limit";
import { TenantApi } from "../server/tenant/api.js";
import { pull } from "../server/tenant/workspace/pull.js";
import { push } from "../server/tenant/workspace/push.js";
import { Workspace } from "../server/tenant/workspace/state.js";
import { startTenantServer, type TenantServer } from "../test/support/tenant-server.js";
import { formatTable, median, medianRatio } from "./measure.js";

export interface TenantBenchResult {
  readonly scripts: number;
  readonly concurrency: number;
  readonly baselineMilliseconds: number;
  readonly pullMilliseconds: number;
  readonly pushAllMilliseconds: number;
  readonly pushNothingMilliseconds: number;
  /** Pull's time over the bare HTTP's, median of rounds. */
  readonly pullRatio: number;
  readonly pushAllRatio: number;
}

const CONCURRENCY = 8;

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** The HTTP a pull of every script needs, with plain `fetch`: the three lists, then each script. */
async function bareHttp(server: TenantServer): Promise<void> {
  const get = async (path: string): Promise<unknown> => (await fetch(new URL(path, server.apiBase), { headers: server.authHeaders() })).json();
  await get("v1/Hierarchy/Scripts?children=true");
  await get("v1/TriggerScript?$select=screenChooserId&$top=500");
  const ids: number[] = [];
  for (let skip = 0; ; skip += 500) {
    const page = (await get(`v1/CRMScript?$select=ejscriptId,uniqueIdentifier,name,includeId,hierarchyId,updatedDate&$top=500&$skip=${skip}`)) as {
      value: { ejscriptId: number }[];
    };
    ids.push(...page.value.map((row) => row.ejscriptId));
    if (page.value.length < 500) break;
  }
  const limit = pLimit(CONCURRENCY);
  await Promise.all(ids.map((id) => limit(() => get(`v1/CRMScript/${id}`))));
}

export async function runTenantBench(rounds = 3, count = 1000): Promise<TenantBenchResult> {
  const server = await startTenantServer();
  const times = { baseline: [] as number[], pull: [] as number[], pushAll: [] as number[], pushNothing: [] as number[] };
  try {
    server.store.seedScripts(count, { folders: 20 });
    const api = new TenantApi({ apiBase: server.apiBase, authorizationHeaders: async () => server.authHeaders(), concurrency: CONCURRENCY });
    // One untimed round warms up the server, the client and the file system.
    for (let round = -1; round < rounds; round++) {
      const folder = mkdtempSync(join(tmpdir(), "crmscript-tenant-bench-"));
      try {
        const baseline = await timed(() => bareHttp(server));
        let workspace = Workspace.create(folder, { apiBase: server.apiBase });
        const pulled = await timed(async () => {
          const report = await pull(api, workspace);
          if (report.written.length !== count) throw new Error(`pulled ${report.written.length} of ${count}`);
        });
        workspace = Workspace.open(folder);
        for (const entry of workspace.manifest.entries) {
          const path = workspace.absolute(entry.file);
          writeFileSync(path, `${readFileSync(path, "utf8")}// round ${round}\n`);
        }
        const pushedAll = await timed(async () => {
          const report = await push(api, workspace);
          if (report.updated.length !== count) throw new Error(`pushed ${report.updated.length} of ${count}: ${JSON.stringify(report.failed[0])}`);
        });
        const pushedNothing = await timed(async () => {
          const report = await push(api, Workspace.open(folder));
          if (report.unchanged !== count) throw new Error(`${count - report.unchanged} scripts were not unchanged`);
        });
        if (round >= 0) {
          times.baseline.push(baseline);
          times.pull.push(pulled);
          times.pushAll.push(pushedAll);
          times.pushNothing.push(pushedNothing);
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
    if (server.contractProblems.length > 0) throw new Error(`contract problems: ${server.contractProblems.slice(0, 3).join("; ")}`);
  } finally {
    await server.close();
  }
  return {
    scripts: count,
    concurrency: CONCURRENCY,
    baselineMilliseconds: median(times.baseline),
    pullMilliseconds: median(times.pull),
    pushAllMilliseconds: median(times.pushAll),
    pushNothingMilliseconds: median(times.pushNothing),
    pullRatio: medianRatio(times.pull, times.baseline),
    pushAllRatio: medianRatio(times.pushAll, times.baseline),
  };
}

export function reportTenantBench(result: TenantBenchResult): string {
  const ms = (value: number): string => `${Math.round(value)} ms`;
  return [
    `Tenant sync: ${result.scripts} scripts from the local fake tenant, ${result.concurrency} requests in flight (median of rounds)`,
    formatTable([
      ["", "time", "× bare HTTP"],
      ["bare HTTP (lists + one GET per script)", ms(result.baselineMilliseconds), "1.00"],
      ["pull into an empty workspace", ms(result.pullMilliseconds), result.pullRatio.toFixed(2)],
      ["push, every script changed", ms(result.pushAllMilliseconds), result.pushAllRatio.toFixed(2)],
      ["push, nothing changed", ms(result.pushNothingMilliseconds), ""],
    ]),
    `Floor: ${result.scripts} scripts pulled in under 10 s: ${result.pullMilliseconds < 10_000 ? "met" : "NOT MET"} (${(result.pullMilliseconds / 1000).toFixed(2)} s).`,
  ].join("\n");
}

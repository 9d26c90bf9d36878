/**
 * `npm run bench`: runs every benchmark and prints its table; `--only NAME`
 * (parse, analysis, lint-tree, tenant, format) runs one; `--json FILE` also writes
 * the figures.
 */
import { writeFileSync } from "node:fs";
import { reportAnalysisBench, runAnalysisBench } from "./analysis.bench.js";
import { reportFormatBench, runFormatBench } from "./format.bench.js";
import { reportLintTreeBench, runLintTreeBench } from "./lint-tree.bench.js";
import { reportParseBench, runParseBench } from "./parse.bench.js";
import { reportTenantBench, runTenantBench } from "./tenant.bench.js";

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

const benches: Record<string, () => Promise<{ result: unknown; report: string }>> = {
  parse: async () => {
    const result = runParseBench();
    return { result, report: reportParseBench(result) };
  },
  analysis: async () => {
    const result = runAnalysisBench();
    return { result, report: reportAnalysisBench(result) };
  },
  "lint-tree": async () => {
    const result = runLintTreeBench();
    return { result, report: reportLintTreeBench(result) };
  },
  tenant: async () => {
    const result = await runTenantBench();
    return { result, report: reportTenantBench(result) };
  },
  format: async () => {
    const result = runFormatBench();
    return { result, report: reportFormatBench(result) };
  },
};

async function main(): Promise<void> {
  const only = argument("--only");
  if (only !== undefined && benches[only] === undefined) throw new Error(`no benchmark '${only}': use ${Object.keys(benches).join(", ")}`);
  const figures: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(benches)) {
    if (only !== undefined && name !== only) continue;
    const { result, report } = await run();
    if (Object.keys(figures).length > 0) console.log("");
    console.log(report);
    figures[name] = result;
  }
  const json = argument("--json");
  if (json !== undefined) writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * `npm run bench`: runs every benchmark and prints its table; `--only NAME`
 * (parse, analysis, lint-tree, tenant, format) runs one; `--json FILE` also writes
 * the figures. `--parse-side crmscript|typescript` is how the parse benchmark
 * times one parser in a process of its own.
 */
import { writeFileSync } from "node:fs";
import { reportAnalysisBench, runAnalysisBench } from "./analysis.bench.js";
import { reportFormatBench, runFormatBench } from "./format.bench.js";
import { reportLintTreeBench, runLintTreeBench } from "./lint-tree.bench.js";
import { type ParserSide, reportParseBench, runParseBench, sideMillisecondsPerCharacter } from "./parse.bench.js";
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
  // The parse benchmark runs this file again to time one parser alone in a process.
  const side = argument("--parse-side");
  if (side !== undefined) {
    if (side !== "crmscript" && side !== "typescript") throw new Error(`no parser '${side}': use crmscript or typescript`);
    console.log(sideMillisecondsPerCharacter(side as ParserSide));
    return;
  }
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

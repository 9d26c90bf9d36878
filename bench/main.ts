/** `npm run bench`: runs every benchmark and prints its table; `--json FILE` also writes the figures. */
import { writeFileSync } from "node:fs";
import { reportAnalysisBench, runAnalysisBench } from "./analysis.bench.js";
import { reportLintTreeBench, runLintTreeBench } from "./lint-tree.bench.js";
import { reportParseBench, runParseBench } from "./parse.bench.js";

const jsonIndex = process.argv.indexOf("--json");
const parse = runParseBench();
console.log(reportParseBench(parse));
console.log("");
const analysis = runAnalysisBench();
console.log(reportAnalysisBench(analysis));
console.log("");
const lintTree = runLintTreeBench();
console.log(reportLintTreeBench(lintTree));
if (jsonIndex >= 0 && process.argv[jsonIndex + 1] !== undefined) {
  writeFileSync(process.argv[jsonIndex + 1] as string, `${JSON.stringify({ parse, analysis, lintTree }, null, 2)}\n`);
}

/** `npm run bench`: runs every benchmark and prints its table; `--json FILE` also writes the figures. */
import { writeFileSync } from "node:fs";
import { reportParseBench, runParseBench } from "./parse.bench.js";

const jsonIndex = process.argv.indexOf("--json");
const parse = runParseBench();
console.log(reportParseBench(parse));
if (jsonIndex >= 0 && process.argv[jsonIndex + 1] !== undefined) {
  writeFileSync(process.argv[jsonIndex + 1] as string, `${JSON.stringify({ parse }, null, 2)}\n`);
}

/**
 * `npm run bench:lsp`: the language-server benchmark over the real protocol; `--server FILE` names the server to
 * start (`scripts/run-bench.mjs` passes the shipped build; without it, the development build in dist/), `--json FILE`
 * also writes the figures.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { reportLspBench, runLspBench } from "./lsp.bench.js";

const jsonIndex = process.argv.indexOf("--json");
const serverIndex = process.argv.indexOf("--server");
runLspBench({ serverPath: serverIndex >= 0 ? resolve(process.argv[serverIndex + 1] as string) : undefined }).then(
  (result) => {
    console.log(reportLspBench(result));
    if (jsonIndex >= 0 && process.argv[jsonIndex + 1] !== undefined)
      writeFileSync(process.argv[jsonIndex + 1] as string, `${JSON.stringify(result, null, 2)}\n`);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

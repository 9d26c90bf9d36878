/** `npm run bench:lsp`: the language-server benchmark over the real protocol; `--json FILE` also writes the figures. */
import { writeFileSync } from "node:fs";
import { reportLspBench, runLspBench } from "./lsp.bench.js";

const jsonIndex = process.argv.indexOf("--json");
runLspBench().then(
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

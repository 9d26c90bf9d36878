/**
 * The lint CLI over a tree (issue 6): 2,000 generated realistic files in
 * nested folders with a configuration file, linted by the built
 * `dist/crmscript-lint.js` as a user runs it, on one thread (`--jobs 1`,
 * the baseline) and on every core (the default), in interleaved rounds.
 * A second baseline says what the machine itself gives in parallel: one
 * independent one-thread process per core, each on its share of the
 * folders, all at once. Times include starting Node and loading the
 * catalog, as a CI step pays.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { formatTable, interleaved, median, medianRatio } from "./measure.js";
import { generateScriptOfLines, seededRandom } from "./realistic-script.js";

export interface LintTreeBenchResult {
  readonly files: number;
  readonly lines: number;
  readonly cores: number;
  readonly oneThreadMilliseconds: number;
  readonly allCoresMilliseconds: number;
  readonly oneThreadLinesPerSecond: number;
  readonly allCoresLinesPerSecond: number;
  readonly processesMilliseconds: number;
  /** One thread's time divided by all cores' time, median of rounds. */
  readonly speedup: number;
  /** One thread's time divided by the independent processes' time: the most the machine gives. */
  readonly processesSpeedup: number;
}

function writeTree(root: string, count: number): number {
  const random = seededRandom(2024);
  let lines = 0;
  writeFileSync(join(root, ".crmscriptrc.json"), JSON.stringify({ targetVersion: "10.2", rules: { "no-netserver-call-in-loop": "warn" } }));
  for (let index = 0; index < count; index++) {
    const folder = join(root, `area${index % 20}`, `group${index % 7}`);
    mkdirSync(folder, { recursive: true });
    const text = generateScriptOfLines(80 + Math.floor(random() * 170), 5000 + index);
    lines += text.split("\n").length;
    writeFileSync(join(folder, `script${index}.crm`), text);
  }
  return lines;
}

export function runLintTreeBench(rounds = 3, count = 2000): LintTreeBenchResult {
  const root = mkdtempSync(join(tmpdir(), "crmscript-lint-bench-"));
  try {
    const lines = writeTree(root, count);
    const lint = (extra: string[]) => (): void => {
      const run = spawnSync(process.execPath, [join(process.cwd(), "dist", "crmscript-lint.js"), "--format", "json", ...extra, "."], {
        cwd: root,
        maxBuffer: 1 << 30,
      });
      if (run.status !== 0 && run.status !== 1) throw new Error(`crmscript-lint failed (${run.status}): ${run.stderr.toString()}`);
    };
    const cores = availableParallelism();
    const bundle = join(process.cwd(), "dist", "crmscript-lint.js");
    const areas = Array.from({ length: 20 }, (_, index) => `area${index}`);
    const shares = Array.from({ length: cores }, (_, core) => areas.filter((_, index) => index % cores === core).join(" "));
    const processes = (): void => {
      const script = `${shares.map((share) => `"${process.execPath}" "${bundle}" --format json --jobs 1 ${share} > /dev/null &`).join(" ")} wait`;
      const run = spawnSync("bash", ["-c", script], { cwd: root });
      if (run.status !== 0) throw new Error(`the processes failed (${run.status}): ${run.stderr.toString()}`);
    };
    const times = interleaved({ one: lint(["--jobs", "1"]), all: lint([]), processes }, rounds, 1);
    const one = median(times.one as number[]);
    const all = median(times.all as number[]);
    return {
      files: count,
      lines,
      cores,
      oneThreadMilliseconds: one,
      allCoresMilliseconds: all,
      oneThreadLinesPerSecond: lines / (one / 1000),
      allCoresLinesPerSecond: lines / (all / 1000),
      processesMilliseconds: median(times.processes as number[]),
      speedup: medianRatio(times.one as number[], times.all as number[]),
      processesSpeedup: medianRatio(times.one as number[], times.processes as number[]),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function reportLintTreeBench(result: LintTreeBenchResult): string {
  const rate = (value: number): string => `${Math.round(value).toLocaleString("en-US")} lines/s`;
  return formatTable([
    ["crmscript-lint over a tree", "median", "throughput"],
    [
      `${result.files} files (${result.lines} lines), one thread (--jobs 1)`,
      `${Math.round(result.oneThreadMilliseconds)} ms`,
      rate(result.oneThreadLinesPerSecond),
    ],
    [`the same on all ${result.cores} cores (worker threads)`, `${Math.round(result.allCoresMilliseconds)} ms`, rate(result.allCoresLinesPerSecond)],
    [`baseline: ${result.cores} independent one-thread processes, a share each`, `${Math.round(result.processesMilliseconds)} ms`, ""],
    ["speed-up of all cores over one thread", `${result.speedup.toFixed(2)}×`, "floor: 20,000 lines/s on one thread"],
    ["speed-up the machine gives to independent processes", `${result.processesSpeedup.toFixed(2)}×`, ""],
  ]);
}

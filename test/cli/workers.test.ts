/**
 * Linting on worker threads: the pool hands out every job and survives
 * workers that die (their files fail, the others still get results, and
 * the fallback lints what is left when no worker is alive); and the real
 * bundle on many files gives exactly the report of a run on one thread.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { JobOutcome, LintJob } from "../../server/cli/file-linter.js";
import { runInWorkers } from "../../server/cli/worker-pool.js";
import { ensureBundle, makeTree, runBundle } from "../support/cli-runner.js";
import { fixturesRoot } from "../support/paths.js";

const flakyWorker = join(fixturesRoot, "workers", "flaky-worker.mjs");
const setup = { cwd: "/", configFile: undefined, overrides: { source: "command line" }, fix: false };

async function runPool(files: string[], threads: number): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  const jobs: LintJob[] = files.map((file, index) => ({ index, file }));
  const describe = (outcome: JobOutcome): string =>
    outcome.kind === "linted" ? `linted ${outcome.linted.result.filePath}` : `${outcome.kind}: ${outcome.reason}`;
  await runInWorkers<LintJob, JobOutcome>(
    flakyWorker,
    threads,
    { role: "crmscript-lint-worker", setup },
    jobs,
    (job, outcome) => {
      expect(outcomes.has(job.file), `${job.file} answered twice`).toBe(false);
      outcomes.set(job.file, describe(outcome));
    },
    (job) => ({ kind: "linted", linted: { result: { filePath: `${job.file} (fallback)` } as never, includes: [] } }),
  );
  return outcomes;
}

describe("the worker pool", () => {
  it("answers every job exactly once", async () => {
    const files = Array.from({ length: 300 }, (_, index) => `f${index}.crm`);
    const outcomes = await runPool(files, 2);
    expect([...outcomes.keys()].sort()).toEqual([...files].sort());
    expect([...outcomes.values()].every((value) => value.startsWith("linted f"))).toBe(true);
  });

  it("fails only the files a dying worker held, and lints what is left on this thread when every worker died", async () => {
    const outcomes = await runPool(["a.crm", "crash", "b.crm", "throw", "c.crm", "d.crm", "e.crm"], 2);
    expect(outcomes.get("crash")).toMatch(/^failed: the worker thread stopped \(exit code 3\)/);
    expect(outcomes.get("throw")).toMatch(/^failed: the worker thread failed: worker exploded/);
    expect(outcomes.size).toBe(7);
    // Each worker answers its first job before it reaches the one that kills it; the rest wait behind.
    expect(outcomes.get("a.crm")).toBe("linted a.crm");
    expect(outcomes.get("b.crm")).toBe("linted b.crm");
    for (const file of ["c.crm", "d.crm", "e.crm"]) expect(outcomes.get(file)).toBe(`linted ${file} (fallback)`);
  });
});

describe("dist/crmscript-lint.js on worker threads", () => {
  beforeAll(ensureBundle, 120_000);

  it("reports exactly what one thread reports, in the same order, and still lints broken and unreadable files", () => {
    const files: Record<string, string | Uint8Array> = { ".crmscriptrc.json": JSON.stringify({ rules: { "no-unused-variable": "error" } }) };
    for (let index = 0; index < 240; index++) {
      files[`area${index % 6}/s${index}.crm`] =
        index % 17 === 0
          ? `#setLanguageLevel 4;\nInteger x = \nVoid f( {\n`
          : `#setLanguageLevel 4;\nVoid f${index}() {\n  Integer unused${index} = ${index};\n}\nf${index}();\n`;
    }
    files["area0/binary.crm"] = new Uint8Array([0, 255, 1, 254, 0, 0, 7]);
    const root = makeTree(files);
    const one = runBundle(["-f", "json", "--jobs", "1", "."], { cwd: root });
    const parallel = runBundle(["-f", "json", "--jobs", "3", "."], { cwd: root });
    const automatic = runBundle(["-f", "json", "."], { cwd: root });
    expect(one.status).toBe(1);
    expect(parallel.stderr).toBe("");
    expect(parallel.status).toBe(1);
    expect(parallel.stdout).toBe(one.stdout);
    expect(automatic.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as unknown[]).length).toBe(241);
  });
});

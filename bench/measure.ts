/**
 * Timing helpers for benchmarks on noisy shared machines: warm-up runs,
 * interleaved rounds (so load spikes hit both sides of a comparison) in
 * which each timed run follows an untimed run of the same task, and
 * medians rather than means.
 */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The value below which `fraction` of the values lie (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

/** The median and the 95th percentile, as latency figures are reported. */
export function latencySummary(values: readonly number[]): { p50: number; p95: number } {
  return { p50: median(values), p95: percentile(values, 0.95) };
}

export function timeOnce(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Runs each named task `warmup` times, then `rounds` rounds in which every
 * task runs twice in a row and the second run is timed: the untimed run
 * collects the garbage the previous task left, so each timed run pays only
 * for its own (steady state), while load spikes still hit every task.
 */
export function interleaved(tasks: Record<string, () => void>, rounds: number, warmup = 3): Record<string, number[]> {
  const names = Object.keys(tasks);
  for (let index = 0; index < warmup; index++) for (const name of names) (tasks[name] as () => void)();
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const task = tasks[name] as () => void;
      task();
      (times[name] as number[]).push(timeOnce(task));
    }
  }
  return times;
}

/** The median over rounds of `a[i] / b[i]`: a ratio that survives load spikes hitting one round. */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, index) => value / (b[index] as number)));
}

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join("  "))
    .join("\n");
}

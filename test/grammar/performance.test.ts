/**
 * A generous regression guard for parser speed (the real measurement is
 * `npm run bench`): a realistic 5,000-line script must parse well within a
 * second even on a slow, shared CI machine. Today it takes about 15 ms.
 */
import { expect, it } from "vitest";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { parseSource } from "../../grammar/index.js";

it("parses a realistic 5,000-line script without errors, fast", () => {
  const text = generateScriptOfLines(5000, 3);
  parseSource(text);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    const file = parseSource(text);
    times.push(performance.now() - start);
    expect(file.diagnostics).toEqual([]);
  }
  expect(Math.min(...times)).toBeLessThan(1000);
});

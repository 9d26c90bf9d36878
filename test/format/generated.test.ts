/**
 * The formatter's safety properties on generated programs (fast-check):
 * clean, messy (random white space and comments everywhere the grammar
 * allows) and reflowed (white space only) layouts of the same program.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../grammar/index.js";
import { type FormatOptions, formatText } from "../../server/format/index.js";
import { differenceBetween } from "../../server/format/verify.js";
import { arbitraryProgramLayouts } from "../support/program-generator.js";

function formatSafely(text: string, options: Partial<FormatOptions> = {}): string {
  const result = formatText(text, options);
  if (!result.ok) throw new Error(`refused: ${result.reason}\n${text}`);
  expect(differenceBetween(parseSource(text), parseSource(result.text))).toBeUndefined();
  const again = formatText(result.text, options);
  expect(again.ok && again.text).toBe(result.text);
  return result.text;
}

describe("generated programs", () => {
  it("formats every layout safely and idempotently, and white space alone never changes the result", () => {
    fc.assert(
      fc.property(arbitraryProgramLayouts, ({ clean, messy, reflowed }) => {
        const formatted = formatSafely(clean);
        expect(formatSafely(reflowed)).toBe(formatted);
        formatSafely(messy);
      }),
      { numRuns: 300 },
    );
  });

  it("holds with other options", () => {
    const options = fc.record({
      indentWidth: fc.integer({ min: 1, max: 8 }),
      lineWidth: fc.integer({ min: 20, max: 160 }),
      useTabs: fc.boolean(),
      endOfLine: fc.constantFrom("lf" as const, "crlf" as const, "auto" as const),
    });
    fc.assert(
      fc.property(arbitraryProgramLayouts, options, ({ clean, messy, reflowed }, chosen) => {
        expect(formatSafely(reflowed, chosen)).toBe(formatSafely(clean, chosen));
        formatSafely(messy, chosen);
      }),
      { numRuns: 150 },
    );
  });
});

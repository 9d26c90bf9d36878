/**
 * `changedRange`, where an edited text differs from the earlier one: the
 * longest common prefix, then the longest common suffix of what is left,
 * checked against a character-by-character reference on random texts and
 * on edits at and around the edges of the blocks it compares at once.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedRange, type TextChange } from "../../grammar/text.js";

function reference(oldText: string, text: string): TextChange {
  const shorter = Math.min(oldText.length, text.length);
  let start = 0;
  while (start < shorter && oldText[start] === text[start]) start++;
  let tail = 0;
  while (tail < shorter - start && oldText[oldText.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
  return { start, oldEnd: oldText.length - tail, newEnd: text.length - tail };
}

describe("changedRange", () => {
  it("finds what a character-by-character comparison finds, for random edits", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000, unit: fc.constantFrom("a", "b", "\n") }),
        fc.nat(),
        fc.nat({ max: 1200 }),
        fc.string({ maxLength: 700, unit: fc.constantFrom("a", "b", "c") }),
        (text, at, remove, insert) => {
          const from = at % (text.length + 1);
          const edited = text.slice(0, from) + insert + text.slice(from + remove);
          expect(changedRange(text, edited)).toEqual(reference(text, edited));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("finds a one-character change at every offset around the block edges of a long text", () => {
    const text = "x".repeat(2100);
    for (let at = 0; at < text.length; at += at % 512 < 3 || at % 512 > 508 ? 1 : 97) {
      const edited = `${text.slice(0, at)}y${text.slice(at + 1)}`;
      expect(changedRange(text, edited)).toEqual({ start: at, oldEnd: at + 1, newEnd: at + 1 });
      const inserted = `${text.slice(0, at)}y${text.slice(at)}`;
      expect(changedRange(text, inserted)).toEqual(reference(text, inserted));
    }
    expect(changedRange(text, text)).toEqual({ start: 2100, oldEnd: 2100, newEnd: 2100 });
  });
});

/** Literal values read from a range of the source text (as the parser reads them), and from a literal's spelling alone. */
import { describe, expect, it } from "vitest";
import { integerLiteralValue, stringLiteralValue } from "../../grammar/literals.js";

/** The range of the `occurrence`-th appearance of `literal` in `text`. */
function rangeOf(text: string, literal: string, occurrence = 0): [number, number] {
  let start = -1;
  for (let index = 0; index <= occurrence; index++) start = text.indexOf(literal, start + 1);
  return [start, start + literal.length];
}

describe("stringLiteralValue", () => {
  it.each([
    ['"plain"', "plain"],
    ["'single'", "single"],
    ['""', ""],
    ['"tab\\there"', "tab\there"],
    ['"a\\"b"', 'a"b'],
    ['"line\\nbreak\\r\\b"', "line\nbreak\r\b"],
    ['"unknown \\q escape"', "unknown q escape"],
    ['"unterminated', "unterminated"],
    ['"ends in a backslash\\', "ends in a backslash"],
  ])("reads %s as its spelling alone and inside a longer text", (literal, value) => {
    expect(stringLiteralValue(literal)).toBe(value);
    const text = `x = ${literal}\n;`;
    expect(stringLiteralValue(text, ...rangeOf(text, literal))).toBe(value);
  });

  it("reads each of two literals on a line from its own range", () => {
    const text = 'a = "first" + "se\\"cond";';
    expect(stringLiteralValue(text, ...rangeOf(text, '"first"'))).toBe("first");
    expect(stringLiteralValue(text, ...rangeOf(text, '"se\\"cond"'))).toBe('se"cond');
  });
});

describe("integerLiteralValue", () => {
  it.each(["0", "7", "007", "2147483647", "2147483648", "999999999999999", "1234567890123456", "12345678901234567890"])(
    "reads %s as Number() does, alone and inside a longer text",
    (digits) => {
      expect(integerLiteralValue(digits)).toBe(Number(digits));
      const text = `Integer x = ${digits};`;
      expect(integerLiteralValue(text, ...rangeOf(text, digits))).toBe(Number(digits));
    },
  );
});

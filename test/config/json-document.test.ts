/**
 * The configuration reader's JSON layer: ranges, comments and trailing
 * commas, the exact message and offset of each error, the nesting limit, and
 * that no text — megabytes long or nested far too deep — makes the reader, the
 * conversions or the CLI throw.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonNodeOf, parseJson, plainValue, type JsonParse } from "../../server/config/json-document.js";
import { lint, makeTree } from "../support/cli-runner.js";

const LIMIT = 1000;
const TOO_DEEP = `the JSON nests deeper than ${LIMIT} levels`;

/** What a parse says, in the shape the assertions compare. */
const outcome = (parsed: JsonParse): unknown => (parsed.ok ? { value: plainValue(parsed.root) } : { offset: parsed.offset, message: parsed.message });

/** Asserts what every result must be: a tree whose plain value can be taken, or an error at an offset within the text. */
function expectWellFormed(text: string, parsed: JsonParse): void {
  if (parsed.ok) plainValue(parsed.root);
  else expect(parsed.offset >= 0 && parsed.offset <= text.length && parsed.message.length > 0, `${parsed.offset} ${parsed.message}`).toBe(true);
}

/** How many arrays hold the innermost value, counted without recursion. */
function arrayDepth(value: unknown): number {
  let depth = 0;
  for (let inner = value; Array.isArray(inner); inner = inner[0]) depth++;
  return depth;
}

describe("the JSON reader", () => {
  it("reads values with their ranges, comments and trailing commas", () => {
    const text = `{\n  // a comment\n  "a": [1, -2.5e3, true, null, "x\\u0041\\n"], /* block */\n  "b": {},\n}`;
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.root.kind !== "object") return;
    expect(plainValue(parsed.root)).toEqual({ a: [1, -2500, true, null, "xA\n"], b: {} });
    const [a] = parsed.root.properties;
    expect(text.slice(a?.keyRange.start, a?.keyRange.end)).toBe('"a"');
    expect(text.slice(a?.value.range.start, a?.value.range.end)).toBe('[1, -2.5e3, true, null, "x\\u0041\\n"]');
  });

  it("accepts a leading byte order mark and keeps offsets in the text as given", () => {
    const parsed = parseJson('\ufeff{"a": [1,]}');
    expect(parsed.ok && plainValue(parsed.root)).toEqual({ a: [1] });
    expect(parsed.ok && parsed.root.range).toEqual({ start: 1, end: 12 });
    expect(parseJson("\ufeff{} x")).toEqual({ ok: false, offset: 4, message: "unexpected text after the end of the JSON value" });
  });

  it.each([
    ['"\\\\u"', "\\u"],
    ['"\\ud83d\\ude00 \\/"', "😀 /"],
    ["// only a comment before\n[1,] // and after", [1]],
    ['{"__proto__": 1}', JSON.parse('{"__proto__": 1}')],
  ])("reads %j", (text, value) => {
    expect(outcome(parseJson(text))).toEqual({ value });
  });

  it.each([
    ['{"a": 1', 7, "the object is not closed: add }"],
    ['{"a": 1,', 8, "the object is not closed: add }"],
    ["[1, 2", 5, "the array is not closed: add ]"],
    ["[", 1, "the array is not closed: add ]"],
    ['{"a" 1}', 5, "expected ':' after the property name 'a'"],
    ['{"a" = 1}', 5, "expected ':' after the property name 'a'"],
    ['{"a"', 4, "expected ':' after the property name 'a'"],
    ["{'a': 1}", 1, "expected a property name in double quotes"],
    ["{ rules: {} }", 2, "expected a property name in double quotes"],
    ['{"a": 1,,}', 8, "expected a property name in double quotes"],
    ['{"a": 1 "b": 2}', 8, "expected ',' or '}' after the property value"],
    ['{"a": 1 ]', 8, "expected ',' or '}' after the property value"],
    ['{"a": "x\n"}', 6, 'the string is not closed: add "'],
    ['{"a": 1, "a": 2}', 9, "'a' is given twice"],
    ['{"b": {"a": 1, "a": 2}}', 15, "'a' is given twice"],
    ['{"a": [1, 2}', 11, "expected ',' or ']' after the array item"],
    ["[1 2]", 3, "expected ',' or ']' after the array item"],
    ['{"a": tru}', 6, "expected a value (an object, array, string, number, true, false or null), found 't'"],
    ["[1,,]", 3, "expected a value (an object, array, string, number, true, false or null), found ','"],
    ["[\u00a0]", 1, "expected a value (an object, array, string, number, true, false or null), found U+00A0"],
    ['{"a":', 5, "the file ends where a value was expected"],
    ["['a']", 1, "JSON strings use double quotes"],
    ['{"a": "\\x"}', 7, "'\\x' is not a JSON escape"],
    ['["ok", "a\\\nb"]', 9, "'\\' before U+000A is not a JSON escape"],
    ['{"a": "\\u12"}', 7, "\\u needs four hexadecimal digits"],
    ['{"a": "a\tb"}', 8, "a string cannot contain the control character U+0009: write it as \\u0009"],
    ["[1.]", 1, "the number is not complete: add digits after '.' or 'e'"],
    ["/* open", 0, "a comment is not closed: add */"],
    ["{} {}", 3, "unexpected text after the end of the JSON value"],
    ["", 0, "the file ends where a value was expected"],
    ["[".repeat(LIMIT + 1), LIMIT, TOO_DEEP],
  ])("reports %j at offset %i", (text, offset, message) => {
    expect(parseJson(text)).toEqual({ ok: false, offset, message });
  });
});

describe("nesting", () => {
  it(`reads ${LIMIT} levels, and takes their plain value`, () => {
    const text = `${'{"a":['.repeat(LIMIT / 2)}0${"]}".repeat(LIMIT / 2)}`;
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(true);
    let value = parsed.ok ? plainValue(parsed.root) : undefined;
    for (let level = 0; level < LIMIT / 2; level++) value = (value as { a: unknown[] }).a[0];
    expect(value).toBe(0);
  });

  it.each([
    ["[", 20_000],
    ["[", 200_000],
    ['{"a":', 100_000],
    [" [ /* [ */ ", 20_000],
  ])("reports %j repeated %i times where the level past the limit opens", (open, times) => {
    expect(parseJson(open.repeat(times))).toEqual({ ok: false, offset: open.length * LIMIT + open.search(/[[{]/), message: TOO_DEEP });
  });

  it("converts plain values and nodes nested far deeper than the limit", () => {
    let deep: unknown = "core";
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const value = plainValue(jsonNodeOf(deep));
    expect(arrayDepth(value)).toBe(100_000);
  });
});

describe("large files", () => {
  it("reads a 5 MB array", () => {
    const items = Array.from({ length: 50_000 }, (_, index) => ({ name: `item ${index} ${"x".repeat(80)}`, on: index % 2 === 0 }));
    const text = JSON.stringify(items);
    expect(text.length).toBeGreaterThan(5_000_000);
    const parsed = parseJson(text);
    expect(parsed.ok && parsed.root.kind === "array" && parsed.root.items.length).toBe(50_000);
    expect(parsed.ok && JSON.stringify(plainValue(parsed.root))).toBe(text);
  });

  it("reports an error at the end of a 5 MB file where it is", () => {
    const text = `[${`"${"x".repeat(48)}",`.repeat(100_000)}x]`;
    const message = "expected a value (an object, array, string, number, true, false or null), found 'x'";
    expect(parseJson(text)).toEqual({ ok: false, offset: text.length - 2, message });
  });
});

/** Pieces of JSON and of things that break it, to build texts that get far into the parser before they fail. */
const fragment = fc.oneof(
  fc.constantFrom("{", "}", "[", "]", ",", ":", '"', '"k"', "\\", "\\u", "/*", "*/", "//", "\n", " ", "\t", "0", "-1.5e3", "1.", "true", "nul", "'", "\ufeff"),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: "binary", maxLength: 3 }),
);

/** A random text repeated to up to about a megabyte. */
const hugeText = fc.tuple(fc.array(fragment, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 1 << 20 })).map(([parts, size]) => {
  const unit = parts.join("") || " ";
  return { text: unit.repeat(Math.ceil(size / unit.length)), intact: false };
});

/** Valid JSON of up to about a megabyte, with one character replaced somewhere (no longer `intact`), or not. */
const bigJson = fc
  .tuple(fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1 << 20 }), fc.option(fc.tuple(fc.nat(), fragment)))
  .map(([values, size, change]) => {
    const unit = values.map((value) => JSON.stringify(value, null, 1)).join(",");
    const text = `[${Array.from({ length: Math.ceil(size / unit.length) }, () => unit).join(",")}]`;
    if (change === null) return { text, intact: true };
    const at = change[0] % text.length;
    return { text: text.slice(0, at) + change[1] + text.slice(at + 1), intact: false };
  });

/** Openers, what closes them, and how many levels each holds. */
const NESTING: readonly (readonly [string, string, number])[] = [
  ["[", "]", 1],
  ['{"a":', "}", 1],
  [' [{"k" : ', "} ] ", 2],
  ["[ // line\n", "\n]", 1],
];

describe("robustness", () => {
  it("the JSON reader never throws on short texts, and reads back what JSON.stringify writes", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expectWellFormed(text, parseJson(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseJson(JSON.stringify(value, null, 1) ?? "null");
        expect(parsed.ok && plainValue(parsed.root)).toEqual(JSON.parse(JSON.stringify(value) ?? "null"));
      }),
      { numRuns: 500 },
    );
  });

  it("the JSON reader never throws on texts of up to a megabyte, valid or broken anywhere, and reads the valid ones", () => {
    fc.assert(
      fc.property(fc.oneof(hugeText, bigJson), ({ text, intact }) => {
        const parsed = parseJson(text);
        expectWellFormed(text, parsed);
        if (intact) expect(parsed.ok && JSON.stringify(plainValue(parsed.root))).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 40 },
    );
  });

  it(`the JSON reader reads nesting up to ${LIMIT} levels and reports deeper nesting, however deep`, () => {
    const levels = fc.oneof(fc.integer({ min: 0, max: LIMIT + 10 }), fc.integer({ min: 0, max: 200_000 }));
    fc.assert(
      fc.property(fc.constantFrom(...NESTING), levels, fc.jsonValue({ maxDepth: 0 }), fc.boolean(), ([open, close, depth], times, inner, closed) => {
        const text = open.repeat(times) + JSON.stringify(inner) + (closed ? close.repeat(times) : "");
        const parsed = parseJson(text);
        expectWellFormed(text, parsed);
        if (times * depth > LIMIT) expect(parsed.ok === false && parsed.message).toBe(TOO_DEEP);
        else expect(parsed.ok).toBe(closed || times === 0);
      }),
      { numRuns: 150 },
    );
  });

  it(`plainValue reads back values nested up to ${LIMIT} levels`, () => {
    const layers = fc.array(fc.constantFrom("array", "object"), { maxLength: LIMIT - 5 });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 2 }), layers, (inner, kinds) => {
        const value = kinds.reduce<unknown>((held, kind) => (kind === "array" ? [held] : { [kind]: held }), inner);
        const parsed = parseJson(JSON.stringify(value));
        expect(parsed.ok && plainValue(parsed.root)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 100 },
    );
  });
});

describe("a configuration file nested 20,000 levels deep", () => {
  it("is a configuration error at file:line:col, with exit code 2, not an internal failure", async () => {
    const root = makeTree({ ".crmscriptrc.json": `{\n  "rules": ${"[".repeat(20_000)}`, "a.crm": "#setLanguageLevel 4;\nInteger y = 2;\n" });
    const run = await lint(["a.crm"], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    // The object is the first level, so the bracket at column 11 + LIMIT opens the level past the limit.
    const at = `${join(root, ".crmscriptrc.json")}:2:${11 + LIMIT}`;
    expect(run.stderr).toBe(`crmscript-lint: ${at}: not valid JSON: ${TOO_DEEP}\ncrmscript-lint: fix the configuration and run again\n`);
  });
});

/**
 * Robustness of the syntax layer: `parseSource` must never throw, never hang
 * and always return a well-formed `SourceFile`, whatever text it is given.
 * Property tests (fast-check) feed it arbitrary Unicode, soups of CRMScript
 * fragments, mutated fixture files and every prefix of every fixture (what an
 * editor sees while someone types); explicit stress cases cover very deep
 * nesting, very long chains, huge files and byte garbage.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateRealisticScript, seededRandom } from "../../bench/realistic-script.js";
import { compareDiagnostics, parseSource, syntaxCodes, TokenBuffer, type Node, type SourceFile } from "../../grammar/index.js";
import { forEachChild, walk } from "../../grammar/walk.js";
import { applyMutation, fixtures, mutation, tokenSoup, utf16Units } from "../support/generators.js";

// ---------------------------------------------------------------- the well-formedness check

const SEVERITIES: ReadonlySet<string> = new Set(["error", "warning", "info", "hint"]);

/** True when `[start, end)` is a valid range of integer offsets into a text of `length` characters. */
function isRangeIn(start: number, end: number, length: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length;
}

/**
 * Everything wrong with the parse of `text` (empty when it is well-formed).
 * Plain code rather than `expect` so the prefix test can run it tens of
 * thousands of times quickly; at most `limit` problems are collected.
 */
function problemsOf(text: string, file: SourceFile, limit = 8): string[] {
  const problems: string[] = [];
  const add = (problem: string): void => {
    if (problems.length < limit) problems.push(problem);
  };
  const length = text.length;

  if (file.text !== text) add("SourceFile.text is not the parsed text");
  if (file.program.kind !== "Program") add(`program.kind is '${String(file.program.kind)}'`);

  // Diagnostics: a registered syntax code, a severity, a message, a range inside the text; sorted.
  for (let index = 0; index < file.diagnostics.length; index++) {
    const diagnostic = file.diagnostics[index];
    if (diagnostic === undefined) {
      add(`diagnostic ${index} is undefined`);
      continue;
    }
    const where = `diagnostic ${index} (${String(diagnostic.code)} ${diagnostic.range?.start}-${diagnostic.range?.end})`;
    if (typeof diagnostic.code !== "string" || diagnostic.code === "" || !diagnostic.code.startsWith("syntax")) add(`${where}: bad code`);
    else if (!Object.hasOwn(syntaxCodes, diagnostic.code)) add(`${where}: code not in the syntax-code registry`);
    if (diagnostic.code === "syntax-internal-error") add(`${where}: the parser failed internally: ${diagnostic.message}`);
    if (!SEVERITIES.has(diagnostic.severity)) add(`${where}: bad severity '${String(diagnostic.severity)}'`);
    if (typeof diagnostic.message !== "string" || diagnostic.message.trim() === "") add(`${where}: empty message`);
    if (diagnostic.range === undefined || !isRangeIn(diagnostic.range.start, diagnostic.range.end, length))
      add(`${where}: range outside the text (length ${length})`);
    for (const related of diagnostic.related ?? []) {
      if (!isRangeIn(related.range.start, related.range.end, length))
        add(`${where}: related range ${related.range.start}-${related.range.end} outside the text`);
      if (typeof related.message !== "string" || related.message.trim() === "") add(`${where}: related location without a message`);
    }
    const previous = file.diagnostics[index - 1];
    if (previous !== undefined && compareDiagnostics(previous, diagnostic) > 0) add(`${where}: diagnostics not sorted by position`);
  }

  // AST: the program spans the text; every node inside the text and inside its parent; children in
  // source order without overlapping (forEachChild's contract); a MissingExpression is an empty range.
  if (file.program.start !== 0 || file.program.end !== length)
    add(`program ${file.program.start}-${file.program.end} does not span the text (length ${length})`);
  walk(file.program, (node: Node, parent: Node | undefined) => {
    if (typeof node.kind !== "string") add("a node without a kind");
    if (!isRangeIn(node.start, node.end, length)) add(`${node.kind} ${node.start}-${node.end} outside the text (length ${length})`);
    if (parent !== undefined && (node.start < parent.start || node.end > parent.end)) {
      add(`${node.kind} ${node.start}-${node.end} outside its parent ${parent.kind} ${parent.start}-${parent.end}`);
    }
    if (node.kind === "MissingExpression" && node.start !== node.end) add(`MissingExpression ${node.start}-${node.end} is not empty`);
    let previousChild: Node | undefined;
    forEachChild(node, (child) => {
      if (previousChild !== undefined && child.start < previousChild.end) {
        add(
          `in ${node.kind} ${node.start}-${node.end}, ${child.kind} ${child.start}-${child.end} starts before ${previousChild.kind} ${previousChild.start}-${previousChild.end} ends`,
        );
      }
      previousChild = child;
    });
  });

  // Tokens: non-empty, increasing, non-overlapping, inside the text.
  const tokens = file.tokens;
  const covered = new Uint8Array(length);
  let previousEnd = 0;
  for (let index = 0; index < tokens.count; index++) {
    const start = tokens.start(index);
    const end = tokens.end(index);
    if (!isRangeIn(start, end, length)) add(`token ${index} ${start}-${end} outside the text`);
    else if (start === end) add(`token ${index} (${tokens.type(index).name}) at ${start} is empty`);
    if (start < previousEnd) add(`token ${index} ${start}-${end} overlaps or precedes the token before it (which ends at ${previousEnd})`);
    previousEnd = end;
    covered.fill(1, start, end);
  }

  // Comments: in order, non-overlapping, inside the text, and no token inside one.
  let previousCommentEnd = 0;
  for (const comment of file.comments) {
    const { start, end } = comment.range;
    if (!isRangeIn(start, end, length)) add(`comment ${start}-${end} outside the text`);
    if (start < previousCommentEnd) add(`comment ${start}-${end} overlaps the comment before it`);
    previousCommentEnd = end;
    const first = tokens.indexAtOrAfter(start);
    if (first < tokens.count && tokens.start(first) < end) add(`token ${first} ${tokens.start(first)}-${tokens.end(first)} inside comment ${start}-${end}`);
    covered.fill(1, start, end);
  }

  // The scanner's contract: every character that is not whitespace ends up in a token, a comment,
  // a template marker or delimiter, or an "unexpected character" diagnostic.
  for (const diagnostic of file.diagnostics) {
    if (diagnostic.code === "syntax-unexpected-character" || diagnostic.code === "syntax-unclosed-template-block")
      covered.fill(1, diagnostic.range.start, diagnostic.range.end);
    // A file that is not text, or too large, is deliberately not scanned: its one diagnostic accounts for all of it.
    if (diagnostic.code === "syntax-not-text" || diagnostic.code === "syntax-file-too-large") covered.fill(1);
  }
  if (file.template !== undefined) {
    for (const marker of [...file.template.startMarkers, ...file.template.endMarkers]) covered.fill(1, marker.start, marker.end);
    for (const block of file.template.codeBlocks) {
      covered.fill(1, block.range.start, block.code.start);
      covered.fill(1, block.code.end, block.range.end);
    }
  }
  for (let index = 0; index < length; index++) {
    if (covered[index] === 0 && !isScannerWhitespace(text.charCodeAt(index))) {
      add(`character ${JSON.stringify(text[index])} at ${index} is in no token, comment or diagnostic`);
      break;
    }
  }
  return problems;
}

/** The characters the scanner skips as whitespace: ASCII blanks and line breaks, and the Unicode spaces. */
function isScannerWhitespace(code: number): boolean {
  return (
    code === 9 ||
    code === 10 ||
    code === 11 ||
    code === 12 ||
    code === 13 ||
    code === 32 ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x3000 ||
    code === 0x1680 ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** Parses `text`, failing the test with the problems found (and a short excerpt of the input) if the result is not well-formed. */
function parseWellFormed(text: string): SourceFile {
  let file: SourceFile;
  try {
    file = parseSource(text);
  } catch (error) {
    throw new Error(`parseSource threw on ${JSON.stringify(text.slice(0, 200))}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const problems = problemsOf(text, file);
  if (problems.length > 0)
    throw new Error(`malformed parse of ${JSON.stringify(text.slice(0, 200))}${text.length > 200 ? "…" : ""}:\n  ${problems.join("\n  ")}`);
  return file;
}

function codesOf(file: SourceFile): Set<string> {
  return new Set(file.diagnostics.map((diagnostic) => diagnostic.code));
}

function countNodes(file: SourceFile, accept: (node: Node) => boolean): number {
  let count = 0;
  walk(file.program, (node) => {
    if (accept(node)) count++;
  });
  return count;
}

// ---------------------------------------------------------------- property tests

/** Run counts are sized to keep this file near 15 s on a 2-core machine; set ROBUSTNESS_RUNS_SCALE (say 20) for a longer fuzzing session. */
const RUNS_SCALE = Math.max(1, Number(process.env.ROBUSTNESS_RUNS_SCALE ?? "1") || 1);
const runs = (count: number): number => Math.round(count * RUNS_SCALE);

describe("the well-formedness check", () => {
  it("accepts a real parse and rejects broken ranges, trees, tokens and codes", () => {
    const text = "Integer x = f(1);";
    const good = parseSource(text);
    expect(problemsOf(text, good)).toEqual([]);

    const identifier: Node = { kind: "Identifier", start: 0, end: 30, name: "x" };
    const brokenTree: SourceFile = {
      ...good,
      text,
      program: { kind: "Program", start: 0, end: 5, statements: [{ kind: "ExpressionStatement", start: 0, end: 5, expression: identifier }] },
    };
    expect(problemsOf(text, brokenTree).join("\n")).toMatch(/Identifier 0-30 outside the text.*\n.*outside its parent ExpressionStatement/);

    const brokenDiagnostics: SourceFile = {
      ...good,
      text,
      program: good.program,
      tokens: good.tokens,
      diagnostics: [
        { code: "syntax-error", severity: "error", range: { start: 5, end: 2 }, message: "reversed" },
        { code: "semantic-thing", severity: "error", range: { start: 0, end: 0 }, message: "not a syntax code" },
        { code: "syntax-error", severity: "error", range: { start: 0, end: 0 }, message: " " },
      ],
    };
    const diagnosticProblems = problemsOf(text, brokenDiagnostics).join("\n");
    expect(diagnosticProblems).toContain("range outside the text");
    expect(diagnosticProblems).toContain("bad code");
    expect(diagnosticProblems).toContain("empty message");
    expect(diagnosticProblems).toContain("not sorted");

    const overlapping = new TokenBuffer(text);
    overlapping.push(good.tokens.type(0), 0, 7, false);
    overlapping.push(good.tokens.type(1), 5, 9, false);
    expect(problemsOf(text, { ...good, text, program: good.program, tokens: overlapping, diagnostics: [] })).toEqual([
      "token 1 5-9 overlaps or precedes the token before it (which ends at 7)",
      `character "=" at 10 is in no token, comment or diagnostic`,
    ]);
    expect(problemsOf(text, { ...good, text, program: good.program, tokens: new TokenBuffer(text), diagnostics: [] })).toEqual([
      `character "I" at 0 is in no token, comment or diagnostic`,
    ]);
  });
});

describe("parseSource on generated input", () => {
  it("has fixtures to mutate", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(50);
    expect(fixtures.some((fixture) => fixture.name.startsWith("spec-examples/"))).toBe(true);
    expect(fixtures.some((fixture) => fixture.name.startsWith("parser/"))).toBe(true);
  });

  it("is well-formed on arbitrary Unicode strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary", maxLength: 400, size: "max" }), fc.string({ unit: "grapheme", maxLength: 200, size: "max" }), utf16Units),
        (text) => {
          parseWellFormed(text);
        },
      ),
      { numRuns: runs(1500) },
    );
  });

  it("is well-formed on soups of CRMScript fragments", () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        parseWellFormed(text);
      }),
      { numRuns: runs(4000) },
    );
  });

  it("is well-formed on token soups that are EJScript templates", () => {
    fc.assert(
      fc.property(tokenSoup, tokenSoup, fc.array(tokenSoup, { maxLength: 4, size: "max" }), (before, code, more) => {
        const text = `${before}%EJSCRIPT_START%<p><% ${code} %>${more.map((part, index) => (index % 2 === 0 ? `<%${part}` : `%>${part}`)).join("")}%EJSCRIPT_END%${before}`;
        const file = parseWellFormed(text);
        // A NUL near the start makes it a binary file, which is not scanned at all.
        if (!text.slice(0, 8000).includes("\0")) expect(file.template).toBeDefined();
      }),
      { numRuns: runs(800) },
    );
  });

  it("is well-formed on every prefix of every fixture file", () => {
    const failures: string[] = [];
    let parses = 0;
    for (const fixture of fixtures) {
      for (let length = 0; length <= fixture.text.length && failures.length < 20; length++) {
        const text = fixture.text.slice(0, length);
        let file: SourceFile;
        try {
          file = parseSource(text);
        } catch (error) {
          failures.push(`${fixture.name} prefix ${length}: threw ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        parses++;
        for (const problem of problemsOf(text, file, 2)) failures.push(`${fixture.name} prefix ${length}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect(parses).toBe(fixtures.reduce((sum, fixture) => sum + fixture.text.length + 1, 0));
  });
});

describe("parseSource on randomly mutated fixture files", () => {
  for (const fixture of fixtures) {
    it(fixture.name, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6, size: "max" }), (changes) => {
          parseWellFormed(changes.reduce(applyMutation, fixture.text));
        }),
        { numRuns: runs(50) },
      );
    });
  }
});

// ---------------------------------------------------------------- stress cases

describe("parseSource on extreme input", () => {
  const N = 100_000;

  it("100,000 nested '(' : reports the nesting limit and the missing ')'", () => {
    const file = parseWellFormed("(".repeat(N));
    expect(codesOf(file)).toContain("syntax-nesting-too-deep");
    expect(file.tokens.count).toBe(N);
  });

  it("100,000 nested '(' around a value, all closed: only the nesting limit", () => {
    const file = parseWellFormed(`Integer x = ${"(".repeat(N)}1${")".repeat(N)};`);
    expect([...codesOf(file)]).toEqual(["syntax-nesting-too-deep"]);
  });

  it("100,000 nested '{' : reports the nesting limit and the unclosed brace", () => {
    const file = parseWellFormed("{".repeat(N));
    expect(codesOf(file)).toContain("syntax-nesting-too-deep");
    expect(codesOf(file)).toContain("syntax-unclosed-brace");
  });

  it("100,000 nested '{' all closed: only the nesting limit", () => {
    const file = parseWellFormed("{".repeat(N) + "}".repeat(N));
    expect([...codesOf(file)]).toEqual(["syntax-nesting-too-deep"]);
  });

  it("a + a + … with 200,000 operands keeps every operand in the tree", () => {
    const operands = 200_000;
    const file = parseWellFormed(`Integer x = ${Array(operands).fill("a").join("+")};`);
    expect(countNodes(file, (node) => node.kind === "Identifier" && node.name === "a")).toBe(operands);
    expect(file.tokens.count).toBe(2 * operands + 3);
  });

  it("a.b.c… 200,000 names long keeps every name in the tree", () => {
    const names = 200_000;
    const file = parseWellFormed(`${Array.from({ length: names }, (_, index) => `n${index % 10}`).join(".")};`);
    expect(countNodes(file, (node) => node.kind === "Identifier" && /^n\d$/.test(node.name))).toBe(names);
  });

  it("200,000 '!' before a name keeps the name in the tree", () => {
    const file = parseWellFormed(`${"!".repeat(200_000)}x;`);
    expect(countNodes(file, (node) => node.kind === "Identifier" && node.name === "x")).toBe(1);
    expect(countNodes(file, (node) => node.kind === "UnaryExpression" && node.operator === "!")).toBeGreaterThan(0);
  });

  it("a 5 MB file of realistic code parses without diagnostics", () => {
    const text = generateRealisticScript(5 * 1024 * 1024, 7).crmscript;
    expect(text.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const file = parseWellFormed(text);
    expect(file.diagnostics).toEqual([]);
    expect(file.program.statements.length).toBeGreaterThan(1000);
  });

  it("1 MB of random bytes without NUL, decoded as latin1", () => {
    const random = seededRandom(42);
    const bytes = Buffer.alloc(1024 * 1024);
    for (let index = 0; index < bytes.length; index++) bytes[index] = 1 + Math.floor(random() * 255);
    const file = parseWellFormed(bytes.toString("latin1"));
    expect(codesOf(file)).toContain("syntax-unexpected-character");
  });

  it("a binary file (a NUL in its first 8,000 characters) gets one diagnostic and is not parsed", () => {
    const random = seededRandom(7);
    const bytes = Buffer.alloc(200 * 1024);
    for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(random() * 256);
    bytes[100] = 0;
    const file = parseWellFormed(bytes.toString("latin1"));
    expect(file.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([["syntax-not-text", "warning"]]);
    expect(file.program.statements).toEqual([]);
    // A NUL further in is only an unexpected character.
    const late = parseWellFormed(`${"Integer a = 1;\n".repeat(1000)}\0`);
    expect([...codesOf(late)]).toEqual(["syntax-unexpected-character"]);
  });

  it("40,000 lines of 'struct S {': each unclosed brace named by its own line, in linear time", () => {
    const lines = 40_000;
    const started = performance.now();
    const file = parseWellFormed("struct S {\n".repeat(lines));
    const elapsed = performance.now() - started;
    const unclosed = file.diagnostics.filter((diagnostic) => diagnostic.code === "syntax-unclosed-brace");
    expect(unclosed).toHaveLength(lines);
    expect(unclosed[lines - 1]?.message).toContain(`on line ${lines}`);
    expect(unclosed[123]?.message).toContain("on line 124 ");
    // A generous guard (about 0.6 s here; the quadratic line search took 6 s).
    expect(elapsed).toBeLessThan(5000);
  });

  it("counts a lone CR as a line break in messages, as every other tool does", () => {
    const file = parseWellFormed("Integer a = 1;\r\rVoid f() {\r");
    expect(file.diagnostics.map((diagnostic) => diagnostic.message)).toEqual(["expected '}' before the end of the file to close the '{' on line 3"]);
    expect(file.lineIndex.position(file.text.indexOf("{")).line).toBe(2);
  });

  it("a file of only '\"' characters", () => {
    const count = 100_001;
    const file = parseWellFormed('"'.repeat(count));
    // Pairs are empty strings; the last quote opens a string that never ends.
    expect(file.tokens.count).toBe(Math.ceil(count / 2));
    expect(codesOf(file)).toContain("syntax-unterminated-string");
  });

  it("a file of only '/*'", () => {
    const file = parseWellFormed("/*".repeat(N));
    expect(codesOf(file)).toContain("syntax-unterminated-comment");
    expect(file.comments.length).toBeGreaterThan(0);
  });

  it("100,000 '<%' in a template and 20,000 unclosed 'struct S {'", () => {
    parseWellFormed(`%EJSCRIPT_START%${"<%".repeat(N)}`);
    const file = parseWellFormed("struct S { ".repeat(20_000));
    expect(codesOf(file)).toContain("syntax-unclosed-brace");
  });
});

/**
 * The analysis bench's carry-over row (`bench/carry-over.ts`) measures real
 * work: it finds the statements an edit moved, and moves every node-keyed
 * fact, declared symbol and reference of theirs, no more and no fewer.
 */
import { describe, expect, it } from "vitest";
import { carryFactsOver, movedStatements } from "../../bench/carry-over.js";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { parseSource, reparseSource } from "../../grammar/index.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { analyzeSemantics, createEnvironment, noIncludes } from "../../server/semantics/index.js";

const environment = createEnvironment(builtinCatalog().catalog);

describe("the bench's carry-over of the facts after an edit", () => {
  it("moves the facts of every node after the edit to its copy", () => {
    const text = generateScriptOfLines(400, 3);
    const before = parseSource(text);
    const previous = analyzeSemantics({ sourceFile: before, file: "/b.crm", environment, includes: noIncludes, options: {} });
    const middle = text.indexOf("\n", text.length >> 1) + 1;
    const edited = reparseSource(before, `${text.slice(0, middle)}  ${text.slice(middle)}`);
    const moved = movedStatements(before, edited);
    const statements = before.program.statements;
    expect(moved.statements).toBeGreaterThan(0);
    expect(moved.statements).toBeLessThan(statements.length);

    const firstMoved = (statements[statements.length - moved.statements] as { start: number }).start;
    expect(firstMoved).toBeGreaterThanOrEqual(middle);
    const facts = previous.checkRecord?.facts;
    const movedCount = (keys: Iterable<{ readonly start: number }>): number => [...keys].filter((node) => node.start >= firstMoved).length;
    const tableEntries = movedCount(facts?.expressionTypes.keys() ?? []) + movedCount(facts?.resolutions.keys() ?? []) + movedCount(facts?.calls.keys() ?? []);
    const symbols = previous.declarations().filter((symbol) => (symbol.location?.start ?? -1) >= firstMoved).length;
    // Uses of every symbol, the implicit `error` of a catch block included (it is in no declaration list).
    const references = [...(facts?.references.values() ?? [])].flat().filter((reference) => reference.name.start >= firstMoved).length;
    expect(tableEntries).toBeGreaterThan(300);
    expect(symbols).toBeGreaterThan(10);
    expect(references).toBeGreaterThan(symbols);
    expect(carryFactsOver(previous, edited, moved)).toEqual({ tableEntries, symbols, references });
  });

  it("finds no moved statements when the edit keeps the length (the parse reuses them as they are)", () => {
    const text = generateScriptOfLines(100, 5);
    const before = parseSource(text);
    const at = text.indexOf("1");
    const edited = reparseSource(before, `${text.slice(0, at)}2${text.slice(at + 1)}`);
    expect(movedStatements(before, edited).statements).toBe(0);
  });
});

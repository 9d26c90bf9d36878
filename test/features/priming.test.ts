/**
 * Priming the typing-time features: each primed request really answers
 * (members of a NetServer entity after `.`, names for a word being typed,
 * the signature of an open call; the members of the receivers a user's
 * script uses), with the real catalog, and priming leaves nothing behind
 * that changes a later run.
 */
import { describe, expect, it } from "vitest";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { AnalysisHost } from "../../server/analysis/host.js";
import { staleState } from "../../server/features/editor-state.js";
import { DOCUMENT_PRIMING_ROUNDS, primeTyping, primeTypingFeatures, primeTypingOnDocument } from "../../server/features/priming.js";

const catalog = builtinCatalog().catalog;

describe("primeTypingFeatures", () => {
  it("runs member completion, word completion and signature help, each with answers", () => {
    const result = primeTypingFeatures(catalog);
    // NSPersonEntity's getters and setters.
    expect(result.memberEntries).toBeGreaterThan(50);
    // `firstName` and the catalog's functions and keywords that match `fir`.
    expect(result.wordEntries).toBeGreaterThan(0);
    expect(result.signatures).toBe(1);
  });

  it("answers the same the second time (a private host each run)", () => {
    expect(primeTypingFeatures(catalog)).toEqual(primeTypingFeatures(catalog));
  });
});

describe("primeTypingOnDocument", () => {
  const catalog = builtinCatalog().catalog;
  const documentPath = "/priming/document.crm";

  it("types a member access at places spread over a realistic script, each completion answering the receiver's members", () => {
    const host = new AnalysisHost(catalog, new MemoryFileSystem());
    const text = generateScriptOfLines(1500, 3);
    const analysis = host.analyzeText(documentPath, text);
    const rounds = [...primeTypingOnDocument(host, analysis)];
    expect(rounds).toHaveLength(DOCUMENT_PRIMING_ROUNDS);
    // Every receiver in the generated script is a NetServer agent or entity, a struct or a String: each has members.
    for (const entries of rounds) expect(entries).toBeGreaterThan(3);
  });

  it("stops early in a script with fewer member accesses than rounds, and at once in one with none", () => {
    const host = new AnalysisHost(catalog, new MemoryFileSystem());
    const two = host.analyzeText(documentPath, 'String name = "x";\nInteger length = name.getLength();\nprintLine(name.toUpper());\n');
    expect([...primeTypingOnDocument(host, two)]).toHaveLength(2);
    const none = host.analyzeText("/priming/none.crm", "Integer count = 1;\ncount = count + 1;\n");
    expect([...primeTypingOnDocument(host, none)]).toEqual([]);
  });

  it("leaves the analysis, the host and the typing-time scan cache as they were", () => {
    const host = new AnalysisHost(catalog, new MemoryFileSystem());
    const text = generateScriptOfLines(300, 8);
    const analysis = host.analyzeText(documentPath, text);
    const edited = `${text}\nInteger added = 1;\n`;
    const before = staleState(edited, analysis, text.length);
    const diagnostics = analysis.diagnostics;
    expect([...primeTypingOnDocument(host, analysis)].length).toBeGreaterThan(0);
    // The scan of the user's edited text is still the cached one, and the host answers with the same analysis.
    expect(staleState(edited, analysis, text.length).current).toBe(before.current);
    expect(host.analyzeText(documentPath, text)).toBe(analysis);
    expect(analysis.diagnostics).toBe(diagnostics);
  });
});

describe("primeTyping", () => {
  it("primes on the small script first, then on the document, one step per place", () => {
    const host = new AnalysisHost(builtinCatalog().catalog, new MemoryFileSystem());
    const analysis = host.analyzeText("/priming/steps.crm", generateScriptOfLines(800, 5));
    expect([...primeTyping(host, analysis)]).toHaveLength(1 + DOCUMENT_PRIMING_ROUNDS);
    expect([...primeTyping(host, undefined)]).toHaveLength(1);
  });
});

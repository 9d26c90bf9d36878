/**
 * The host analyses an edited file from its previous parse (`reparseSource`)
 * and resumes its check at the first statement the edit changed
 * (`server/semantics/resume.ts`): after every edit of a random sequence, the
 * diagnostics (syntax, semantic, lint), the declared symbols, the references
 * to each, the scopes and the names visible in them, the type and resolution
 * of every name and expression, and the control-flow facts equal those of a
 * fresh host analysing the same text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { type Expression, type Node, walk } from "../../grammar/index.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { AnalysisHost, type FileAnalysis } from "../../server/analysis/host.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { reusedStatementCount, typeToString, type UserSymbol } from "../../server/semantics/index.js";
import { applyEdit, editSequences, typedText, type Edit } from "../support/random-edits.js";

const catalog = builtinCatalog().catalog;
const path = "/w/script.crm";

/** What an analysis says, as plain data. */
function facts(analysis: FileAnalysis): unknown {
  const model = analysis.model;
  const names = model.resolvedNames().map((name) => {
    const resolution = model.resolutionOf(name);
    const target =
      resolution === undefined
        ? ""
        : resolution.kind === "symbol"
          ? `${resolution.symbol.kind}:${resolution.symbol.name}:${resolution.symbol.location?.start}`
          : resolution.kind;
    return `${name.start}-${name.end} ${name.name} → ${target}`;
  });
  const types: string[] = [];
  walk(analysis.sourceFile.program, (node: Node) => {
    const type = model.typeOf(node as Expression);
    if (type !== undefined) types.push(`${node.kind}@${node.start}-${node.end}: ${typeToString(type)}`);
  });
  const symbols = model.declarations().map((symbol) => `${symbol.kind} ${symbol.name} @${symbol.location?.start}-${symbol.location?.end}`);
  const references = model
    .declarations()
    .map((symbol) => model.referencesTo(symbol).map((reference) => `${reference.name.start}${reference.write ? "w" : ""}`));
  const scopes: string[] = [];
  const pending = [model.scopeAt(-1)];
  for (let scope = pending.pop(); scope !== undefined; scope = pending.pop()) {
    const visible = model.visibleAt(scope.end).map(symbolName);
    scopes.push(
      `${scope.kind} ${scope.start}-${scope.end} [${scope.entries.map((entry) => `${symbolName(entry.symbol)}@${entry.visibleFrom}`)}] sees [${visible}]`,
    );
    pending.push(...scope.children);
  }
  const flow = {
    unreachable: model.unreachableCode().map(({ range, after }) => `${range.start}-${range.end} after ${after.start}`),
    missingReturns: model.missingReturns().map(symbolName),
    shadowings: model.shadowings().map(({ symbol, shadowed }) => `${symbolName(symbol)} hides ${symbolName(shadowed)}`),
    functions: [...model.functionDeclarations()].map((declaration) => symbolName(model.functionSymbolOf(declaration) as UserSymbol)),
    includes: model.includes().map((include) => `${include.directive.start} ${include.includeId} ${include.resolution.kind}`),
    calls: [...model.resolvedCalls()].map(([call, facts]) => `${call.start} ${facts.signatures.length} ${facts.chosen?.name}`),
  };
  return JSON.parse(JSON.stringify({ diagnostics: analysis.diagnostics, suppressed: analysis.suppressed, names, types, symbols, references, scopes, flow }));
}

/**
 * Applies the edits one at a time to `text` in a host with `files`; after
 * each, the host's analysis must equal a fresh host's, and the previous
 * analysis must be as it was (features answer from it while the next is
 * made). Counts the checks, and those that resumed, in `tally`.
 */
function expectFreshAfterEachEdit(
  text: string,
  sequence: readonly Edit[],
  files: Record<string, string>,
  tally: { checks: number; resumed: number },
  alsoExpect?: (host: AnalysisHost, fresh: FileAnalysis) => void,
): void {
  const host = new AnalysisHost(catalog, new MemoryFileSystem({ ...files }));
  let current = text;
  let previous = host.analyzeText(path, current);
  for (const edit of sequence) {
    current = applyEdit(current, edit);
    const previousFacts = facts(previous);
    const incremental = host.analyzeText(path, current);
    expect(facts(previous)).toEqual(previousFacts);
    const fresh = new AnalysisHost(catalog, new MemoryFileSystem({ ...files })).analyzeText(path, current);
    expect(facts(incremental)).toEqual(facts(fresh));
    alsoExpect?.(host, fresh);
    previous = incremental;
    tally.checks++;
    if (reusedStatementCount(incremental.model) > 0) tally.resumed++;
  }
}

function symbolName(symbol: UserSymbol): string {
  return `${symbol.kind}:${symbol.name}@${symbol.location?.start ?? symbol.node.start}`;
}

const edits = editSequences(typedText, 6);

describe("incremental analysis", () => {
  it("gives the diagnostics, symbols and types of a fresh analysis after each edit", () => {
    const tally = { checks: 0, resumed: 0 };
    const scripts = [generateScriptOfLines(150, 4), generateScriptOfLines(90, 12)];
    fc.assert(
      fc.property(fc.constantFrom(...scripts), edits, (text, sequence) => {
        expectFreshAfterEachEdit(text, sequence, {}, tally);
      }),
      { numRuns: 150 },
    );
    // The property says something about resuming only if most checks resumed (edits near the top, or that make the
    // file a template or change every statement, check it all).
    expect(tally.resumed).toBeGreaterThan(tally.checks / 2);
  });

  it("re-parses from the newest parse when edits came faster than the analysis (versions never analysed)", () => {
    const scripts = [generateScriptOfLines(150, 4), generateScriptOfLines(90, 12)];
    fc.assert(
      fc.property(fc.constantFrom(...scripts), edits, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (text, sequence, analyzed) => {
        const host = new AnalysisHost(catalog, new MemoryFileSystem({}));
        let current = text;
        host.analyzeText(path, current);
        sequence.forEach((edit, index) => {
          current = applyEdit(current, edit);
          host.setOverlay(path, current);
          if (analyzed[index] !== true && index < sequence.length - 1) return;
          const incremental = host.analyzeFile(path) as FileAnalysis;
          const fresh = new AnalysisHost(catalog, new MemoryFileSystem({})).analyzeText(path, current);
          expect(facts(incremental)).toEqual(facts(fresh));
        });
      }),
      { numRuns: 100 },
    );
  });

  it("gives a fresh analysis's facts where the kept code uses names declared further down, includes scripts, or ends the script", () => {
    // Uses before declarations ask where a name is declared further down (the message names the line), includes are
    // resolved through the host, a top-level return makes everything after it unreachable.
    const pieces = [
      '#include "lib";\n',
      "Integer early = later + 1;\n",
      "Void useEarly() { printLine(early.toString() + fromLib().toString()); }\n",
      "Integer viaFunction = helper();\n",
      '#include "other";\n',
      "printLine(missing);\n",
      "return;\n",
      "Void afterReturn() { printLine(fromOther()); }\n",
      "Integer later = 2;\n",
      "Integer helper() { return later; }\n",
      "try { Integer t = 1; } catch { printLine(error + errorLocation); }\n",
      "struct Box { Integer size; Integer twice() { return size * 2; } };\n",
      "Box box; box.size = later;\n",
    ];
    const files = {
      "/w/lib.crm": "Integer fromLib() { return 1; }\n",
      "/w/other.crm": '#include "lib";\nString fromOther() { return fromLib().toString(); }\n',
    };
    // Declarations, includes, and uses of names the pieces declare (a new use of a name declared before the edit).
    const insertions = fc.oneof(
      typedText,
      fc.constantFrom(
        "Integer missing = 1;\n",
        "Integer later = 3;\n",
        '#include "lib";\n',
        '#include "nowhere";\n',
        "early = helper();\n",
        "printLine(viaFunction.toString() + later.toString());\n",
        "box.size = box.twice();\n",
      ),
    );
    const tally = { checks: 0, resumed: 0 };
    fc.assert(
      fc.property(fc.shuffledSubarray(pieces, { minLength: 4 }), editSequences(insertions, 6), (chosen, sequence) => {
        expectFreshAfterEachEdit(chosen.join(""), sequence, files, tally, (host, fresh) => {
          // The resumed check told the host what the file includes, as a fresh one does.
          expect(host.dependentsOf("/w/lib.crm").includes(path)).toBe(fresh.model.includeTargets().some((target) => target.file === "/w/lib.crm"));
        });
      }),
      { numRuns: 200 },
    );
    expect(tally.resumed).toBeGreaterThan(tally.checks / 4);
  });

  it("checks the whole file again when a script it includes changed", () => {
    const files = { "/w/lib.crm": "Integer fromLib() { return 1; }\n" };
    const host = new AnalysisHost(catalog, new MemoryFileSystem({ ...files }));
    const text = '#include "lib";\nInteger a = fromLib();\nInteger b = a;\n';
    host.analyzeText(path, text);
    const edited = host.analyzeText(path, `${text}Integer c = b;\n`);
    expect(reusedStatementCount(edited.model)).toBeGreaterThan(0);
    host.setOverlay("/w/lib.crm", 'String fromLib() { return "1"; }\n');
    const afterLibrary = host.analyzeText(path, `${text}Integer c = b;\nInteger d = c;\n`);
    expect(reusedStatementCount(afterLibrary.model)).toBe(0);
    expect(afterLibrary.diagnostics.map((diagnostic) => diagnostic.code)).toContain("type-mismatch");
  });

  it("keeps the statements before the edits after versions that were never parsed", () => {
    const text = generateScriptOfLines(150, 4);
    const host = new AnalysisHost(catalog, new MemoryFileSystem({}));
    const first = host.analyzeText(path, text).sourceFile.program.statements[0];
    host.setOverlay(path, `${text}\nInteger typed = 1;`);
    host.setOverlay(path, `${text}\nInteger typed = 12;`);
    const after = host.analyzeFile(path) as FileAnalysis;
    expect(first).toBeDefined();
    expect(after.sourceFile.program.statements[0]).toBe(first);
  });
});

/**
 * The host analyses an edited file from its previous parse (`reparseSource`):
 * after every edit of a random sequence, the diagnostics (syntax, semantic,
 * lint), the declared symbols and the type and resolution of every name and
 * expression equal those of a fresh host analysing the same text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { type Expression, type Node, walk } from "../../grammar/index.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { AnalysisHost, type FileAnalysis } from "../../server/analysis/host.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { typeToString } from "../../server/semantics/index.js";
import { applyEdit, editSequences, typedText } from "../support/random-edits.js";

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
  return JSON.parse(JSON.stringify({ diagnostics: analysis.diagnostics, suppressed: analysis.suppressed, names, types, symbols }));
}

const edits = editSequences(typedText, 6);

describe("incremental analysis", () => {
  it("gives the diagnostics, symbols and types of a fresh analysis after each edit", () => {
    const scripts = [generateScriptOfLines(150, 4), generateScriptOfLines(90, 12)];
    fc.assert(
      fc.property(fc.constantFrom(...scripts), edits, (text, sequence) => {
        const host = new AnalysisHost(catalog, new MemoryFileSystem({}));
        let current = text;
        host.analyzeText(path, current);
        for (const edit of sequence) {
          current = applyEdit(current, edit);
          const incremental = host.analyzeText(path, current);
          const fresh = new AnalysisHost(catalog, new MemoryFileSystem({})).analyzeText(path, current);
          expect(facts(incremental)).toEqual(facts(fresh));
        }
      }),
      { numRuns: 150 },
    );
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

/**
 * Robustness of the whole analysis (parse, semantics, lint): it never
 * throws and always returns well-formed diagnostics, on generated soups of
 * CRMScript, on mutated realistic files and on the prefixes of files being
 * typed; and a failure inside semantic analysis or one lint rule becomes a
 * diagnostic instead of an exception.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource, syntaxCodes } from "../../grammar/index.js";
import { AnalysisHost } from "../../server/analysis/host.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import type { Catalog } from "../../server/catalog/catalog.js";
import { allRules } from "../../server/lint/registry.js";
import { defineRule } from "../../server/lint/rule.js";
import { runLint } from "../../server/lint/run.js";
import { analyzeSemantics, createEnvironment, noIncludes, semanticCodes } from "../../server/semantics/index.js";
import { applyMutation, fixtures, mutation, tokenSoup } from "../support/generators.js";

const knownCodes = new Set([...Object.keys(syntaxCodes), ...Object.keys(semanticCodes), ...allRules.map((rule) => rule.id), "lint-internal-error"]);
const host = new AnalysisHost(builtinCatalog().catalog, new MemoryFileSystem());

/** Analyses `text` and returns what is wrong with the result (empty when well-formed). */
function problems(text: string): string[] {
  const found: string[] = [];
  const analysis = host.analyzeText("/fuzz/input.crm", text);
  let previous = -1;
  for (const diagnostic of analysis.diagnostics) {
    const where = `${diagnostic.code} ${diagnostic.range.start}-${diagnostic.range.end}`;
    if (!knownCodes.has(diagnostic.code)) found.push(`${where}: unregistered code`);
    if (diagnostic.code.endsWith("internal-error")) found.push(`${where}: ${diagnostic.message}`);
    if (!(diagnostic.range.start >= 0 && diagnostic.range.start <= diagnostic.range.end && diagnostic.range.end <= text.length))
      found.push(`${where}: outside the text`);
    if (diagnostic.message.trim() === "") found.push(`${where}: empty message`);
    if (diagnostic.range.start < previous) found.push(`${where}: not sorted`);
    previous = diagnostic.range.start;
  }
  return found;
}

describe("analysis on generated input", () => {
  it("is well-formed on soups of CRMScript fragments", () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        expect(problems(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("is well-formed on mutated realistic files", () => {
    const realistic = fixtures.filter((fixture) => fixture.name.startsWith("parser/ok/") || fixture.name.startsWith("spec-examples/"));
    fc.assert(
      fc.property(fc.constantFrom(...realistic), fc.array(mutation, { minLength: 1, maxLength: 5 }), (fixture, changes) => {
        const text = changes.reduce(applyMutation, fixture.text);
        expect(problems(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("is well-formed on every fourth prefix of realistic files, as while typing", () => {
    for (const fixture of fixtures.filter((candidate) => candidate.name.startsWith("parser/ok/")).slice(0, 8)) {
      for (let length = 0; length <= fixture.text.length; length += 4) {
        const found = problems(fixture.text.slice(0, length));
        if (found.length > 0) expect({ fixture: fixture.name, length, found }).toEqual({ fixture: fixture.name, length, found: [] });
      }
    }
  });
});

describe("internal failures", () => {
  it("turn a crash inside semantic analysis into one diagnostic and keep the syntax diagnostics", () => {
    const real = builtinCatalog().catalog;
    const broken = new Proxy(real, {
      get(target, property, receiver) {
        if (property === "classNamed") {
          return (name: string) => {
            if (name === "NSContactAgent") throw new Error("catalog exploded");
            return target.classNamed(name);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Catalog;
    const sourceFile = parseSource("Integer x = 1\nNSContactAgent agent;\n");
    const model = analyzeSemantics({ sourceFile, file: "/x.crm", environment: createEnvironment(broken), includes: noIncludes, options: {} });
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["semantic-internal-error", "syntax-missing-semicolon"]);
    expect(model.diagnostics[0]?.message).toContain("catalog exploded");
  });

  it("report a lint rule that throws once, and still run the other rules", () => {
    const throwing = (where: "create" | "listener" | "end") =>
      defineRule({
        id: `throws-in-${where}`,
        group: "correctness",
        defaultSeverity: "warning",
        description: "A rule that fails.",
        create() {
          if (where === "create") throw new Error("in create");
          return where === "listener"
            ? {
                Identifier: () => {
                  throw new Error("in a listener");
                },
              }
            : {
                end: () => {
                  throw new Error("in end");
                },
              };
        },
      });
    const model = host.analyzeText("/lint/broken.crm", "Void f() {\n  Integer unused = 1;\n  Integer other = unused;\n}\n").model;
    const rules = [throwing("create"), throwing("listener"), throwing("end"), ...allRules];
    const diagnostics = runLint(model, { "require-language-level": "off" }, rules);
    expect(diagnostics.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`)).toEqual([
      "lint-internal-error: lint rule 'throws-in-create' failed on this file (in create); please report it",
      "lint-internal-error: lint rule 'throws-in-listener' failed on this file (in a listener); please report it",
      "lint-internal-error: lint rule 'throws-in-end' failed on this file (in end); please report it",
      "no-unused-variable: 'other' is declared but never used: remove it, or use it",
    ]);
  });
});

/**
 * The spec's 78 conformance programs through the whole pipeline (parse,
 * semantics, lint rules at their defaults), exactly as their first line
 * says: `ok` programs have no error; `error` programs have exactly the
 * listed errors; `warning` programs have no error and at least the listed
 * warnings. Incidental warnings (an include that is not there, a missing
 * #setLanguageLevel) are allowed, as the spec's notes say.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnalysisHost } from "../../server/analysis/host.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { specExamplesRoot } from "../support/paths.js";
import { specExpectations } from "../support/spec-expectations.js";

const examples = readdirSync(specExamplesRoot)
  .filter((name) => name.endsWith(".crmscript"))
  .sort();
const host = new AnalysisHost(builtinCatalog().catalog, new MemoryFileSystem());

describe("spec conformance programs (whole pipeline)", () => {
  it("are all here, and every non-ok program has expectations", () => {
    expect(examples).toHaveLength(78);
    for (const name of examples) {
      const first = readFileSync(join(specExamplesRoot, name), "utf8").split("\n")[0] ?? "";
      expect({ name, listed: specExpectations[name] !== undefined }).toEqual({ name, listed: !first.startsWith("// expect: ok") });
    }
  });

  for (const name of examples) {
    const text = readFileSync(join(specExamplesRoot, name), "utf8");
    const expectation = text.split("\n")[0] ?? "";
    it(`${name}: ${expectation}`, () => {
      const analysis = host.analyzeText(`/spec/${name}`, text);
      const found = analysis.diagnostics.map((diagnostic) => ({
        code: diagnostic.code,
        line: analysis.sourceFile.lineIndex.position(diagnostic.range.start).line + 1,
        severity: diagnostic.severity,
      }));
      const errors = found.filter((diagnostic) => diagnostic.severity === "error");
      const expected = specExpectations[name] ?? [];
      if (expectation.startsWith("// expect: error")) {
        expect(errors).toEqual(expected);
      } else {
        expect(errors).toEqual([]);
        for (const warning of expected) expect(found).toContainEqual(warning);
      }
    });
  }
});

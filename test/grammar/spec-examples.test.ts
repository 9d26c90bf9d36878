/**
 * The spec's conformance programs, syntactic side: programs marked `ok` parse
 * with no syntax diagnostic at all; programs whose expected problem is
 * syntactic get exactly that diagnostic code at the expected line; all other
 * programs (their problem is semantic) parse without a syntax error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../grammar/index.js";
import { specExamplesRoot } from "../support/paths.js";
import { specExpectations, type ExpectedDiagnostic } from "../support/spec-expectations.js";

/** The syntax diagnostics a program must have: the syntactic part of its expectations. */
function syntacticExpectations(name: string): ExpectedDiagnostic[] {
  return (specExpectations[name] ?? []).filter((expected) => expected.code.startsWith("syntax-"));
}

const examples = readdirSync(specExamplesRoot)
  .filter((name) => name.endsWith(".crmscript"))
  .sort();

describe("spec conformance programs (syntax)", () => {
  it("are all present", () => {
    expect(examples).toHaveLength(78);
  });

  for (const name of examples) {
    const text = readFileSync(join(specExamplesRoot, name), "utf8");
    const expectation = text.split("\n")[0] ?? "";
    it(`${name}: ${expectation}`, () => {
      const file = parseSource(text);
      const found = file.diagnostics.map((diagnostic) => ({
        code: diagnostic.code,
        severity: diagnostic.severity,
        line: file.lineIndex.position(diagnostic.range.start).line + 1,
      }));
      const syntactic = syntacticExpectations(name);
      if (expectation.startsWith("// expect: ok")) {
        expect(found).toEqual([]);
      } else if (syntactic.length > 0) {
        expect(found).toEqual(syntactic);
      } else {
        expect(found.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
      }
    });
  }
});

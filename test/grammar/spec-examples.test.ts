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

interface Expected {
  readonly code: string;
  readonly line: number;
  readonly severity: "error" | "warning";
}

/** Programs whose expected problem is syntactic: every diagnostic the parser must report (code and 1-based line). */
const syntacticExpectations: Record<string, Expected | Expected[]> = {
  "10-bad-language-level.crmscript": { code: "syntax-invalid-language-level", line: 3, severity: "error" },
  "22-for-missing-condition.crmscript": { code: "syntax-missing-for-condition", line: 3, severity: "error" },
  "27-array-brackets-after-name.crmscript": { code: "syntax-array-brackets-after-name", line: 3, severity: "error" },
  "38-struct-missing-semicolon.crmscript": { code: "syntax-missing-semicolon", line: 6, severity: "error" },
  "42-catch-with-parameter.crmscript": { code: "syntax-catch-parameter", line: 6, severity: "error" },
  "43-try-without-braces.crmscript": { code: "syntax-try-block", line: 3, severity: "error" },
  "53-ternary-not-supported.crmscript": { code: "syntax-unsupported-operator", line: 5, severity: "error" },
  "54-switch-not-supported.crmscript": { code: "syntax-unsupported-statement", line: 4, severity: "error" },
  "55-word-logical-operators.crmscript": [
    { code: "syntax-unsupported-operator", line: 5, severity: "error" },
    { code: "syntax-unsupported-operator", line: 5, severity: "error" },
  ],
  "59-missing-semicolon.crmscript": { code: "syntax-missing-semicolon", line: 3, severity: "error" },
  "60-unterminated-string.crmscript": { code: "syntax-unterminated-string", line: 3, severity: "error" },
  "61-unterminated-comment.crmscript": { code: "syntax-unterminated-comment", line: 4, severity: "error" },
  "63-multiple-declarators.crmscript": { code: "syntax-multiple-declarators", line: 3, severity: "error" },
  "66-assignment-in-condition.crmscript": { code: "syntax-assignment-in-expression", line: 4, severity: "error" },
  "67-hex-literal.crmscript": { code: "syntax-invalid-number", line: 3, severity: "error" },
  "69-method-on-string-literal.crmscript": { code: "syntax-method-on-literal", line: 3, severity: "warning" },
};

const examples = readdirSync(specExamplesRoot).filter((name) => name.endsWith(".crmscript")).sort();

describe("spec conformance programs (syntax)", () => {
  it("are all present", () => {
    expect(examples).toHaveLength(70);
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
      const syntactic = syntacticExpectations[name];
      if (expectation.startsWith("// expect: ok")) {
        expect(found).toEqual([]);
      } else if (syntactic !== undefined) {
        expect(found).toEqual(Array.isArray(syntactic) ? syntactic : [syntactic]);
      } else {
        expect(found.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
      }
    });
  }
});

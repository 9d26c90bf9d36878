/**
 * A table-driven tester for one lint rule, in the manner of ESLint's
 * RuleTester: `valid` fixtures must give no diagnostic at all (with only
 * this rule on); `invalid` fixtures are annotated and matched one to one;
 * `fixes` apply the rule's fixes and compare the text with the expected one.
 */
import { describe, expect, it } from "vitest";
import { applyFixes } from "../../server/lint/fixes.js";
import { ruleById } from "../../server/lint/registry.js";
import { checkFixture, runFixture } from "./check.js";

export interface RuleCases {
  readonly valid: readonly string[];
  readonly invalid: readonly string[];
  readonly fixes?: readonly { readonly before: string; readonly after: string }[];
}

export function testRule(id: string, cases: RuleCases): void {
  describe(`lint rule ${id}`, () => {
    it("is registered", () => {
      expect(ruleById(id)?.id).toBe(id);
    });
    cases.valid.forEach((source, index) => {
      it(`valid ${index + 1}`, () => {
        checkFixture(source, { rules: [id] });
      });
    });
    cases.invalid.forEach((source, index) => {
      it(`invalid ${index + 1}`, () => {
        const annotated = source.split("\n").some((line) => new RegExp(`\\b(warning|error) ${id}\\b`).test(line));
        expect(annotated).toBe(true);
        checkFixture(source, { rules: [id] });
      });
    });
    (cases.fixes ?? []).forEach(({ before, after }, index) => {
      it(`fix ${index + 1}`, () => {
        const run = runFixture(before, { rules: [id] });
        const fixes = run.analysis().diagnostics.flatMap((diagnostic) => ("fix" in diagnostic && diagnostic.fix !== undefined ? [diagnostic.fix] : []));
        expect(applyFixes(run.main.text, fixes).text).toBe(after);
      });
    });
  });
}

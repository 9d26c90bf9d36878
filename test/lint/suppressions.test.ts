/**
 * Suppression comments through the whole analysis (as the CLI and the
 * server see it): next-line, same-line and block forms, several codes, every
 * code, the reason after `--`, syntax errors that cannot be suppressed, and
 * comments that suppress nothing or name codes that do not exist, with the
 * fix that removes them.
 */
import { describe, expect, it } from "vitest";
import type { RuleSeverity } from "../../server/lint/rule.js";
import { applyFixes } from "../../server/lint/fixes.js";
import { checkFixture, runFixture } from "../support/check.js";

const rules = ["no-shadow", "no-unused-variable", "keyword-case", "no-self-assign"];

function suppressedCodes(source: string): string[] {
  return runFixture(source, { rules })
    .analysis()
    .suppressed.map((entry) => `${entry.diagnostic.code} (${entry.justification})`);
}

describe("suppression comments", () => {
  it("silence the next line, the same line and a block, for the codes they name", () => {
    const source = `Void f() {
  // crmscript-lint-disable-next-line no-unused-variable -- kept for the next release
  Integer spare = 0;
  Integer other = 1; // crmscript-lint-disable-line no-unused-variable
  /* crmscript-lint-disable keyword-case */
  IF (true) { }
  WHILE (false) { }
  /* crmscript-lint-enable keyword-case */
  IF (true) { }
//^^ warning keyword-case
}
`;
    checkFixture(source, { rules });
    expect(suppressedCodes(source)).toEqual(["no-unused-variable (kept for the next release)", "no-unused-variable ()", "keyword-case ()", "keyword-case ()"]);
  });

  it("silence every code when they name none, and several codes separated by commas", () => {
    const source = `Integer total = 0;
Void f(Integer total) {
  // crmscript-lint-disable-next-line
  if (true) { Integer total = 1; }
  // crmscript-lint-disable-next-line no-shadow, no-unused-variable -- both on purpose
  if (true) { Integer total = 2; }
}
`;
    checkFixture(source, { rules });
    expect(suppressedCodes(source)).toEqual(["no-shadow ()", "no-unused-variable ()", "no-shadow (both on purpose)", "no-unused-variable (both on purpose)"]);
  });

  it("can silence a semantic diagnostic but never a syntax error", () => {
    const source = `String t = "a";
// crmscript-lint-disable-next-line unknown-member -- the catalog lacks it
String s = t.shout();
Integer x = ; // crmscript-lint-disable-line
//         | error syntax-expected-expression
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning unused-suppression: no problem is reported
`;
    checkFixture(source, { rules });
    expect(suppressedCodes(source)).toEqual(["unknown-member (the catalog lacks it)"]);
  });

  it("report a comment that suppresses nothing, a code not reported there, and a code that does not exist", () => {
    checkFixture(
      `Void f() {
  // crmscript-lint-disable-next-line no-shadow
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning unused-suppression: this suppression comment is unused: 'no-shadow' is not reported
  Integer b = 2; // crmscript-lint-disable-line no-unused-variable, keyword-case
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning unused-suppression: 'keyword-case' is not reported where this comment applies
  printLine("x"); // crmscript-lint-disable-line no-such-rule
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning unused-suppression: 'no-such-rule' is not a rule or diagnostic code
}
`,
      { rules },
    );
  });

  it("report unused comments with the configured severity, or not at all", () => {
    const source = `// crmscript-lint-disable-next-line no-shadow\nprintLine("x");\n`;
    const severityOf = (reportUnusedSuppressions: RuleSeverity) =>
      runFixture(source, { rules, settings: { reportUnusedSuppressions } })
        .analysis()
        .diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`);
    expect(severityOf("error")).toEqual(["error unused-suppression"]);
    expect(severityOf("warning")).toEqual(["warning unused-suppression"]);
    expect(severityOf("off")).toEqual([]);
  });

  it("fix an unused comment by removing it, with its line when it stands alone", () => {
    const source = `Void f() {\n  // crmscript-lint-disable-next-line no-shadow\n  printLine("x"); /* crmscript-lint-disable-line keyword-case */\n}\n`;
    const analysis = runFixture(source, { rules }).analysis();
    const fixes = analysis.diagnostics.flatMap((diagnostic) => (diagnostic.fix === undefined ? [] : [diagnostic.fix]));
    expect(applyFixes(analysis.sourceFile.text, fixes).text).toBe(`Void f() {\n  printLine("x");\n}\n`);
  });

  it("say that a syntax error cannot be suppressed", () => {
    checkFixture(
      `printLine("x");; // crmscript-lint-disable-line syntax-empty-statement
//             ^ warning syntax-empty-statement
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning unused-suppression: 'syntax-empty-statement' is a syntax error, which cannot be suppressed
`,
      { rules },
    );
  });

  it("ignore ordinary comments that mention the prefix", () => {
    checkFixture(`// see crmscript-lint-disable-next-line in the docs\nprintLine("x");\n`, { rules });
  });
});

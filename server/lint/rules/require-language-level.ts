/**
 * Rule: require-language-level
 *
 * What: a script without `#setLanguageLevel`, or with it after the first
 * statement (spec §2.1, A20).
 * Why: the level decides how table and field names are mapped (level 2 keeps
 * the compatibility layer for SuperOffice 6 and older); without it a script
 * runs on the installation's default, which differs between systems.
 * Fix: start the script with `#setLanguageLevel 4;` (SuperOffice 10.2.2 and
 * later) or the level it was written for.
 *
 * Severity: a warning: scripts without the directive run; every library script
 * of the official samples starts with it (spec §2.1, A20).
 *
 * Invalid:
 *   printLine("hello");
 * Valid:
 *   #setLanguageLevel 4;
 *   printLine("hello");
 */
import type { Statement } from "../../../grammar/index.js";
import { defineRule } from "../rule.js";

/** Statements that may come before the directive without running anything. */
function isPreamble(statement: Statement): boolean {
  return statement.kind === "TemplateText" || statement.kind === "EmptyStatement";
}

export default defineRule({
  id: "require-language-level",
  group: "suspicious",
  defaultSeverity: "warning",
  description: "Scripts that do not start with #setLanguageLevel.",
  create(context) {
    return {
      end() {
        const statements = context.sourceFile.program.statements;
        const directive = statements.find((statement) => statement.kind === "LanguageLevelDirective");
        const first = statements.find((statement) => !isPreamble(statement));
        if (first === undefined) return;
        if (directive === undefined) {
          context.report({
            range: { start: first.start, end: first.start },
            message: "the script has no #setLanguageLevel: start it with '#setLanguageLevel 4;' (or the level it was written for)",
          });
        } else if (directive !== first) {
          context.report({ range: directive, message: "#setLanguageLevel comes after the first statement: move it to the top of the script" });
        }
      },
    };
  },
});

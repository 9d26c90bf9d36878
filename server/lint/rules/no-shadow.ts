/**
 * Rule: no-shadow
 *
 * What: a local variable that hides a local variable or parameter of an
 * enclosing block of the same function (spec §4.5, D4).
 * Why: code below the inner declaration silently uses the inner variable,
 * which is easy to misread; CRMScript allows it without a word.
 * Fix: give the inner variable its own name.
 *
 * Severity: a warning: the documentation allows a parameter named like a
 * field, and official code shadows names (spec §4.5, §9.2).
 *
 * Invalid:
 *   Void count(Integer total) {
 *     if (total > 0) {
 *       Integer total = 1;
 *     }
 *   }
 * Valid:
 *   Void count(Integer total) {
 *     if (total > 0) {
 *       Integer first = 1;
 *     }
 *   }
 */
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-shadow",
  group: "suspicious",
  defaultSeverity: "warning",
  description: "Local variables that hide an outer local or parameter.",
  create(context) {
    return {
      end() {
        for (const { symbol, shadowed } of context.model.shadowings()) {
          if (symbol.location === undefined) continue;
          const what = shadowed.variableKind === "parameter" ? "parameter" : "variable";
          // Only a report needs the line index (made on first use).
          const where = shadowed.location === undefined ? "" : ` declared on line ${context.sourceFile.lineIndex.position(shadowed.location.start).line + 1}`;
          context.report({ range: symbol.location, message: `'${symbol.name}' hides the ${what} '${shadowed.name}'${where}: rename one of them` });
        }
      },
    };
  },
});

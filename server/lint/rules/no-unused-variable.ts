/**
 * Rule: no-unused-variable
 *
 * What: a local variable (in a function, block or loop header) whose value
 * is never read. Globals and parameters are not reported: a script's
 * globals may be read by the scripts that include it, and trigger or
 * callback parameters are often required but unused.
 * Why: usually a leftover from editing, or a typo in a later use.
 * Fix: remove the declaration, or use the value.
 *
 * Severity: a warning: an unused variable compiles and runs (spec §9.2).
 *
 * Invalid:
 *   Void f() {
 *     Integer count = 0;
 *   }
 * Valid:
 *   Void f() {
 *     Integer count = 0;
 *     printLine(count.toString());
 *   }
 */
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-unused-variable",
  group: "correctness",
  defaultSeverity: "warning",
  description: "Local variables whose value is never read.",
  create(context) {
    return {
      end() {
        const { model } = context;
        for (const symbol of model.declarations()) {
          if (symbol.kind !== "variable" || (symbol.variableKind !== "local" && symbol.variableKind !== "foreach")) continue;
          if (symbol.location === undefined || symbol.location.file !== model.file) continue;
          const references = model.referencesTo(symbol);
          if (references.some((reference) => !reference.write)) continue;
          const message =
            references.length === 0
              ? `'${symbol.name}' is declared but never used: remove it, or use it`
              : `'${symbol.name}' is assigned but its value is never read: remove it, or use the value`;
          context.report({ range: symbol.location, message });
        }
      },
    };
  },
});

/**
 * Rule: no-missing-return
 *
 * What: a function or method with a return type whose end can be reached
 * without a `return` of a value.
 * Why: the caller then gets an empty value; CRMScript does not complain
 * (official libraries do this), but it is almost always an oversight.
 * Fix: return a value on every path, for example a default at the end.
 *
 * Severity: a warning: official libraries do it and run (LIB
 * lib-orderedmap.crm and lib-math.crm, spec §9.2).
 *
 * Invalid:
 *   Integer sign(Integer x) {
 *     if (x > 0) return 1;
 *     if (x < 0) return -1;
 *   }
 * Valid:
 *   Integer sign(Integer x) {
 *     if (x > 0) return 1;
 *     if (x < 0) return -1;
 *     return 0;
 *   }
 */
import { typeToString } from "../../semantics/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-missing-return",
  group: "correctness",
  defaultSeverity: "warning",
  description: "Functions with a return type that can end without returning a value.",
  create(context) {
    return {
      end() {
        for (const symbol of context.model.missingReturns()) {
          if (symbol.location.file !== context.model.file) continue;
          const what = symbol.owner === undefined ? "function" : "method";
          context.report({
            range: symbol.location,
            message: `not all code paths of ${what} '${symbol.name}' return a value: its end can be reached without a return, so callers get an empty ${typeToString(symbol.returnType)}`,
          });
        }
      },
    };
  },
});

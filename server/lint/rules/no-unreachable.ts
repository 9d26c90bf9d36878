/**
 * Rule: no-unreachable
 *
 * What: statements that can never run, because every path before them ends
 * with return, throw, break, continue or exitWithMessage().
 * Why: unreachable code is usually left over from debugging or a misplaced
 * early return, and it hides what the script really does.
 * Fix: delete the statements, or move the statement that ends the path.
 *
 * Severity: a warning: the documentation itself shows code after a `return`
 * (DOCS22 fundamentals/functions.md, spec §9.2).
 *
 * Invalid:
 *   Void greet() {
 *     return;
 *     printLine("never printed");
 *   }
 * Valid:
 *   Void greet() {
 *     printLine("printed");
 *     return;
 *   }
 */
import type { Statement } from "../../../grammar/index.js";
import { defineRule } from "../rule.js";

function describeEnding(statement: Statement): string {
  switch (statement.kind) {
    case "ReturnStatement":
      return "'return'";
    case "ThrowStatement":
      return "'throw'";
    case "BreakStatement":
      return "'break'";
    case "ContinueStatement":
      return "'continue'";
    case "ExpressionStatement":
      return "exitWithMessage()";
    case "WhileStatement":
    case "ForStatement":
      return "a loop that never ends";
    case "IfStatement":
      return "an if whose branches all end with return, throw, break or continue";
    default:
      return "a statement whose every path ends with return, throw, break or continue";
  }
}

export default defineRule({
  id: "no-unreachable",
  group: "correctness",
  defaultSeverity: "warning",
  description: "Statements that can never run.",
  create(context) {
    return {
      end() {
        for (const { range, after } of context.model.unreachableCode()) {
          context.report({ range, message: `unreachable code: it comes after ${describeEnding(after)}, so it never runs` });
        }
      },
    };
  },
});

/**
 * Rule: no-self-assign
 *
 * What: an assignment with `=` of a variable, field or array element to
 * itself: `x = x`, `this.total = this.total`, `order.lines[i] = order.lines[i]`.
 * Both sides must name the same variables (as semantic analysis resolved
 * them) and array indexes must be the same variable or number, so a call or
 * anything else that could change between the two sides is never reported.
 * Why: such an assignment does nothing; it is usually a typo for another
 * name (`this.total = total`) or a leftover from editing.
 * Fix: remove the assignment, or assign the value you meant.
 *
 * Severity: a warning: the assignment runs; it only has no effect.
 *
 * Invalid:
 *   struct Counter {
 *     Integer total;
 *     Void reset(Integer total) { this.total = this.total; }
 *   };
 * Valid:
 *   struct Counter {
 *     Integer total;
 *     Void reset(Integer total) { this.total = total; }
 *   };
 */
import type { Expression, Identifier } from "../../../grammar/index.js";
import type { SemanticModel } from "../../semantics/index.js";
import { defineRule } from "../rule.js";

function unwrap(expression: Expression): Expression {
  let inner = expression;
  while (inner.kind === "ParenthesizedExpression") inner = inner.expression;
  return inner;
}

/** Both names resolved to the same user variable or field. */
function sameSymbol(model: SemanticModel, left: Identifier, right: Identifier): boolean {
  const a = model.resolutionOf(left);
  const b = model.resolutionOf(right);
  return a?.kind === "symbol" && b?.kind === "symbol" && a.symbol === b.symbol && a.symbol.kind === "variable";
}

function sameIndex(model: SemanticModel, left: Expression, right: Expression): boolean {
  const a = unwrap(left);
  const b = unwrap(right);
  if (a.kind === "Identifier" && b.kind === "Identifier") return sameSymbol(model, a, b);
  return a.kind === "IntegerLiteral" && b.kind === "IntegerLiteral" && a.value === b.value;
}

/** Whether two expressions certainly name the same storage; walks member and index chains iteratively. */
function samePlace(model: SemanticModel, target: Expression, value: Expression): boolean {
  let left = unwrap(target);
  let right = unwrap(value);
  for (;;) {
    if (left.kind === "Identifier" && right.kind === "Identifier") return sameSymbol(model, left, right);
    if (left.kind === "ThisExpression" && right.kind === "ThisExpression") return true;
    if (left.kind === "MemberExpression" && right.kind === "MemberExpression") {
      if (left.member === undefined || right.member === undefined || !sameSymbol(model, left.member, right.member)) return false;
    } else if (left.kind === "IndexExpression" && right.kind === "IndexExpression") {
      if (!sameIndex(model, left.index, right.index)) return false;
    } else {
      return false;
    }
    left = unwrap(left.object);
    right = unwrap(right.object);
  }
}

export default defineRule({
  id: "no-self-assign",
  group: "correctness",
  defaultSeverity: "warning",
  description: "Assignments of a variable, field or array element to itself.",
  create(context) {
    return {
      AssignmentExpression: (node) => {
        if (node.operator !== "=" || !samePlace(context.model, node.target, node.value)) return;
        const name = context.sourceFile.text.slice(node.target.start, node.target.end);
        context.report({ range: node, message: `'${name}' is assigned to itself, which does nothing: remove the assignment, or assign the value you meant` });
      },
    };
  },
});

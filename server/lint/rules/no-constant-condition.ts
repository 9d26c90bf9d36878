/**
 * Rule: no-constant-condition
 *
 * What: an `if`, `while` or `for` condition whose value is fixed when the
 * script is written: `true`, `false`, `!true`, a comparison of two literals
 * (`1 == 1`, `2 < 1`), or `&&` and `||` that such values decide
 * (`debug || true`). The idiomatic endless loop `while (true)` (or a `for`
 * with a constant true condition) is allowed when its body has a `break`
 * that leaves that loop or a `return`.
 * Why: an `if` with a constant condition always or never runs its branch,
 * which is usually left over from debugging; a loop on a constant true
 * condition with no way out never ends, and one on false never runs.
 * Fix: remove the test (keep or delete the code it guards), or write the
 * condition you meant; give an endless loop a `break`.
 *
 * Severity: a warning: `while (true)` with a `break` is a normal loop, and a
 * constant `if` still compiles.
 *
 * Invalid:
 *   if (1 == 1) printLine("always");
 *   while (true) {
 *     printLine("forever");
 *   }
 * Valid:
 *   Integer attempts = 0;
 *   while (true) {
 *     attempts++;
 *     if (attempts > 3) break;
 *   }
 */
import type { BinaryExpression, Expression, IfStatement } from "../../../grammar/index.js";
import { walkWithLoops, type Loop } from "../loops.js";
import { defineRule } from "../rule.js";

type Constant = boolean | number | string;

/** A number literal, possibly negated; undefined for anything else. */
function numberValue(expression: Expression): number | undefined {
  let sign = 1;
  let inner = expression;
  while (inner.kind === "UnaryExpression" && (inner.operator === "-" || inner.operator === "+")) {
    if (inner.operator === "-") sign = -sign;
    inner = inner.operand;
  }
  if (inner.kind === "IntegerLiteral" || inner.kind === "FloatLiteral") return sign * inner.value;
  if (inner.kind === "LongLiteral") return sign * Number(inner.value);
  return undefined;
}

/** The value of a literal operand of a comparison. */
function literalValue(expression: Expression): Constant | undefined {
  const inner = unwrap(expression);
  if (inner.kind === "StringLiteral") return inner.value;
  if (inner.kind === "BooleanLiteral") return inner.value;
  return numberValue(inner);
}

function unwrap(expression: Expression): Expression {
  let inner = expression;
  while (inner.kind === "ParenthesizedExpression") inner = inner.expression;
  return inner;
}

function compare(operator: BinaryExpression["operator"], left: Constant, right: Constant): boolean | undefined {
  if (typeof left !== typeof right) return undefined;
  // Only identical strings are surely equal: how CRMScript orders or folds the case of strings is not documented.
  if (typeof left === "string" && (left !== right || (operator !== "==" && operator !== "!="))) return undefined;
  switch (operator) {
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    default:
      return undefined;
  }
}

/** The fixed Bool value of a condition, or undefined when it depends on something. */
function constantValue(expression: Expression): boolean | undefined {
  let inner = unwrap(expression);
  let negated = false;
  while (inner.kind === "UnaryExpression" && inner.operator === "!") {
    negated = !negated;
    inner = unwrap(inner.operand);
  }
  const value = positiveValue(inner);
  return value === undefined ? undefined : value !== negated;
}

function positiveValue(expression: Expression): boolean | undefined {
  if (expression.kind === "BooleanLiteral") return expression.value;
  if (expression.kind !== "BinaryExpression") return undefined;
  const { operator } = expression;
  if (operator === "&&" || operator === "||") {
    // `a && b && c` nests to the left: read the chain iteratively, however long it is.
    const operands: Expression[] = [];
    let chain: Expression = expression;
    while (chain.kind === "BinaryExpression" && chain.operator === operator) {
      operands.push(chain.right);
      chain = chain.left;
    }
    operands.push(chain);
    // One operand that decides the result (false for &&, true for ||) makes the whole chain constant.
    const decisive = operator === "||";
    let allKnown = true;
    for (const operand of operands) {
      const value = constantValue(operand);
      if (value === decisive) return decisive;
      if (value === undefined) allKnown = false;
    }
    return allKnown ? !decisive : undefined;
  }
  const left = literalValue(expression.left);
  const right = literalValue(expression.right);
  return left === undefined || right === undefined ? undefined : compare(operator, left, right);
}

/** Whether a loop can be left from inside: a `break` of this loop (not of a nested one) or a `return`. */
function canLeave(loop: Loop): boolean {
  let leaves = false;
  walkWithLoops(loop, (node, innermost) => {
    if (leaves) return false;
    if (node.kind === "ReturnStatement" || (node.kind === "BreakStatement" && innermost === loop)) leaves = true;
    // Expressions hold no statements: nothing below them can leave the loop.
    return !node.kind.endsWith("Expression");
  });
  return leaves;
}

export default defineRule({
  id: "no-constant-condition",
  group: "suspicious",
  defaultSeverity: "warning",
  description: "Conditions of if, while and for that are always true or always false.",
  create(context) {
    const report = (condition: Expression, message: string): void => context.report({ range: condition, message });
    const checkIf = (node: IfStatement): void => {
      const value = constantValue(node.condition);
      if (value === undefined) return;
      const effect = !value ? "its body never runs" : node.elseStatement === undefined ? "the test does nothing" : "the else branch never runs";
      report(node.condition, `this condition is always ${value}, so ${effect}: remove the if, or test what you meant`);
    };
    const checkLoop = (node: Loop): void => {
      if (node.kind === "ForeachStatement" || node.condition === undefined) return;
      const value = constantValue(node.condition);
      if (value === false) {
        report(node.condition, "this condition is always false, so the loop never runs: remove the loop, or test what you meant");
      } else if (value === true && !canLeave(node)) {
        report(node.condition, "this condition is always true and the loop has no break or return, so it never ends: add a break, or test what you meant");
      }
    };
    return {
      IfStatement: checkIf,
      WhileStatement: checkLoop,
      ForStatement: checkLoop,
    };
  },
});

/**
 * Rule: no-empty-block
 *
 * What: an empty `{ }` as the body of `if`, `else`, `while`, `for`,
 * `foreach`, `try` or `catch`. A block with a comment inside is not empty,
 * and function and method bodies are not reported: an empty function is
 * often a deliberate no-op that a caller requires.
 * Why: an empty branch or loop does nothing and is usually unfinished code;
 * an empty `catch` silently swallows every error of its `try`.
 * Fix: write the code the block should run, remove the statement, or put a
 * comment in the block that says why it is empty.
 *
 * Severity: a warning: an empty block compiles and runs; it only does nothing.
 *
 * Invalid:
 *   try {
 *     printLine(getCgiVariable("id"));
 *   } catch { }
 * Valid:
 *   try {
 *     printLine(getCgiVariable("id"));
 *   } catch {
 *     // Printing is best effort: a missing variable is not an error here.
 *   }
 */
import type { Statement } from "../../../grammar/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-empty-block",
  group: "suspicious",
  defaultSeverity: "warning",
  description: "Empty blocks of if, else, loops, try and catch.",
  create(context) {
    const { sourceFile } = context;
    const check = (body: Statement | undefined, owner: string): void => {
      if (body?.kind !== "Block" || body.statements.length > 0) return;
      // A block that error recovery closed has no '}' of its own: that is a syntax error, not an empty block.
      if (sourceFile.text.charAt(body.end - 1) !== "}") return;
      if (sourceFile.comments.some((comment) => comment.range.start > body.start && comment.range.end < body.end)) return;
      const message =
        owner === "catch"
          ? "empty catch block: every error of the try is silently ignored; handle the error, or add a comment saying why it is ignored"
          : `empty ${owner} block: add the code it should run, remove it, or add a comment saying why it is empty`;
      context.report({ range: body, message });
    };
    return {
      IfStatement: (node) => {
        check(node.thenStatement, "if");
        check(node.elseStatement, "else");
      },
      WhileStatement: (node) => check(node.body, "while"),
      ForStatement: (node) => check(node.body, "for"),
      ForeachStatement: (node) => check(node.body, "foreach"),
      TryStatement: (node) => {
        check(node.tryBlock, "try");
        check(node.catchBlock, "catch");
      },
    };
  },
});

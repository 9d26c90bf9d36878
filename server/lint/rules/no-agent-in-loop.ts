/**
 * Rule: no-agent-in-loop
 *
 * What: a NetServer agent variable (`NSContactAgent`, `NSPersonAgent`, …)
 * declared inside the body of a while, for or foreach loop, at any depth.
 * Why: agents have no state (spec §8), so one declared before the loop does
 * the same work; declaring it inside makes a new agent on every iteration
 * and suggests the agent remembers something between calls.
 * Fix: declare the agent once, before the loop (or at the top of the script).
 *
 * Severity: a warning: a fresh agent per round works, it is only slower.
 *
 * Invalid:
 *   for (Integer id = 1; id <= 10; id++) {
 *     NSPersonAgent personAgent;
 *     printLine(personAgent.GetPersonEntity(id).GetFirstname());
 *   }
 * Valid:
 *   NSPersonAgent personAgent;
 *   for (Integer id = 1; id <= 10; id++) {
 *     printLine(personAgent.GetPersonEntity(id).GetFirstname());
 *   }
 */
import { isStatement, type Node, type Statement, type VariableDeclaration } from "../../../grammar/index.js";
import { loopKeyword, walkWithLoops, type Loop } from "../loops.js";
import { isAgent } from "../netserver.js";
import { defineRule } from "../rule.js";

/** Whether one of the declarations in `sorted` (by start) lies within `node`. */
function holdsOne(sorted: readonly Node[], node: Node): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as Node).start < node.start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < sorted.length && (sorted[index] as Node).start <= node.end; index++) {
    if ((sorted[index] as Node).end <= node.end) return true;
  }
  return false;
}

export default defineRule({
  id: "no-agent-in-loop",
  group: "suspicious",
  defaultSeverity: "warning",
  description: "NetServer agents declared inside a loop.",
  create(context) {
    return {
      end() {
        const { model } = context;
        const agents = new Set<Node>();
        for (const symbol of model.declarations()) {
          if (symbol.kind === "variable" && symbol.node.kind === "VariableDeclaration" && isAgent(symbol.type)) agents.add(symbol.node);
        }
        if (agents.size === 0) return;
        const sorted = [...agents].sort((a, b) => a.start - b.start);
        const found: { declaration: VariableDeclaration; loop: Loop }[] = [];
        let seen = 0;
        // First only into the statements whose range holds an agent; if that misses one (odd ranges), everywhere.
        const search = (narrow: boolean): void => {
          found.length = 0;
          seen = 0;
          walkWithLoops(context.sourceFile.program, (node, loop) => {
            if (narrow && node.kind !== "Program" && !holdsOne(sorted, node)) return false;
            // Declarations are statements, and statements made of an expression hold none.
            if (node.kind === "ExpressionStatement" || node.kind === "ReturnStatement" || node.kind === "ThrowStatement") return false;
            if (node.kind !== "VariableDeclaration") return node.kind === "Program" || isStatement(node as Statement);
            if (agents.has(node)) {
              seen++;
              if (loop !== undefined) found.push({ declaration: node, loop });
            }
            return false;
          });
        };
        search(true);
        if (seen < agents.size) search(false);
        for (const { declaration, loop } of found) {
          context.report({
            range: declaration.name,
            message: `the agent '${declaration.name.name}' (${declaration.type.name.name}) is declared inside a ${loopKeyword(loop)} loop: agents have no state, so declare it once before the loop`,
          });
        }
      },
    };
  },
});

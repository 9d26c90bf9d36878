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
import { isStatement, type Node, type Statement } from "../../../grammar/index.js";
import { loopKeyword, walkWithLoops } from "../loops.js";
import { isAgent } from "../netserver.js";
import { defineRule } from "../rule.js";

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
        walkWithLoops(context.sourceFile.program, (node, loop) => {
          if (node.kind !== "VariableDeclaration") return node.kind === "Program" || isStatement(node as Statement);
          if (loop !== undefined && agents.has(node)) {
            context.report({
              range: node.name,
              message: `the agent '${node.name.name}' (${node.type.name.name}) is declared inside a ${loopKeyword(loop)} loop: agents have no state, so declare it once before the loop`,
            });
          }
          return false;
        });
      },
    };
  },
});

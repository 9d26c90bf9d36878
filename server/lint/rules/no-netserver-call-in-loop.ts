/**
 * Rule: no-netserver-call-in-loop
 *
 * What: a call of a NetServer agent method (`personAgent.GetPersonEntity(id)`)
 * in the condition, update or body of a while, for or foreach loop. Off by
 * default: many scripts do this on purpose, for a few rows.
 * Why: every agent call is a round trip to NetServer, so a loop over many
 * rows makes as many round trips and gets slow.
 * Fix: fetch what the loop needs in bulk before it, with a list method
 * (`GetPersonList(ids)`, `GetContactList(ids)`), a Find method or a
 * SearchEngine query, and loop over the result.
 *
 * Severity: off by default and at most a warning: every such call works, and
 * many scripts must call NetServer once per item.
 *
 * Invalid:
 *   NSPersonAgent personAgent;
 *   for (Integer id = 1; id <= 10; id++) {
 *     printLine(personAgent.GetPerson(id).GetFullName());
 *   }
 * Valid:
 *   NSPersonAgent personAgent;
 *   Integer[] ids;
 *   for (Integer id = 1; id <= 10; id++) ids.pushBack(id);
 *   foreach (NSPerson person in personAgent.GetPersonList(ids)) {
 *     printLine(person.GetFullName());
 *   }
 */
import { loopKeyword, walkWithLoops } from "../loops.js";
import { netServerClassKind } from "../netserver.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-netserver-call-in-loop",
  group: "suspicious",
  defaultSeverity: "off",
  description: "NetServer agent methods called inside a loop.",
  create(context) {
    return {
      end() {
        walkWithLoops(context.sourceFile.program, (node, loop) => {
          if (loop === undefined || node.kind !== "CallExpression" || node.callee.kind !== "MemberExpression" || node.callee.member === undefined) return;
          const member = node.callee.member;
          const resolution = context.model.resolutionOf(member);
          if (resolution?.kind !== "catalog-method") return;
          const owner = resolution.method.owner;
          if (owner === undefined || netServerClassKind(owner) !== "agent") return;
          context.report({
            range: member,
            message: `'${owner.name}.${member.name}' is called inside a ${loopKeyword(loop)} loop: each call is a round trip to NetServer; fetch the data in bulk before the loop (a …List or Find method, or a SearchEngine query)`,
          });
        });
      },
    };
  },
});

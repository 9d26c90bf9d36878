/**
 * Rule: no-duplicate-include
 *
 * What: an `#include` of an include id that the same script already
 * included further up. Ids are compared as semantic analysis compares them:
 * exactly, letter case included. The same script reached twice through
 * different scripts (this one includes `a` and `b`, and `b` includes `a`) is
 * not reported: that is what include-once is for (spec §2.2, A13).
 * Why: a script is included only once (spec §2.2), so the second directive
 * adds nothing; it only suggests that the order of includes matters.
 * Fix: remove the repeated directive (a safe automatic fix: the whole line
 * when the directive is alone on it).
 *
 * Severity: a warning: each script is included once (spec §2.2, A13), so the
 * repeat is harmless; official chatbot code includes one id twice through
 * different paths.
 *
 * Invalid:
 *   #include "lib-string";
 *   #include "lib-dates";
 *   #include "lib-string";
 * Valid:
 *   #include "lib-string";
 *   #include "lib-dates";
 */
import type { IncludeDirective, TextRange } from "../../../grammar/index.js";
import { defineRule } from "../rule.js";

/**
 * What to delete: the directive's whole line when nothing else is on it;
 * else the directive with the blanks after it, or before it when it ends the line.
 */
function removalRange(text: string, directive: IncludeDirective): TextRange {
  const isBlank = (offset: number): boolean => text[offset] === " " || text[offset] === "\t";
  let start = directive.start;
  while (start > 0 && isBlank(start - 1)) start--;
  let end = directive.end;
  while (end < text.length && isBlank(end)) end++;
  const startsLine = start === 0 || text[start - 1] === "\n";
  const endsLine = end === text.length || text[end] === "\n" || text[end] === "\r";
  if (startsLine && endsLine) {
    if (text[end] === "\r") end++;
    if (text[end] === "\n") end++;
    return { start, end };
  }
  return endsLine ? { start, end: directive.end } : { start: directive.start, end };
}

export default defineRule({
  id: "no-duplicate-include",
  group: "style",
  defaultSeverity: "warning",
  description: "The same include id included twice in one script.",
  create(context) {
    return {
      end() {
        const { sourceFile } = context;
        const first = new Map<string, IncludeDirective>();
        for (const { directive, includeId } of context.model.includes()) {
          const earlier = first.get(includeId);
          if (earlier === undefined) {
            first.set(includeId, directive);
            continue;
          }
          const line = sourceFile.lineIndex.position(earlier.start).line + 1;
          context.report({
            range: directive,
            message: `'${includeId}' is already included on line ${line}, and a script is included only once: remove this #include`,
            fix: { range: removalRange(sourceFile.text, directive), text: "", title: "Remove the repeated #include" },
          });
        }
      },
    };
  },
});

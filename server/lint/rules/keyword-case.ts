/**
 * Rule: keyword-case
 *
 * What: a keyword, `true`, `false` or `this` written in another letter case
 * than lower case (`If`, `Return`, `True`, `Struct`).
 * Why: the documentation says CRMScript is case sensitive and spells them in
 * lower case; the runtime accepts other spellings today (spec §1.4, A1), but
 * nothing promises it will, and mixed spellings are harder to read.
 * Fix: write the word in lower case (a safe automatic fix).
 *
 * Severity: a warning: official code writes `If`, `Return`, `True` and
 * `Struct` and runs (spec A1).
 *
 * Invalid:
 *   If (done) Return True;
 * Valid:
 *   if (done) return true;
 */
import { isKeywordType } from "../../../grammar/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "keyword-case",
  group: "style",
  defaultSeverity: "warning",
  description: "Keywords, true, false and this written in another case than lower case.",
  create(context) {
    return {
      end() {
        const tokens = context.sourceFile.tokens;
        for (let index = 0; index < tokens.count; index++) {
          if (!isKeywordType(tokens.type(index))) continue;
          const image = tokens.image(index);
          const lower = image.toLowerCase();
          if (image === lower) continue;
          const range = { start: tokens.start(index), end: tokens.end(index) };
          context.report({
            range,
            message: `write '${image}' in lower case, as '${lower}': CRMScript documents its keywords in lower case`,
            fix: { range, text: lower, title: `Write '${lower}'` },
          });
        }
      },
    };
  },
});

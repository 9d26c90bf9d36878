/** Tests for the lint rule keyword-case. */
import { testRule } from "../../support/rule-tester.js";

testRule("keyword-case", {
  valid: [
    `Bool check(Integer v) {\n  if (v > 0) return true;\n  return false;\n}\n`,
    `String text = "If and Return are not keywords inside a string"; // nor in a comment: While\n`,
  ],
  invalid: [
    `Bool check(Integer v) {
  If (v > 0)
//^^ warning keyword-case: write 'If' in lower case, as 'if'
    Return True;
//  ^^^^^^ warning keyword-case
//         ^^^^ warning keyword-case: 'true'
  return FALSE;
//       ^^^^^ warning keyword-case
}
`,
    `  Struct Point { Integer x; };
//^^^^^^ warning keyword-case: 'struct'
`,
  ],
  fixes: [{ before: `If (true) Return;\nWHILE (False) { }\n`, after: `if (true) return;\nwhile (false) { }\n` }],
});

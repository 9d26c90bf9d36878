/** Tests for the lint rule no-constant-condition. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-constant-condition", {
  valid: [
    `Integer n = 1;\nif (n > 0) printLine("positive");\n`,
    `Integer attempts = 0;\nwhile (true) {\n  attempts++;\n  if (attempts > 3) break;\n}\n`,
    `Integer firstPositive(Integer[] values) {\n  Integer i = 0;\n  while (true) {\n    if (values[i] > 0) return values[i];\n    i++;\n  }\n}\n`,
    `for (Integer i = 0; true; i++) {\n  if (i > 2) break;\n}\n`,
    `Bool debug = false;\nif (debug && true) printLine("depends on debug");\nwhile (debug || false) debug = false;\n`,
    // How CRMScript compares different strings (letter case) is not documented: no claim about it.
    `if ("a" == "A") printLine("maybe");\n`,
    `Integer n = 1;\nif (!(1 == 2) && n > 0) printLine("depends on n");\n`,
  ],
  invalid: [
    `if (1 == 1) printLine("always");
//  ^^^^^^ warning no-constant-condition: this condition is always true, so the test does nothing
if (true) printLine("a"); else printLine("b");
//  ^^^^ warning no-constant-condition: always true, so the else branch never runs
`,
    `if (!true) {
//  ^^^^^ warning no-constant-condition: always false, so its body never runs: remove the if
  printLine("never");
}
if ("ok" != "ok") printLine("never");
//  ^^^^^^^^^^^^ warning no-constant-condition: always false
if (-1 < 0.5) printLine("always");
//  ^^^^^^^^ warning no-constant-condition: always true
`,
    `Bool debug = false;
if (debug || true) printLine("always");
//  ^^^^^^^^^^^^^ warning no-constant-condition: always true
if (debug && (2 > 3)) printLine("never");
//  ^^^^^^^^^^^^^^^^ warning no-constant-condition: always false
`,
    `while (true) {
//     ^^^^ warning no-constant-condition: the loop has no break or return, so it never ends: add a break
  for (Integer i = 0; i < 3; i++) {
    if (i == 2) break;
  }
}
`,
    `while (2 < 1) printLine("never");
//     ^^^^^ warning no-constant-condition: always false, so the loop never runs
for (Integer i = 0; false; i++) printLine("never");
//                  ^^^^^ warning no-constant-condition: always false, so the loop never runs
for (Integer i = 0; !false; i++) printLine("forever");
//                  ^^^^^^ warning no-constant-condition: never ends
`,
  ],
});

/** Tests for the lint rule no-unused-variable. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-unused-variable", {
  valid: [
    `Void f() {\n  Integer count = 0;\n  printLine(count.toString());\n}\n`,
    `Integer globalForIncluders = 1;\n`,
    `Void handler(Integer unusedParameter) { }\n`,
    `Void f() {\n  Integer n = 0;\n  n += 1;\n}\n`,
    `Void f() {\n  String[] items;\n  foreach (String item in items) printLine(item);\n}\n`,
  ],
  invalid: [
    `Void f() {
  Integer count = 0;
//        ^^^^^ warning no-unused-variable: 'count' is declared but never used
}
`,
    `Void f() {
  String result;
//       ^^^^^^ warning no-unused-variable: 'result' is assigned but its value is never read
  result = "x";
  String[] items;
  foreach (String item in items) { }
//                ^^^^ warning no-unused-variable: 'item' is declared but never used
}
`,
  ],
});

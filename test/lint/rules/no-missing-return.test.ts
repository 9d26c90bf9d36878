/** Tests for the lint rule no-missing-return. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-missing-return", {
  valid: [
    `Integer sign(Integer x) {\n  if (x > 0) return 1;\n  if (x < 0) return -1;\n  return 0;\n}\n`,
    `Void log2(String s) {\n  printLine(s);\n}\n`,
    `Integer f(Bool b) {\n  if (b) return 1;\n  else throw "no";\n}\n`,
    `Integer forever() {\n  while (true) { }\n}\n`,
    `Integer tryIt() {\n  try { return 1; } catch { return 0; }\n}\n`,
  ],
  invalid: [
    `Integer sign(Integer x) {
//      ^^^^ warning no-missing-return: not all code paths of function 'sign' return a value
  if (x > 0)
    return 1;
  if (x < 0)
    return -1;
}
`,
    `struct Counter {
  Integer value;
  Integer next() { this.value++; }
//        ^^^^ warning no-missing-return: method 'next'
};
`,
    `String pick(Integer n) {
//     ^^^^ warning no-missing-return
  while (n > 0) {
    if (n == 3) return "three";
    n--;
  }
}
`,
  ],
});

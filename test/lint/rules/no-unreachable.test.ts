/** Tests for the lint rule no-unreachable. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-unreachable", {
  valid: [
    `Void f() {\n  printLine("a");\n  return;\n}\n`,
    `Integer sign(Integer x) {\n  if (x > 0) return 1;\n  else return -1;\n}\n`,
    `while (true) {\n  if (getCurrentDateTime().getMonth() > 3) break;\n}\nprintLine("after a loop that breaks");\n`,
    `Integer f() {\n  return 1;\n}\nVoid g() { }\n`,
    `return;\nVoid declaredBelowAnEarlyReturn() { }\n`,
  ],
  invalid: [
    `Void sayHello() {
  print("Hello!");
  return;
  print("never printed");
//^^^^^^^^^^^^^^^^^^^^^^^ warning no-unreachable: it comes after 'return'
}
`,
    `for (Integer i = 0; i < 3; i++) {
  continue;
  printLine(i.toString());
//^^^^^^^^^^^^^^^^^^^^^^^^ warning no-unreachable: after 'continue'
}
try {
  throw "stop";
  printLine("x");
//^^^^^^^^^^^^^^^ warning no-unreachable: after 'throw'
} catch { }
`,
    `Integer pick(Bool b) {
  if (b) return 1; else return 2;
  Integer unused = 3;
//^^^^^^^^^^^^^^^^^^^ warning no-unreachable: after an if whose branches all end
}
exitWithMessage("done");
  printLine("never");
//^^^^^^^^^^^^^^^^^^^ warning no-unreachable: after exitWithMessage()
`,
    `while (true) { }
  printLine("after an endless loop");
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning no-unreachable: after a loop that never ends
`,
  ],
});

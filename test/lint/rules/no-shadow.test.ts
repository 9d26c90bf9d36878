/** Tests for the lint rule no-shadow. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-shadow", {
  valid: [
    `String token = "global";\nString validate(String token) { return token; }\n`,
    `Void f() {\n  if (true) { Integer a = 1; }\n  if (true) { Integer a = 2; }\n}\n`,
    `Integer total = 0;\nVoid add() { Integer total = 1; }\n`,
  ],
  invalid: [
    `Void count(Integer total) {
  if (total > 0) {
    Integer total = 1;
//          ^^^^^ warning no-shadow: hides the parameter 'total' declared on line 1
  }
}
`,
    `Void f() {
  Integer i = 0;
  for (Integer i = 0; i < 2; i++) { }
//             ^ warning no-shadow: hides the variable 'i' declared on line 2
  String[] names;
  foreach (String i in names) { }
//                ^ warning no-shadow
}
`,
  ],
});

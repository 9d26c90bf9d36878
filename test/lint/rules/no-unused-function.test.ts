/** Tests for the lint rule no-unused-function. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-unused-function", {
  valid: [
    // A library: its top level only declares, so its functions are for the scripts that include it.
    `#setLanguageLevel 4;\nInteger LIMIT = 3;\nInteger helper() { return LIMIT; }\nstruct Box { Integer size; };\n`,
    `Void greet() { printLine("hi"); }\ngreet();\n`,
    `Integer one() { return 1; }\nInteger two() { return one() + one(); }\nInteger total = two();\nprintLine(total.toString());\n`,
    // Methods are not reported.
    `struct Box {\n  Integer size;\n  Integer twice() { return this.size * 2; }\n};\nBox box;\nprintLine(box.size.toString());\n`,
    // One called overload keeps the name in use.
    `Void ok() { printLine("200"); }\nVoid ok(String body) { printLine(body); }\nok();\n`,
    `%EJSCRIPT_START%\n<% String bold(String s) { return "<b>" + s + "</b>"; } %>\n<p><% print(bold("x")); %></p>\n%EJSCRIPT_END%\n`,
  ],
  invalid: [
    `Void greet(String name) {
//   ^^^^^ warning no-unused-function: function 'greet' is never called in this script: remove it, or call it
  printLine("Hello " + name);
}
printLine("Hello");
`,
    `Integer factorial(Integer n) {
//      ^^^^^^^^^ warning no-unused-function: 'factorial'
  if (n <= 1) return 1;
  return n * factorial(n - 1);
}
Integer one() { return 1; }
Integer two() { return one() + one(); }
//      ^^^ warning no-unused-function: 'two'
for (Integer i = 0; i < 3; i++) printLine(i.toString());
`,
    `Integer twice(Integer x) { return x * 2; }
//      ^^^^^ warning no-unused-function: 'twice'
Float twice(Float x) { return x * 2.0; }
//    ^^^^^ warning no-unused-function: 'twice'
if (getCgiVariable("x") == "") return;
`,
    `%EJSCRIPT_START%
<% String bold(String s) { return "<b>" + s + "</b>"; } %>
//        ^^^^ warning no-unused-function: 'bold'
<p>no code runs, but the template text is output</p>
%EJSCRIPT_END%
`,
    // A call above the declaration is already an error; the function is not reported as unused too.
    `  helper();
//^^^^^^ error used-before-declaration
Void helper() { }
Void unused() { }
//   ^^^^^^ warning no-unused-function: 'unused'
`,
  ],
});

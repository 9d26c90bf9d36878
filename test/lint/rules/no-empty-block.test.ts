/** Tests for the lint rule no-empty-block. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-empty-block", {
  valid: [
    `Void noop() { }\nstruct Hook { Integer id; Void run() {} };\n`,
    `try {\n  printLine("x");\n} catch {\n  // Printing is best effort.\n}\n`,
    `Integer n = 0;\nif (n > 0) {\n  /* nothing to do yet */\n} else {\n  n++;\n}\n`,
    `Integer n = 0;\nif (n > 0) n++;\nelse if (n < 0) n--;\n`,
    `%EJSCRIPT_START%\n<% Integer n = 1; if (n > 0) { %><p>positive</p><% } %>\n%EJSCRIPT_END%\n`,
  ],
  invalid: [
    `Integer n = 0;
if (n > 0) { } else {
//         ^^^ warning no-empty-block: empty if block: add the code it should run, remove it, or add a comment
  n++;
}
if (n > 0) n++; else {} // a comment after the block does not count
//                   ^^ warning no-empty-block: empty else block
`,
    `try { printLine("x"); } catch { }
//                            ^^^ warning no-empty-block: empty catch block: every error of the try is silently ignored
try {} catch { printLine(error); }
//  ^^ warning no-empty-block: empty try block
`,
    `Integer n = 0;
while (n < 3) { }
//            ^^^ warning no-empty-block: empty while block
for (Integer i = 0; i < 3; i++) {}
//                              ^^ warning no-empty-block: empty for block
String[] names;
foreach (String name in names) { }
//                             ^^^ warning no-empty-block: empty foreach block
if (n > 0) {
//          | error syntax-unclosed-brace
Void later() { }
`,
  ],
});

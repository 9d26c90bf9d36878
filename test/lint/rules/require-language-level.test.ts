/** Tests for the lint rule require-language-level. */
import { testRule } from "../../support/rule-tester.js";

testRule("require-language-level", {
  valid: [
    `#setLanguageLevel 4;\nprintLine("x");\n`,
    `// A comment before the directive is fine.\n#setLanguageLevel 3;\nprintLine("x");\n`,
    `%EJSCRIPT_START%\n<p>\n<%\n#setLanguageLevel 4;\nprint("x");\n%>\n%EJSCRIPT_END%\n`,
    ``,
  ],
  invalid: [
    `  printLine("x");
//| warning require-language-level: the script has no #setLanguageLevel
`,
    `Integer n = 1;
  #setLanguageLevel 4;
//^^^^^^^^^^^^^^^^^^^^ warning require-language-level: comes after the first statement
`,
  ],
});

/** Tests for the lint rule require-language-level. */
import { testRule } from "../../support/rule-tester.js";

testRule("require-language-level", {
  valid: [
    `#setLanguageLevel 4;\nprintLine("x");\n`,
    `// A comment before the directive is fine.\n#setLanguageLevel 3;\nprintLine("x");\n`,
    `%EJSCRIPT_START%\n<p>\n<%\n#setLanguageLevel 4;\nprint("x");\n%>\n%EJSCRIPT_END%\n`,
    // In a template, inside the first code block after a comment line (spec §2.1).
    `<html>\n%EJSCRIPT_START%\n<%\n  // Fetch the data.\n  #setLanguageLevel 3;\n  print("x");\n%>\n%EJSCRIPT_END%\n</html>\n`,
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
    `  Void helper() { }
//| warning require-language-level: the script has no #setLanguageLevel
`,
    `#include "lib-string";
  #setLanguageLevel 4;
//^^^^^^^^^^^^^^^^^^^^ warning require-language-level: comes after the first statement
//- /fixture/lib-string.crm
#setLanguageLevel 4;
`,
    `%EJSCRIPT_START%
<p><% print("x"); %></p>
//    | warning require-language-level: the script has no #setLanguageLevel
%EJSCRIPT_END%
`,
    `%EJSCRIPT_START%
<% print("x"); %>
<%
  #setLanguageLevel 4;
//^^^^^^^^^^^^^^^^^^^^ warning require-language-level: comes after the first statement
%>
%EJSCRIPT_END%
`,
  ],
});

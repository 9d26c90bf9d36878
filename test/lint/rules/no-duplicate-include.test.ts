/** Tests for the lint rule no-duplicate-include. */
import { testRule } from "../../support/rule-tester.js";

const libraries = `//- /fixture/lib-a.crm\nInteger a = 1;\n//- /fixture/lib-b.crm\n#include "lib-a";\nInteger b = 2;\n`;

testRule("no-duplicate-include", {
  valid: [
    `#include "lib-a";\n#include "lib-b";\n${libraries}`,
    // lib-b includes lib-a too: reaching a script twice through others is what include-once is for.
    `#include "lib-b";\n#include "lib-a";\n${libraries}`,
    // Ids are compared exactly, as semantic analysis compares them.
    `#include "lib-a";\n#include "Lib-A";\n${libraries}//- /fixture/Lib-A.crm\nInteger c = 3;\n`,
  ],
  invalid: [
    `#include "lib-a";
#include "lib-b";
  #include "lib-a";
//^^^^^^^^^^^^^^^^^ warning no-duplicate-include: 'lib-a' is already included on line 1, and a script is included only once: remove this #include
  #include "lib-a";
//^^^^^^^^^^^^^^^^^ warning no-duplicate-include: already included on line 1
${libraries}`,
    `#include "missing";
//       ^^^^^^^^^ warning include-not-found
printLine("x"); #include "missing";
//              ^^^^^^^^^^^^^^^^^^^ warning no-duplicate-include: 'missing' is already included on line 1
`,
  ],
  // The first file of a fixture ends where the next file's header starts, without a line break.
  fixes: [
    { before: `#include "lib-a";\n#include "lib-a";\nprintLine("x");\n${libraries}`, after: `#include "lib-a";\nprintLine("x");` },
    { before: `#include "lib-a";\r\n  #include "lib-a";  \r\nprintLine("x");\r\n${libraries}`, after: `#include "lib-a";\r\nprintLine("x");\r` },
    { before: `#include "lib-a"; #include "lib-a";\n#include "lib-a"; printLine("x");\n${libraries}`, after: `#include "lib-a";\nprintLine("x");` },
    { before: `#include "lib-a";\n#include "lib-a";\n${libraries}`, after: `#include "lib-a";\n` },
  ],
});

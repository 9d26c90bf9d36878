/** Tests for the lint rule no-agent-in-loop. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-agent-in-loop", {
  valid: [
    `NSPersonAgent personAgent;\nInteger[] ids;\nforeach (Integer id in ids) {\n  printLine(personAgent.GetPersonEntity(id).GetFirstname());\n}\n`,
    // A carrier or entity declared in a loop is not an agent.
    `NSContactAgent contactAgent;\nfor (Integer i = 1; i < 3; i++) {\n  NSContactEntity contact = contactAgent.GetContactEntity(i);\n  NSContact item = contactAgent.GetContact(i);\n  printLine(contact.GetName() + item.GetName());\n}\n`,
    // A function called from a loop declares its agent on each call, but that is not this rule's business.
    `String nameOf(Integer id) {\n  NSContactAgent contactAgent;\n  return contactAgent.GetContact(id).GetName();\n}\nwhile (true) {\n  printLine(nameOf(1));\n  break;\n}\n`,
    // An agent declared after the loop, and a native class declared in one.
    `while (true) {\n  SearchEngine se;\n  break;\n}\nNSPersonAgent personAgent;\npersonAgent.GetPerson(1);\n`,
  ],
  invalid: [
    `Integer[] ids;
foreach (Integer id in ids) {
  NSPersonAgent personAgent;
//              ^^^^^^^^^^^ warning no-agent-in-loop: the agent 'personAgent' (NSPersonAgent) is declared inside a foreach loop: agents have no state, so declare it once before the loop
  printLine(personAgent.GetPersonEntity(id).GetFirstname());
}
`,
    `Void update(Integer count) {
  Integer i = 0;
  while (i < count) {
    if (i > 1) {
      NSContactAgent contactAgent = NSContactAgent();
//                   ^^^^^^^^^^^^ warning no-agent-in-loop: 'contactAgent' (NSContactAgent) is declared inside a while loop
      contactAgent.GetContact(i);
    }
    i++;
  }
}
`,
    `for (Integer i = 0; i < 2; i++) {
  for (Integer j = 0; j < 2; j++) printLine(j.toString());
  NSSaleAgent saleAgent;
//            ^^^^^^^^^ warning no-agent-in-loop: inside a for loop
  saleAgent.GetSale(i);
}
`,
  ],
});

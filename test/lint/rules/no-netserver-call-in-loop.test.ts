/** Tests for the lint rule no-netserver-call-in-loop (off by default; the tester runs the rule it tests as a warning). */
import { describe, expect, it } from "vitest";
import { ruleById } from "../../../server/lint/registry.js";
import { testRule } from "../../support/rule-tester.js";

describe("no-netserver-call-in-loop", () => {
  it("is off by default", () => {
    expect(ruleById("no-netserver-call-in-loop")?.defaultSeverity).toBe("off");
  });
});

testRule("no-netserver-call-in-loop", {
  valid: [
    // Bulk fetch before the loop; the foreach collection is evaluated once.
    `NSPersonAgent personAgent;\nInteger[] ids;\nforeach (NSPerson person in personAgent.GetPersonList(ids)) {\n  printLine(person.GetFullName());\n}\n`,
    // Carrier methods are not round trips, and a for initializer runs once.
    `NSContactAgent contactAgent;\nNSContactEntity contact = contactAgent.GetContactEntity(1);\nfor (Integer i = contactAgent.GetContact(1).GetContactId(); i < 3; i++) {\n  printLine(contact.GetName());\n}\n`,
    // A call in a function is not in the loop that calls the function.
    `NSContactAgent contactAgent;\nString nameOf(Integer id) {\n  return contactAgent.GetContact(id).GetName();\n}\nfor (Integer i = 0; i < 3; i++) printLine(nameOf(i));\n`,
    // Native classes are not NetServer.
    `SearchEngine se;\nse.addField("contact.contact_id");\nfor (se.execute(); !se.eof(); se.next()) printLine(se.getField(0));\n`,
  ],
  invalid: [
    `NSPersonAgent personAgent;
Integer[] ids;
foreach (Integer id in ids) {
  printLine(personAgent.GetPerson(id).GetFullName());
//                      ^^^^^^^^^ warning no-netserver-call-in-loop: 'NSPersonAgent.GetPerson' is called inside a foreach loop: each call is a round trip to NetServer; fetch the data in bulk before the loop
}
`,
    `NSContactAgent contactAgent;
Integer id = 1;
while (contactAgent.GetContact(id).GetContactId() > 0) {
//                  ^^^^^^^^^^ warning no-netserver-call-in-loop: inside a while loop
  NSContactEntity contact = contactAgent.GetContactEntity(id);
//                                       ^^^^^^^^^^^^^^^^ warning no-netserver-call-in-loop
  if (contact.GetName() != "") contactAgent.SaveContactEntity(contact);
//                                          ^^^^^^^^^^^^^^^^^ warning no-netserver-call-in-loop
  id++;
}
`,
    `NSSaleAgent saleAgent;
for (Integer i = 0; i < saleAgent.GetSale(1).GetSaleId(); i++) { }
//                                ^^^^^^^ warning no-netserver-call-in-loop: inside a for loop
`,
  ],
});

/** Tests for the lint rule no-uninitialized-carrier. */
import { testRule } from "../../support/rule-tester.js";

const AGENT = "NSContactAgent agent;\n";

testRule("no-uninitialized-carrier", {
  valid: [
    // An initial value, and an assignment before the first use.
    `NSPersonAgent personAgent;\nNSPersonEntity person = personAgent.CreateDefaultPersonEntity();\nperson.SetFirstname("Ada");\npersonAgent.SavePersonEntity(person);\n`,
    `${AGENT}NSContactEntity contact;\ncontact = agent.GetContactEntity(5);\nprintLine(contact.GetName());\n`,
    // Both branches assign; a branch that leaves gives nothing to the code after it.
    `${AGENT}NSContactEntity contact;\nBool create = true;\nif (create) contact = agent.CreateDefaultContactEntity();\nelse contact = agent.GetContactEntity(5);\nprintLine(contact.GetName());\n`,
    `${AGENT}Void show(Bool known) {\n  NSContactEntity contact;\n  if (known) {\n    contact = agent.GetContactEntity(5);\n  } else {\n    return;\n  }\n  printLine(contact.GetName());\n}\n`,
    `${AGENT}NSContactEntity contact;\nif (getCgiVariable("id") == "") exitWithMessage("no id");\nelse contact = agent.GetContactEntity(getCgiVariable("id").toInteger());\nprintLine(contact.GetName());\n`,
    // A carrier that is not an entity is built with its Set… methods (as the official samples do).
    `NSAppointmentAgent appointmentAgent;\nNSAppointmentEntity appointment = appointmentAgent.CreateDefaultAppointmentEntity();\nNSContact company;\ncompany.SetContactId(5);\nappointment.SetContact(company);\nNSLink link;\nlink.SetId(7);\nlink.SetEntityName("sale");\nprintLine(link.GetEntityName());\n`,
    // A value from an earlier pass of a loop; a loop left only through break.
    `${AGENT}NSContactEntity previous;\nfor (Integer i = 1; i < 4; i++) {\n  if (i > 1) printLine(previous.GetName());\n  previous = agent.GetContactEntity(i);\n}\n`,
    `${AGENT}NSContactEntity found;\nwhile (true) {\n  found = agent.GetContactEntity(1);\n  break;\n}\nprintLine(found.GetName());\n`,
    // try/catch: both parts assign; and in doubt (the try may have assigned before it failed) nothing is said.
    `${AGENT}NSContactEntity contact;\ntry {\n  contact = agent.GetContactEntity(1);\n} catch {\n  contact = agent.CreateDefaultContactEntity();\n}\nprintLine(contact.GetName());\n`,
    `${AGENT}NSContactEntity contact;\ntry {\n  contact = agent.GetContactEntity(1);\n} catch {\n  printLine(contact.GetName());\n}\n`,
    // Parameters, foreach variables, arrays and agents always have a value.
    `Void show(NSContactEntity contact) {\n  printLine(contact.GetName());\n}\nNSPerson[] persons;\nforeach (NSPerson person in persons) printLine(person.GetFullName());\nNSLink[] links;\nprintLine(links.length().toString());\n${AGENT}printLine(agent.GetContact(1).GetName());\n`,
    // A global used in a function, which may run after the global got its value.
    `NSContactEntity current;\nVoid show() {\n  printLine(current.GetName());\n}\n${AGENT}current = agent.GetContactEntity(1);\nshow();\n`,
    // Unreachable code is no-unreachable's business.
    `Void f() {\n  NSContactEntity contact;\n  return;\n  printLine(contact.GetName());\n}\n`,
  ],
  invalid: [
    `NSPersonAgent personAgent;
NSPersonEntity person;
  person.SetFirstname("Ada");
//^^^^^^ warning no-uninitialized-carrier: 'person' is used before anything gives it a value: a declared NSPersonEntity is not initialised (its enum properties hold illegal values); assign it first, from its agent's CreateDefault…() or Get…Entity(id)
personAgent.SavePersonEntity(person);
`,
    `${AGENT}NSContactEntity contact;
Bool create = true;
if (create) contact = agent.CreateDefaultContactEntity();
printLine(contact.GetName());
//        ^^^^^^^ warning no-uninitialized-carrier: 'contact' is not given a value on every path before this use
`,
    // Passed, returned, read into another variable.
    `${AGENT}NSContactEntity draft;
agent.SaveContactEntity(draft);
//                      ^^^^^ warning no-uninitialized-carrier: 'draft' is used before anything gives it a value
NSContactEntity make() {
  NSContactEntity made;
  return made;
//       ^^^^ warning no-uninitialized-carrier: 'made'
}
Void copy() {
  NSContactEntity original;
  NSContactEntity other = original;
//                        ^^^^^^^^ warning no-uninitialized-carrier: 'original'
  printLine(other.GetName());
}
`,
    // A carrier read before it is filled in (reported once), and read while it is filled in.
    `NSPerson person;
printLine(person.GetFullName());
//        ^^^^^^ warning no-uninitialized-carrier: a declared NSPerson is empty; assign it first (from an agent's Get… method), or fill it with its Set… methods
printLine(person.GetFullName());
person.SetPersonId(1);
NSLink link;
link.SetEntityName(link.GetEntityName());
//                 ^^^^ warning no-uninitialized-carrier: 'link' is used before
`,
    // A loop may run zero times; a variable declared in a loop starts empty on every pass.
    `${AGENT}NSContactEntity last;
for (Integer i = 1; i < 4; i++) last = agent.GetContactEntity(i);
printLine(last.GetName());
//        ^^^^ warning no-uninitialized-carrier: 'last' is not given a value on every path
Integer n = 0;
while (n < 3) {
  NSContactEntity each;
  if (n > 0) each = agent.GetContactEntity(n);
  printLine(each.GetName());
//          ^^^^ warning no-uninitialized-carrier: 'each'
  n++;
}
`,
    // An entity is not filled in by its Set… methods, in a template too.
    `%EJSCRIPT_START%
<p><%
NSSaleAgent saleAgent;
NSSaleEntity sale;
  sale.SetHeading("x");
//^^^^ warning no-uninitialized-carrier: 'sale' is used before anything gives it a value: a declared NSSaleEntity
saleAgent.SaveSaleEntity(sale);
%></p>
%EJSCRIPT_END%
`,
  ],
});

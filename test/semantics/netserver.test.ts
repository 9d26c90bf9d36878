/**
 * Realistic NetServer and native-class code against the full catalog (spec
 * §8): agent → entity → Get/Set → save round trips, chained calls, arrays
 * of carriers, overloaded natives, SearchEngine loops and templates. Type
 * annotations check what the checker inferred; any diagnostic the fixture
 * does not annotate is a failure.
 */
import { describe, it } from "vitest";
import { checkFixture } from "../support/check.js";

describe("NetServer", () => {
  it("types a contact round trip: agent, entity, Get/Set, save", () => {
    checkFixture(`
#setLanguageLevel 4;
NSContactAgent agent;
NSContactEntity contact = agent.GetContactEntity(42);
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^ type NSContactEntity
contact.SetName(contact.GetName().toUpper());
contact.SetDepartment("Sales");
contact = agent.SaveContactEntity(contact);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ type NSContactEntity
NSPerson[] persons = contact.GetPersons();
foreach (NSPerson person in persons) {
  printLine(person.GetFirstname() + " " + person.GetLastname());
}
`);
  });

  it("types chained calls and the carriers they return", () => {
    checkFixture(`
NSPersonAgent personAgent;
String fullName = personAgent.GetPerson(5).GetFullName();
//                ^^^^^^^^^^^^^^^^^^^^^^^^ type NSPerson
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ type String
NSContactAgent contactAgent;
Integer id = contactAgent.GetContact(1).GetContactId();
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ type Integer
`);
  });

  it("creates a sale, passes enum values as Integer and reads its links", () => {
    checkFixture(`
NSSaleAgent saleAgent;
NSSaleEntity sale = saleAgent.CreateDefaultSaleEntity();
sale.SetHeading("Annual licence");
sale.SetAmount(1200.0);
sale.SetStatus(2);
NSLink[] links = sale.GetLinks();
for (Integer i = 0; i < links.length(); i++)
  printLine(links[i].GetDescription());
//          ^^^^^^^^ type NSLink
sale = saleAgent.SaveSaleEntity(sale);
sale.SetStatus("sold");
//             ^^^^^^ error argument-type: must be Integer, found String
`);
  });

  it("catches misspelt and miscased NetServer methods", () => {
    checkFixture(`
NSPersonAgent agent;
NSPersonEntity person = agent.getPersonEntity(5);
//                            ^^^^^^^^^^^^^^^ error unknown-member: did you mean 'GetPersonEntity'?
person.SetMiddleName("de");
`);
  });

  it("keeps user-defined fields as a Map", () => {
    checkFixture(`
NSContactAgent agent;
NSContactEntity contact = agent.GetContactEntity(1);
Map udefs = contact.GetUserDefinedFields();
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ type Map
String value = udefs.get("SuperOffice:1");
`);
  });
});

describe("native classes", () => {
  it("picks overloads of natives by argument type", () => {
    checkFixture(`
Map totals;
totals.increaseValueForKey("count", 1);
totals.increaseValueForKey("sum", 2.5);
SearchEngine se;
se.addField("ticket.id");
se.addField("ticket.title");
for (se.execute(); !se.eof(); se.next()) {
  String byIndex = se.getField(0);
  String byName = se.getField("ticket.title");
  printLine(byIndex + byName);
}
FHBitSet flags;
flags.set(3);
flags.set("4");
flags.set(true);
//        ^^^^ warning implicit-string-conversion: argument 1 of FHBitSet.set ('rep') is a String: the Bool is converted implicitly
`);
  });

  it("types HTTP, JSON and XML helpers", () => {
    checkFixture(`
HTTP http;
http.addHeader("Accept", "application/json");
String body = String(http.get("https://example.com/api"));
XMLNode root = parseJSON(body);
//             ^^^^^^^^^^^^^^^ type XMLNode
XMLNode[] items = root.getChildren();
JSONBuilder json;
json.pushObject("");
json.addString("status", "ok");
json.popLevel();
printLine(json.getString());
`);
  });

  it("checks the code of an EJScript template as one program across its blocks", () => {
    checkFixture(`
%EJSCRIPT_START%
<ul>
<%
  NSContactAgent agent;
  for (Integer i = 1; i <= 3; i++) {
%>
  <li><% print(agent.GetContact(i).GetName()); %></li>
  <li><% print(i); %></li>
//             ^ error argument-type: must be String, found Integer
<%
  }
%>
</ul>
%EJSCRIPT_END%
`);
  });
});

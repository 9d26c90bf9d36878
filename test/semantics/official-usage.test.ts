/**
 * Official usage shapes (spec §15): small programs of our own, shaped like
 * what SuperOffice's samples, documentation and reference examples do, each
 * with no error (the warnings the amendments call for are annotated), and
 * beside each its negative twin, which must stay an error. The catalog facts
 * of the rebuilt catalog (the 11.x workflow API, `SetAddress` with both
 * argument types, `User.setValue(column, value)`, typed recurrence patterns,
 * undocumented names, the built-in members of arrays and structs) are
 * exercised against the real catalog.
 */
import { describe, it } from "vitest";
import { checkFixture } from "../support/check.js";

describe("A15-1: a Map indexed by a String key", () => {
  it("reads and stores String values, and is passed to SetUserDefinedFields as the entity pages do", () => {
    checkFixture(`
NSContactAgent agent;
NSContactEntity contact = agent.GetContactEntity(5);
Map udefs = contact.GetUserDefinedFields();
udefs["SuperOffice:1"] = "123";
udefs["SuperOffice:2"] = "[I:17]";
log(udefs["SuperOffice:1"]);
String key = "SuperOffice:3";
udefs[key] = udefs["SuperOffice:2"] + " copied";
//           ^^^^^^^^^^^^^^^^^^^^^^ type String
contact.SetUserDefinedFields(udefs);
contact = agent.SaveContactEntity(contact);
`);
  });

  it("stays an error with any other key type, or where the String value does not fit", () => {
    checkFixture(`
Map fields;
fields["count"] = "1";
String first = fields[1];
//                    ^ error map-key-not-string: a Map is indexed by a String key, found Integer. Convert it with toString().
Integer count = fields["count"];
//              ^^^^^^^^^^^^^^^ error type-mismatch: String cannot be used as the initial value of 'count', which is Integer. Convert it with toInteger().
fields["count"] = 2;
//                ^ error type-mismatch: Integer cannot be used as the assigned element, which is String
`);
  });
});

describe("A15-2: enum names and catalog aliases in type positions mean Integer", () => {
  it("accepts declarations, parameters, returns and arrays of enum types, with a warning that says so", () => {
    checkFixture(`
NSWorkflowAgent workflows;
NSEmailFlow flow = workflows.GetEmailFlow(7);
  WorkflowDefinitionStatus status = flow.GetStatus();
//^^^^^^^^^^^^^^^^^^^^^^^^ warning enum-as-type: WorkflowDefinitionStatus is a NetServer enum, so as a type it means Integer
Integer asNumber = status;
  WorkflowDefinitionStatus previous = workflows.SetStatusOnWorkflow(7, status);
//^^^^^^^^^^^^^^^^^^^^^^^^ warning enum-as-type
NSExtAppEntity app;
  NSExecuteOnEvent when = app.GetExecuteOnEvent();
//^^^^^^^^^^^^^^^^ warning enum-as-type: ExecuteOnEvent (written NSExecuteOnEvent) is a NetServer enum
app.SetExecuteOnEvent(when + 1);
  Weekday[] days;
//^^^^^^^ warning enum-as-type
days.pushBack(2);
  NSDocTmplType kindOf(NSDocumentTemplate template) {
//^^^^^^^^^^^^^ warning enum-as-type
  return template.GetRecordType();
//       ^^^^^^^^ type NSDocumentTemplate
}
Integer recordType = kindOf(NSDocumentTemplate());
`);
  });

  it("still reports a name that is neither a type nor an enum", () => {
    checkFixture(`
  WorkflowDefinitionStatuss status;
//^^^^^^^^^^^^^^^^^^^^^^^^^ error unknown-type
NSExtAppEntity app;
String when = app.GetExecuteOnEvent();
//            ^^^^^^^^^^^^^^^^^^^^^^^ error type-mismatch: Integer cannot be used as the initial value of 'when', which is String
`);
  });
});

describe("A15-3: a struct's own methods overload the built-in struct members", () => {
  it("lets toJson() call the built-in toJson(JSONBuilder), as the structs pages and the HTTP sample do", () => {
    checkFixture(`
struct Reply {
  String status;
  Integer count;
  String toJson() {
    JSONBuilder jb;
    this.toJson(jb);
    return jb.getString();
  }
  String toString() { return this.status + " (" + this.count.toString() + ")"; }
};
Reply reply;
reply.status = "done";
String body = reply.toJson();
//            ^^^^^^^^^^^^^^ type String
JSONBuilder outer;
  reply.toJson(outer);
//^^^^^^^^^^^^^^^^^^^ type Void
String shown = reply.toString();
String json = reply.toJsonString();
reply.fromJsonString(json);
`);
  });

  it("still reports an argument no overload takes, and a member neither set has", () => {
    checkFixture(`
struct Reply {
  String status;
  String toJson() { JSONBuilder jb; this.toJson(jb); return jb.getString(); }
};
Reply reply;
reply.toJson(5);
//           ^ error argument-type: argument 1 of Reply.toJson ('builder') must be JSONBuilder, found Integer
String text = reply.toJsonn();
//                  ^^^^^^^ error unknown-member: Reply has no method 'toJsonn'; did you mean 'toJson'?
`);
  });
});

describe("A15-4: an EJScript endpoint that ends with return Ok(...)", () => {
  it("is a warning at the top level, as in the HTTP sample", () => {
    checkFixture(`
#include "lib-http";
String id = getCgiVariable("id");
if (id.isEmpty()) {
  return BadRequest("missing id");
//       ^^^^^^^^^^^^^^^^^^^^^^^^ warning return-void-call: the top level of a script returns no value, so this returns nothing
}
return Ok("{\\"id\\": \\"" + id + "\\"}");
//     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning return-void-call
//- /fixture/lib-http.crm
Void Ok(String body) { print(body); }
Void BadRequest(String reason) { print("400 " + reason); }
`);
  });

  it("stays an error for a value that is not a Void call", () => {
    checkFixture(`
String id = getCgiVariable("id");
return id;
//     ^^ error return-value-in-void: the top level of a script returns no value
`);
  });
});

describe("A15-5: a scalar passed to a String parameter of a built-in or NetServer member", () => {
  it("is a warning, as on the reference pages that pass numbers and dates to String parameters", () => {
    checkFixture(`
EventData ed = getEventData();
Integer newOrgNr = 987654;
ed.setOutputValue("ContactEntity.OrgNr", newOrgNr);
//                                       ^^^^^^^^ warning implicit-string-conversion: argument 2 of EventData.setOutputValue ('value') is a String: the Integer is converted implicitly
DateTime now;
ed.setStateValue("checked", now);
//                          ^^^ warning implicit-string-conversion: the DateTime is converted implicitly
Float rate = 1.5;
log(rate);
//  ^^^^ warning implicit-string-conversion: convert it with toString(decimals)
String[] names;
String joined = names.buildString(0);
//                                ^ warning implicit-string-conversion: argument 1 of String[].buildString
`);
  });

  it("stays an error for user functions, print, operators, initialisers, assignments and returns", () => {
    checkFixture(`
Void show(String text) { printLine(text); }
show(42);
//   ^^ error argument-type: argument 1 of 'show' ('text') must be String, found Integer
Integer n = 5;
print(n);
//    ^ error argument-type: argument 1 of 'print' ('s') must be String, found Integer
printLine(n);
//        ^ error argument-type
String s = n;
//         ^ error type-mismatch
s = n;
//  ^ error type-mismatch
String joined = "n = " + n;
//              ^^^^^^^^^^ error operator-type
String name() { return 7; }
//                     ^ error type-mismatch
NSContactAgent agent;
NSContactEntity c = agent.GetContactEntity(true);
//                                         ^^^^ error argument-type: must be Integer, found Bool
`);
  });
});

describe("catalog facts of the rebuilt catalog", () => {
  it("takes an NSAddress or an NSLocalizedField[][] in NSContactEntity.SetAddress, as the address sample does", () => {
    checkFixture(`
NSContactAgent agent;
NSContactEntity contact = agent.GetContactEntity(5);
NSAddress address = contact.GetAddress();
contact.SetAddress(address);
NSLocalizedField[][] fields = address.GetLocalizedAddress();
contact.SetAddress(fields);
`);
  });

  it("still rejects SetAddress with anything else", () => {
    checkFixture(`
NSContactEntity contact;
contact.SetAddress("Main street 1");
//                 ^^^^^^^^^^^^^^^ error argument-type: no overload of NSContactEntity.SetAddress takes (String)
`);
  });

  it("knows User.setValue(column, value) with two arguments", () => {
    checkFixture(`
User user;
user.load(12);
user.setValue("name", "Ada");
user.save();
user.setValue("name", "Ada", "extra");
//            ^^^^^^^^^^^^^^^^^^^^^^ error argument-count: User.setValue expects 2 arguments, 3 given
`);
  });

  it("does not count the arguments of Rsa.verifySignature, which its own reference examples call with 2 of its 3 parameters", () => {
    checkFixture(`
Rsa rsa;
rsa.loadPublicKey("-----BEGIN PUBLIC KEY-----");
Byte[] signature;
Bool valid = rsa.verifySignature("payload", signature);
Bool alsoValid = rsa.verifySignature("payload", signature, 1);
rsa.loadPublicKey("key", "password");
//                ^^^^^^^^^^^^^^^^^ error argument-count: Rsa.loadPublicKey expects 1 argument, 2 given
`);
  });

  it("has the 11.x workflow API, with enum-typed parameters taking Integers", () => {
    checkFixture(`
NSWorkflowAgent workflows;
NSWorkflowStepBase step = workflows.CreateDefaultWorkflowStepFromType(1);
Integer stepType = step.GetStepType();
NSWorkflowTrigger trigger = workflows.CreateDefaultWorkflowTrigger();
trigger.SetTriggerType(2);
trigger = workflows.SaveWorkflowTrigger(trigger);
Integer[] persons;
persons.pushBack(42);
Bool[] added = workflows.TryAddPersonsToEmailFlow(7, persons);
DateTime ranAt = workflows.Run();
NSWorkflowEvent event = workflows.CreateDefaultWorkflowEvent();
NSWorkflowEventResult result = workflows.SendEvent(event);
`);
  });

  it("still checks the workflow API's arguments", () => {
    checkFixture(`
NSWorkflowAgent workflows;
NSWorkflowTrigger trigger = workflows.SaveWorkflowTrigger(workflows.CreateDefaultWorkflowGoal());
//                                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error argument-type: must be NSWorkflowTrigger, found NSWorkflowGoal
workflows.CreateDefaultWorkflowStepFromType("mail");
//                                          ^^^^^^ error argument-type: must be Integer, found String
`);
  });

  it("types the recurrence patterns, and still takes an Integer pattern", () => {
    checkFixture(`
NSRecurrenceInfo recurrence;
NSRecurrenceWeekPattern week = recurrence.GetWeekPattern();
//                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^ type NSRecurrenceWeekPattern
recurrence.SetWeekPattern(week);
recurrence.SetDayPattern(1);
`);
  });

  it("knows the undocumented names without knowing their members: nothing to report about them", () => {
    checkFixture(`
NSDSAParameters parameters;
NSBinary seed = parameters.GetSeed();
seed.whateverItHas();
parameters.SetSeed(seed);
NSWorkflowAgent workflows;
NSWorkflowEventResult result = workflows.SendEvent(workflows.CreateDefaultWorkflowEvent());
String shown = result.GetAnything();
NSWorkflowEvent event;
Integer eventType = event.GetEventType();
`);
  });

  it("gives every array and every struct the catalog's built-in members, with the element or struct type for {type}", () => {
    checkFixture(`
NSLink[][] table;
NSLink[] row = table.first();
//             ^^^^^^^^^^^^^ type NSLink[]
table.pushBack(row);
table.insert(0, row);
Integer size = table.length();
String json = row.toJsonString();
struct Point { Integer x; Integer y; Bool compare(Point other) { return this.x < other.x; } };
Point[] points;
points.sort();
Point p;
Bool same = p.compare(points.first());
//          ^^^^^^^^^^^^^^^^^^^^^^^^^ type Bool
XMLNode node;
p.fromXMLNode(node);
table.pushBack(p);
//             ^ error argument-type: must be NSLink[], found Point
`);
  });
});

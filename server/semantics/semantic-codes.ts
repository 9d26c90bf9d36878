/**
 * The registry of semantic diagnostic codes (spec §9.1 errors, the
 * catalog-based checks, and the §9.2 warnings that are facts about the
 * program rather than style): each code, its severity, a one-line summary and
 * the basis of its severity under spec §15's policy, for documentation. The
 * checker reports only codes from this table.
 */
import type { DiagnosticCodeInfo } from "../../grammar/index.js";

export const semanticCodes = {
  // Names and declarations (E1, E2, E3).
  "undeclared-name": {
    severity: "error",
    summary: "A variable or function that is not declared anywhere the use can see.",
    basis:
      "A name that nothing declares cannot be compiled (DOCS22 fundamentals/variables.md, debugging/troubleshooting.md; spec E1). Built-in functions come from the complete catalog, so a missing one is a misspelling.",
  },
  "used-before-declaration": {
    severity: "error",
    summary: "A variable, function or struct used above its declaration; CRMScript requires declaring before use.",
    basis: "CRMScript requires declaring before use (DOCS22 fundamentals/variables.md, fundamentals/functions.md; spec §0, E1).",
  },
  "unknown-type": {
    severity: "error",
    summary: "A type name that is neither built in, a NetServer or native class, nor a struct declared above.",
    basis: "A type that is neither built in, in the catalog (classes, enums and their aliases) nor a struct declared above cannot be compiled (spec E1).",
  },
  "duplicate-declaration": {
    severity: "error",
    summary: "A second declaration of the same name in one scope, or a function overload with an identical signature.",
    basis:
      "The documentation forbids a second declaration of a name in one scope (DOCS22 fundamentals/variables.md, spec E2), and a built-in function cannot be redefined with its own parameters (DOCS22 fundamentals/reserved.md, spec A12).",
  },
  "reserved-name": {
    severity: "error",
    summary: "A reserved word (a built-in type or legacy class name) used as a variable, function, struct or field name.",
    basis: "The reserved-words page lists these names (DOCS22 fundamentals/reserved.md, spec §1.4, E3).",
  },
  "builtin-class-name": {
    severity: "warning",
    summary: "A variable, function, struct or field named like a native or NetServer class.",
    basis: "The reserved-words page does not list the native and NetServer classes, so such a name may compile; whether it does is not documented.",
  },
  "not-a-value": {
    severity: "error",
    summary: "A function or type name used where a value is expected.",
    basis: "CRMScript has no function or type values (spec §6.3), so the name has nothing to evaluate to.",
  },
  "not-callable": {
    severity: "error",
    summary: "A variable or field called like a function.",
    basis: "CRMScript has no function values (spec §6.3), so a variable cannot be called.",
  },
  "void-variable": {
    severity: "error",
    summary: "A variable, field or parameter of type Void.",
    basis: "Void is documented only as a return type (spec §3.1); no value of it exists to store.",
  },
  "enum-as-type": {
    severity: "warning",
    summary: "A NetServer enum name (or the reference's alias of one) used as a type, where it means Integer.",
    basis:
      "The reference's own signatures name enums and their aliases as types (spec A15-2: NSDocTmplType, NSExecuteOnEvent, the 11.x workflow API), so such a declaration compiles; it means Integer.",
  },
  "struct-constructor": {
    severity: "error",
    summary: "A struct called like a constructor; structs have none (declare the variable, or write a factory function).",
    basis: "Structs have no constructors (DOCS22 fundamentals/structs.md, spec §4.3); official code writes factory functions instead.",
  },
  "recursive-struct": {
    severity: "error",
    summary: "A struct with a field of its own type (E11).",
    basis: "The structs page says a struct cannot contain itself (DOCS22 fundamentals/structs.md, spec E11).",
  },
  // Types of expressions and statements (E4, E5, E8, E12, E14, E16, E18).
  "condition-not-bool": {
    severity: "error",
    summary: "The condition of if, while or for is not Bool.",
    basis: "The documentation shows that 'if (1)' fails: nothing converts to Bool (DOCS22 datatypes/integer-type.md, spec E4).",
  },
  "type-mismatch": {
    severity: "error",
    summary: "A value of one type assigned, initialised or returned where another type is needed.",
    basis:
      "Types are checked before the script runs, and 'String s = 5;' is a type error (DOCS22 overview/index.md, datatypes/integer-type.md; spec §3.3, E5). Official code converts explicitly.",
  },
  "operator-type": {
    severity: "error",
    summary: "An operator applied to types it does not support, such as String + Integer.",
    basis:
      "Adding an Integer to a String and arithmetic on Strings are documented as not allowed (DOCS22 datatypes/integer-type.md, datatypes/string-type.md; spec E8).",
  },
  "not-indexable": {
    severity: "error",
    summary: "'[…]' applied to a value that is not an array.",
    basis: "Only arrays, and Maps with a String key (spec A15-1), are indexed with [ ] (DOCS22 fundamentals/arrays.md, spec E12).",
  },
  "index-not-integer": {
    severity: "error",
    summary: "An array index that is not an Integer.",
    basis: "An array index must be an Integer (DOCS22 fundamentals/arrays.md, spec E12).",
  },
  "map-key-not-string": {
    severity: "error",
    summary: "A Map indexed with something other than a String key.",
    basis: "Official code indexes a Map only with String keys, and a Map's keys are Strings (spec A15-1, §3.2).",
  },
  "foreach-not-array": {
    severity: "error",
    summary: "foreach over a value that is not an array.",
    basis: "foreach goes over arrays only (DOCS22 fundamentals/foreach-loops.md, spec §5).",
  },
  "foreach-type-mismatch": {
    severity: "error",
    summary: "A foreach variable whose type differs from the element type of the array.",
    basis: "The loop variable must have the element type (DOCS22 fundamentals/foreach-loops.md, spec E14).",
  },
  "throw-not-string": {
    severity: "error",
    summary: "throw with a value that is not a String.",
    basis: "throw takes a String message (DOCS22 fundamentals/try-catch.md, spec E16).",
  },
  "return-value-in-void": {
    severity: "error",
    summary: "return with a value in a Void function or at the top level of a script.",
    basis:
      "A value returned where none is expected does not type-check (spec E18). Only a Void call is returned this way in official code, and that is the return-void-call warning.",
  },
  "missing-return-value": {
    severity: "warning",
    summary: "return without a value in a function that returns a value.",
    basis:
      "Official functions end without returning a value on some paths and still run (LIB lib-orderedmap.crm, lib-math.crm; spec §9.2), so a bare 'return;' is not known to fail either.",
  },
  "return-void-call": {
    severity: "warning",
    summary: "return of a Void call, in a Void function or at the top level of a script (an EJScript endpoint's 'return Ok(…)'): it returns nothing.",
    basis:
      "Official code does it: the HTTP library returns a Void call from a Void function, and its endpoint example ends with 'return Ok(...)' three times (spec E18, A15-4).",
  },
  "narrowing-conversion": {
    severity: "warning",
    summary: "A Long used where an Integer is expected; digits beyond the Integer range are lost.",
    basis: "Long to Integer is not documented to fail (spec §3.3); values beyond the Integer range are what is at risk.",
  },
  // Members and calls (E6, E7, E9).
  "unknown-member": {
    severity: "error",
    summary: "A method or field the type does not have.",
    basis:
      "Types are checked before the script runs, and the catalog lists every member of the current reference (spec E9). Classes the documentation names without documenting (undocumented) are not checked.",
  },
  "method-used-as-value": {
    severity: "error",
    summary: "A method named without '(…)', as if it were a field.",
    basis: "CRMScript has no method values or properties (spec §8: NetServer properties are Get/Set methods).",
  },
  "argument-count": {
    severity: "error",
    summary: "A call with a number of arguments that no overload takes.",
    basis:
      "Calls are checked against the documented overloads before the script runs (DOCS22 fundamentals/functions.md, spec E6). Not reported for a member whose parameter count official examples contradict (Rsa.verifySignature).",
  },
  "argument-type": {
    severity: "error",
    summary: "A call whose argument types match no overload.",
    basis:
      "Calls are checked against the documented overloads before the script runs (DOCS22 fundamentals/functions.md, overview/index.md; spec E6, E7). A number or date for a String parameter of a built-in is the implicit-string-conversion warning instead.",
  },
  "implicit-string-conversion": {
    severity: "warning",
    summary: "A number, Bool or date passed to a String parameter of a built-in or NetServer member, which converts it without the documentation promising so.",
    basis:
      "The evidence conflicts (spec A15-5): five official pages pass such values to built-in String parameters, the overview page calls print(Integer) a type error, and every sample converts explicitly. print (which that page names) and printLine stay an argument-type error.",
  },
  "unsortable-array": {
    severity: "warning",
    summary: "sort() on a multi-dimensional array, or on structs without their own 'Bool compare(S other)' method.",
    basis:
      "The reference documents sort() for one-dimensional arrays and compare() as the hook for structs (spec §3.2, §4.3), but not what happens otherwise, and its Struct page lists compare() among every struct's members.",
  },
  // Loops and structs (E10).
  "this-outside-struct": {
    severity: "error",
    summary: "'this' outside a struct method.",
    basis: "'this' exists only inside struct methods (DOCS22 fundamentals/structs.md, spec E10).",
  },
  "break-outside-loop": {
    severity: "error",
    summary: "break outside a loop.",
    basis: "break leaves a loop; outside one it has nothing to leave (spec E10).",
  },
  "continue-outside-loop": {
    severity: "error",
    summary: "continue outside a loop.",
    basis: "continue starts a loop's next round; outside one it has no loop (spec E10).",
  },
  // The catalog: availability (E15), platform and version.
  "unavailable-netserver-class": {
    severity: "error",
    summary: "A NetServer agent that CRMScript cannot use (spec §8).",
    basis:
      "The documentation lists these agents as not available in CRMScript (DOCS22 overview/crmscript-usage.md, netserver/ns-agents-and-carriers.md; spec E15, D9).",
  },
  "onsite-only-api": {
    severity: "error",
    summary: "With platform 'online': a function, class or method that exists only on on-site installations.",
    basis: "Only with platform 'online': the reference marks the item as existing on on-site installations only (so.envir, spec D11).",
  },
  "api-newer-than-target": {
    severity: "warning",
    summary: "With a target version: a function, class or method that appeared in a later SuperOffice version.",
    basis:
      "Only with a target version (spec D12): the reference says the item appeared in a later version (so.version), so the script fails only where the tenant really runs the older one.",
  },
  // Includes (spec §2.2).
  "include-not-found": {
    severity: "warning",
    summary: "An #include id that matches no file in the script's folder, the workspace or the include paths.",
    basis: "The include ids live in the tenant's database, which a local folder may not mirror (spec §2.2).",
  },
  "include-cycle": {
    severity: "warning",
    summary: "Scripts that include each other in a circle.",
    basis: "Each script is included once (spec §2.2, A13), so a circle need not fail; what SuperOffice does with one is not documented.",
  },
  // Declarations official code has but which deserve a word (spec §9.2).
  "builtin-overload": {
    severity: "warning",
    summary: "A user function with the name of a built-in global function (a different signature, so an overload).",
    basis: "A documentation page overloads the built-in log with other parameters (DOCS22 debugging/helper-functions-for-logging.md, spec A12).",
  },
  "struct-field-initializer": {
    severity: "warning",
    summary: "A struct field with an initial value, which only one official sample shows.",
    basis: "One official sample does it (LIB lib-orderedmap.crm, spec A14).",
  },
  "semantic-internal-error": {
    severity: "warning",
    summary: "Semantic analysis failed unexpectedly on this file; please report it.",
    basis: "A failure of this tool, not of the script: nothing is known to be wrong with the code; the rest of the file was not checked.",
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type SemanticCode = keyof typeof semanticCodes;

/**
 * The registry of semantic diagnostic codes (spec §9.1 errors, the
 * catalog-based checks, and the §9.2 warnings that are facts about the
 * program rather than style): each code, its severity and a one-line summary
 * for documentation. The checker reports only codes from this table.
 */
import type { DiagnosticCodeInfo } from "../../grammar/index.js";

export const semanticCodes = {
  // Names and declarations (E1, E2, E3).
  "undeclared-name": { severity: "error", summary: "A variable or function that is not declared anywhere the use can see." },
  "used-before-declaration": { severity: "error", summary: "A variable, function or struct used above its declaration; CRMScript requires declaring before use." },
  "unknown-type": { severity: "error", summary: "A type name that is neither built in, a NetServer or native class, nor a struct declared above." },
  "duplicate-declaration": { severity: "error", summary: "A second declaration of the same name in one scope, or a function overload with an identical signature." },
  "reserved-name": { severity: "error", summary: "A reserved word or the name of a built-in class used as a variable, function, struct or field name." },
  "not-a-value": { severity: "error", summary: "A function or type name used where a value is expected." },
  "not-callable": { severity: "error", summary: "A variable or field called like a function." },
  "void-variable": { severity: "error", summary: "A variable, field or parameter of type Void." },
  "enum-as-type": { severity: "warning", summary: "A NetServer enum name (or the reference's alias of one) used as a type, where it means Integer." },
  "struct-constructor": { severity: "error", summary: "A struct called like a constructor; structs have none (declare the variable, or write a factory function)." },
  "recursive-struct": { severity: "error", summary: "A struct with a field of its own type (E11)." },
  // Types of expressions and statements (E4, E5, E8, E12, E14, E16, E18).
  "condition-not-bool": { severity: "error", summary: "The condition of if, while or for is not Bool." },
  "type-mismatch": { severity: "error", summary: "A value of one type assigned, initialised or returned where another type is needed." },
  "operator-type": { severity: "error", summary: "An operator applied to types it does not support, such as String + Integer." },
  "not-indexable": { severity: "error", summary: "'[…]' applied to a value that is not an array." },
  "index-not-integer": { severity: "error", summary: "An array index that is not an Integer." },
  "map-key-not-string": { severity: "error", summary: "A Map indexed with something other than a String key." },
  "foreach-not-array": { severity: "error", summary: "foreach over a value that is not an array." },
  "foreach-type-mismatch": { severity: "error", summary: "A foreach variable whose type differs from the element type of the array." },
  "throw-not-string": { severity: "error", summary: "throw with a value that is not a String." },
  "return-value-in-void": { severity: "error", summary: "return with a value in a Void function or at the top level of a script." },
  "missing-return-value": { severity: "error", summary: "return without a value in a function that returns a value." },
  "return-void-call": { severity: "warning", summary: "return of a Void call from a Void function; official code does it, but it returns nothing." },
  "narrowing-conversion": { severity: "warning", summary: "A Long used where an Integer is expected; digits beyond the Integer range are lost." },
  // Members and calls (E6, E7, E9).
  "unknown-member": { severity: "error", summary: "A method or field the type does not have." },
  "method-used-as-value": { severity: "error", summary: "A method named without '(…)', as if it were a field." },
  "argument-count": { severity: "error", summary: "A call with a number of arguments that no overload takes." },
  "argument-type": { severity: "error", summary: "A call whose argument types match no overload." },
  "implicit-string-conversion": { severity: "warning", summary: "A number, Bool or date passed to a String parameter of a built-in or NetServer member, which converts it without the documentation promising so." },
  "unsortable-array": { severity: "error", summary: "sort() on a multi-dimensional array, or on structs without a 'Bool compare(S other)' method." },
  // Loops and structs (E10).
  "this-outside-struct": { severity: "error", summary: "'this' outside a struct method." },
  "break-outside-loop": { severity: "error", summary: "break outside a loop." },
  "continue-outside-loop": { severity: "error", summary: "continue outside a loop." },
  // The catalog: availability (E15), platform and version.
  "unavailable-netserver-class": { severity: "error", summary: "A NetServer agent that CRMScript cannot use (spec §8)." },
  "onsite-only-api": { severity: "error", summary: "With platform 'online': a function, class or method that exists only on on-site installations." },
  "api-newer-than-target": { severity: "warning", summary: "With a target version: a function, class or method that appeared in a later SuperOffice version." },
  // Includes (spec §2.2).
  "include-not-found": { severity: "warning", summary: "An #include id that matches no file in the script's folder, the workspace or the include paths." },
  "include-cycle": { severity: "error", summary: "Scripts that include each other in a circle." },
  // Declarations official code has but which deserve a word (spec §9.2).
  "builtin-overload": { severity: "warning", summary: "A user function with the name of a built-in global function (a different signature, so an overload)." },
  "struct-field-initializer": { severity: "warning", summary: "A struct field with an initial value, which only one official sample shows." },
  "semantic-internal-error": { severity: "error", summary: "Semantic analysis failed unexpectedly on this file; please report it." },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type SemanticCode = keyof typeof semanticCodes;

/**
 * The registry of syntax diagnostic codes: each code, its severity, a
 * one-line summary and the basis of its severity (spec §15's policy; all
 * three go into the documentation). Every syntax diagnostic the scanner,
 * parser or syntax checks report uses a code from this table.
 */
import type { Diagnostic, DiagnosticCodeInfo, RelatedLocation } from "./diagnostic.js";
import type { TextRange } from "./text.js";

export const syntaxCodes = {
  "syntax-error": {
    severity: "error",
    summary: "The text does not form valid CRMScript at this point.",
    basis: "Text that no rule of the documented grammar accepts cannot be compiled (spec §0: the script is checked before it runs).",
  },
  "syntax-unexpected-token": {
    severity: "error",
    summary: "A token that cannot appear here, such as a stray ')' or 'else'.",
    basis: "A token where the documented grammar allows none cannot be compiled (spec §5, §6).",
  },
  "syntax-unexpected-character": {
    severity: "error",
    summary: "A character that is not part of CRMScript, such as '@' or '$'.",
    basis: "The character belongs to no token of the language (spec §1), so the script cannot be compiled.",
  },
  "syntax-missing-semicolon": {
    severity: "error",
    summary: "A statement, declaration or struct is not followed by ';'.",
    basis:
      "Every statement, declaration and struct ends with ';' in the documentation (DOCS22 fundamentals/syntax.md and fundamentals/structs.md; spec §5, A15).",
  },
  "syntax-missing-token": {
    severity: "error",
    summary: "A required token such as '(', ')', ']' or a name is missing.",
    basis: "The construct is incomplete without the token, so the script cannot be compiled (spec §5, §6).",
  },
  "syntax-unclosed-brace": {
    severity: "error",
    summary: "A '{' is never closed by a matching '}'.",
    basis: "A block that is never closed cannot be compiled (spec §5, D2).",
  },
  "syntax-expected-expression": {
    severity: "error",
    summary: "An expression is required here.",
    basis: "The grammar needs a value here (spec §6); nothing else can stand in for it.",
  },
  "syntax-unterminated-string": {
    severity: "error",
    summary: "A string literal is not closed on the line where it starts.",
    basis: "No official script has a string that runs past its line; the rest of the line is then not code (spec §1.5).",
  },
  "syntax-unterminated-comment": {
    severity: "error",
    summary: "A '/*' comment is never closed with '*/'.",
    basis: "The rest of the file becomes comment text, so the script cannot be compiled (spec §1.2).",
  },
  "syntax-invalid-number": {
    severity: "error",
    summary: "A numeric literal form CRMScript does not have (hexadecimal, exponent, '.5', '5.').",
    basis:
      "The documented literals are decimal integers, longs and floats with digits on both sides of the point (spec §1.5); no official code writes other forms.",
  },
  "syntax-number-out-of-range": {
    severity: "warning",
    summary: "An Integer literal above 2147483647 or a Long literal above 9223372036854775807.",
    basis: "What CRMScript does with a literal beyond the range is not documented (spec A19), so the script may still run.",
  },
  "syntax-invalid-escape": {
    severity: "warning",
    summary: "A backslash escape outside the documented set \\\" \\' \\\\ \\; \\n \\t \\b \\r.",
    basis: "Official code uses an escape outside the documented set ('\\r', spec A4), so an unknown escape may be accepted too.",
  },
  "syntax-unknown-directive": {
    severity: "error",
    summary: "A '#' directive other than #include and #setLanguageLevel.",
    basis: "Only #include and #setLanguageLevel exist (spec §2); no official script uses another.",
  },
  "syntax-invalid-language-level": {
    severity: "error",
    summary: "#setLanguageLevel without an integer literal.",
    basis: "The directive takes an integer literal (DOCS22 fundamentals/syntax.md, spec §2.1).",
  },
  "syntax-language-level-value": {
    severity: "warning",
    summary: "#setLanguageLevel with a level other than 1 to 4.",
    basis: "Levels 1 to 4 are documented (spec §2.1); what another number does is not documented.",
  },
  "syntax-misplaced-directive": {
    severity: "error",
    summary: "A directive inside a block, function or struct; directives belong at the top level.",
    basis: "Directives are documented only at the top level of a script (spec §2.1, §2.2).",
  },
  "syntax-misplaced-declaration": {
    severity: "error",
    summary: "A function or struct defined inside a block, function or struct.",
    basis: "Nested functions and structs are never documented nor used in official code (spec A17).",
  },
  "syntax-invalid-struct-member": {
    severity: "error",
    summary: "A statement inside a struct body, where only fields and methods may appear.",
    basis: "A struct body holds only fields and methods (DOCS22 fundamentals/structs.md, spec §4.3).",
  },
  "syntax-multiple-declarators": {
    severity: "error",
    summary: "More than one variable in one declaration ('Integer a, b;').",
    basis: "The documentation declares one variable per declaration (DOCS22 fundamentals/variables.md, spec §4.1).",
  },
  "syntax-array-brackets-after-name": {
    severity: "error",
    summary: "C-style array brackets after the variable name ('String a[5]').",
    basis: "The arrays page calls brackets after the name wrong (DOCS22 fundamentals/arrays.md, spec §3.2).",
  },
  "syntax-array-size-not-allowed": {
    severity: "error",
    summary: "An array size in a parameter, return or foreach type, where sizes have no meaning.",
    basis: "Sizes are documented only in variable declarations (DOCS22 fundamentals/arrays.md, spec §3.2); no official code writes them elsewhere.",
  },
  "syntax-array-size-not-literal": {
    severity: "warning",
    summary: "An array size that is not an integer literal; only literals are documented.",
    basis: "Only literal sizes are documented (spec §3.2, A23), but nothing says an expression fails.",
  },
  "syntax-unsupported-statement": {
    severity: "error",
    summary: "A statement form CRMScript lacks: switch, do-while, enum.",
    basis:
      "switch and do-while are not CRMScript statements (spec §5, §11). The one documentation sample with 'enum' is unfinished, on a page whose other samples do not compile either (spec A11, §10).",
  },
  "syntax-unsupported-operator": {
    severity: "error",
    summary: "An operator CRMScript lacks: '?:', '*=', '/=', '%=', 'and', 'or', '&', '|'.",
    basis: "The operators page lists no such operator (spec §6.1, A2, A9), and official code never uses one.",
  },
  "syntax-catch-parameter": {
    severity: "error",
    summary: "'catch' written with a parameter; CRMScript's catch takes none.",
    basis: "catch takes no parameter; the message is in the implicit 'error' variable (DOCS22 fundamentals/try-catch.md, spec E13).",
  },
  "syntax-try-block": {
    severity: "error",
    summary: "'try' or 'catch' without braces, or 'try' without 'catch'.",
    basis: "try and catch need braces, and try needs a catch (DOCS22 fundamentals/try-catch.md, spec E13).",
  },
  "syntax-missing-for-condition": {
    severity: "error",
    summary: "A for loop without a condition.",
    basis: "The for loop's condition is mandatory (DOCS22 fundamentals/for-loops.md, spec E17, A16).",
  },
  "syntax-assignment-in-expression": {
    severity: "error",
    summary: "An assignment used as a value; assignment is a statement in CRMScript.",
    basis: "Assignment is documented as a statement only, and no official code uses its value (spec §6.1).",
  },
  "syntax-invalid-assignment-target": {
    severity: "error",
    summary: "The left side of an assignment or '++'/'--' is not a variable, field or array element.",
    basis: "Only variables, fields and array elements can be assigned (spec §6.3); anything else has no place to store the value.",
  },
  "syntax-increment-value": {
    severity: "warning",
    summary: "The value of 'x++' or 'x--' is used; they are documented only as statements.",
    basis: "'x++' is documented only as a statement (spec §6.1); using its value is not shown to fail.",
  },
  "syntax-prefix-increment": {
    severity: "warning",
    summary: "Prefix '++x' or '--x', which is not documented; use 'x++'.",
    basis: "Prefix increments are not documented (spec §6.1), but nothing says they fail.",
  },
  "syntax-unary-plus": {
    severity: "warning",
    summary: "Unary '+', which is not documented.",
    basis: "Unary '+' is not documented (spec §6.1), but nothing says it fails.",
  },
  "syntax-method-on-literal": {
    severity: "warning",
    summary: "A method called directly on a string literal, which is never documented.",
    basis: "Never documented, but not shown to fail either (spec A22).",
  },
  "syntax-empty-statement": {
    severity: "warning",
    summary: "A lone ';' (empty statement).",
    basis: "A lone ';' is never documented, but not shown to fail either (spec A22).",
  },
  "syntax-template-marker-in-string": {
    severity: "warning",
    summary: "'<%' or '%>' inside a string in an EJScript code block.",
    basis: "Whether '%>' inside a string ends the code block is not documented (spec §2.3, A21).",
  },
  "syntax-unclosed-template-block": {
    severity: "error",
    summary: "An EJScript '<%' code block never closed by '%>'.",
    basis: "Without '%>' the rest of the template is read as code (DOCSNEW howto/inline-crmscript.md, spec §2.3).",
  },
  "syntax-nesting-too-deep": {
    severity: "warning",
    summary: "Blocks, parentheses or expressions nested deeper than the parser supports.",
    basis: "A limit of this tool, not of CRMScript: the script may well run; the part nested too deeply was not checked.",
  },
  "syntax-not-text": {
    severity: "warning",
    summary: "A file with NUL characters near its start, which is binary, not script text; it is not checked.",
    basis: "Binary files are not scripts, but a script saved as UTF-16 without a byte-order mark looks the same and may be fine in SuperOffice.",
  },
  "syntax-file-too-large": {
    severity: "warning",
    summary: "A file too large to analyse.",
    basis: "A limit of this tool, not of CRMScript: the script may well run; it was not checked.",
  },
  "syntax-internal-error": {
    severity: "warning",
    summary: "The parser failed unexpectedly; please report it with the file.",
    basis: "A failure of this tool, not of the script: nothing is known to be wrong with the code.",
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type SyntaxCode = keyof typeof syntaxCodes;

/** A syntax diagnostic with the severity its code is registered with. */
export function syntaxDiagnostic(code: SyntaxCode, range: TextRange, message: string, related?: readonly RelatedLocation[]): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: syntaxCodes[code].severity, range, message };
  return related === undefined ? diagnostic : { ...diagnostic, related };
}

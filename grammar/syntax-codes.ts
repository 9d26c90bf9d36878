/**
 * The registry of syntax diagnostic codes: each code, its severity and a
 * one-line summary (used for documentation). Every syntax diagnostic the
 * scanner, parser or syntax checks report uses a code from this table.
 */
import type { DiagnosticCodeInfo } from "./diagnostic.js";

export const syntaxCodes = {
  "syntax-error": { severity: "error", summary: "The text does not form valid CRMScript at this point." },
  "syntax-unexpected-token": { severity: "error", summary: "A token that cannot appear here, such as a stray ')' or 'else'." },
  "syntax-unexpected-character": { severity: "error", summary: "A character that is not part of CRMScript, such as '@' or '$'." },
  "syntax-missing-semicolon": { severity: "error", summary: "A statement, declaration or struct is not followed by ';'." },
  "syntax-missing-token": { severity: "error", summary: "A required token such as '(', ')', ']' or a name is missing." },
  "syntax-unclosed-brace": { severity: "error", summary: "A '{' is never closed by a matching '}'." },
  "syntax-expected-expression": { severity: "error", summary: "An expression is required here." },
  "syntax-unterminated-string": { severity: "error", summary: "A string literal is not closed on the line where it starts." },
  "syntax-unterminated-comment": { severity: "error", summary: "A '/*' comment is never closed with '*/'." },
  "syntax-invalid-number": { severity: "error", summary: "A numeric literal form CRMScript does not have (hexadecimal, exponent, '.5', '5.')." },
  "syntax-number-out-of-range": { severity: "warning", summary: "An Integer literal above 2147483647 or a Long literal above 9223372036854775807." },
  "syntax-invalid-escape": { severity: "warning", summary: "A backslash escape outside the documented set \\\" \\' \\\\ \\; \\n \\t \\b \\r." },
  "syntax-unknown-directive": { severity: "error", summary: "A '#' directive other than #include and #setLanguageLevel." },
  "syntax-invalid-language-level": { severity: "error", summary: "#setLanguageLevel without an integer literal." },
  "syntax-language-level-value": { severity: "warning", summary: "#setLanguageLevel with a level other than 1 to 4." },
  "syntax-misplaced-directive": { severity: "error", summary: "A directive inside a block, function or struct; directives belong at the top level." },
  "syntax-misplaced-declaration": { severity: "error", summary: "A function or struct defined inside a block, function or struct." },
  "syntax-invalid-struct-member": { severity: "error", summary: "A statement inside a struct body, where only fields and methods may appear." },
  "syntax-multiple-declarators": { severity: "error", summary: "More than one variable in one declaration ('Integer a, b;')." },
  "syntax-array-brackets-after-name": { severity: "error", summary: "C-style array brackets after the variable name ('String a[5]')." },
  "syntax-array-size-not-allowed": { severity: "error", summary: "An array size in a parameter, return or foreach type, where sizes have no meaning." },
  "syntax-array-size-not-literal": { severity: "warning", summary: "An array size that is not an integer literal; only literals are documented." },
  "syntax-unsupported-statement": { severity: "error", summary: "A statement form CRMScript lacks: switch, do-while, enum." },
  "syntax-unsupported-operator": { severity: "error", summary: "An operator CRMScript lacks: '?:', '*=', '/=', '%=', 'and', 'or', '&', '|'." },
  "syntax-catch-parameter": { severity: "error", summary: "'catch' written with a parameter; CRMScript's catch takes none." },
  "syntax-try-block": { severity: "error", summary: "'try' or 'catch' without braces, or 'try' without 'catch'." },
  "syntax-missing-for-condition": { severity: "error", summary: "A for loop without a condition." },
  "syntax-assignment-in-expression": { severity: "error", summary: "An assignment used as a value; assignment is a statement in CRMScript." },
  "syntax-invalid-assignment-target": { severity: "error", summary: "The left side of an assignment or '++'/'--' is not a variable, field or array element." },
  "syntax-increment-value": { severity: "warning", summary: "The value of 'x++' or 'x--' is used; they are documented only as statements." },
  "syntax-prefix-increment": { severity: "warning", summary: "Prefix '++x' or '--x', which is not documented; use 'x++'." },
  "syntax-unary-plus": { severity: "warning", summary: "Unary '+', which is not documented." },
  "syntax-method-on-literal": { severity: "warning", summary: "A method called directly on a string literal, which is never documented." },
  "syntax-empty-statement": { severity: "warning", summary: "A lone ';' (empty statement)." },
  "syntax-template-marker-in-string": { severity: "warning", summary: "'<%' or '%>' inside a string in an EJScript code block." },
  "syntax-unclosed-template-block": { severity: "error", summary: "An EJScript '<%' code block never closed by '%>'." },
  "syntax-nesting-too-deep": { severity: "error", summary: "Blocks, parentheses or expressions nested deeper than the parser supports." },
  "syntax-file-too-large": { severity: "error", summary: "A file too large to analyse." },
  "syntax-internal-error": { severity: "error", summary: "The parser failed unexpectedly; please report it with the file." },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type SyntaxCode = keyof typeof syntaxCodes;

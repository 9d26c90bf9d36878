/**
 * What each of the spec's conformance programs (`test/fixtures/spec-examples`)
 * must produce beyond "no errors": the diagnostic code and 1-based line of
 * every error of an `// expect: error` program, and the warnings an
 * `// expect: warning` program must include. Programs not listed here are
 * `// expect: ok`. Shared by the syntax-layer and full-pipeline tests.
 */

export interface ExpectedDiagnostic {
  readonly code: string;
  readonly line: number;
  readonly severity: "error" | "warning";
}

const error = (code: string, line: number): ExpectedDiagnostic => ({ code, line, severity: "error" });
const warning = (code: string, line: number): ExpectedDiagnostic => ({ code, line, severity: "warning" });

export const specExpectations: Readonly<Record<string, readonly ExpectedDiagnostic[]>> = {
  "07-reserved-word-name.crmscript": [error("reserved-name", 3)],
  "10-bad-language-level.crmscript": [error("syntax-invalid-language-level", 3)],
  "13-undeclared-variable.crmscript": [error("used-before-declaration", 3)],
  "14-duplicate-declaration.crmscript": [error("duplicate-declaration", 4)],
  "16-string-from-int.crmscript": [error("type-mismatch", 3)],
  "17-string-plus-int.crmscript": [error("operator-type", 4)],
  "18-if-integer-condition.crmscript": [error("condition-not-bool", 4)],
  "22-for-missing-condition.crmscript": [error("syntax-missing-for-condition", 3)],
  "24-foreach-type-mismatch.crmscript": [error("foreach-type-mismatch", 5)],
  "27-array-brackets-after-name.crmscript": [error("syntax-array-brackets-after-name", 3)],
  "28-array-index-string.crmscript": [error("index-not-integer", 4)],
  "31-call-before-definition.crmscript": [error("used-before-declaration", 3)],
  "32-wrong-arg-count.crmscript": [error("argument-count", 6)],
  "33-missing-return.crmscript": [warning("no-missing-return", 3)],
  "34-unreachable-code.crmscript": [warning("no-unreachable", 6)],
  "37-struct-self-field.crmscript": [error("recursive-struct", 5)],
  "38-struct-missing-semicolon.crmscript": [error("syntax-missing-semicolon", 6)],
  "40-this-outside-struct.crmscript": [error("this-outside-struct", 4)],
  "42-catch-with-parameter.crmscript": [error("syntax-catch-parameter", 6)],
  "43-try-without-braces.crmscript": [error("syntax-try-block", 3)],
  "47-print-integer.crmscript": [error("argument-type", 4)],
  "51-break-outside-loop.crmscript": [error("break-outside-loop", 5)],
  "53-ternary-not-supported.crmscript": [error("syntax-unsupported-operator", 5)],
  "54-switch-not-supported.crmscript": [error("syntax-unsupported-statement", 4)],
  "55-word-logical-operators.crmscript": [error("syntax-unsupported-operator", 5), error("syntax-unsupported-operator", 5)],
  "56-null-literal.crmscript": [error("undeclared-name", 3)],
  "57-float-tostring-no-arg.crmscript": [error("argument-count", 4)],
  "58-capitalized-keywords.crmscript": [warning("keyword-case", 4), warning("keyword-case", 5), warning("keyword-case", 5)],
  "59-missing-semicolon.crmscript": [error("syntax-missing-semicolon", 3)],
  "60-unterminated-string.crmscript": [error("syntax-unterminated-string", 3)],
  "61-unterminated-comment.crmscript": [error("syntax-unterminated-comment", 4)],
  "62-blacklisted-netserver-type.crmscript": [error("unavailable-netserver-class", 3)],
  "63-multiple-declarators.crmscript": [error("syntax-multiple-declarators", 3)],
  "66-assignment-in-condition.crmscript": [error("syntax-assignment-in-expression", 4)],
  "67-hex-literal.crmscript": [error("syntax-invalid-number", 3)],
  "69-method-on-string-literal.crmscript": [warning("syntax-method-on-literal", 3)],
  "72-map-index-integer.crmscript": [error("map-key-not-string", 5)],
  "73-enum-name-as-type.crmscript": [warning("enum-as-type", 3)],
  "76-top-level-return-void-call.crmscript": [warning("return-void-call", 7)],
  "77-implicit-string-argument.crmscript": [warning("implicit-string-conversion", 5)],
  "78-string-argument-user-function.crmscript": [error("argument-type", 6)],
};

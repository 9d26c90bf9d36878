/**
 * Random edit sequences for the incremental-analysis property tests
 * (fast-check): each edit removes up to a few dozen characters at a random
 * place and inserts what people type or what breaks a file's structure.
 */
import fc from "fast-check";

export interface Edit {
  /** Where, taken modulo the text's length + 1. */
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** Typing, and the tokens that open or close a construct. */
export const typedText = fc.constantFrom(
  "",
  " ",
  "\n",
  "\r\n",
  "x",
  "1",
  ";",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ".",
  ",",
  '"',
  "'",
  "/*",
  "*/",
  "//",
  "=",
  "else ",
  "if (a) ",
  "Integer n = 0;\n",
  "n = 2;",
  "String s",
  "agent.",
  "struct S {",
  "}\n",
  "Void f() {\n",
  "return;",
  "return 1;",
  '#include "x";\n',
  "%EJSCRIPT_START%",
  "<%",
  "9999999999999",
  "x = y = 1;",
  "for (Integer i = 0; i < 3; i++) {",
);

/** Sequences of one to `maxLength` edits inserting `insertions`. */
export function editSequences(insertions: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<Edit[]> {
  const edit = fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })), insert: insertions });
  return fc.array(edit, { minLength: 1, maxLength });
}

export function applyEdit(text: string, edit: Edit): string {
  const at = edit.at % (text.length + 1);
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

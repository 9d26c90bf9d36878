/**
 * Generated CRMScript-ish input for property tests: the realistic fixture
 * files, fragments of the language in any letter case with its lexical edge
 * cases, token soups, arbitrary UTF-16, and mutations of real files (what
 * an editor sees while someone types or pastes).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { fixturesRoot } from "./paths.js";

// ---------------------------------------------------------------- the fixtures

function fixtureFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...fixtureFiles(path));
    else if (entry.isFile() && entry.name.endsWith(".crmscript")) found.push(path);
  }
  return found.sort();
}

export const fixtures: readonly { readonly name: string; readonly text: string }[] = fixtureFiles(fixturesRoot).map((path) => ({
  name: relative(fixturesRoot, path).split("\\").join("/"),
  text: readFileSync(path, "utf8"),
}));

// ---------------------------------------------------------------- generators

const KEYWORDS = [
  "if",
  "else",
  "while",
  "for",
  "foreach",
  "in",
  "break",
  "continue",
  "return",
  "try",
  "catch",
  "throw",
  "struct",
  "true",
  "false",
  "this",
  "switch",
  "case",
  "do",
  "enum",
  "and",
  "or",
];
const TYPE_NAMES = [
  "Integer",
  "String",
  "Bool",
  "Float",
  "Long",
  "Void",
  "Date",
  "DateTime",
  "Time",
  "TimeSpan",
  "Map",
  "Byte",
  "NSContactAgent",
  "SearchEngine",
  "XMLNode",
];
const OPERATORS = [
  "=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "||",
  "&&",
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "|",
  "!",
  "++",
  "--",
  "?",
  ":",
  ".",
  ",",
  ";",
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
];
const LEXICAL_EDGES = [
  '"',
  "'",
  '""',
  "''",
  '"text"',
  "'c'",
  '"a\\"b"',
  '"\\q"',
  '"\\n\\t\\;"',
  '"<% %>"',
  '"unterminated',
  "\\",
  "/*",
  "*/",
  "/* comment */",
  "//",
  "// line comment\n",
  "/**/",
  "/*/",
  "#include",
  '#include "lib-http";',
  "#setLanguageLevel",
  "#setLanguageLevel 4;",
  "#setLanguageLevel x;",
  "#pragma",
  "#",
  "%EJSCRIPT_START%",
  "%EJSCRIPT_END%",
  "<%",
  "%>",
  "<%=",
  "<html>",
  "0",
  "42",
  "007",
  "1.5",
  "0x1F",
  "0X1f",
  "1e5",
  "1E-5",
  "5.",
  ".5",
  "42L",
  "42l",
  "2147483648",
  "9223372036854775808L",
  "1.5.5",
  "0xZ",
  "@",
  "$",
  "`",
  "~",
  "^",
  "é",
  "Ω",
  "😀",
  "\u0000",
  "\ud800",
  "\udc00",
  "\u00a0",
  "\u2028",
  "\ufeff",
];
const SEPARATORS = ["", " ", " ", "\n", "\r\n", "\t", "\r"];

/** A keyword or type name in any letter case (`WHILE`, `wHiLe`). */
const anyCaseWord = fc
  .tuple(fc.constantFrom(...KEYWORDS, ...TYPE_NAMES), fc.array(fc.boolean(), { maxLength: 12 }))
  .map(([word, upper]) => Array.from(word, (char, index) => (upper[index] === true ? char.toUpperCase() : char.toLowerCase())).join(""));

export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: anyCaseWord },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/) },
  { weight: 5, arbitrary: fc.constantFrom(...OPERATORS) },
  { weight: 4, arbitrary: fc.constantFrom(...LEXICAL_EDGES) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 53 }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 70n }).map((value) => `${value}L`) },
);

/** Random token soup: fragments joined by random whitespace (or none, so neighbours may fuse). */
export const tokenSoup = fc
  .array(fc.tuple(fragment, fc.constantFrom(...SEPARATORS)), { maxLength: 300, size: "max" })
  .map((parts) => parts.map(([text, separator]) => text + separator).join(""));

/** Any UTF-16 string, including lone surrogates. */
export const utf16Units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400, size: "max" }).map((units) => String.fromCharCode(...units));

export type Mutation =
  | { readonly operation: "insert" | "replace"; readonly position: number; readonly length: number; readonly material: string }
  | { readonly operation: "delete" | "duplicate"; readonly position: number; readonly length: number }
  | { readonly operation: "copy"; readonly position: number; readonly length: number; readonly target: number };

/** Mutates one character (length 1) or a slice (length up to 400); positions wrap around the text. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    operation: fc.constantFrom("insert" as const, "replace" as const),
    position: fc.nat(),
    length: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 400 })),
    material: fc.oneof(fragment, fc.string({ unit: "binary", maxLength: 2 }), fc.string({ unit: "grapheme-ascii", maxLength: 20 })),
  }),
  fc.record({
    operation: fc.constantFrom("delete" as const, "duplicate" as const),
    position: fc.nat(),
    length: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 400 })),
  }),
  fc.record({ operation: fc.constant("copy" as const), position: fc.nat(), length: fc.integer({ min: 1, max: 400 }), target: fc.nat() }),
);

export function applyMutation(text: string, change: Mutation): string {
  const at = change.position % (text.length + 1);
  const end = Math.min(text.length, at + change.length);
  switch (change.operation) {
    case "insert":
      return text.slice(0, at) + change.material + text.slice(at);
    case "replace":
      return text.slice(0, at) + change.material + text.slice(end);
    case "delete":
      return text.slice(0, at) + text.slice(end);
    case "duplicate":
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case "copy": {
      const target = change.target % (text.length + 1);
      return text.slice(0, target) + text.slice(at, end) + text.slice(target);
    }
  }
}

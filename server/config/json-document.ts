/**
 * A JSON reader that keeps positions: every value knows its text range and
 * every object property its key's range, so configuration problems can be
 * reported at the exact place. `jsonc-parser` does the scanning and parsing
 * (with `//` and `/* … *\/` comments and trailing commas, as VS Code's JSON
 * with comments); this module builds the tree from its events, rejects
 * duplicate keys and nesting deeper than `MAX_DEPTH`, and turns the first
 * error into a message at an offset instead of throwing. Converting trees to
 * plain values and back is iterative, so no depth exhausts the stack.
 */
import { printParseErrorCode, visit, type JSONVisitor, type ParseErrorCode, type ParseOptions } from "jsonc-parser";
import type { TextRange } from "../../grammar/index.js";

export type JsonNode =
  | { readonly kind: "object"; readonly range: TextRange; readonly properties: readonly JsonProperty[] }
  | { readonly kind: "array"; readonly range: TextRange; readonly items: readonly JsonNode[] }
  | { readonly kind: "string"; readonly range: TextRange; readonly value: string }
  | { readonly kind: "number"; readonly range: TextRange; readonly value: number }
  | { readonly kind: "boolean"; readonly range: TextRange; readonly value: boolean }
  | { readonly kind: "null"; readonly range: TextRange };

export interface JsonProperty {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly value: JsonNode;
}

export type JsonParse = { readonly ok: true; readonly root: JsonNode } | { readonly ok: false; readonly message: string; readonly offset: number };

/**
 * How deep objects and arrays may nest. `jsonc-parser` recurses two or three
 * calls per level and overflows the stack at several thousand levels; real
 * configuration files nest a few levels, so this is generous and still safe.
 */
const MAX_DEPTH = 1000;

const OPTIONS: ParseOptions = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

type ErrorName = ReturnType<typeof printParseErrorCode>;

/** Messages for errors within one token; the others depend on what the parser expected there (see `expectedHere`). */
const TOKEN_MESSAGES: Partial<Record<ErrorName, string>> = {
  UnexpectedEndOfComment: "a comment is not closed: add */",
  UnexpectedEndOfString: 'the string is not closed: add "',
  UnexpectedEndOfNumber: "the number is not complete: add digits after '.' or 'e'",
  InvalidNumberFormat: "the number is not valid",
};

/** Errors inside a string, located and named by `stringProblem`. */
const STRING_ERRORS: ReadonlySet<ErrorName> = new Set<ErrorName>(["InvalidUnicode", "InvalidEscapeCharacter", "InvalidCharacter"]);

/** In a string token: valid escapes (skipped), or the first bad escape or control character (group 1). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what JSON forbids in a string.
const STRING_PROBLEM = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})|(\\u|\\[\s\S]|[\x00-\x1f])/gu;

/** Thrown by the visitor at the first error, which ends the parse. */
class FirstError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

export function parseJson(text: string): JsonParse {
  const builder = new TreeBuilder(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  try {
    return { ok: true, root: builder.build() };
  } catch (error) {
    if (error instanceof FirstError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/** What comes next in an open object or array, or in the document around the root value. */
type Expect = "value" | "key" | "colon" | "comma" | "end";

interface Frame {
  readonly kind: "document" | "object" | "array";
  readonly start: number;
  expect: Expect;
  readonly items: JsonNode[];
  readonly properties: JsonProperty[];
  /** The keys of an object, and the last one until its value comes. */
  readonly keys: Set<string>;
  key: string;
  keyRange: TextRange;
}

const frame = (kind: Frame["kind"], start: number, expect: Expect): Frame => ({
  kind,
  start,
  expect,
  items: [],
  properties: [],
  keys: new Set(),
  key: "",
  keyRange: { start, end: start },
});

/** Builds the tree from the parser's events, keeping what it expects next, to name what is missing at an error. */
class TreeBuilder implements JSONVisitor {
  private readonly frames: Frame[] = [frame("document", 0, "value")];

  constructor(private readonly text: string) {}

  build(): JsonNode {
    visit(this.text, this, OPTIONS);
    return this.top.items[0] as JsonNode;
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  readonly onObjectBegin = (offset: number): void => this.open("object", offset);
  readonly onArrayBegin = (offset: number): void => this.open("array", offset);
  readonly onObjectEnd = (offset: number, length: number): void => this.close("}", offset, length);
  readonly onArrayEnd = (offset: number, length: number): void => this.close("]", offset, length);

  readonly onObjectProperty = (key: string, offset: number, length: number): void => {
    const top = this.top;
    if (top.keys.has(key)) throw new FirstError(`'${key}' is given twice`, offset);
    top.keys.add(key);
    top.key = key;
    top.keyRange = { start: offset, end: offset + length };
    top.expect = "colon";
  };

  readonly onSeparator = (character: string): void => {
    this.top.expect = character === ":" || this.top.kind === "array" ? "value" : "key";
  };

  readonly onLiteralValue = (value: unknown, offset: number, length: number): void => {
    this.add(leaf(value, { start: offset, end: offset + length }));
  };

  readonly onError = (code: ParseErrorCode, offset: number, length: number): void => {
    const name = printParseErrorCode(code);
    const message = TOKEN_MESSAGES[name];
    if (message !== undefined) throw new FirstError(message, offset);
    if (STRING_ERRORS.has(name)) throw stringProblem(this.text, offset, length);
    throw new FirstError(this.expectedHere(offset), offset);
  };

  private open(kind: "object" | "array", offset: number): void {
    if (this.frames.length > MAX_DEPTH) throw new FirstError(`the JSON nests deeper than ${MAX_DEPTH} levels`, offset);
    this.frames.push(frame(kind, offset, kind === "object" ? "key" : "value"));
  }

  /** The parser also ends an object or array at the end of the text, and reports the missing bracket after this. */
  private close(bracket: "}" | "]", offset: number, length: number): void {
    if (this.text[offset] !== bracket) throw new FirstError(this.expectedHere(offset), offset);
    const { kind, start, items, properties } = this.frames.pop() as Frame;
    const range = { start, end: offset + length };
    this.add(kind === "object" ? { kind, range, properties } : { kind: "array", range, items });
  }

  private add(node: JsonNode): void {
    const top = this.top;
    if (top.kind === "object") top.properties.push({ key: top.key, keyRange: top.keyRange, value: node });
    else top.items.push(node);
    top.expect = top.kind === "document" ? "end" : "comma";
  }

  /** Names what should have been at `offset`, from what the innermost open value expects. */
  private expectedHere(offset: number): string {
    const top = this.top;
    const atEnd = offset >= this.text.length;
    const notClosed = top.kind === "object" ? "the object is not closed: add }" : "the array is not closed: add ]";
    switch (top.expect) {
      case "end":
        return "unexpected text after the end of the JSON value";
      case "colon":
        return `expected ':' after the property name '${top.key}'`;
      case "key":
        return atEnd ? notClosed : "expected a property name in double quotes";
      case "comma":
        if (atEnd) return notClosed;
        return top.kind === "object" ? "expected ',' or '}' after the property value" : "expected ',' or ']' after the array item";
      case "value":
        if (atEnd) return top.kind === "array" ? notClosed : "the file ends where a value was expected";
        return this.text[offset] === "'" ? "JSON strings use double quotes" : `expected a value (${VALUES}), found ${shown(this.text, offset)}`;
    }
  }
}

const VALUES = "an object, array, string, number, true, false or null";

/** The character at `offset` in quotes, or its code point when it is invisible (a space, control or format character). */
function shown(text: string, offset: number): string {
  const char = String.fromCodePoint(text.codePointAt(offset) as number);
  return visible(char) ? `'${char}'` : `U+${hex(char)}`;
}

const visible = (char: string): boolean => /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char);
const hex = (char: string): string => (char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0");

/** The first bad escape or control character in the string token at `offset`, where it is. */
function stringProblem(text: string, offset: number, length: number): FirstError {
  const token = text.slice(offset, offset + length);
  for (const match of token.matchAll(STRING_PROBLEM)) {
    const problem = match[1];
    if (problem === undefined) continue;
    const at = offset + (match.index ?? 0);
    if (problem === "\\u") return new FirstError("\\u needs four hexadecimal digits", at);
    if (!problem.startsWith("\\")) return new FirstError(`a string cannot contain the control character U+${hex(problem)}: write it as \\u${hex(problem)}`, at);
    const escaped = problem.slice(1);
    const written = visible(escaped) ? `'${problem}'` : `'\\' before U+${hex(escaped)}`;
    return new FirstError(`${written} is not a JSON escape`, at);
  }
  return new FirstError("the string is not valid", offset);
}

/** The node of a string, number, boolean or null (anything else reads as null). */
function leaf(value: unknown, range: TextRange): JsonNode {
  if (typeof value === "string") return { kind: "string", range, value };
  if (typeof value === "number") return { kind: "number", range, value };
  if (typeof value === "boolean") return { kind: "boolean", range, value };
  return { kind: "null", range };
}

/** Rebuilds a tree bottom-up with an explicit stack: `build` gets a node and what its children became, in order. */
function rebuild<In, Out>(root: In, children: (node: In) => readonly In[], build: (node: In, built: Out[]) => Out): Out {
  const stack = [{ node: root, children: children(root), built: [] as Out[] }];
  for (;;) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.built.length < top.children.length) {
      const child = top.children[top.built.length] as In;
      stack.push({ node: child, children: children(child), built: [] });
      continue;
    }
    stack.pop();
    const result = build(top.node, top.built);
    const parent = stack[stack.length - 1];
    if (parent === undefined) return result;
    parent.built.push(result);
  }
}

const nodeChildren = (node: JsonNode): readonly JsonNode[] =>
  node.kind === "object" ? node.properties.map((property) => property.value) : node.kind === "array" ? node.items : [];

/** The plain JavaScript value of a node (objects, arrays, strings, numbers, booleans, null). */
export function plainValue(node: JsonNode): unknown {
  return rebuild<JsonNode, unknown>(node, nodeChildren, (done, built) => {
    if (done.kind === "object") return Object.fromEntries(done.properties.map((property, index) => [property.key, built[index]]));
    if (done.kind === "array") return built;
    return done.kind === "null" ? null : done.value;
  });
}

const valueChildren = (value: unknown): readonly unknown[] =>
  Array.isArray(value) ? value : typeof value === "object" && value !== null ? Object.values(value) : [];

/** A plain value (such as settings an editor sent) as a node, for readers written for nodes; every range is empty. */
export function jsonNodeOf(value: unknown): JsonNode {
  const range = { start: 0, end: 0 };
  return rebuild<unknown, JsonNode>(value, valueChildren, (done, built) => {
    if (Array.isArray(done)) return { kind: "array", range, items: built };
    if (typeof done !== "object" || done === null) return leaf(done, range);
    return { kind: "object", range, properties: Object.keys(done).map((key, index) => ({ key, keyRange: range, value: built[index] as JsonNode })) };
  });
}

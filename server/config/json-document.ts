/**
 * A JSON reader that keeps positions: every value knows its text range and
 * every object property its key's range, so configuration problems can be
 * reported at the exact place. It accepts `//` and `/* … *\/` comments and
 * trailing commas (as VS Code's JSON-with-comments does) and stops at the
 * first syntax error, which it returns with its offset instead of throwing.
 */
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

class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJson(text: string): JsonParse {
  const reader = new Reader(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  try {
    const root = reader.value();
    reader.skipTrivia();
    if (!reader.atEnd()) reader.fail("unexpected text after the end of the JSON value");
    return { ok: true, root };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/** The plain JavaScript value of a node (objects, arrays, strings, numbers, booleans, null). */
export function plainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case "object":
      return Object.fromEntries(node.properties.map((property) => [property.key, plainValue(property.value)]));
    case "array":
      return node.items.map(plainValue);
    case "null":
      return null;
    default:
      return node.value;
  }
}

class Reader {
  private index = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  fail(message: string, offset = this.index): never {
    throw new JsonSyntaxError(message, offset);
  }

  skipTrivia(): void {
    const text = this.text;
    while (this.index < text.length) {
      const char = text[this.index] as string;
      if (char === " " || char === "\t" || char === "\n" || char === "\r") {
        this.index++;
      } else if (text.startsWith("//", this.index)) {
        const end = text.indexOf("\n", this.index);
        this.index = end < 0 ? text.length : end;
      } else if (text.startsWith("/*", this.index)) {
        const end = text.indexOf("*/", this.index + 2);
        if (end < 0) this.fail("a comment is not closed: add */");
        this.index = end + 2;
      } else {
        return;
      }
    }
  }

  value(): JsonNode {
    this.skipTrivia();
    const start = this.index;
    const char = this.text[start];
    if (char === "{") return this.object();
    if (char === "[") return this.array();
    if (char === '"') {
      const value = this.string();
      return { kind: "string", range: { start, end: this.index }, value };
    }
    for (const [word, node] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, start)) {
        this.index += word.length;
        const range = { start, end: this.index };
        return node === null ? { kind: "null", range } : { kind: "boolean", range, value: node };
      }
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(this.text);
    if (number !== null) {
      this.index += number[0].length;
      return { kind: "number", range: { start, end: this.index }, value: Number(number[0]) };
    }
    if (char === undefined) this.fail("the file ends where a value was expected");
    if (char === "'") this.fail("JSON strings use double quotes");
    return this.fail(`expected a value (an object, array, string, number, true, false or null), found '${char}'`);
  }

  private object(): JsonNode {
    const start = this.index++;
    const properties: JsonProperty[] = [];
    const seen = new Set<string>();
    for (;;) {
      this.skipTrivia();
      if (this.text[this.index] === "}") break;
      if (this.text[this.index] !== '"') this.fail(this.atEnd() ? "the object is not closed: add }" : "expected a property name in double quotes");
      const keyStart = this.index;
      const key = this.string();
      const keyRange = { start: keyStart, end: this.index };
      if (seen.has(key)) this.fail(`'${key}' is given twice`, keyStart);
      seen.add(key);
      this.skipTrivia();
      if (this.text[this.index] !== ":") this.fail(`expected ':' after the property name '${key}'`);
      this.index++;
      properties.push({ key, keyRange, value: this.value() });
      this.skipTrivia();
      if (this.text[this.index] === ",") {
        this.index++;
        continue;
      }
      if (this.text[this.index] === "}") break;
      this.fail(this.atEnd() ? "the object is not closed: add }" : "expected ',' or '}' after the property value");
    }
    this.index++;
    return { kind: "object", range: { start, end: this.index }, properties };
  }

  private array(): JsonNode {
    const start = this.index++;
    const items: JsonNode[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.text[this.index] === "]") break;
      if (this.atEnd()) this.fail("the array is not closed: add ]");
      items.push(this.value());
      this.skipTrivia();
      if (this.text[this.index] === ",") {
        this.index++;
        continue;
      }
      if (this.text[this.index] === "]") break;
      this.fail(this.atEnd() ? "the array is not closed: add ]" : "expected ',' or ']' after the array item");
    }
    this.index++;
    return { kind: "array", range: { start, end: this.index }, items };
  }

  private string(): string {
    const start = this.index++;
    let value = "";
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined || char === "\n") this.fail("the string is not closed: add \"", start);
      this.index++;
      if (char === '"') return value;
      if (char !== "\\") {
        value += char;
        continue;
      }
      const escape = this.text[this.index] ?? "";
      this.index++;
      if (escape === "u") {
        const hex = this.text.slice(this.index, this.index + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("\\u needs four hexadecimal digits", this.index - 2);
        value += String.fromCharCode(Number.parseInt(hex, 16));
        this.index += 4;
      } else if (escape in ESCAPES) {
        value += ESCAPES[escape];
      } else {
        this.fail(`'\\${escape}' is not a JSON escape`, this.index - 2);
      }
    }
  }
}

/** A plain value (such as settings an editor sent) as a node, for readers written for nodes; every range is empty. */
export function jsonNodeOf(value: unknown): JsonNode {
  const range = { start: 0, end: 0 };
  if (Array.isArray(value)) return { kind: "array", range, items: value.map(jsonNodeOf) };
  if (typeof value === "string") return { kind: "string", range, value };
  if (typeof value === "number") return { kind: "number", range, value };
  if (typeof value === "boolean") return { kind: "boolean", range, value };
  if (typeof value === "object" && value !== null) {
    return { kind: "object", range, properties: Object.entries(value).map(([key, item]) => ({ key, keyRange: range, value: jsonNodeOf(item) })) };
  }
  return { kind: "null", range };
}

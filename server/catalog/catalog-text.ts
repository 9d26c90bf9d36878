/**
 * Reads catalog text without parsing all of it up front. The catalog is a
 * megabyte of JSON whose full `JSON.parse` (and the garbage collection of
 * what it builds) costs a starting server ~30 ms, while a script needs a few
 * dozen of its 451 classes. `npm run build:catalog` writes each top-level
 * section (`types`, `enums`, …) as an opening line `"types":{`, one line per
 * entry (`"Name":{…},`) and a closing line; here the entry lines are only
 * indexed (name → where its JSON is) and each entry is parsed when asked for.
 *
 * Everything else (and any text not in that layout, such as pretty-printed
 * JSON) is parsed at once. A section is read lazily only if the rest of the
 * text parses with that section at the top level and every entry line starts
 * with a name and holds an object or array; then, for the text that script
 * writes, the result is that of `JSON.parse`. Not detected: a hand-made line
 * holding two entries (`"A":{…},"B":{…},`): it reads as one malformed entry
 * A (a problem when the catalog builds it) and no B.
 */
import { isObject } from "./entries.js";
import { entriesOfText, type RawEntries } from "./raw-entries.js";

export interface CatalogText {
  /** The parsed text, with every lazily read section as an empty object. */
  readonly data: unknown;
  /** The lazily read top-level sections, by name. */
  readonly sections: ReadonlyMap<string, RawEntries>;
}

/** `"name":{` alone on a line: the opening line of a section written one entry per line. */
const SECTION_OPENING = /^"([A-Za-z]+)":\{$/;

/** The parsed catalog text; throws what `JSON.parse` throws when the text outside the entry lines is not JSON. */
export function readCatalogText(text: string): CatalogText {
  const headLines: string[] = [];
  const sectionRanges = new Map<string, Map<string, readonly [number, number]>>();
  let open: { readonly name: string; readonly ranges: Map<string, readonly [number, number]> } | undefined;
  let lastEntryHadComma = true;
  let layoutHolds = true;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const next = newline < 0 ? text.length : newline + 1;
    let end = newline < 0 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === 13 /* \r */) end--;
    const line = text.slice(start, end);
    if (open === undefined) {
      const opening = SECTION_OPENING.exec(line);
      if (opening !== null && !sectionRanges.has(opening[1] as string)) {
        open = { name: opening[1] as string, ranges: new Map() };
        lastEntryHadComma = true;
      }
      headLines.push(line);
    } else if (line === "}" || line === "},") {
      if (!lastEntryHadComma || open.ranges.size === 0) sectionRanges.set(open.name, open.ranges);
      else layoutHolds = false;
      open = undefined;
      headLines.push(line);
    } else {
      const entry = entryLine(text, start, end);
      if (entry === undefined || !lastEntryHadComma) layoutHolds = false;
      else {
        open.ranges.set(entry.name, entry.value);
        lastEntryHadComma = entry.comma;
      }
    }
    start = next;
  }
  if (!layoutHolds || open !== undefined) return parsedWhole(text);
  const data: unknown = JSON.parse(headLines.join("\n"));
  const sections = new Map<string, RawEntries>();
  for (const [name, ranges] of sectionRanges) {
    // An opening line that was not at the top level (or not an object member) leaves no empty object there: read it all.
    const value = isObject(data) ? data[name] : undefined;
    if (!isObject(value) || Object.keys(value).length > 0) return parsedWhole(text);
    sections.set(name, entriesOfText(text, ranges));
  }
  return { data, sections };
}

function parsedWhole(text: string): CatalogText {
  return { data: JSON.parse(text) as unknown, sections: new Map() };
}

/** `"Name":<object or array>` with an optional trailing comma, between `start` and `end` of `text`. */
function entryLine(
  text: string,
  start: number,
  end: number,
): { readonly name: string; readonly value: readonly [number, number]; readonly comma: boolean } | undefined {
  if (text.charCodeAt(start) !== 34 /* " */) return undefined;
  let index = start + 1;
  let escaped = false;
  for (; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 92 /* \ */) {
      escaped = true;
      index++;
    } else if (code === 34) break;
  }
  if (index >= end || text.charCodeAt(index + 1) !== 58 /* : */) return undefined;
  const name = escaped ? (JSON.parse(text.slice(start, index + 1)) as string) : text.slice(start + 1, index);
  const comma = text.charCodeAt(end - 1) === 44; /* , */
  const valueStart = index + 2;
  const valueEnd = comma ? end - 1 : end;
  const first = text.charCodeAt(valueStart);
  const last = text.charCodeAt(valueEnd - 1);
  const whole = valueEnd - valueStart >= 2 && ((first === 123 /* { */ && last === 125) /* } */ || (first === 91 /* [ */ && last === 93)); /* ] */
  return whole ? { name, value: [valueStart, valueEnd], comma } : undefined;
}

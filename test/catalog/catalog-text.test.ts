/**
 * Reading the catalog's text lazily (`readCatalogText`): for the committed
 * catalog every section written one entry per line is indexed, not parsed,
 * and every entry, name order and the rest of the data equal what
 * `JSON.parse` gives; text in another layout is read whole with the same
 * result; invalid JSON fails as `JSON.parse` fails; a malformed entry line
 * costs only that entry.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCatalogText } from "../../server/catalog/catalog-text.js";
import { loadCatalog, loadCatalogText } from "../../server/catalog/load.js";
import type { RawEntries } from "../../server/catalog/raw-entries.js";

const shippedText = readFileSync(new URL("../../server/catalog/data/catalog.json", import.meta.url), "utf8");
const SECTIONS = ["types", "enums", "functions", "triggers", "dataStructures"];

/** The data a lazy read stands for: its parsed part with each lazy section filled in from its entries. */
function materialize(text: string): Record<string, unknown> {
  const { data, sections } = readCatalogText(text);
  const result = { ...(data as Record<string, unknown>) };
  for (const [name, entries] of sections) result[name] = Object.fromEntries(entries.names.map((entry) => [entry, entries.get(entry)]));
  return result;
}

function entriesOf(text: string, section: string): RawEntries {
  const entries = readCatalogText(text).sections.get(section);
  if (entries === undefined) throw new Error(`${section} was not read lazily`);
  return entries;
}

describe("the committed catalog read lazily", () => {
  const full = JSON.parse(shippedText) as Record<string, Record<string, unknown>>;

  it("indexes the five entry sections instead of parsing them", () => {
    const { data, sections } = readCatalogText(shippedText);
    expect([...sections.keys()].sort()).toEqual([...SECTIONS].sort());
    for (const section of SECTIONS) expect((data as Record<string, unknown>)[section]).toEqual({});
    expect(entriesOf(shippedText, "types").names).toHaveLength(451);
  });

  it("gives every entry, in order, and the rest of the data exactly as JSON.parse does", () => {
    const materialized = materialize(shippedText);
    expect(Object.keys(materialized)).toEqual(Object.keys(full));
    for (const section of SECTIONS) expect(Object.keys(materialized[section] as object)).toEqual(Object.keys(full[section] as object));
    expect(materialized).toEqual(full);
  });

  it("loads into the same catalog as the parsed data", () => {
    const lazy = loadCatalogText(shippedText);
    const eager = loadCatalog(full);
    expect(lazy.problems).toEqual([]);
    expect(lazy.catalog.validateAll()).toEqual([]);
    expect(lazy.catalog.classNames).toEqual(eager.catalog.classNames);
    expect(lazy.catalog.functionNames).toEqual(eager.catalog.functionNames);
    expect(lazy.catalog.classNamed("NSContactAgent")).toEqual(eager.catalog.classNamed("NSContactAgent"));
    expect([...lazy.catalog.enums()]).toEqual([...eager.catalog.enums()]);
    expect(lazy.catalog.aliasOf("NSExecuteOnEvent")).toBe("ExecuteOnEvent");
  });
});

describe("catalog text in other shapes", () => {
  const small = {
    schema: "crmscript-api-catalog/1",
    docs: { pageUrl: "https://example.test/{page}.html" },
    types: { 'Odd"Name\\x': { kind: "class", list: [1, 2] }, Plain: { kind: "class" } },
    functions: { print: [{ params: [] }] },
    aliases: { A: "B" },
  };
  const lineLayout = [
    "{",
    `"schema":"crmscript-api-catalog/1",`,
    `"docs":${JSON.stringify(small.docs)},`,
    `"types":{`,
    `${JSON.stringify('Odd"Name\\x')}:${JSON.stringify(small.types['Odd"Name\\x'])},`,
    `"Plain":{"kind":"class"}`,
    "},",
    `"functions":{`,
    `"print":[{"params":[]}]`,
    "},",
    `"aliases":{"A":"B"}`,
    "}",
  ].join("\n");

  it("reads names with escapes and CRLF line ends", () => {
    expect(JSON.parse(lineLayout)).toEqual(small);
    expect(entriesOf(lineLayout, "types").names).toEqual(['Odd"Name\\x', "Plain"]);
    expect(materialize(lineLayout)).toEqual(small);
    const crlf = lineLayout.replaceAll("\n", "\r\n");
    expect(entriesOf(crlf, "functions").get("print")).toEqual([{ params: [] }]);
    expect(materialize(crlf)).toEqual(small);
  });

  it("reads pretty-printed or one-line JSON whole, with the same result", () => {
    for (const text of [JSON.stringify(small, null, 2), JSON.stringify(small)]) {
      expect(readCatalogText(text).sections.size).toBe(0);
      expect(materialize(text)).toEqual(small);
    }
  });

  it("reads a section opening line that is not at the top level whole", () => {
    // `"inner":{` alone on a line, but inside `outer`: not a top-level section.
    const nested = ['{"outer":{', '"inner":{', '"A":{"x":1}', "}", "}}"].join("\n");
    expect(readCatalogText(nested).sections.size).toBe(0);
    expect(materialize(nested)).toEqual(JSON.parse(nested));
  });

  it("fails as JSON.parse fails on invalid JSON, and loading reports it as a problem", () => {
    for (const broken of [
      lineLayout.replace(`"Plain":{"kind":"class"}`, `"Plain":{"kind":"class"},`),
      lineLayout.replace(`"schema":"crmscript-api-catalog/1",`, `"schema":`),
      lineLayout.replace(`"print":[{"params":[]}]`, `"print":[{"params":[]}]\n"more":[]`),
      lineLayout.slice(0, -2),
    ]) {
      expect(() => JSON.parse(broken)).toThrow();
      expect(() => readCatalogText(broken)).toThrow();
      const loaded = loadCatalogText(broken);
      expect(loaded.problems).toHaveLength(1);
      expect(loaded.problems[0]).toMatch(/^the catalog is not valid JSON: /);
      expect(loaded.catalog.classNames).toEqual([]);
    }
  });

  it("loses only the entry whose line is malformed", () => {
    const shippedLines = shippedText.split("\n");
    const at = shippedLines.findIndex((line) => line.startsWith('"NSContactAgent":'));
    shippedLines[at] = '"NSContactAgent":{"ns":},';
    const loaded = loadCatalogText(shippedLines.join("\n"));
    expect(loaded.problems).toEqual([]);
    expect(loaded.catalog.classNamed("NSContactAgent")).toBeUndefined();
    expect(loaded.catalog.classNamed("NSPersonAgent")?.methods.size).toBeGreaterThan(10);
    expect(loaded.catalog.validateAll()).toEqual(["types.NSContactAgent: not an object"]);
  });
});

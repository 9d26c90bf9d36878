/**
 * Turns catalog data (JSON of schema `crmscript-api-catalog/1`, parsed or as
 * text) into a `Catalog`. This checks the top-level shape; each entry is
 * checked when it is first built (see `Catalog.validateAll`). Loading never
 * throws: bad data yields problems and a catalog without the bad parts.
 */
import { Catalog } from "./catalog.js";
import { readCatalogText } from "./catalog-text.js";
import { isObject, type Json } from "./entries.js";
import { entriesOfObject, type RawEntries } from "./raw-entries.js";

export const CATALOG_SCHEMA = "crmscript-api-catalog/1";

export interface LoadedCatalog {
  readonly catalog: Catalog;
  /** Problems with the data's overall shape (empty for good data). */
  readonly problems: readonly string[];
}

/** The catalog in `text`, whose entries are parsed when first needed (see `catalog-text.ts`). */
export function loadCatalogText(text: string): LoadedCatalog {
  try {
    const { data, sections } = readCatalogText(text);
    return loadCatalog(data, sections);
  } catch (error) {
    const loaded = loadCatalog({});
    return { catalog: loaded.catalog, problems: [`the catalog is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** The catalog in parsed `data`; a section in `lazySections` is read from there instead (its place in `data` is empty). */
export function loadCatalog(data: unknown, lazySections: ReadonlyMap<string, RawEntries> = new Map()): LoadedCatalog {
  const problems: string[] = [];
  const json: Json = isObject(data) ? data : {};
  if (!isObject(data)) problems.push("the catalog data is not a JSON object");
  else if (data.schema !== CATALOG_SCHEMA) problems.push(`schema is ${String(data.schema)}, expected ${CATALOG_SCHEMA}`);
  const object = (key: string): Json => {
    const value = json[key];
    if (isObject(value)) return value;
    problems.push(`${key}: missing or not an object`);
    return {};
  };
  const section = (key: string): RawEntries => lazySections.get(key) ?? entriesOfObject(object(key));
  const docs = isObject(json.docs) ? json.docs : {};
  const aliases = new Map<string, string>();
  for (const [from, to] of Object.entries(object("aliases"))) if (typeof to === "string") aliases.set(from, to);
  const catalog = new Catalog({
    types: section("types"),
    enums: section("enums"),
    functions: section("functions"),
    triggers: section("triggers"),
    dataStructures: section("dataStructures"),
    aliases,
    pageUrl: typeof docs.pageUrl === "string" ? docs.pageUrl : "https://docs.superoffice.com/en/automation/crmscript/reference/{page}.html",
    functionsPage: typeof docs.functionsPage === "string" ? docs.functionsPage : "CRMScript.Global.Void",
  });
  return { catalog, problems };
}

// The TypeScript types of the Web API contract's schemas (every definition of every Swagger document in a
// folder), written by json-schema-to-typescript. Shared by npm run build:api-contract and the test that
// checks the committed file is fresh.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";

/** `SuperOffice.CRM.Services.CRMScriptEntity` → `CRMScriptEntity`. */
export function typeNameOf(definition) {
  return definition.split(".").at(-1);
}

export async function contractTypes(folder) {
  const definitions = {};
  for (const name of readdirSync(folder)
    .filter((file) => file.startsWith("Swagger-") && file.endsWith(".json"))
    .sort()) {
    const document = JSON.parse(readFileSync(join(folder, name), "utf8"));
    for (const [key, schema] of Object.entries(document.definitions ?? {})) definitions[typeNameOf(key)] ??= rewriteRefs(schema);
  }
  const names = Object.keys(definitions).sort();
  // One schema holding every definition, so references resolve and each type is emitted once.
  const root = { title: "WebApiContract", type: "object", additionalProperties: false, properties: {}, definitions: {} };
  for (const name of names) root.definitions[name] = { ...definitions[name], title: name };
  const text = await compile(root, "WebApiContract", {
    bannerComment:
      "/**\n * The SuperOffice Web API contract's schemas as TypeScript types, generated from the Swagger\n * documents in this folder by `npm run build:api-contract` (json-schema-to-typescript). Do not edit.\n */",
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { printWidth: 160 },
    format: true,
  });
  return text.replace(/export interface WebApiContract \{\s*\}\n*/, "");
}

/** `#/definitions/SuperOffice.X.Y` → `#/definitions/Y`, matching the short names. */
function rewriteRefs(value) {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, item] of Object.entries(value))
    out[key] = key === "$ref" && typeof item === "string" ? `#/definitions/${typeNameOf(item.replace("#/definitions/", ""))}` : rewriteRefs(item);
  return out;
}

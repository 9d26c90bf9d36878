// npm run build:catalog — turns the shared CRMScript API catalog into the product's own data file,
// server/catalog/data/catalog.json, which is committed so the product works without ../shared.
//
// What it does: keeps only the fields the product uses (facts: names, kinds, parameter names and
// types, return types, overloads, enum members and values, since/envir, doc-page ids, triggers, and
// `deprecated` where the source marks an item so, `undocumented` for names the docs use without
// documenting them, and the built-in members of every array and struct from `dataStructures`) by
// copying them field by field from a whitelist, so no description text can slip through; checks
// that every type named in a signature is declared (in `dataStructures` the docs' placeholder
// `{type}` also counts); writes one line per type, enum, function, trigger and data structure,
// sorted by name, so a change is a one-line diff. The output is deterministic.
//
// Usage: node scripts/build-catalog.mjs [path/to/shared/crmscript-api/catalog.json]
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const sourcePath = resolve(process.argv[2] ?? "../shared/crmscript-api/catalog.json");
const targetPath = resolve("server/catalog/data/catalog.json");
const source = JSON.parse(readFileSync(sourcePath, "utf8"));
if (source.schema !== "crmscript-api-catalog/1") throw new Error(`unexpected catalog schema ${source.schema}`);

const problems = [];
const pick = (object, keys) => {
  const out = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
};
const parameter = (p) => {
  if (typeof p.name !== "string" || typeof p.type !== "string") problems.push(`bad parameter ${JSON.stringify(p)}`);
  return { name: p.name, type: p.type };
};
const overload = (o, isCtor) => {
  const out = { params: (o.params ?? []).map(parameter) };
  if (!isCtor) out.returns = o.returns ?? "Void";
  Object.assign(out, pick(o, ["since", "envir", "docId", "src", "deprecated"]));
  return out;
};
const sortedEntries = (object) => Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const classEntry = (type) => {
  const out = pick(type, ["kind", "ns", "uid", "page", "since", "envir", "src", "deprecated", "undocumented"]);
  if (type.ctors !== undefined) out.ctors = type.ctors.map((o) => overload(o, true));
  out.methods = Object.fromEntries(sortedEntries(type.methods ?? {}).map(([method, overloads]) => [method, overloads.map((o) => overload(o, false))]));
  return out;
};
const types = Object.fromEntries(sortedEntries(source.types).map(([name, type]) => [name, classEntry(type)]));
const dataStructures = Object.fromEntries(sortedEntries(source.dataStructures ?? {}).map(([name, type]) => [name, classEntry(type)]));
const enums = {};
for (const [name, en] of sortedEntries(source.enums)) {
  enums[name] = { ...pick(en, ["ns", "uid", "page", "since", "src", "deprecated", "undocumented"]), members: { ...en.members } };
}
const functions = Object.fromEntries(sortedEntries(source.functions).map(([name, overloads]) => [name, overloads.map((o) => overload(o, false))]));
const triggers = Object.fromEntries(sortedEntries(source.triggers).map(([name, t]) => [name, pick(t, ["event", "since", "inputs", "outputs"])]));
const aliases = { ...source.aliases };

// Every type named in a signature must be declared; in a data structure `{type}` stands for the
// element type of an array or the struct itself.
const declared = (typeName, placeholderAllowed) => {
  const base = typeName.replace(/(\[\])+$/, "");
  return Object.hasOwn(types, base) || Object.hasOwn(enums, base) || Object.hasOwn(aliases, base) || (placeholderAllowed && base === "{type}");
};
const checkSignature = (where, o, placeholderAllowed) => {
  for (const p of o.params) if (!declared(p.type, placeholderAllowed)) problems.push(`${where}: undeclared parameter type ${p.type}`);
  if (o.returns !== undefined && !declared(o.returns, placeholderAllowed)) problems.push(`${where}: undeclared return type ${o.returns}`);
};
const checkClasses = (classes, placeholderAllowed) => {
  for (const [name, type] of Object.entries(classes)) {
    for (const o of type.ctors ?? []) checkSignature(`${name} constructor`, o, placeholderAllowed);
    for (const [method, overloads] of Object.entries(type.methods)) for (const o of overloads) checkSignature(`${name}.${method}`, o, placeholderAllowed);
  }
};
checkClasses(types, false);
checkClasses(dataStructures, true);
for (const [name, overloads] of Object.entries(functions)) for (const o of overloads) checkSignature(name, o, false);
for (const required of ["Array", "Struct"]) if (!Object.hasOwn(dataStructures, required)) problems.push(`dataStructures.${required} is missing`);
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const provenance = {
  builtFrom: "crmscript-api-catalog/1 (the team's shared API catalog)",
  sources: [
    { repo: source.source.yml.repo, commit: source.source.yml.commit, license: source.source.yml.license },
    { repo: source.source.lt.repo, commit: source.source.lt.commit, license: source.source.lt.license },
  ],
};
const lines = [
  "{",
  `"schema":${JSON.stringify(source.schema)},`,
  `"provenance":${JSON.stringify(provenance)},`,
  `"docs":${JSON.stringify({ pageUrl: source.docs.pageUrl, functionsPage: "CRMScript.Global.Void", anchorVerified: source.docs.anchorVerified })},`,
  `"counts":${JSON.stringify(source.counts)},`,
];
const section = (name, object, last) => {
  const entries = Object.entries(object).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  lines.push(`"${name}":{`, entries.join(",\n"), last ? "}" : "},");
};
section("types", types, false);
section("enums", enums, false);
section("functions", functions, false);
section("triggers", triggers, false);
section("dataStructures", dataStructures, false);
lines.push(`"aliases":${JSON.stringify(aliases)}`, "}");
writeFileSync(targetPath, `${lines.join("\n")}\n`);
console.log(
  `wrote ${targetPath}: ${Object.keys(types).length} types, ${Object.keys(enums).length} enums, ${Object.keys(functions).length} functions, ${Object.keys(triggers).length} triggers, ${Object.keys(dataStructures).length} data structures`,
);

// npm run build:catalog — turns the shared CRMScript API catalog into the product's own data file,
// server/catalog/data/catalog.json, which is committed so the product works without ../shared.
//
// What it does: keeps only the fields the product uses (facts: names, kinds, parameter names and
// types, return types, overloads, enum members and values, since/envir, doc-page ids, triggers, and
// `deprecated` where the source marks an item so) by copying them field by field from a whitelist,
// so no description text can slip through; checks that every type named in a signature is
// declared; writes one line per type, enum, function and trigger, sorted by name, so a change is
// a one-line diff. The output is deterministic.
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

const types = {};
for (const [name, type] of sortedEntries(source.types)) {
  const out = pick(type, ["kind", "ns", "uid", "page", "since", "envir", "src", "deprecated"]);
  if (type.ctors !== undefined) out.ctors = type.ctors.map((o) => overload(o, true));
  out.methods = Object.fromEntries(sortedEntries(type.methods ?? {}).map(([method, overloads]) => [method, overloads.map((o) => overload(o, false))]));
  types[name] = out;
}
const enums = {};
for (const [name, en] of sortedEntries(source.enums)) {
  enums[name] = { ...pick(en, ["ns", "uid", "page", "since", "src", "deprecated"]), members: { ...en.members } };
}
const functions = Object.fromEntries(sortedEntries(source.functions).map(([name, overloads]) => [name, overloads.map((o) => overload(o, false))]));
const triggers = Object.fromEntries(sortedEntries(source.triggers).map(([name, t]) => [name, pick(t, ["event", "since", "inputs", "outputs"])]));
const aliases = { ...source.aliases };

// Every type named in a signature must be declared (the catalog README names one known gap: NSBinary).
const KNOWN_UNDECLARED = new Set(["NSBinary"]);
const declared = (typeName) => {
  const base = typeName.replace(/(\[\])+$/, "");
  return base in types || base in enums || base in aliases || KNOWN_UNDECLARED.has(base);
};
const checkSignature = (where, o) => {
  for (const p of o.params) if (!declared(p.type)) problems.push(`${where}: undeclared parameter type ${p.type}`);
  if (o.returns !== undefined && !declared(o.returns)) problems.push(`${where}: undeclared return type ${o.returns}`);
};
for (const [name, type] of Object.entries(types)) {
  for (const o of type.ctors ?? []) checkSignature(`${name} constructor`, o);
  for (const [method, overloads] of Object.entries(type.methods)) for (const o of overloads) checkSignature(`${name}.${method}`, o);
}
for (const [name, overloads] of Object.entries(functions)) for (const o of overloads) checkSignature(name, o);
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
lines.push(`"aliases":${JSON.stringify(aliases)}`, "}");
writeFileSync(targetPath, `${lines.join("\n")}\n`);
console.log(`wrote ${targetPath}: ${Object.keys(types).length} types, ${Object.keys(enums).length} enums, ${Object.keys(functions).length} functions, ${Object.keys(triggers).length} triggers`);

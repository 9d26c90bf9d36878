// Copies the conformance programs from the shared language notes into test/fixtures/spec-examples.
// Usage: node scripts/sync-spec-examples.mjs [path/to/shared/spec/examples]
import { copyFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const source = resolve(process.argv[2] ?? "../shared/spec/examples");
const target = resolve("test/fixtures/spec-examples");
const names = readdirSync(source).filter((name) => name.endsWith(".crmscript"));
for (const name of names) copyFileSync(join(source, name), join(target, name));
console.log(`copied ${names.length} programs from ${source}`);

// npm run build:api-contract — copies the published SuperOffice Web API contract (the trimmed Swagger 2.0
// documents in ../shared/superoffice-api/openapi) into server/tenant/contract/, so the product works without
// ../shared, and writes the TypeScript types of its schemas (server/tenant/contract/types.ts) with
// json-schema-to-typescript: the client's shapes come from the contract, never copied by hand.
// Usage: node scripts/build-api-contract.mjs [path/to/openapi-folder]
import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { contractTypes } from "./api-contract-types.mjs";

const source = resolve(process.argv[2] ?? "../shared/superoffice-api/openapi");
const target = resolve("server/tenant/contract");
const documents = readdirSync(source).filter((name) => name.endsWith(".json"));
for (const name of documents) copyFileSync(join(source, name), join(target, name));
writeFileSync(join(target, "types.ts"), await contractTypes(target));
console.log(`copied ${documents.length} contract files from ${source} and wrote server/tenant/contract/types.ts`);

/**
 * The committed TypeScript types of the Web API contract
 * (`server/tenant/contract/types.ts`) are what `npm run build:api-contract`
 * generates from the committed Swagger documents beside them: nobody edited
 * them by hand, and nobody changed the contract without regenerating them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without type declarations.
import { contractTypes } from "../../scripts/api-contract-types.mjs";
import { repositoryRoot } from "../support/paths.js";

const folder = join(repositoryRoot, "server", "tenant", "contract");

describe("the Web API contract's types", () => {
  it("are generated from the committed contract", async () => {
    const generated: string = await contractTypes(folder);
    expect(generated).toContain("export interface CRMScriptEntity");
    expect(readFileSync(join(folder, "types.ts"), "utf8")).toBe(generated);
  }, 60_000);
});

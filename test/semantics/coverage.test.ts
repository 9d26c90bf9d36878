/**
 * Every semantic diagnostic code has at least one annotated fixture (a
 * `//  ^^^ error <code>` line in a test of this folder) that the checker
 * must produce exactly, so no code exists without a test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { semanticCodes } from "../../server/semantics/index.js";
import { repositoryRoot } from "../support/paths.js";

it("every semantic code is exercised by an annotated fixture", () => {
  const folder = join(repositoryRoot, "test", "semantics");
  const annotated = new Set<string>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".test.ts"))) {
    for (const match of readFileSync(join(folder, name), "utf8").matchAll(/\/\/\s*(?:\^+|\|)\s+(?:error|warning)\s+([a-z-]+)/g))
      annotated.add(match[1] as string);
  }
  // An internal failure cannot be provoked on purpose; the host's tests cover that a crash becomes a diagnostic.
  const untested = Object.keys(semanticCodes).filter((code) => code !== "semantic-internal-error" && !annotated.has(code));
  expect(untested).toEqual([]);
});

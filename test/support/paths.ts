/** Paths used by the tests, relative to the repository root. */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const fixturesRoot = join(repositoryRoot, "test", "fixtures");
export const specExamplesRoot = join(repositoryRoot, "test", "fixtures", "spec-examples");

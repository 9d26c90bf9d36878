/**
 * Paths used by the tests and benchmarks, relative to the repository root.
 * Bundled into a benchmark (CommonJS, no `import.meta`), the root is the
 * current folder, which `npm run` makes the repository.
 */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const moduleUrl: string | undefined = import.meta.url;

export const repositoryRoot = moduleUrl === undefined ? process.cwd() : join(dirname(fileURLToPath(moduleUrl)), "..", "..");
export const fixturesRoot = join(repositoryRoot, "test", "fixtures");
export const specExamplesRoot = join(repositoryRoot, "test", "fixtures", "spec-examples");

/** Builds the extension's .vsix with `npm run package`'s script, as a user would, into `out`. */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { repositoryRoot } from "./paths.js";

export function packageExtension(out: string): void {
  execFileSync(process.execPath, [join(repositoryRoot, "scripts", "package-extension.mjs"), "--out", out], {
    cwd: repositoryRoot,
    stdio: "pipe",
    timeout: 120_000,
  });
}

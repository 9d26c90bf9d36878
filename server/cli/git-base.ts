/**
 * Files as an earlier git commit had them, for `crmscript push --base-ref
 * REF`: in CI the workspace has no record of the last pull, and the
 * commit before the pushed one says what the tenant should still hold.
 */
import { spawnSync } from "node:child_process";

/** A reader of files at `ref` in the repository holding `folder`; throws when git or the commit is not there. */
export function gitFilesAt(folder: string, ref: string): (file: string) => string | undefined {
  const git = (args: string[]) => spawnSync("git", args, { cwd: folder, encoding: "utf8", maxBuffer: 1 << 28 });
  const verified = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (verified.error !== undefined) throw new Error(`--base-ref needs git: ${verified.error.message}`);
  if (verified.status !== 0) throw new Error(`--base-ref ${ref}: no such commit in the repository of ${folder} (a shallow clone may need fetch-depth: 0)`);
  const commit = verified.stdout.trim();
  // `./path` is relative to the working folder (the workspace), whatever the repository's root.
  return (file) => {
    const shown = git(["show", `${commit}:./${file}`]);
    return shown.status === 0 ? shown.stdout : undefined;
  };
}

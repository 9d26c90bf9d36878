/**
 * Getting the analysis host ready, in cancellable steps, for a request that
 * reads many files: the workspace index entry of every script (what the
 * include graph and workspace symbols are made from), and the analyses of
 * the files a cross-file question looks at, as many as the host keeps in
 * memory. The feature that runs afterwards finds them made, so a
 * cancellation is noticed while most of the work is still ahead.
 */
import type { CancellationToken } from "vscode-languageserver";
import type { AnalysisHost } from "../analysis/host.js";
import { forEachInSteps } from "./cancellation.js";
import { MAX_ANALYZED_FILES } from "./limits.js";

/** Indexes every workspace script not indexed yet (asking for a script's include ids makes its entry). */
export async function indexWorkspace(host: AnalysisHost, token: CancellationToken): Promise<void> {
  await forEachInSteps(host.workspace.files(), token, (file) => host.workspace.includeIds(file));
}

/** Analyses the files that can use symbols declared in `declaringFiles`: those files and every script that includes one. */
export async function analyzeFilesSeeing(host: AnalysisHost, declaringFiles: Iterable<string>, token: CancellationToken): Promise<void> {
  const files = new Set<string>();
  for (const file of declaringFiles) {
    files.add(file);
    for (const includer of host.includersOf(file)) files.add(includer);
  }
  // Beyond what the host keeps, the feature would analyse the files again anyway.
  await forEachInSteps([...files].slice(0, MAX_ANALYZED_FILES / 2), token, (file) => host.analyzeFile(file));
}

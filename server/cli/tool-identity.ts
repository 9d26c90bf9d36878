/**
 * The identity of this build of the linter, which the cache keys on: a
 * hash of the running bundle (it holds the code, the catalog and the rules,
 * so any rebuild or upgrade changes it, even within one version), or, when
 * the CLI runs from its sources (tests), a hash of what stands for the tool
 * there: its version, the rule registry and the diagnostic code registries.
 */
import { readFileSync } from "node:fs";
import { registeredCodes } from "../analysis/docs-pages.js";
import { allRules } from "../lint/registry.js";
import { contentHash } from "./lint-cache.js";

export function toolIdentity(version: string, bundle: string | undefined): string {
  if (bundle !== undefined) {
    try {
      return `${version}+${contentHash(readFileSync(bundle))}`;
    } catch {
      // Not readable: fall back to what the sources say.
    }
  }
  const rules = allRules.map((rule) => `${rule.id}:${rule.defaultSeverity}`);
  return `${version}+${contentHash(JSON.stringify([rules, registeredCodes()]))}`;
}

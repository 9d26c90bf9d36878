/**
 * The settings that change what analysis reports, shared by the CLI options,
 * the editor settings and the configuration files: target version,
 * platform, where includes are looked up, rule severities and how unused
 * suppression comments are reported.
 */
import type { RuleSeverity } from "../lint/rule.js";
import type { RuleSeverities } from "../lint/run.js";
import type { Platform } from "../semantics/index.js";

export type { Platform, RuleSeverity };
export { isValidVersion } from "../semantics/index.js";

export interface AnalysisSettings {
  /** SuperOffice version scripts must run on, such as `10.2`; API from later versions is reported. */
  readonly targetVersion?: string | undefined;
  /** `online` reports API that exists only on on-site installations. */
  readonly platform?: Platform | undefined;
  /** Folders searched for included scripts after the including script's own folder and the workspace roots. */
  readonly includePaths?: readonly string[];
  /** Workspace folders, searched for included scripts after the including script's folder. */
  readonly workspaceRoots?: readonly string[];
  /** Lint rule severities by rule id. */
  readonly rules?: RuleSeverities;
  /** Severity of suppression comments that suppress nothing (default warning). */
  readonly reportUnusedSuppressions?: RuleSeverity;
}

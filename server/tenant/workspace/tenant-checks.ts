/**
 * What the tenant itself says about workspace files: the unified diff of a
 * file against the tenant's copy, the tenant's compiler on a file's text
 * (its `#include`s resolved as the tenant resolves them), with each error
 * mapped back to the workspace file and line it is in, and running a
 * file's text in the tenant.
 */
import { createTwoFilesPatch } from "diff";
import type { TenantApi } from "../api.js";
import type { CRMScriptErrorInfo, CRMScriptResult } from "../contract/types.js";
import { readWorkspaceFile } from "./status.js";
import type { Workspace } from "./state.js";

/** A compiler error, placed in a workspace file (1-based line and column). */
export interface TenantProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The unified diff from the tenant's copy to the local file ("" when they are the same). */
export async function diffWithTenant(api: TenantApi, workspace: Workspace, file: string): Promise<string> {
  const entry = workspace.entryOf(file);
  if (entry === undefined) throw new Error(`${file} is not a pulled script of this workspace`);
  const remote = (entry.kind === "script" ? await api.getScript(entry.id) : await api.getTrigger(entry.id)).Source ?? "";
  const local = readWorkspaceFile(workspace, file) ?? "";
  if (remote === local) return "";
  return createTwoFilesPatch(`tenant/${file}`, `local/${file}`, remote, local, undefined, undefined, { context: 3 });
}

/** The tenant's compiler on a file's text: no problems when it compiles. */
export async function validateInTenant(api: TenantApi, workspace: Workspace, file: string): Promise<TenantProblem[]> {
  const text = readWorkspaceFile(workspace, file);
  if (text === undefined) throw new Error(`cannot read ${file}`);
  return problemsOf(await api.validateText(text), workspace, file);
}

/**
 * The error a validation result names, in the workspace file it is in: the
 * validated file itself, or the pulled script whose include id the error
 * names. An error in a script the workspace does not have stays on the
 * validated file's first line, naming the include id and its line.
 */
export function problemsOf(result: CRMScriptResult, workspace: Workspace, file: string): TenantProblem[] {
  if (result.Valid === true) return [];
  const info: CRMScriptErrorInfo = result.ErrorInformation ?? { ErrorMessage: result.ErrorMessage ?? "", LineNumber: result.LineNumber ?? 1 };
  const message = info.ErrorMessage ?? result.ErrorMessage ?? "the tenant's compiler rejected the script";
  const line = Math.max(1, info.LineNumber ?? 1);
  const column = Math.max(1, info.CharacterPosition ?? 1);
  const own = workspace.entryOf(file);
  const includeId = info.IncludeId ?? "";
  if (includeId === "" || (own?.kind === "script" && own.includeId === includeId)) return [{ file, line, column, message }];
  const included = workspace.manifest.entries.find((entry) => entry.kind === "script" && entry.includeId === includeId);
  if (included !== undefined) return [{ file: included.file, line, column, message: `${message} (in '${includeId}', included by ${file})` }];
  return [{ file, line: 1, column: 1, message: `in the included script '${includeId}', line ${line}: ${message}` }];
}

export interface RunOutcome {
  readonly output: string;
  readonly success: boolean;
  readonly problem: TenantProblem | undefined;
}

/** Runs a file's text in the tenant and returns what it printed. */
export async function runInTenant(api: TenantApi, workspace: Workspace, file: string, parameters: Record<string, string> = {}): Promise<RunOutcome> {
  const text = readWorkspaceFile(workspace, file);
  if (text === undefined) throw new Error(`cannot read ${file}`);
  const result = await api.runText(text, parameters);
  const success = result.Success !== false;
  const problem = success
    ? undefined
    : problemsOf({ Valid: false, ErrorInformation: result.ErrorInformation, ErrorMessage: result.StatusMessage }, workspace, file)[0];
  return { output: result.Output ?? "", success, problem };
}

/**
 * The tenant subcommands of `crmscript`: pull, status, diff, push (and
 * `push --delete`), validate and run in a tenant workspace (the folder
 * holding `crmscript-tenant.json`, found upward from the working folder;
 * `pull` creates it in an empty folder), and login, logout and whoami.
 * Arguments are parsed strictly; the work itself is `server/tenant/`.
 * The workspace's files are read and written by the tenant layer itself.
 */
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { TenantApi } from "../tenant/api.js";
import type { ApiCredentials } from "../tenant/auth/index.js";
import { pull } from "../tenant/workspace/pull.js";
import { deleteInTenant, type PushOptions, push } from "../tenant/workspace/push.js";
import { findWorkspace, MANIFEST_FILE, Workspace } from "../tenant/workspace/state.js";
import { describeStatus, fileOfStatus, remoteSnapshot, settleEqualCopies, statusOf } from "../tenant/workspace/status.js";
import { diffWithTenant, runInTenant, validateInTenant, type TenantProblem } from "../tenant/workspace/tenant-checks.js";
import { gitFilesAt } from "./git-base.js";
import { lintResult, type LintResult } from "./lint-result.js";
import { EXIT_ERRORS, EXIT_FAILURE, EXIT_OK, formatReport } from "./main.js";
import { connectTenant, loginCommand, logoutCommand, type TenantIo, whoamiCommand } from "./tenant-sign-in.js";

export type { TenantIo };

export const TENANT_COMMANDS: ReadonlySet<string> = new Set(["login", "logout", "whoami", "pull", "status", "diff", "push", "validate", "run"]);

const FORMATS = new Set(["stylish", "json", "sarif", "github"]);

/** Runs one tenant subcommand; every failure becomes a message and an exit code. */
export async function runTenantCommand(command: string, argv: readonly string[], io: TenantIo): Promise<number> {
  try {
    switch (command) {
      case "login":
        return await loginCommand(argv, io);
      case "logout":
        return await logoutCommand(argv, io);
      case "whoami":
        return await whoamiCommand(argv, io);
      default:
        return await workspaceCommand(command, argv, io);
    }
  } catch (error) {
    io.writeStderr(`crmscript ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

async function workspaceCommand(command: string, argv: readonly string[], io: TenantIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: optionsOf(command) });
  const existing = findWorkspace(io.cwd);
  if (existing === undefined && command !== "pull")
    throw new Error(`no tenant workspace here (no ${MANIFEST_FILE} in this folder or above): run crmscript pull first`);
  const opened = existing === undefined ? undefined : Workspace.open(existing);
  const connection = await connectTenant(io, values.profile ?? opened?.manifest.tenant.profile);
  const profile = connection.profile === undefined ? {} : { profile: connection.profile };
  const workspace = opened ?? Workspace.create(io.cwd, { apiBase: connection.apiBase, ...profile });
  checkSameTenant(workspace, connection);
  const api = new TenantApi({ apiBase: connection.apiBase, authorizationHeaders: () => connection.authorizationHeaders() });
  const files = positionals.map((path) => relative(workspace.root, resolve(io.cwd, path)).split("\\").join("/"));
  const force = values.force === true;
  switch (command) {
    case "pull":
      return pullCommand(api, workspace, files, force, io);
    case "status":
      return statusCommand(api, workspace, io);
    case "diff":
      return diffCommand(api, workspace, files, io);
    case "push": {
      if (values.delete === true) return deleteCommand(api, workspace, positionals, force, io);
      const baseRef = values["base-ref"];
      return pushCommand(api, workspace, { files, force, ...(baseRef === undefined ? {} : { baseTextOf: gitFilesAt(workspace.root, baseRef) }) }, io);
    }
    case "validate":
      return validateCommand(api, workspace, files, values.format ?? "stylish", io);
    default:
      return runCommand(api, workspace, files, values.param ?? [], io);
  }
}

/** Each workspace command's options: any other is a usage error. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  pull: ["force"],
  status: [],
  diff: [],
  push: ["force", "delete", "base-ref"],
  validate: ["format"],
  run: ["param"],
};

const OPTIONS = {
  force: { type: "boolean" },
  delete: { type: "boolean" },
  "base-ref": { type: "string" },
  format: { type: "string", short: "f" },
  param: { type: "string", multiple: true },
  profile: { type: "string" },
} as const;

/** The options `command` takes (typed as all of them: those it does not take are never set). */
function optionsOf(command: string): typeof OPTIONS {
  return Object.fromEntries(Object.entries(OPTIONS).filter(([name]) => name === "profile" || COMMAND_OPTIONS[command]?.includes(name))) as typeof OPTIONS;
}

/** A workspace is tied to one tenant: a sign-in that reaches another one is refused. */
function checkSameTenant(workspace: Workspace, connection: ApiCredentials): void {
  const normalize = (url: string): string => url.replace(/\/+$/, "").toLowerCase();
  if (normalize(workspace.manifest.tenant.apiBase) !== normalize(connection.apiBase)) {
    throw new Error(`this workspace belongs to ${workspace.manifest.tenant.apiBase}, but the sign-in reaches ${connection.apiBase}`);
  }
}

async function pullCommand(api: TenantApi, workspace: Workspace, files: readonly string[], force: boolean, io: TenantIo): Promise<number> {
  const report = await pull(api, workspace, { force, files });
  for (const file of report.conflicts) io.writeStdout(`conflict  ${file}  (changed here and in the tenant)\n`);
  if (report.conflicts.length > 0) {
    io.writeStdout(
      `nothing was written: ${report.conflicts.length} ${plural(report.conflicts.length, "file")} changed here would be overwritten; push them, or pull --force\n`,
    );
    return EXIT_ERRORS;
  }
  for (const file of report.written) io.writeStdout(`pulled    ${file}\n`);
  for (const file of report.removedInTenant) io.writeStdout(`removed in the tenant (kept here)  ${file}\n`);
  for (const file of report.deletedLocally) io.writeStdout(`deleted here (not restored)        ${file}\n`);
  io.writeStdout(`${report.written.length} pulled, ${report.unchanged} unchanged\n`);
  return EXIT_OK;
}

async function statusCommand(api: TenantApi, workspace: Workspace, io: TenantIo): Promise<number> {
  let conflicts = 0;
  for (const status of await settleEqualCopies(api, workspace, statusOf(workspace, await remoteSnapshot(api)))) {
    const description = describeStatus(status);
    if (description === "unchanged") continue;
    if (description.startsWith("conflict")) conflicts++;
    io.writeStdout(`${description}: ${fileOfStatus(status)}\n`);
  }
  return conflicts > 0 ? EXIT_ERRORS : EXIT_OK;
}

async function diffCommand(api: TenantApi, workspace: Workspace, files: readonly string[], io: TenantIo): Promise<number> {
  const chosen =
    files.length > 0
      ? files
      : statusOf(workspace, await remoteSnapshot(api)).flatMap((status) =>
          status.kind === "tracked" && status.local === "modified" ? [status.entry.file] : [],
        );
  for (const file of chosen) io.writeStdout(await diffWithTenant(api, workspace, file));
  return EXIT_OK;
}

async function pushCommand(api: TenantApi, workspace: Workspace, options: PushOptions, io: TenantIo): Promise<number> {
  const report = await push(api, workspace, options);
  for (const file of report.updated) io.writeStdout(`pushed    ${file}\n`);
  for (const file of report.created) io.writeStdout(`created   ${file}\n`);
  for (const { file, reason } of report.refused) io.writeStdout(`refused   ${file}: ${reason}\n`);
  for (const { file, reason } of report.failed) io.writeStderr(`failed    ${file}: ${reason}\n`);
  const failed = report.failed.length > 0 ? `, ${report.failed.length} failed (push again to retry them)` : "";
  io.writeStdout(`${report.updated.length + report.created.length} pushed, ${report.refused.length} refused, ${report.unchanged} unchanged${failed}\n`);
  if (report.failed.length > 0) return EXIT_FAILURE;
  return report.refused.length > 0 ? EXIT_ERRORS : EXIT_OK;
}

async function deleteCommand(api: TenantApi, workspace: Workspace, names: readonly string[], force: boolean, io: TenantIo): Promise<number> {
  if (names.length === 0) throw new Error("push --delete needs the scripts to delete, each by name");
  const { deleted, refused } = await deleteInTenant(api, workspace, names, force);
  for (const file of deleted) io.writeStdout(`deleted in the tenant  ${file}\n`);
  for (const { file, reason } of refused) io.writeStdout(`refused   ${file}: ${reason}\n`);
  return refused.length > 0 ? EXIT_ERRORS : EXIT_OK;
}

async function validateCommand(api: TenantApi, workspace: Workspace, files: readonly string[], format: string, io: TenantIo): Promise<number> {
  if (!FORMATS.has(format)) throw new Error(`unknown format '${format}': use stylish, json, sarif or github`);
  const chosen =
    files.length > 0
      ? files
      : statusOf(workspace, await remoteSnapshot(api)).flatMap((status) => {
          if (status.kind === "new-local") return [status.file];
          return status.kind === "tracked" && status.local === "modified" ? [status.entry.file] : [];
        });
  const problems = (await Promise.all(chosen.map((file) => validateInTenant(api, workspace, file)))).flat();
  io.writeStdout(formatReport(resultsOf(workspace, [...chosen, ...problems.map((problem) => problem.file)], problems), format as "stylish", io));
  return problems.length > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The tenant's compiler errors as lint results (code `tenant-compiler`), one result per file. */
function resultsOf(workspace: Workspace, files: readonly string[], problems: readonly TenantProblem[]): LintResult[] {
  return [...new Set(files)].sort().map((file) =>
    lintResult(
      workspace.absolute(file),
      problems
        .filter((problem) => problem.file === file)
        .map((problem) => ({
          ruleId: "tenant-compiler",
          severity: 2 as const,
          message: problem.message,
          line: problem.line,
          column: problem.column,
          endLine: problem.line,
          endColumn: problem.column,
        })),
    ),
  );
}

async function runCommand(api: TenantApi, workspace: Workspace, files: readonly string[], parameters: readonly string[], io: TenantIo): Promise<number> {
  if (files.length !== 1) throw new Error("run needs exactly one script file");
  const values: Record<string, string> = {};
  for (const parameter of parameters) {
    const at = parameter.indexOf("=");
    if (at <= 0) throw new Error(`--param takes NAME=VALUE, found '${parameter}'`);
    values[parameter.slice(0, at)] = parameter.slice(at + 1);
  }
  const outcome = await runInTenant(api, workspace, files[0] as string, values);
  io.writeStdout(outcome.output);
  if (outcome.problem !== undefined) io.writeStderr(`${outcome.problem.file}:${outcome.problem.line}:${outcome.problem.column}: ${outcome.problem.message}\n`);
  return outcome.success ? EXIT_OK : EXIT_ERRORS;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

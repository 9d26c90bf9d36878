/**
 * Running `crmscript-lint` in tests: in-process through `main()` (and the
 * `crmscript` command through `crmscriptMain()`, `crmscript-format`
 * through `formatMain()`) with a fake `CliIo` over real files in temporary
 * folders, or as the bundled `dist/crmscript-lint.js` (or
 * `dist/crmscript-format.js`) child process (built first when stale); and
 * the shape of the linter's JSON report.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect } from "vitest";
import { crmscriptMain } from "../../server/cli/crmscript.js";
import { formatMain } from "../../server/cli/format-main.js";
import { main, type CliIo } from "../../server/cli/main.js";
import type { TenantIo } from "../../server/cli/tenant-sign-in.js";
import type { TokenStore } from "../../server/tenant/auth/index.js";
import { readConfigText, readSource } from "../../server/node/read-source.js";
import { writeSourceFile } from "../../server/node/write-source.js";
import { repositoryRoot } from "./paths.js";

export const bundle = join(repositoryRoot, "dist", "crmscript-lint.js");
export const formatBundle = join(repositoryRoot, "dist", "crmscript-format.js");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface FakeIoOptions {
  readonly cwd: string;
  /** Text on standard input, or an error reading it fails with. */
  readonly stdin?: string | Error;
  readonly terminal?: boolean;
  readonly env?: Record<string, string>;
  /** Replaces the real file reader (to simulate unreadable files). */
  readonly readFile?: (path: string) => string;
  /** Replaces the real file writers, the cache's and `--fix`'s (to see what they write). */
  readonly writeFile?: (path: string, text: string) => void;
  readonly stderrTerminal?: boolean;
  /** The build identity the cache keys on (to act as another build of the tool). */
  readonly toolIdentity?: string;
}

/** A `CliIo` over real files that captures what is written; `output()` gives it so far. */
function fakeIo(options: FakeIoOptions): { io: CliIo; output: () => { stdout: string; stderr: string } } {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    cwd: options.cwd,
    stdoutIsTerminal: options.terminal ?? false,
    env: options.env ?? {},
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    readStdin: async () => {
      if (options.stdin instanceof Error) throw options.stdin;
      return options.stdin ?? "";
    },
    readFile: options.readFile ?? readSource,
    readConfig: readConfigText,
    exists: (path) => existsSync(path),
    ...(options.toolIdentity === undefined ? {} : { toolIdentity: () => options.toolIdentity as string }),
    writeFile: options.writeFile ?? ((path, text) => writeFileSync(path, text)),
    writeSource:
      options.writeFile === undefined
        ? (path, original, changed) => void writeSourceFile(path, original, changed)
        : (path, _original, changed) => options.writeFile?.(path, changed),
    ...(options.stderrTerminal === undefined ? {} : { stderrIsTerminal: options.stderrTerminal }),
  };
  return { io, output: () => ({ stdout, stderr }) };
}

/** Runs the CLI in-process and captures what it writes. */
export async function lint(argv: readonly string[], options: FakeIoOptions): Promise<Run> {
  const { io, output } = fakeIo(options);
  const code = await main(argv, io);
  return { code, ...output() };
}

/** Runs `crmscript-format` in-process and captures what it writes. */
export async function formatCli(argv: readonly string[], options: FakeIoOptions): Promise<Run> {
  const { io, output } = fakeIo(options);
  const code = await formatMain(argv, io);
  return { code, ...output() };
}

export interface CrmscriptIoOptions extends FakeIoOptions {
  readonly openBrowser?: (url: string) => Promise<void>;
  readonly tokenStore?: TokenStore;
}

/** Runs the `crmscript` command (tenant subcommands) in-process and captures what it writes. */
export async function runCrmscript(argv: readonly string[], options: CrmscriptIoOptions): Promise<Run> {
  const { io, output } = fakeIo(options);
  const tenantIo: TenantIo = {
    ...io,
    ...(options.openBrowser === undefined ? {} : { openBrowser: options.openBrowser }),
    ...(options.tokenStore === undefined ? {} : { tokenStore: options.tokenStore }),
  };
  const code = await crmscriptMain(argv, tenantIo);
  return { code, ...output() };
}

export interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
  suppressions?: { kind: string; justification: string }[];
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  suppressedMessages: JsonMessage[];
  usedDeprecatedRules: unknown[];
  output?: string;
}

export function parseJson(stdout: string): JsonResult[] {
  const parsed: unknown = JSON.parse(stdout);
  expect(Array.isArray(parsed)).toBe(true);
  return parsed as JsonResult[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with the escape character.
export const ANSI = /\u001b\[[0-9;]*m/g;
/** The start of an ANSI colour code. */
export const ANSI_START = new RegExp(`${String.fromCharCode(27)}\\[`);

const temporaryRoots: string[] = [];

/** Creates a temporary folder holding `files` (relative path → content). */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "crmscript-lint-test-"));
  temporaryRoots.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, ...path.split("/"));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

afterAll(() => {
  for (const root of temporaryRoots) rmSync(root, { recursive: true, force: true });
});

/** The newest modification time of the sources bundled into the CLI. */
function newestSource(): number {
  let newest = 0;
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(repositoryRoot, "grammar"));
  visit(join(repositoryRoot, "server"));
  return newest;
}

/** Builds dist/ when a source is newer than a CLI bundle (run it in a beforeAll). */
export function ensureBundle(): void {
  const newest = newestSource();
  if ([bundle, formatBundle].every((path) => existsSync(path) && statSync(path).mtimeMs >= newest)) return;
  const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: repositoryRoot, encoding: "utf8", timeout: 120_000 });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed (${build.status}): ${build.stderr}`);
}

/** Runs a bundled executable (`crmscript-lint` unless `options.executable` names another) as a child process. */
export function runBundle(argv: string[], options: { cwd: string; input?: string; executable?: string }) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return spawnSync(process.execPath, [options.executable ?? bundle, ...argv], {
    cwd: options.cwd,
    input: options.input ?? "",
    encoding: "utf8",
    env,
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * The SARIF and GitHub Actions formatters, on results built the way the CLI
 * builds them (real analysis of real snippets, a suppressed message, an
 * unreadable file, a clean file, standard input, a file outside the working
 * folder): file snapshots of both outputs, the SARIF checked against the
 * official SARIF 2.1.0 schema and against GitHub code scanning's
 * requirements, the escaping of workflow commands, and the documentation
 * pages read from an installed bundle.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { AnalysisHost } from "../../server/analysis/host.js";
import { docsPageOf } from "../../server/analysis/docs-pages.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { formatGithub } from "../../server/cli/formatters/github.js";
import { docsFromFolder, formatSarif, type SarifDocs } from "../../server/cli/formatters/sarif.js";
import { lintResult, toLintMessage, unreadableFileResult, type LintResult } from "../../server/cli/lint-result.js";
import { repositoryRoot } from "../support/paths.js";

// ---------------------------------------------------------------- results as the CLI builds them

/** A fixed fake checkout, so no temporary or machine path reaches a snapshot. */
const CWD = resolve("/ci/checkout");
const VERSION = "1.2.3";
/** The repository's real pages under a fixed fake install location. */
const DOCS: SarifDocs = { baseUri: "file:///opt/crmscript-lint/docs/", readPage: docsFromFolder(join(repositoryRoot, "docs")).readPage };

const host = new AnalysisHost(builtinCatalog().catalog, new MemoryFileSystem(), { workspaceRoots: [CWD] });

/** What `main.ts`'s `lintText` does: analyse, convert each diagnostic, release. */
function lint(filePath: string, text: string): LintResult {
  const path = resolve(CWD, filePath);
  const analysis = host.analyzeText(path, text);
  const result = lintResult(
    filePath,
    analysis.diagnostics.map((diagnostic) => toLintMessage(diagnostic, analysis.sourceFile.lineIndex)),
  );
  host.release(path);
  return result;
}

/** `result` with its messages of `code` silenced by a comment giving `justification`. */
function suppress(result: LintResult, code: string, justification: string): LintResult {
  const kept = result.messages.filter((message) => message.ruleId !== code);
  const silenced = result.messages.filter((message) => message.ruleId === code);
  expect(silenced.length).toBeGreaterThan(0);
  return {
    ...lintResult(result.filePath, kept),
    suppressedMessages: silenced.map((message) => ({ ...message, suppressions: [{ kind: "directive", justification }] })),
  };
}

const LEVEL = "#setLanguageLevel 4;\n";

// Spec examples 17 (String + Integer) and 34 (unreachable code after return), with a keyword in capitals.
const TOTALS = `${LEVEL}Integer n = 3;\nString s = "count: " + n;\nIF (n > 2) {\n  printLine(s);\n}\n`;
const GREETING = `Void sayHello() {\n  print("Héllo 😀\\n");\n  return;\n  print("never");\n  print("printed");\n}\nsayHello();\ntotal = 5;\nInteger total;\nInteger x = 1\nString t = "a";\n`;
const LEGACY = `${LEVEL}Integer count = 0;\nWHILE (count < 3) {\n  count++;\n}\n`;
const CLEAN = `${LEVEL}Integer y = 2;\nprintLine(y.toString());\n`;

function sampleResults(): LintResult[] {
  return [
    lint(join(CWD, "scripts", "totals.crm"), TOTALS),
    // A name that needs percent-encoding in a URI: a space, '#', non-ASCII letters.
    lint(join(CWD, "scripts", "sub dir", "Grüße #1.crmscript"), GREETING),
    suppress(lint(join(CWD, "legacy.crm"), LEGACY), "keyword-case", "kept as the vendor wrote it"),
    lint(join(CWD, "clean.crm"), CLEAN),
    unreadableFileResult(join(CWD, "locked.crm"), "EACCES: permission denied, open 'locked.crm'"),
    lint("<stdin>", `${LEVEL}Integer z = 1;;\n`),
    lint(resolve("/shared/includes/lib.crm"), "Integer a = 1;\n"),
  ];
}

// ---------------------------------------------------------------- the SARIF schema

const require = createRequire(import.meta.url);
const schema: unknown = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
// The schema is draft-04; one of its patterns is not valid with the `u` flag Ajv uses by default.
const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema as object);

function schemaErrors(log: unknown): string[] {
  return validateSarif(log)
    ? []
    : (validateSarif.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`);
}

// The parts of the log the assertions read.
interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface ArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  description?: { text: string };
}
interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region?: Region;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  suppressions?: { kind: string; status?: string; justification?: string }[];
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration?: { level?: string; enabled?: boolean };
  help: { text: string; markdown?: string };
  helpUri?: string;
  properties?: { tags: string[]; precision: string; "problem.severity": string };
}
interface Notification {
  level: string;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
}
interface Run {
  tool: { driver: { name: string; version: string; semanticVersion?: string; informationUri?: string; rules: Rule[] } };
  invocations: { executionSuccessful: boolean; toolExecutionNotifications?: Notification[] }[];
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: string;
  results: SarifResult[];
}
interface Log {
  $schema: string;
  version: string;
  runs: Run[];
}

function sarif(results: readonly LintResult[], options: Partial<Parameters<typeof formatSarif>[1]> = {}): { text: string; log: Log; run: Run } {
  const text = formatSarif(results, { cwd: CWD, toolVersion: VERSION, docs: DOCS, ...options });
  const log = JSON.parse(text) as Log;
  return { text, log, run: log.runs[0] as Run };
}

// ---------------------------------------------------------------- SARIF

describe("SARIF output", () => {
  it("matches its snapshot and the SARIF 2.1.0 schema", async () => {
    const { text, log } = sarif(sampleResults());
    expect(schemaErrors(log)).toEqual([]);
    await expect(text).toMatchFileSnapshot("./__snapshots__/formatters.sarif.json");
  });

  it("describes exactly the codes that occur, sorted, and results point at their rule", () => {
    const results = sampleResults();
    const { run } = sarif(results);
    const occurring = new Set(
      results.flatMap((result) => [...result.messages, ...result.suppressedMessages]).flatMap((message) => (message.ruleId === null ? [] : [message.ruleId])),
    );
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual([...occurring].sort());
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    // One of each kind is among them.
    expect(ids).toEqual(expect.arrayContaining(["keyword-case", "operator-type", "syntax-missing-semicolon"]));
  });

  it("meets GitHub code scanning's requirements for rules and results", () => {
    const { log, run } = sarif(sampleResults());
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver).toMatchObject({ name: "crmscript-lint", version: VERSION, semanticVersion: VERSION });
    for (const rule of run.tool.driver.rules) {
      expect(rule.name.length).toBeLessThanOrEqual(255);
      for (const text of [rule.shortDescription.text, rule.fullDescription.text]) {
        expect(text.trim()).not.toBe("");
        expect(text.length).toBeLessThanOrEqual(1024);
      }
      expect(rule.help.text.trim()).not.toBe("");
      expect(["very-high", "high", "medium", "low"]).toContain(rule.properties?.precision);
      expect(["error", "warning", "recommendation"]).toContain(rule.properties?.["problem.severity"]);
      expect(rule.properties?.tags.length).toBeLessThanOrEqual(10);
    }
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(result.message.text.trim()).not.toBe("");
      expect(result.locations).toHaveLength(1);
      const region = result.locations[0]?.physicalLocation.region as Region;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
    }
    expect(run.columnKind).toBe("utf16CodeUnits");
  });

  it("maps the registries: level, tags, problem severity; help is the generated page, linked like the language server links it", () => {
    const { run } = sarif(sampleResults());
    const rule = (id: string): Rule => run.tool.driver.rules.find((candidate) => candidate.id === id) as Rule;
    expect(rule("keyword-case")).toMatchObject({
      defaultConfiguration: { level: "warning" },
      properties: { tags: ["lint", "style"], "problem.severity": "recommendation" },
      helpUri: `${DOCS.baseUri}rules/keyword-case.md`,
    });
    expect(rule("keyword-case").help.markdown).toBe(readFileSync(join(repositoryRoot, "docs", docsPageOf("keyword-case")), "utf8"));
    expect(rule("keyword-case").help.text).not.toMatch(/^#|```/m);
    expect(rule("operator-type")).toMatchObject({
      defaultConfiguration: { level: "error" },
      properties: { tags: ["semantic"], "problem.severity": "error" },
      helpUri: `${DOCS.baseUri}diagnostics/operator-type.md`,
    });
    expect(rule("syntax-missing-semicolon")).toMatchObject({ properties: { tags: ["syntax"], precision: "very-high" } });
    expect(run.tool.driver.informationUri).toBe(`${DOCS.baseUri}README.md`);
  });

  it("writes paths relative to %SRCROOT% (the working folder) with forward slashes, percent-encoded", () => {
    const { run } = sarif(sampleResults());
    const uris = run.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: "scripts/totals.crm", uriBaseId: "%SRCROOT%" });
    expect(uris).toContainEqual({ uri: "scripts/sub%20dir/Gr%C3%BC%C3%9Fe%20%231.crmscript", uriBaseId: "%SRCROOT%" });
    expect(uris).toContainEqual({ description: { text: "standard input" } });
    // Outside the working folder: an absolute URI, which GitHub makes relative to the checkout if it can.
    expect(uris).toContainEqual({ uri: pathToFileURL(resolve("/shared/includes/lib.crm")).href });
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `${pathToFileURL(CWD).href}/` } });
  });

  it("marks suppressed messages as suppressed in source, with the justification, or leaves them out", () => {
    const suppressed = sarif(sampleResults()).run.results.filter((result) => result.suppressions !== undefined);
    expect(suppressed.map((result) => result.ruleId)).toEqual(["keyword-case"]);
    expect(suppressed[0]?.suppressions).toEqual([{ kind: "inSource", status: "accepted", justification: "kept as the vendor wrote it" }]);
    const without = sarif(sampleResults(), { includeSuppressed: false });
    expect(without.run.results.some((result) => result.suppressions !== undefined)).toBe(false);
    expect(schemaErrors(without.log)).toEqual([]);
  });

  it("reports an unreadable file as a failed tool execution, not as a result", () => {
    const { log, run } = sarif([unreadableFileResult(join(CWD, "locked.crm"), "EACCES: permission denied")]);
    expect(run.results).toEqual([]);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: "error",
            message: { text: "cannot read the file: EACCES: permission denied" },
            locations: [{ physicalLocation: { artifactLocation: { uri: "locked.crm", uriBaseId: "%SRCROOT%" } } }],
          },
        ],
      },
    ]);
    expect(schemaErrors(log)).toEqual([]);
  });

  it("is a valid, empty log for clean files and for no files", () => {
    for (const results of [[], [lint(join(CWD, "clean.crm"), CLEAN)]]) {
      const { log, run } = sarif(results);
      expect(schemaErrors(log)).toEqual([]);
      expect(run.results).toEqual([]);
      expect(run.tool.driver.rules).toEqual([]);
      expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    }
  });

  it("without documentation pages, helps with the registry's words and links nothing; a non-semantic version is only a version", () => {
    const { log, run } = sarif(sampleResults(), { docs: undefined, toolVersion: "development" });
    expect(schemaErrors(log)).toEqual([]);
    expect(run.tool.driver.version).toBe("development");
    expect(run.tool.driver.semanticVersion).toBeUndefined();
    expect(run.tool.driver.informationUri).toBeUndefined();
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBeUndefined();
      expect(rule.help).toEqual({ text: rule.fullDescription.text });
    }
  });

  it("describes a code no registry knows in general words", () => {
    const result = lintResult(join(CWD, "a.crm"), [
      { ruleId: "made-up-code", severity: 2, message: "something odd", line: 1, column: 1, endLine: 1, endColumn: 1 },
    ]);
    const { log, run } = sarif([result]);
    expect(schemaErrors(log)).toEqual([]);
    expect(run.tool.driver.rules).toEqual([
      {
        id: "made-up-code",
        name: "made-up-code",
        shortDescription: { text: "A problem crmscript-lint reports as made-up-code." },
        fullDescription: { text: "A problem crmscript-lint reports as made-up-code." },
        help: { text: "A problem crmscript-lint reports as made-up-code." },
      },
    ]);
  });

  it("has a validator that rejects invalid logs", () => {
    const broken = (change: (log: Log) => void): string[] => {
      const { log } = sarif(sampleResults());
      change(log);
      return schemaErrors(log);
    };
    expect(broken((log) => delete ((log.runs[0] as Run).tool.driver as Partial<Run["tool"]["driver"]>).name)).not.toEqual([]);
    expect(broken((log) => ((log.runs[0]?.results[0]?.locations[0]?.physicalLocation.region as Region).startLine = 0))).not.toEqual([]);
    expect(broken((log) => ((log.runs[0]?.results[0] as SarifResult).level = "fatal"))).not.toEqual([]);
    expect(broken((log) => (log.version = "2.0.0"))).not.toEqual([]);
    expect(broken((log) => ((log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation as ArtifactLocation).uri = "a b|c"))).not.toEqual([]);
  });
});

// ---------------------------------------------------------------- GitHub workflow commands

describe("GitHub Actions output", () => {
  it("matches its snapshot", async () => {
    await expect(formatGithub(sampleResults(), { cwd: CWD })).toMatchFileSnapshot("./__snapshots__/formatters.github.txt");
  });

  it("writes one command per message, columns only for a range on one line", () => {
    const lines = formatGithub([lint(join(CWD, "scripts", "greeting.crm"), GREETING)], { cwd: CWD }).split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toContain(
      "::error file=scripts/greeting.crm,line=10,col=14,endLine=10,endColumn=14,title=syntax-missing-semicolon::expected ';' after the variable declaration, found 'String' on the next line",
    );
    // The unreachable statements span two lines.
    expect(lines).toContain(
      "::warning file=scripts/greeting.crm,line=4,endLine=5,title=no-unreachable::unreachable code: it comes after 'return', so it never runs",
    );
  });

  it("escapes %, CR and LF in the message, and also ':' and ',' in properties", () => {
    const result = lintResult(join(CWD, "odd, name: 100%.crm"), [
      { ruleId: "x:y,z", severity: 2, message: "50% done\r\nnext: a, b", line: 3, column: 2, endLine: 3, endColumn: 5 },
    ]);
    expect(formatGithub([result], { cwd: CWD })).toBe(
      "::error file=odd%2C name%3A 100%25.crm,line=3,col=2,endLine=3,endColumn=5,title=x%3Ay%2Cz::50%25 done%0D%0Anext: a, b\n",
    );
  });

  it("names no position for an unreadable file and no file for standard input; prints nothing without problems", () => {
    expect(formatGithub([unreadableFileResult(join(CWD, "locked.crm"), "EACCES")], { cwd: CWD })).toBe(
      "::error file=locked.crm::cannot read the file: EACCES\n",
    );
    expect(formatGithub([lint("<stdin>", `${LEVEL}Integer z = 1;;\n`)], { cwd: CWD })).toBe(
      "::warning title=syntax-empty-statement::unnecessary ';': an empty statement does nothing\n",
    );
    expect(formatGithub([], { cwd: CWD })).toBe("");
    expect(formatGithub([lint(join(CWD, "clean.crm"), CLEAN), suppress(lint(join(CWD, "legacy.crm"), LEGACY), "keyword-case", "")], { cwd: CWD })).toBe("");
  });
});

// ---------------------------------------------------------------- the documentation pages of an installed bundle

describe("packageDocs in the bundle", () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** Bundles a script that prints what `packageDocs()` finds into `<package>/dist/`, as esbuild.mjs bundles the CLI, and runs it. */
  async function runInstalled(withDocs: boolean): Promise<unknown> {
    const root = mkdtempSync(join(tmpdir(), "crmscript-sarif-docs-"));
    roots.push(root);
    const packageRoot = join(root, "package");
    mkdirSync(join(packageRoot, "dist"), { recursive: true });
    if (withDocs) cpSync(join(repositoryRoot, "docs"), join(packageRoot, "docs"), { recursive: true });
    const entry = join(root, "entry.ts");
    const sarifModule = join(repositoryRoot, "server", "cli", "formatters", "sarif.ts").split("\\").join("/");
    writeFileSync(
      entry,
      `import { packageDocs } from ${JSON.stringify(sarifModule)};\nconst docs = packageDocs();\nconsole.log(JSON.stringify(docs === undefined ? null : { baseUri: docs.baseUri, page: docs.readPage("rules/no-shadow.md"), missing: docs.readPage("rules/none.md") ?? null }));\n`,
    );
    const { build } = await import("esbuild");
    const { jsonAsString } = (await import(pathToFileURL(join(repositoryRoot, "scripts", "esbuild-json-as-string.mjs")).href)) as {
      jsonAsString: import("esbuild").Plugin;
    };
    const outfile = join(packageRoot, "dist", "crmscript-lint.js");
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      plugins: [jsonAsString],
      logLevel: "silent",
    });
    const run = spawnSync(process.execPath, [outfile], { encoding: "utf8", cwd: root });
    expect(run.stderr).toBe("");
    return { output: JSON.parse(run.stdout) as unknown, docsUri: `${pathToFileURL(join(packageRoot, "docs")).href}/` };
  }

  it("finds docs/ beside dist/ and reads its pages", async () => {
    const { output, docsUri } = (await runInstalled(true)) as { output: { baseUri: string; page: string; missing: null }; docsUri: string };
    expect(output).toEqual({ baseUri: docsUri, page: readFileSync(join(repositoryRoot, "docs", "rules", "no-shadow.md"), "utf8"), missing: null });
  });

  it("finds nothing when the package has no docs/", async () => {
    expect(((await runInstalled(false)) as { output: unknown }).output).toBeNull();
  });
});

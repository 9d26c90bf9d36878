/**
 * `--format sarif`: the results as a SARIF 2.1.0 log for GitHub code
 * scanning and other SARIF viewers. One run; a rule descriptor for every code
 * that occurs (from the registries, with the code's documentation page as its
 * help); one result per message, suppressed messages marked as suppressed in
 * source; messages without a code (an unreadable file) are tool execution
 * notifications, since they say nothing about the code. Paths are relative to
 * the working folder (`%SRCROOT%`), which in a workflow is the checkout.
 * `formatSarif` is pure; reading the documentation pages is `packageDocs`'s job.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { ArtifactLocation, Log, Notification, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor, Result } from "sarif";
import { describeCode, docsPageOf, type CodeDescription } from "../../analysis/docs-pages.js";
import type { LintMessage, LintResult } from "../lint-result.js";
import { displayPath, isOutside, STDIN_PATH } from "./paths.js";

/** The diagnostic documentation pages (`docs/` as `npm run build:docs` writes it). */
export interface SarifDocs {
  /** The folder as a URL ending in `/`: rules link to `baseUri` + their page. */
  readonly baseUri: string;
  /** A page's Markdown (`rules/no-shadow.md`, `README.md`, …), or undefined when it cannot be read. */
  readonly readPage: (page: string) => string | undefined;
}

export interface SarifOptions {
  /** Paths are written relative to this folder. */
  readonly cwd: string;
  readonly toolVersion: string;
  /** Without pages, a rule's help is its registry summary and it has no `helpUri`. */
  readonly docs?: SarifDocs;
  /** Whether suppressed messages are written (as results with a suppression); default true. */
  readonly includeSuppressed?: boolean;
}

const SRCROOT = "%SRCROOT%";
/** GitHub's limits for rule descriptions and names. */
const DESCRIPTION_LIMIT = 1024;

// ---------------------------------------------------------------- documentation pages

/** The pages in `folder`, linked by `file:` URL as the language server links them. */
export function docsFromFolder(folder: string): SarifDocs {
  const href = pathToFileURL(folder).href;
  return {
    baseUri: href.endsWith("/") ? href : `${href}/`,
    readPage: (page) => {
      try {
        return readFileSync(join(folder, ...page.split("/")), "utf8");
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The installed package's own pages: `docs/` beside `dist/`, where the bundle
 * runs. Undefined when they are not there (from source, or a package built
 * without them).
 */
export function packageDocs(): SarifDocs | undefined {
  if (typeof __dirname !== "string") return undefined;
  const folder = join(dirname(__dirname), "docs");
  return existsSync(join(folder, "README.md")) ? docsFromFolder(folder) : undefined;
}

// ---------------------------------------------------------------- rules

function limit(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** The Markdown page as plain text: no heading marks, no code fences. */
function plainText(markdown: string): string {
  return markdown
    .split("\n")
    .filter((line) => !line.startsWith("```"))
    .map((line) => line.replace(/^#+\s+/, ""))
    .join("\n")
    .trim();
}

function fullDescription(code: string, info: CodeDescription | undefined): string {
  if (info === undefined) return `A problem crmscript-lint reports as ${code}.`;
  switch (info.kind) {
    case "lint":
      return `${info.summary} A ${info.group} lint rule, ${info.defaultSeverity} by default; it can be set to off, warn or error.`;
    case "lint-internal":
      return `${info.summary} Reported by crmscript-lint itself.`;
    case "semantic":
      return `${info.summary} Reported by semantic analysis; always on.`;
    case "syntax":
      return `${info.summary} Reported by the parser; always on.`;
  }
}

const levels = { error: "error", warning: "warning", info: "note", hint: "note" } as const;

function defaultConfiguration(info: CodeDescription): ReportingConfiguration {
  if (info.defaultSeverity === "off") return { enabled: false };
  return { level: levels[info.defaultSeverity] };
}

/** GitHub's `tags`, `precision` and `problem.severity` (which, with the level, orders and filters alerts). */
function ruleProperties(info: CodeDescription): PropertyBag {
  const style = info.kind === "lint" && info.group === "style";
  return {
    tags: info.kind === "lint" ? ["lint", info.group] : [info.kind],
    // The parser's codes are facts about the text; semantic and lint checks rely on the catalog and on judgement.
    precision: info.kind === "syntax" ? "very-high" : "high",
    "problem.severity": info.defaultSeverity === "error" ? "error" : style ? "recommendation" : "warning",
  };
}

function reportingDescriptor(code: string, docs: SarifDocs | undefined): ReportingDescriptor {
  const info = describeCode(code);
  const page = docs?.readPage(docsPageOf(code));
  const full = limit(fullDescription(code, info), DESCRIPTION_LIMIT);
  return {
    id: code,
    name: code,
    shortDescription: { text: limit(info?.summary ?? full, DESCRIPTION_LIMIT) },
    fullDescription: { text: full },
    ...(info !== undefined ? { defaultConfiguration: defaultConfiguration(info) } : {}),
    help: page !== undefined ? { text: plainText(page), markdown: page } : { text: full },
    ...(page !== undefined && docs !== undefined ? { helpUri: `${docs.baseUri}${docsPageOf(code)}` } : {}),
    ...(info !== undefined ? { properties: ruleProperties(info) } : {}),
  };
}

// ---------------------------------------------------------------- locations

/** A URI can carry neither lone surrogates nor (unencoded) reserved characters. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
}

/** The file relative to `%SRCROOT%` when it is inside the working folder, else by absolute `file:` URL; standard input has none. */
function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  if (filePath === STDIN_PATH) return { description: { text: "standard input" } };
  const shown = displayPath(filePath, cwd);
  if (isOutside(shown)) return { uri: pathToFileURL(resolve(cwd, filePath)).href };
  return { uri: shown.split(sep).map(encodeSegment).join("/"), uriBaseId: SRCROOT };
}

function region(message: LintMessage): Region {
  return { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn };
}

function srcRoot(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith("/") ? href : `${href}/`;
}

// ---------------------------------------------------------------- the log

function level(message: LintMessage): "error" | "warning" {
  return message.severity === 2 ? "error" : "warning";
}

export function formatSarif(results: readonly LintResult[], options: SarifOptions): string {
  const includeSuppressed = options.includeSuppressed !== false;
  const codes = new Set<string>();
  for (const result of results) {
    for (const message of [...result.messages, ...(includeSuppressed ? result.suppressedMessages : [])]) {
      if (message.ruleId !== null) codes.add(message.ruleId);
    }
  }
  const ruleIds = [...codes].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));

  const sarifResults: Result[] = [];
  const notifications: Notification[] = [];
  for (const result of results) {
    const artifact = artifactLocation(result.filePath, options.cwd);
    const messages = [
      ...result.messages.map((message) => ({ message, suppressions: undefined })),
      ...(includeSuppressed ? result.suppressedMessages : []).map((message) => ({ message, suppressions: message.suppressions })),
    ].sort((a, b) => a.message.line - b.message.line || a.message.column - b.message.column);
    for (const { message, suppressions } of messages) {
      if (message.ruleId === null) {
        // A fatal message is about the whole file (it could not be read), not a place in it.
        const physicalLocation = message.fatal === true ? { artifactLocation: artifact } : { artifactLocation: artifact, region: region(message) };
        notifications.push({ level: level(message), message: { text: message.message }, locations: [{ physicalLocation }] });
        continue;
      }
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex: ruleIndex.get(message.ruleId),
        level: level(message),
        message: { text: message.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: region(message) } }],
        ...(suppressions !== undefined
          ? {
              suppressions: suppressions.map((suppression) => ({
                kind: "inSource",
                status: "accepted",
                ...(suppression.justification !== "" ? { justification: suppression.justification } : {}),
              })),
            }
          : {}),
      });
    }
  }

  const semanticVersion = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(options.toolVersion);
  const docsIndex = options.docs?.readPage("README.md") !== undefined ? `${options.docs?.baseUri}README.md` : undefined;
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "crmscript-lint",
            ...(semanticVersion ? { semanticVersion: options.toolVersion } : {}),
            version: options.toolVersion,
            ...(docsIndex !== undefined ? { informationUri: docsIndex } : {}),
            rules: ruleIds.map((id) => reportingDescriptor(id, options.docs)),
          },
        },
        invocations: [
          {
            executionSuccessful: !notifications.some((notification) => notification.level === "error"),
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: srcRoot(options.cwd) } },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * The one checker the semantic and lint tests go through: analyses a
 * fixture (see `fixture.ts`) with the real catalog and an in-memory file
 * system, then matches diagnostics and types against its annotations one to
 * one. Missing and unexpected diagnostics are both failures, listed apart.
 */
import { expect } from "vitest";
import { walk, type Expression } from "../../grammar/index.js";
import { AnalysisHost, type FileAnalysis } from "../../server/analysis/host.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import type { AnalysisSettings } from "../../server/analysis/settings.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { allRules } from "../../server/lint/registry.js";
import { typeToString } from "../../server/semantics/index.js";
import { parseFixture, type Annotation, type FixtureFile } from "./fixture.js";

export interface FixtureRun {
  readonly host: AnalysisHost;
  readonly files: readonly FixtureFile[];
  readonly main: FixtureFile;
  analysis(path?: string): FileAnalysis;
}

export interface CheckOptions {
  readonly settings?: AnalysisSettings;
  /** Lint rules to run (by id); none unless named, so semantic fixtures see only syntax and semantic diagnostics. */
  readonly rules?: readonly string[];
}

/** Every rule off except those named. */
export function onlyRules(ids: readonly string[]): Record<string, "off" | "warning"> {
  return Object.fromEntries(
    allRules.map((rule) => [rule.id, ids.includes(rule.id) ? (rule.defaultSeverity === "off" ? "warning" : rule.defaultSeverity) : "off"]),
  ) as Record<string, "off" | "warning">;
}

export function runFixture(source: string, options: CheckOptions = {}): FixtureRun {
  const files = parseFixture(source);
  const fileSystem = new MemoryFileSystem(Object.fromEntries(files.map((file) => [file.path, file.text])));
  const settings: AnalysisSettings = { ...options.settings, rules: { ...onlyRules(options.rules ?? []), ...options.settings?.rules } };
  const host = new AnalysisHost(builtinCatalog().catalog, fileSystem, settings);
  const main = files[0] as FixtureFile;
  return {
    host,
    files,
    main,
    analysis: (path = main.path) => {
      const analysis = host.analyzeFile(path);
      if (analysis === undefined) throw new Error(`no fixture file ${path}`);
      return analysis;
    },
  };
}

/** The `$0` offset of the first file; a fixture without one is a mistake in the test. */
export function cursorOf(run: FixtureRun): number {
  if (run.main.cursor === undefined) throw new Error("the fixture has no $0 cursor");
  return run.main.cursor;
}

function describeAt(analysis: FileAnalysis, start: number, end: number): string {
  const from = analysis.sourceFile.lineIndex.position(start);
  const to = analysis.sourceFile.lineIndex.position(end);
  return `${from.line + 1}:${from.column + 1}-${to.line === from.line ? "" : `${to.line + 1}:`}${to.column + 1}`;
}

function describeAnnotation(annotation: Annotation): string {
  const what =
    annotation.kind === "type"
      ? `type ${annotation.code}`
      : `${annotation.severity} ${annotation.code}${annotation.message === undefined ? "" : `: …${annotation.message}…`}`;
  return `${annotation.line + 1}:${annotation.startColumn + 1}-${annotation.endColumn + 1} ${what}`;
}

/** Checks the diagnostics and types of every fixture file that has annotations (and always the first file). */
export function checkFixture(source: string, options: CheckOptions = {}): FixtureRun {
  const run = runFixture(source, options);
  for (const file of run.files) {
    if (file !== run.main && file.annotations.length === 0) continue;
    const analysis = run.analysis(file.path);
    const lines = analysis.sourceFile.lineIndex;
    const expected = file.annotations.filter((annotation) => annotation.kind === "diagnostic");
    const unmatched = [...expected];
    const unexpected: string[] = [];
    for (const diagnostic of analysis.diagnostics) {
      const start = lines.position(diagnostic.range.start);
      const end = lines.position(diagnostic.range.end);
      const index = unmatched.findIndex(
        (annotation) =>
          annotation.line === start.line &&
          annotation.startColumn === start.column &&
          end.line === start.line &&
          annotation.endColumn === end.column &&
          annotation.code === diagnostic.code &&
          annotation.severity === diagnostic.severity &&
          (annotation.message === undefined || diagnostic.message.includes(annotation.message)),
      );
      if (index >= 0) unmatched.splice(index, 1);
      else
        unexpected.push(
          `${describeAt(analysis, diagnostic.range.start, diagnostic.range.end)} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`,
        );
    }
    const typeProblems: string[] = [];
    for (const annotation of file.annotations.filter((item) => item.kind === "type")) {
      const start = lines.offset({ line: annotation.line, column: annotation.startColumn });
      const end = lines.offset({ line: annotation.line, column: annotation.endColumn });
      let expression: Expression | undefined;
      walk(analysis.sourceFile.program, (node) => {
        if (expression === undefined && node.start === start && node.end === end && analysis.model.typeOf(node as Expression) !== undefined)
          expression = node as Expression;
      });
      const actual = expression === undefined ? "no expression there" : typeToString(analysis.model.typeOf(expression) as never);
      if (actual !== annotation.code) typeProblems.push(`${describeAnnotation(annotation)}, found ${actual}`);
    }
    expect({
      file: file.path,
      missing: unmatched.map(describeAnnotation),
      unexpected,
      types: typeProblems,
    }).toEqual({ file: file.path, missing: [], unexpected: [], types: [] });
  }
  return run;
}

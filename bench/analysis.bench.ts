/**
 * Full analysis (issue 3): the catalog's load time, parse + semantic
 * analysis + lint of a realistic 5,000-line script (and where the time
 * goes), against TypeScript's parse + bind + type check of the same program
 * rendered as TypeScript (the baseline); the semantic check after a
 * one-character edit in the middle, resumed from the check before it
 * against a full check of the same text and against the least that carrying
 * the check of the statements after the edit over would cost
 * (`carry-over.ts`); and the throughput over 1,000
 * typical files analysed one after another as the CLI does.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { parseSource, reparseSource } from "../grammar/index.js";
import { AnalysisHost } from "../server/analysis/host.js";
import { MemoryFileSystem } from "../server/analysis/file-system.js";
import { loadCatalog, loadCatalogText } from "../server/catalog/load.js";
import { runLint } from "../server/lint/run.js";
import { analyzeSemantics, createEnvironment, noIncludes, reusedStatementCount } from "../server/semantics/index.js";
import { carryFactsOver, movedStatements } from "./carry-over.js";
import { formatTable, interleaved, median, medianRatio, timeOnce } from "./measure.js";
import { generateProgramOfLines, generateScriptOfLines, seededRandom } from "./realistic-script.js";

export interface AnalysisBenchResult {
  readonly catalogFirstLoadMilliseconds: number;
  readonly catalogWarmLoadMilliseconds: number;
  /** The same data parsed whole with `JSON.parse` (how it was loaded before the lazy read), for comparison. */
  readonly catalogWholeParseMilliseconds: number;
  readonly catalogFullValidationMilliseconds: number;
  readonly lines: number;
  readonly fullAnalysisMilliseconds: number;
  readonly parseMilliseconds: number;
  readonly semanticsMilliseconds: number;
  readonly lintMilliseconds: number;
  readonly typescriptCheckMilliseconds: number;
  /** TypeScript's time divided by ours, per character, median of rounds: above 1 means faster than the baseline. */
  readonly ratio: number;
  /** The semantic check after a one-character edit in the middle of the script: resumed, and full. */
  readonly resumedCheckMilliseconds: number;
  readonly fullCheckMilliseconds: number;
  /** Full time divided by resumed time, median of rounds. */
  readonly resumeRatio: number;
  /** The share of the top-level statements whose check was kept. */
  readonly keptShare: number;
  /** The statements after the edit that the parse reused as moved copies, and their nodes. */
  readonly movedStatements: number;
  readonly movedNodes: number;
  /** Moving those statements' facts onto the copies, the least a carry-over would do (`carry-over.ts`), median. */
  readonly carriedFactsMilliseconds: number;
  readonly files: number;
  readonly filesLines: number;
  readonly filesMilliseconds: number;
}

/** TypeScript's parse, bind and full type check of one in-memory file. */
function typescriptCheck(text: string): number {
  const options: ts.CompilerOptions = { noLib: true, types: [], target: ts.ScriptTarget.ES2022, noEmit: true };
  const file = ts.createSourceFile("program.ts", text, ts.ScriptTarget.ES2022, false);
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === "program.ts" ? file : undefined),
    getDefaultLibFileName: () => "lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => name === "program.ts",
    readFile: () => undefined,
  };
  return ts.createProgram(["program.ts"], options, host).getSemanticDiagnostics().length;
}

export function runAnalysisBench(rounds = 20): AnalysisBenchResult {
  const catalogText = readFileSync("server/catalog/data/catalog.json", "utf8");
  // The first load in a process is what a starting server or CLI pays; later ones show the steady cost.
  let catalog = loadCatalog({}).catalog;
  const catalogFirstLoadMilliseconds = timeOnce(() => {
    catalog = loadCatalogText(catalogText).catalog;
    catalog.classNamed("NSContactAgent");
  });
  const loads = interleaved({ lazy: () => loadCatalogText(catalogText), whole: () => loadCatalog(JSON.parse(catalogText)) }, 10);
  const catalogFullValidationMilliseconds = timeOnce(() => loadCatalogText(catalogText).catalog.validateAll());

  const { crmscript, typescript } = generateProgramOfLines(5000, 11);
  const environment = createEnvironment(catalog);
  const analyze = (phases?: { parse: number[]; semantics: number[]; lint: number[] }): void => {
    const start = performance.now();
    const sourceFile = parseSource(crmscript);
    const parsed = performance.now();
    const model = analyzeSemantics({ sourceFile, file: "/bench/script.crm", environment, includes: noIncludes, options: {} });
    const checked = performance.now();
    runLint(model);
    if (phases !== undefined) {
      phases.parse.push(parsed - start);
      phases.semantics.push(checked - parsed);
      phases.lint.push(performance.now() - checked);
    }
  };
  const times = interleaved({ crmscript: () => analyze(), typescript: () => typescriptCheck(typescript) }, rounds);
  const phases = { parse: [] as number[], semantics: [] as number[], lint: [] as number[] };
  for (let round = 0; round < rounds; round++) analyze(phases);
  const perCharacter = (values: readonly number[], text: string): number[] => values.map((value) => value / text.length);
  const ratio = 1 / medianRatio(perCharacter(times.crmscript as number[], crmscript), perCharacter(times.typescript as number[], typescript));

  // One character typed at the start of the middle line: the check resumes at the statement around it.
  const before = parseSource(crmscript);
  const previous = analyzeSemantics({ sourceFile: before, file: "/bench/script.crm", environment, includes: noIncludes, options: {} });
  const lines = crmscript.split("\n");
  const middle = lines.slice(0, lines.length >> 1).join("\n").length + 1;
  const edited = reparseSource(before, `${crmscript.slice(0, middle)} ${crmscript.slice(middle)}`);
  let keptShare = 0;
  const moved = movedStatements(before, edited);
  const checks = interleaved(
    {
      resumed: () => {
        const model = analyzeSemantics({ sourceFile: edited, file: "/bench/script.crm", environment, includes: noIncludes, options: {}, previous });
        keptShare = reusedStatementCount(model) / edited.program.statements.length;
      },
      full: () => analyzeSemantics({ sourceFile: edited, file: "/bench/script.crm", environment, includes: noIncludes, options: {} }),
      carried: () => carryFactsOver(previous, edited, moved),
    },
    rounds,
  );

  const random = seededRandom(99);
  const files = Array.from({ length: 1000 }, (_, index) => generateScriptOfLines(80 + Math.floor(random() * 170), 1000 + index));
  const filesLines = files.reduce((sum, text) => sum + text.split("\n").length, 0);
  const host = new AnalysisHost(catalog, new MemoryFileSystem());
  const filesMilliseconds = timeOnce(() => {
    files.forEach((text, index) => {
      const path = `/bench/files/script${index}.crm`;
      host.analyzeText(path, text);
      host.release(path);
    });
  });

  return {
    catalogFirstLoadMilliseconds,
    catalogWarmLoadMilliseconds: median(loads.lazy as number[]),
    catalogWholeParseMilliseconds: median(loads.whole as number[]),
    catalogFullValidationMilliseconds,
    lines: crmscript.split("\n").length,
    fullAnalysisMilliseconds: median(times.crmscript as number[]),
    parseMilliseconds: median(phases.parse),
    semanticsMilliseconds: median(phases.semantics),
    lintMilliseconds: median(phases.lint),
    typescriptCheckMilliseconds: median(times.typescript as number[]),
    ratio,
    resumedCheckMilliseconds: median(checks.resumed as number[]),
    fullCheckMilliseconds: median(checks.full as number[]),
    resumeRatio: 1 / medianRatio(checks.resumed as number[], checks.full as number[]),
    keptShare,
    movedStatements: moved.statements,
    movedNodes: moved.nodes,
    carriedFactsMilliseconds: median(checks.carried as number[]),
    files: files.length,
    filesLines,
    filesMilliseconds,
  };
}

export function reportAnalysisBench(result: AnalysisBenchResult): string {
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  return [
    "Full analysis (parse + semantics + lint, realistic CRMScript vs TypeScript's parse + bind + check of the same program)",
    formatTable([
      ["measure", "value"],
      ["catalog: load (entries indexed, parsed when used) + one class, first in process", ms(result.catalogFirstLoadMilliseconds)],
      ["catalog: load, warm (median)", ms(result.catalogWarmLoadMilliseconds)],
      ["catalog: the same data parsed whole with JSON.parse, warm (median)", ms(result.catalogWholeParseMilliseconds)],
      ["catalog: build and validate every entry", ms(result.catalogFullValidationMilliseconds)],
      [`${result.lines}-line script, full analysis (median)`, ms(result.fullAnalysisMilliseconds)],
      ["  of which parse", ms(result.parseMilliseconds)],
      ["  of which semantics", ms(result.semanticsMilliseconds)],
      ["  of which lint", ms(result.lintMilliseconds)],
      ["TypeScript check of the same program (baseline)", ms(result.typescriptCheckMilliseconds)],
      ["ratio (baseline time / ours per character, median of rounds)", result.ratio.toFixed(2)],
      ["semantics after a one-character edit in the middle, resumed from the check before (median)", ms(result.resumedCheckMilliseconds)],
      ["  full check of the same text (median)", ms(result.fullCheckMilliseconds)],
      ["  full / resumed (median of rounds)", result.resumeRatio.toFixed(2)],
      ["  top-level statements whose check was kept", `${Math.round(result.keptShare * 100)} %`],
      [
        `  moving instead the facts of the ${result.movedStatements} statements after it (${result.movedNodes} nodes) to their copies, at the least (median)`,
        ms(result.carriedFactsMilliseconds),
      ],
      [`${result.files} typical files (${result.filesLines} lines), one after another`, ms(result.filesMilliseconds)],
      ["  lines per second", `${Math.round(result.filesLines / (result.filesMilliseconds / 1000))}`],
    ]),
  ].join("\n");
}

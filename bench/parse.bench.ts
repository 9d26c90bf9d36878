/**
 * Parser throughput (issue 2): lex+parse of a generated realistic ~2 MB
 * CRMScript file against TypeScript's `createSourceFile` on the TypeScript
 * rendering of the same program (the baseline), their ratio (in one process,
 * and with each parser alone in processes of its own), where the time
 * goes (scanning vs parsing), the time to parse a 5,000-line script, and that
 * time right after a full garbage collection (an editor collects while idle,
 * so the first keystroke after a pause parses right after one; needs Node's
 * `--expose-gc`, which `scripts/run-bench.mjs` passes), and re-parsing it
 * after a one-character edit (`reparseSource`) against parsing it whole.
 */
import { execFileSync } from "node:child_process";
import ts from "typescript";
import { parseSource, reparseSource } from "../grammar/index.js";
import { scan } from "../grammar/scanner.js";
import { formatTable, interleaved, median, medianRatio, timeOnce } from "./measure.js";
import { generateRealisticScript, generateScriptOfLines, seededRandom } from "./realistic-script.js";

export interface ParseBenchResult {
  readonly megabytes: number;
  readonly crmscriptMegabytesPerSecond: number;
  readonly typescriptMegabytesPerSecond: number;
  readonly ratio: number;
  /** The same ratio with each parser alone in processes of its own (undefined where this file cannot start itself). */
  readonly separateProcessesRatio: number | undefined;
  readonly scanShare: number;
  readonly fiveThousandLinesMilliseconds: number;
  /** The 5,000-line parse right after a full collection, and its median ratio to a parse without one in the same round; undefined without `--expose-gc`. */
  readonly afterFullGc: { readonly milliseconds: number; readonly normalMilliseconds: number; readonly ratio: number } | undefined;
  readonly firstParseMilliseconds: number;
  /** A space typed at the start of a random line of the 5,000-line script: re-parsed from the previous parse, and parsed whole. */
  readonly afterEdit: EditTimes;
  /** The same with the character typed at the end of the script, as when writing a new one. */
  readonly afterEditAtEnd: EditTimes;
}

interface EditTimes {
  readonly reparseMilliseconds: number;
  readonly parseMilliseconds: number;
  readonly ratio: number;
}

/**
 * Rounds of: an untimed parse, a timed parse (normal), a full collection, a
 * timed parse (after GC). The ratio is the median of the rounds' ratios.
 */
function measureAfterFullGc(text: string, rounds: number): ParseBenchResult["afterFullGc"] {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) return undefined;
  const parse = (): void => {
    parseSource(text);
  };
  for (let index = 0; index < 3; index++) parse();
  const normal: number[] = [];
  const afterGc: number[] = [];
  for (let round = 0; round < rounds; round++) {
    parse();
    normal.push(timeOnce(parse));
    collect();
    afterGc.push(timeOnce(parse));
  }
  return { milliseconds: median(afterGc), normalMilliseconds: median(normal), ratio: medianRatio(afterGc, normal) };
}

/** Rounds of one edit, timed as a re-parse and as a whole parse, alternately: a space at the start of a random line, or (`atEnd`) a letter after the last character. */
function measureAfterEdit(text: string, rounds: number, atEnd = false): EditTimes {
  const lineStarts = [0];
  for (let offset = text.indexOf("\n"); offset >= 0; offset = text.indexOf("\n", offset + 1)) lineStarts.push(offset + 1);
  const random = seededRandom(5);
  const previous = parseSource(text);
  const reparse: number[] = [];
  const parse: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const at = lineStarts[Math.floor(random() * lineStarts.length)] as number;
    const edited = atEnd ? `${text}x` : `${text.slice(0, at)} ${text.slice(at)}`;
    reparse.push(timeOnce(() => reparseSource(previous, edited)));
    parse.push(timeOnce(() => parseSource(edited)));
  }
  return { reparseMilliseconds: median(reparse), parseMilliseconds: median(parse), ratio: medianRatio(parse, reparse) };
}

/** The two parsers the throughput figures compare. */
export type ParserSide = "crmscript" | "typescript";
const SIDE_PROCESSES = 3;
const SIDE_ROUNDS = 8;

/**
 * Milliseconds per character of one parser on the 2 MB program, as the
 * median of timed parses that each follow an untimed one (as `interleaved`),
 * in a process that runs nothing else: what `--parse-side` prints.
 */
export function sideMillisecondsPerCharacter(side: ParserSide, rounds = SIDE_ROUNDS): number {
  const program = generateRealisticScript(2_000_000, 7);
  return median(interleaved({ parse: parseOf(side, program) }, rounds).parse as number[]) / program[side].length;
}

/** One parse of the program's rendering for `side`, as the benchmark times it. */
function parseOf(side: ParserSide, program: { readonly crmscript: string; readonly typescript: string }): () => void {
  if (side === "crmscript") return () => parseSource(program.crmscript);
  return () => ts.createSourceFile("baseline.ts", program.typescript, ts.ScriptTarget.Latest, false);
}

/**
 * The throughput ratio with each parser alone in a process (this bench run
 * again with `--parse-side`, the two sides alternating): in one process the
 * old generation's collections settle into the same place of every round, so
 * one parser pays for marking both parsers' trees throughout the process.
 * (While our parser built its nodes as object literals, which of their
 * allocation sites V8 pretenured also depended on where the first
 * collections fell, and the in-process ratio read 1.1 in one process and 1.9
 * in the next; see `grammar/ast-nodes.ts`.)
 */
function separateProcessesRatio(): number | undefined {
  const script = process.argv[1];
  if (script === undefined) return undefined;
  const perCharacter: Record<ParserSide, number[]> = { crmscript: [], typescript: [] };
  try {
    for (let index = 0; index < SIDE_PROCESSES; index++) {
      for (const side of ["crmscript", "typescript"] as const) {
        const output = execFileSync(process.execPath, [...process.execArgv, script, "--parse-side", side], { encoding: "utf8", timeout: 300_000 });
        perCharacter[side].push(Number(output.trim()));
      }
    }
  } catch {
    return undefined;
  }
  return median(perCharacter.typescript) / median(perCharacter.crmscript);
}

export function runParseBench(rounds = 15): ParseBenchResult {
  const firstParseMilliseconds = timeOnce(() => parseSource("Integer x = 1;"));
  const program = generateRealisticScript(2_000_000, 7);
  const { crmscript, typescript } = program;
  const times = interleaved(
    {
      crmscript: parseOf("crmscript", program),
      typescript: parseOf("typescript", program),
      scan: () => scan(crmscript),
    },
    rounds,
  );
  const crmscriptTime = median(times.crmscript as number[]);
  const typescriptTime = median(times.typescript as number[]);
  // Throughput per character of each text; the ratio compares throughputs round by round.
  const perCharacter = (time: number, text: string): number => time / text.length;
  const ratio =
    1 /
    medianRatio(
      (times.crmscript as number[]).map((time) => perCharacter(time, crmscript)),
      (times.typescript as number[]).map((time) => perCharacter(time, typescript)),
    );
  const lines5000 = generateScriptOfLines(5000, 11);
  const fiveThousand = interleaved({ parse: () => parseSource(lines5000) }, 30).parse as number[];
  const afterFullGc = measureAfterFullGc(lines5000, 30);
  const afterEdit = measureAfterEdit(lines5000, 40);
  const afterEditAtEnd = measureAfterEdit(lines5000, 40, true);
  return {
    megabytes: crmscript.length / 1e6,
    crmscriptMegabytesPerSecond: crmscript.length / 1e3 / crmscriptTime,
    typescriptMegabytesPerSecond: typescript.length / 1e3 / typescriptTime,
    ratio,
    separateProcessesRatio: separateProcessesRatio(),
    scanShare: median(times.scan as number[]) / crmscriptTime,
    fiveThousandLinesMilliseconds: median(fiveThousand),
    afterFullGc,
    firstParseMilliseconds,
    afterEdit,
    afterEditAtEnd,
  };
}

export function reportParseBench(result: ParseBenchResult): string {
  const gc = result.afterFullGc;
  const gcRows: string[][] =
    gc === undefined
      ? [["5,000-line script right after a full GC", "n/a (run node with --expose-gc)"]]
      : [
          ["5,000-line script, same rounds without a GC (median)", `${gc.normalMilliseconds.toFixed(1)} ms`],
          ["parse right after a full GC (median)", `${gc.milliseconds.toFixed(1)} ms`],
          ["after a full GC / without (median of rounds)", `${gc.ratio.toFixed(2)}`],
        ];
  return [
    "Parser throughput (lex + parse, realistic CRMScript vs TypeScript createSourceFile on the same program)",
    formatTable([
      ["measure", "value"],
      ["input size", `${result.megabytes.toFixed(2)} MB`],
      ["CRMScript lex+parse", `${result.crmscriptMegabytesPerSecond.toFixed(2)} MB/s`],
      ["TypeScript createSourceFile (baseline)", `${result.typescriptMegabytesPerSecond.toFixed(2)} MB/s`],
      ["ratio (CRMScript / baseline, median of rounds)", `${result.ratio.toFixed(2)}`],
      [
        `  each parser in processes of its own (medians of ${SIDE_PROCESSES} processes each)`,
        result.separateProcessesRatio === undefined ? "n/a" : `${result.separateProcessesRatio.toFixed(2)}`,
      ],
      ["share of time in the scanner", `${(result.scanShare * 100).toFixed(0)} %`],
      ["5,000-line script, lex+parse (median)", `${result.fiveThousandLinesMilliseconds.toFixed(1)} ms`],
      ...gcRows,
      ["5,000-line script after a one-character edit: re-parse (median)", `${result.afterEdit.reparseMilliseconds.toFixed(1)} ms`],
      ["  whole parse of the same text (median)", `${result.afterEdit.parseMilliseconds.toFixed(1)} ms`],
      ["  whole / re-parse (median of rounds)", `${result.afterEdit.ratio.toFixed(2)}`],
      ["5,000-line script after a letter typed at its end: re-parse (median)", `${result.afterEditAtEnd.reparseMilliseconds.toFixed(1)} ms`],
      ["  whole / re-parse (median of rounds)", `${result.afterEditAtEnd.ratio.toFixed(2)}`],
      ["first parse incl. grammar analysis", `${result.firstParseMilliseconds.toFixed(1)} ms`],
    ]),
  ].join("\n");
}

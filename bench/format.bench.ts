/**
 * Formatter throughput: `formatText` (parse, print, check the result) on
 * the generated realistic ~2 MB script and on a 5,000-line script, against
 * parsing the same text alone (the baseline), timed in the same interleaved
 * rounds; their ratio; the 5,000-line script once more when it is already
 * formatted (what `--check` meets in CI); and where the 5,000-line time
 * goes (parse, building the document, laying it out, the safety check).
 * Floor: a 5,000-line script formatted in at most 60 ms (the aim is 30 ms).
 */
import { parseSource } from "../grammar/index.js";
import { defaultFormatOptions, formatText } from "../server/format/index.js";
import { printDoc } from "../server/format/print-doc.js";
import { printProgram } from "../server/format/print-program.js";
import { changedProgram } from "../server/format/verify.js";
import { formatTable, interleaved, median, medianRatio } from "./measure.js";
import { generateRealisticScript, generateScriptOfLines } from "./realistic-script.js";

/** Milliseconds for a 5,000-line script that the formatter must not exceed, and the one it aims for. */
export const FORMAT_FLOOR_MILLISECONDS = 60;
export const FORMAT_AIM_MILLISECONDS = 30;

export interface FormatBenchResult {
  readonly megabytes: number;
  readonly formatMegabytesPerSecond: number;
  readonly parseMegabytesPerSecond: number;
  /** Formatting time over parsing time on the 2 MB script, median of rounds. */
  readonly ratio: number;
  readonly fiveThousandLines: number;
  readonly fiveThousandFormatMilliseconds: number;
  readonly fiveThousandParseMilliseconds: number;
  readonly fiveThousandRatio: number;
  /** formatText on the 5,000-line script's own formatted text (nothing to change). */
  readonly alreadyFormattedMilliseconds: number;
  /** Shares of the 5,000-line formatting time, from timing each step alone. */
  readonly steps: { readonly parse: number; readonly document: number; readonly layout: number; readonly check: number };
  readonly floorMet: boolean;
  readonly aimMet: boolean;
}

/** Formats `text`, failing the benchmark when the formatter refuses it (the timing would be of the refusal). */
function formatOrThrow(text: string, label: string): string {
  const result = formatText(text);
  if (!result.ok) throw new Error(`the formatter refused the ${label}: ${result.reason}`);
  return result.text;
}

export function runFormatBench(rounds = 9, smallRounds = 30): FormatBenchResult {
  const big = generateRealisticScript(2_000_000, 7).crmscript;
  const times = interleaved({ parse: () => parseSource(big), format: () => formatOrThrow(big, "2 MB script") }, rounds, 2);
  const parseTime = median(times.parse as number[]);
  const formatTime = median(times.format as number[]);

  const small = generateScriptOfLines(5000, 11);
  const formatted = formatOrThrow(small, "5,000-line script");
  if (formatted === small) throw new Error("the 5,000-line script is already formatted: the benchmark would not measure printing");
  const layout = { lineWidth: defaultFormatOptions.lineWidth, indentWidth: defaultFormatOptions.indentWidth, useTabs: defaultFormatOptions.useTabs };
  // The steps of formatText, each timed alone: the parse (recording the line breaks the tree depends on), the document, its layout, the check.
  const parsed = parseSource(small, { recordLineBreakReads: true });
  const document = printProgram(parsed);
  const smallTimes = interleaved(
    {
      parse: () => parseSource(small),
      format: () => formatOrThrow(small, "5,000-line script"),
      formatted: () => formatOrThrow(formatted, "formatted 5,000-line script"),
      parseForFormat: () => parseSource(small, { recordLineBreakReads: true }),
      document: () => printProgram(parsed),
      layout: () => printDoc(document, layout),
      check: () => {
        const difference = changedProgram(parsed, formatted);
        if (difference !== undefined) throw new Error(`the formatted 5,000-line script differs: ${difference}`);
      },
    },
    smallRounds,
  );
  const smallFormat = median(smallTimes.format as number[]);
  const stepTimes = {
    parse: median(smallTimes.parseForFormat as number[]),
    document: median(smallTimes.document as number[]),
    layout: median(smallTimes.layout as number[]),
    check: median(smallTimes.check as number[]),
  };
  const stepTotal = stepTimes.parse + stepTimes.document + stepTimes.layout + stepTimes.check;
  return {
    megabytes: big.length / 1e6,
    formatMegabytesPerSecond: big.length / 1e3 / formatTime,
    parseMegabytesPerSecond: big.length / 1e3 / parseTime,
    ratio: medianRatio(times.format as number[], times.parse as number[]),
    fiveThousandLines: small.split("\n").length - 1,
    fiveThousandFormatMilliseconds: smallFormat,
    fiveThousandParseMilliseconds: median(smallTimes.parse as number[]),
    fiveThousandRatio: medianRatio(smallTimes.format as number[], smallTimes.parse as number[]),
    alreadyFormattedMilliseconds: median(smallTimes.formatted as number[]),
    steps: {
      parse: stepTimes.parse / stepTotal,
      document: stepTimes.document / stepTotal,
      layout: stepTimes.layout / stepTotal,
      check: stepTimes.check / stepTotal,
    },
    floorMet: smallFormat <= FORMAT_FLOOR_MILLISECONDS,
    aimMet: smallFormat <= FORMAT_AIM_MILLISECONDS,
  };
}

export function reportFormatBench(result: FormatBenchResult): string {
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  const share = (value: number): string => `${(value * 100).toFixed(0)} %`;
  const verdict = result.floorMet ? (result.aimMet ? "met, and the aim too" : "met, the aim not yet") : "NOT MET";
  return [
    "Formatter throughput (formatText: parse, print, check the result; baseline: parsing the same text alone)",
    formatTable([
      ["measure", "value"],
      ["input size", `${result.megabytes.toFixed(2)} MB`],
      ["formatText", `${result.formatMegabytesPerSecond.toFixed(2)} MB/s`],
      ["parse alone (baseline)", `${result.parseMegabytesPerSecond.toFixed(2)} MB/s`],
      ["ratio (format time / parse time, median of rounds)", result.ratio.toFixed(2)],
      [`${result.fiveThousandLines.toLocaleString("en")}-line script, formatText (median)`, ms(result.fiveThousandFormatMilliseconds)],
      [`${result.fiveThousandLines.toLocaleString("en")}-line script, parse alone (median)`, ms(result.fiveThousandParseMilliseconds)],
      ["ratio on it (format time / parse time, median of rounds)", result.fiveThousandRatio.toFixed(2)],
      ["the same script already formatted, formatText (median)", ms(result.alreadyFormattedMilliseconds)],
      ["  share: parse", share(result.steps.parse)],
      ["  share: build the document", share(result.steps.document)],
      ["  share: lay it out in lines", share(result.steps.layout)],
      ["  share: check the result (tokens, comments, line breaks)", share(result.steps.check)],
    ]),
    `Floor: a 5,000-line script formatted in at most ${FORMAT_FLOOR_MILLISECONDS} ms (aim ${FORMAT_AIM_MILLISECONDS} ms): ${verdict} (${ms(result.fiveThousandFormatMilliseconds)}).`,
  ].join("\n");
}

/**
 * The `format` section of `.crmscriptrc.json`: the formatter's four
 * options, what each means and which values it takes, read from JSON with
 * each wrong value a problem at its own range (the other options of the
 * section still apply), and its JSON schema. The option names, types and
 * defaults are the formatter's (`server/format/options.ts`).
 */
import type { TextRange } from "../../grammar/index.js";
import { defaultFormatOptions, type EndOfLine, type FormatOptions } from "../format/index.js";
import { bestNames, didYouMean } from "../semantics/suggest.js";
import type { JsonNode } from "./json-document.js";

/** What a configuration layer says about formatting: only the options it sets. */
export type FormatSettings = { -readonly [Name in keyof FormatOptions]?: FormatOptions[Name] };

type FormatOptionName = keyof FormatOptions;

/** Whole numbers an option takes, inclusive. */
const LIMITS: Readonly<Record<"indentWidth" | "lineWidth", { readonly min: number; readonly max: number }>> = {
  indentWidth: { min: 1, max: 16 },
  lineWidth: { min: 20, max: 1000 },
};

const END_OF_LINE: readonly EndOfLine[] = ["auto", "lf", "crlf"];
const END_OF_LINE_DESCRIPTIONS = ["The line ending the file has (its first one; LF in a file without any).", "LF (\\n).", "CRLF (\\r\\n)."];

/** Each option's meaning (the schema and the docs say the same). */
export const FORMAT_OPTION_DESCRIPTIONS: Readonly<Record<FormatOptionName, string>> = {
  indentWidth: `Columns per indentation level (and per tab when measuring lines), ${LIMITS.indentWidth.min} to ${LIMITS.indentWidth.max}.`,
  lineWidth: `The line width the formatter fits code into, ${LIMITS.lineWidth.min} to ${LIMITS.lineWidth.max}.`,
  useTabs: "Indent with tabs instead of spaces.",
  endOfLine: "The line ending of formatted files: auto keeps each file's own, lf or crlf.",
};

const NAMES = Object.keys(FORMAT_OPTION_DESCRIPTIONS) as FormatOptionName[];

/** Reads a `format` object; `problem` is told about each wrong value, which is left out. */
export function readFormatSection(node: JsonNode, problem: (range: TextRange, message: string) => void): FormatSettings {
  const settings: FormatSettings = {};
  if (node.kind !== "object") {
    problem(node.range, 'format must be an object of formatting options, such as { "indentWidth": 4 }');
    return settings;
  }
  for (const { key, keyRange, value } of node.properties) {
    switch (key) {
      case "indentWidth":
      case "lineWidth": {
        const { min, max } = LIMITS[key];
        if (value.kind !== "number" || !Number.isInteger(value.value) || value.value < min || value.value > max)
          problem(value.range, `format.${key} must be a whole number from ${min} to ${max}`);
        else settings[key] = value.value;
        break;
      }
      case "useTabs":
        if (value.kind !== "boolean") problem(value.range, "format.useTabs must be true or false");
        else settings.useTabs = value.value;
        break;
      case "endOfLine":
        if (value.kind !== "string" || !(END_OF_LINE as readonly string[]).includes(value.value))
          problem(value.range, `format.endOfLine must be ${END_OF_LINE.map((item) => `"${item}"`).join(", ")}`);
        else settings.endOfLine = value.value as EndOfLine;
        break;
      default:
        problem(keyRange, `unknown formatting option '${key}'${didYouMean(bestNames(key, NAMES))} (the options are ${NAMES.join(", ")})`);
    }
  }
  return settings;
}

/** The schema of the `format` object, each option with its default. */
export function formatSectionSchema(markdownDescription: string): Record<string, unknown> {
  const option = (name: FormatOptionName, schema: Record<string, unknown>) => ({
    ...schema,
    default: defaultFormatOptions[name],
    markdownDescription: FORMAT_OPTION_DESCRIPTIONS[name],
  });
  return {
    type: "object",
    additionalProperties: false,
    properties: {
      indentWidth: option("indentWidth", { type: "integer", minimum: LIMITS.indentWidth.min, maximum: LIMITS.indentWidth.max }),
      lineWidth: option("lineWidth", { type: "integer", minimum: LIMITS.lineWidth.min, maximum: LIMITS.lineWidth.max }),
      useTabs: option("useTabs", { type: "boolean" }),
      endOfLine: option("endOfLine", { type: "string", enum: END_OF_LINE, enumDescriptions: END_OF_LINE_DESCRIPTIONS }),
    },
    markdownDescription,
  };
}

/**
 * The `format` section of `.crmscriptrc.json`: its four options read with
 * each wrong value reported at its exact place while the others still
 * apply, merged option by option along the folder chain (nearer files
 * winning, `root` and `--config` as for the other settings), shown by
 * `describeConfig` with the formatter's defaults, and checked by the JSON
 * schema exactly as by the reader.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../server/config/config.js";
import { parseJson } from "../../server/config/json-document.js";
import { ConfigResolver, describeConfig, formatConfigProblem, mergeLayers } from "../../server/config/resolve.js";
import { configSchema } from "../../server/config/schema.js";
import { defaultFormatOptions } from "../../server/format/index.js";
import { nodeFileSystem } from "../../server/node/file-system.js";

function readText(text: string) {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const { layer, problems } = readConfig(parsed.root, { source: "/project/.crmscriptrc.json", folder: "/project", kind: "file" });
  return { layer, problems: problems.map((problem) => ({ at: text.slice(problem.range.start, problem.range.end), message: problem.message })) };
}

describe("reading the format section", () => {
  it("reads the four options, and only the ones given", () => {
    expect(readText('{ "format": { "indentWidth": 4, "lineWidth": 120, "useTabs": true, "endOfLine": "lf" } }')).toEqual({
      layer: { source: "/project/.crmscriptrc.json", format: { indentWidth: 4, lineWidth: 120, useTabs: true, endOfLine: "lf" } },
      problems: [],
    });
    expect(readText('{ "format": { "useTabs": false } }').layer.format).toEqual({ useTabs: false });
    expect(readText('{ "format": {} }').layer.format).toEqual({});
  });

  it("reports each wrong value at its exact place and keeps the others", () => {
    const { layer, problems } = readText(`{
  "format": {
    "indentWidth": 4,
    "lineWidth": 100.5,
    "useTabs": "no",
    "endOfLine": "CRLF",
    "indnetWidth": 2
  },
  "platform": "online"
}`);
    expect(problems).toEqual([
      { at: "100.5", message: "format.lineWidth must be a whole number from 20 to 1000" },
      { at: '"no"', message: "format.useTabs must be true or false" },
      { at: '"CRLF"', message: 'format.endOfLine must be "auto", "lf", "crlf"' },
      {
        at: '"indnetWidth"',
        message: "unknown formatting option 'indnetWidth'; did you mean 'indentWidth'? (the options are indentWidth, lineWidth, useTabs, endOfLine)",
      },
    ]);
    expect(layer.format).toEqual({ indentWidth: 4 });
    expect(layer.platform).toBe("online");
  });

  it.each([
    ['"format": 4', "4"],
    ['"format": [2]', "[2]"],
    ['"format": null', "null"],
  ])("reports %s as not an object", (property, at) => {
    expect(readText(`{ ${property} }`).problems).toEqual([{ at, message: 'format must be an object of formatting options, such as { "indentWidth": 4 }' }]);
  });

  it.each([
    ["indentWidth", 0],
    ["indentWidth", 17],
    ["indentWidth", -2],
    ["lineWidth", 19],
    ["lineWidth", 1001],
  ])("refuses %s %d, outside its range", (name, value) => {
    expect(readText(JSON.stringify({ format: { [name]: value } })).problems).toHaveLength(1);
  });

  it.each([
    ["indentWidth", 1],
    ["indentWidth", 16],
    ["lineWidth", 20],
    ["lineWidth", 1000],
  ])("accepts %s %d, at the end of its range", (name, value) => {
    expect(readText(JSON.stringify({ format: { [name]: value } })).layer.format).toEqual({ [name]: value });
  });
});

describe("the format options of a file", () => {
  const root = mkdtempSync(join(tmpdir(), "crmscript-format-config-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, content: unknown): void => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === "string" ? content : JSON.stringify(content));
  };
  write("repo/.crmscriptrc.json", { format: { lineWidth: 100, useTabs: true } });
  write("repo/team/.crmscriptrc.json", { format: { indentWidth: 4, useTabs: false } });
  write("repo/team/own/.crmscriptrc.json", { root: true, format: { endOfLine: "crlf" } });
  write("repo/rules-only/.crmscriptrc.json", { rules: { "no-shadow": "off" } });
  write("repo/broken/.crmscriptrc.json", '{\n  "format": {\n    "indentWidth": "4"\n  }\n}\n');
  write("explicit.json", { format: { indentWidth: 8 } });

  it("merges option by option from the farthest file to the nearest, the nearest winning", () => {
    const resolver = new ConfigResolver(nodeFileSystem);
    expect(resolver.forFile(join(root, "repo/a.crm")).config.format).toEqual({ lineWidth: 100, useTabs: true });
    expect(resolver.forFile(join(root, "repo/team/deep/a.crm")).config.format).toEqual({ lineWidth: 100, useTabs: false, indentWidth: 4 });
    expect(resolver.forFile(join(root, "repo/rules-only/a.crm")).config.format).toEqual({ lineWidth: 100, useTabs: true });
  });

  it("stops at a root file, and has no options where there is no file", () => {
    const resolver = new ConfigResolver(nodeFileSystem);
    expect(resolver.forFile(join(root, "repo/team/own/a.crm")).config.format).toEqual({ endOfLine: "crlf" });
    expect(resolver.forFile(join(root, "a.crm")).config.format).toEqual({});
  });

  it("uses an explicit file alone, between the layers below and above it", () => {
    const resolver = new ConfigResolver(nodeFileSystem, {
      configFile: join(root, "explicit.json"),
      below: [{ source: "editor settings", format: { indentWidth: 3, lineWidth: 90 } }],
      above: [{ source: "command line", format: { lineWidth: 70 } }],
    });
    expect(resolver.forFile(join(root, "repo/team/a.crm")).config.format).toEqual({ indentWidth: 8, lineWidth: 70 });
  });

  it("reports a wrong value with the file, line and column", () => {
    const resolver = new ConfigResolver(nodeFileSystem);
    expect(resolver.forFile(join(root, "repo/broken/a.crm")).problems.map(formatConfigProblem)).toEqual([
      `${join(root, "repo/broken/.crmscriptrc.json")}:3:20: format.indentWidth must be a whole number from 1 to 16`,
    ]);
  });

  it("is shown by describeConfig with the formatter's defaults for the options no file sets", () => {
    const resolver = new ConfigResolver(nodeFileSystem);
    const file = join(root, "repo/team/a.crm");
    expect(describeConfig(resolver.forFile(file).config, file).format).toEqual({ indentWidth: 4, lineWidth: 100, useTabs: false, endOfLine: "auto" });
    expect(describeConfig(mergeLayers([]), file).format).toEqual(defaultFormatOptions);
  });
});

describe("the schema of the format section", () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema());
  const value = fc.oneof(
    fc.integer({ min: -5, max: 1100 }),
    fc.double({ min: -5, max: 1100, noNaN: true }),
    fc.constantFrom("auto", "lf", "crlf", "cr", "LF", "4", ""),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  const section = fc.dictionary(fc.constantFrom("indentWidth", "lineWidth", "useTabs", "endOfLine", "tabWidth", "printWidth"), value);

  it("accepts exactly what the reader accepts", () => {
    fc.assert(
      fc.property(section, (format) => {
        const accepted = readText(JSON.stringify({ format })).problems.length === 0;
        expect(validate({ format }), JSON.stringify(format)).toBe(accepted);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives each option the formatter's default", () => {
    const properties = (configSchema().properties as Record<string, { properties: Record<string, { default: unknown }> }>).format?.properties ?? {};
    expect(Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, schema.default]))).toEqual(defaultFormatOptions);
  });
});

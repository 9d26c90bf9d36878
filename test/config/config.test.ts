/**
 * Configuration: what a
 * `.crmscriptrc.json` may say and the exact place of each mistake, ignore
 * patterns, and how files found upward, `root`, an explicit file and the
 * layers below and above them combine.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../server/config/config.js";
import { isIgnored, parseIgnorePattern } from "../../server/config/ignore.js";
import { parseJson } from "../../server/config/json-document.js";
import { ConfigResolver, describeConfig, formatConfigProblem } from "../../server/config/resolve.js";
import { globToRegExp } from "../../server/config/glob.js";
import { configSchema } from "../../server/config/schema.js";
import { nodeFileSystem } from "../../server/node/file-system.js";
import Ajv from "ajv";
import fc from "fast-check";
import { jsonNodeOf } from "../../server/config/json-document.js";

function readText(text: string, kind: "file" | "editor" = "file") {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const { layer, problems } = readConfig(parsed.root, { source: "/project/.crmscriptrc.json", folder: "/project", kind });
  return { layer, problems: problems.map((problem) => ({ at: text.slice(problem.range.start, problem.range.end), message: problem.message })) };
}

describe("reading a configuration", () => {
  it("reads every property, resolving folders against the file's folder", () => {
    const { layer, problems } = readText(
      JSON.stringify({
        $schema: "./node_modules/crmscript/schemas/crmscriptrc.schema.json",
        root: true,
        targetVersion: " 10.2 ",
        platform: "online",
        includePaths: ["lib", "/shared"],
        ignorePatterns: ["vendor/"],
        rules: { "no-shadow": "off", "keyword-case": "error", "no-unused-variable": 1, "no-netserver-call-in-loop": "warning" },
        reportUnusedSuppressions: "error",
        format: { indentWidth: 4, lineWidth: 100, useTabs: true, endOfLine: "crlf" },
      }),
    );
    expect(problems).toEqual([]);
    expect(layer).toMatchObject({
      format: { indentWidth: 4, lineWidth: 100, useTabs: true, endOfLine: "crlf" },
      root: true,
      targetVersion: "10.2",
      platform: "online",
      includePaths: ["/project/lib", "/shared"],
      rules: { "no-shadow": "off", "keyword-case": "error", "no-unused-variable": "warning", "no-netserver-call-in-loop": "warning" },
      reportUnusedSuppressions: "error",
    });
    expect(layer.ignorePatterns?.map((pattern) => pattern.pattern)).toEqual(["vendor/"]);
  });

  it("reports each wrong value at its exact place and keeps the rest", () => {
    const { layer, problems } = readText(`{
  "rulez": {},
  "rules": { "no-shadw": "off", "keyword-case": "loud", "no-shadow": "error" },
  "targetVersion": "latest",
  "platform": "cloud",
  "includePaths": "lib",
  "ignorePatterns": ["ok", 3],
  "root": "yes"
}`);
    expect(problems).toEqual([
      {
        at: '"rulez"',
        message:
          "unknown property 'rulez'; did you mean 'rules'? (the properties are root, targetVersion, platform, includePaths, ignorePatterns, rules, reportUnusedSuppressions, format)",
      },
      { at: '"no-shadw"', message: "unknown rule 'no-shadw'; did you mean 'no-shadow'?" },
      { at: '"loud"', message: 'the severity of \'keyword-case\' must be "off", "warn" or "error"' },
      { at: '"latest"', message: 'targetVersion must be a SuperOffice version such as "10.2" or "9.2 R08"' },
      { at: '"cloud"', message: 'platform must be "online" or "onsite"' },
      { at: '"lib"', message: "includePaths must be an array of strings" },
      { at: "3", message: "each item of ignorePatterns must be a non-empty string" },
      { at: '"yes"', message: "root must be true or false" },
    ]);
    expect(layer.rules).toEqual({ "no-shadow": "error" });
    expect(layer.ignorePatterns?.map((pattern) => pattern.pattern)).toEqual(["ok"]);
  });

  it("rejects a value that is not an object", () => {
    expect(readText("[1]").problems).toEqual([{ at: "[1]", message: 'the configuration must be a JSON object, such as { "rules": { "no-shadow": "off" } }' }]);
  });

  it("reads editor settings with the same names, without 'root' and without complaining about VS Code's own properties", () => {
    const { layer, problems } = readText(JSON.stringify({ platform: "online", root: true, somethingElse: 1 }), "editor");
    expect(layer).toMatchObject({ platform: "online" });
    expect(layer.root).toBeUndefined();
    expect(problems.map((problem) => problem.message)).toEqual(["'root' only has a meaning in a configuration file"]);
  });
});

describe("ignore patterns", () => {
  const patterns = (...list: string[]) => list.map((pattern) => parseIgnorePattern(pattern, "/project"));
  it.each([
    [["generated.crm"], "/project/a/b/generated.crm", true],
    [["/generated.crm"], "/project/a/generated.crm", false],
    [["/generated.crm"], "/project/generated.crm", true],
    [["vendor/"], "/project/x/vendor/lib.crm", true],
    [["vendor/"], "/project/vendor", false],
    [["*.old.crm"], "/project/deep/er/script.old.crm", true],
    [["legacy/**"], "/project/legacy/a/b.crm", true],
    [["legacy/**", "!legacy/keep.crm"], "/project/legacy/keep.crm", false],
    [["legacy/**", "!legacy/keep.crm"], "/project/legacy/drop.crm", true],
    [["*.crm"], "/elsewhere/a.crm", false],
  ])("%j: %s ignored = %s", (list, path, expected) => {
    expect(isIgnored(path, patterns(...list))).toBe(expected);
  });
});

describe("finding the configuration of a file", () => {
  const root = mkdtempSync(join(tmpdir(), "crmscript-config-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, content: unknown): string => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === "string" ? content : JSON.stringify(content));
    return full;
  };
  write("repo/.crmscriptrc.json", {
    targetVersion: "10.0",
    platform: "online",
    rules: { "no-shadow": "error", "keyword-case": "off" },
    includePaths: ["shared"],
  });
  write("repo/scripts/.crmscriptrc.json", { targetVersion: "10.2", rules: { "no-shadow": "off" }, includePaths: ["lib"], ignorePatterns: ["*.gen.crm"] });
  write("repo/scripts/own/.crmscriptrc.json", { root: true, rules: { "no-empty-block": "error" } });
  write("repo/broken/.crmscriptrc.json", '{\n  "rules": {\n    "no-shadow": "of"\n  }\n}');
  write("repo/syntax/.crmscriptrc.json", '{ "rules": { } ');
  write("other.json", { rules: { "no-self-assign": "error" } });

  it("merges the files from the farthest to the nearest, nearer values winning, nearer include paths first", () => {
    const resolver = new ConfigResolver(nodeFileSystem);
    const { config, problems } = resolver.forFile(join(root, "repo/scripts/deep/a.crm"));
    expect(problems).toEqual([]);
    expect(config.files).toEqual([join(root, "repo/.crmscriptrc.json"), join(root, "repo/scripts/.crmscriptrc.json")]);
    expect(config).toMatchObject({ targetVersion: "10.2", platform: "online", rules: { "no-shadow": "off", "keyword-case": "off" } });
    expect(config.includePaths).toEqual([join(root, "repo/scripts/lib"), join(root, "repo/shared")]);
    expect(describeConfig(config, join(root, "repo/scripts/x.gen.crm")).ignored).toBe(true);
  });

  it("stops at a file that says root, and uses no file where there is none", () => {
    const resolver = new ConfigResolver(nodeFileSystem);
    expect(resolver.forFile(join(root, "repo/scripts/own/a.crm")).config).toMatchObject({
      files: [join(root, "repo/scripts/own/.crmscriptrc.json")],
      rules: { "no-empty-block": "error" },
    });
    expect(resolver.forFile(join(root, "repo/scripts/own/a.crm")).config.targetVersion).toBeUndefined();
    expect(resolver.forFile(join(root, "a.crm")).config.files).toEqual([]);
  });

  it("puts the layers below (editor settings) under every file and the layers above (command line) over them", () => {
    const resolver = new ConfigResolver(nodeFileSystem, {
      below: [{ source: "editor settings", targetVersion: "9.2", rules: { "no-self-assign": "error", "no-shadow": "warning" } }],
      above: [{ source: "command line", rules: { "no-shadow": "error" } }],
    });
    const { config } = resolver.forFile(join(root, "repo/scripts/a.crm"));
    expect(config).toMatchObject({ targetVersion: "10.2", rules: { "no-self-assign": "error", "no-shadow": "error", "keyword-case": "off" } });
  });

  it("uses an explicit file alone, and reports it when it cannot be read", () => {
    const explicit = new ConfigResolver(nodeFileSystem, { configFile: join(root, "other.json") });
    expect(explicit.forFile(join(root, "repo/scripts/a.crm")).config).toMatchObject({
      files: [join(root, "other.json")],
      rules: { "no-self-assign": "error" },
    });
    const missing = new ConfigResolver(nodeFileSystem, { configFile: join(root, "missing.json") });
    expect(missing.forFile(join(root, "a.crm")).problems.map(formatConfigProblem)).toEqual([
      `${join(root, "missing.json")}:1:1: cannot read the configuration file`,
    ]);
  });

  it("reports a broken file with its line and column", () => {
    const resolver = new ConfigResolver(nodeFileSystem);
    expect(resolver.forFile(join(root, "repo/broken/a.crm")).problems.map(formatConfigProblem)).toEqual([
      `${join(root, "repo/broken/.crmscriptrc.json")}:3:18: the severity of 'no-shadow' must be "off", "warn" or "error"`,
    ]);
    expect(resolver.forFile(join(root, "repo/syntax/a.crm")).problems.map(formatConfigProblem)).toEqual([
      `${join(root, "repo/syntax/.crmscriptrc.json")}:1:16: not valid JSON: the object is not closed: add }`,
    ]);
  });

  it("reads a changed file again after forget()", () => {
    const resolver = new ConfigResolver(nodeFileSystem);
    const file = write("changing/.crmscriptrc.json", { platform: "online" });
    expect(resolver.forFile(join(root, "changing/a.crm")).config.platform).toBe("online");
    writeFileSync(file, JSON.stringify({ platform: "onsite" }));
    expect(resolver.forFile(join(root, "changing/a.crm")).config.platform).toBe("online");
    resolver.forget();
    expect(resolver.forFile(join(root, "changing/a.crm")).config.platform).toBe("onsite");
  });
});

describe("the JSON schema of the configuration file", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(configSchema());
  const sample = {
    $schema: "./node_modules/crmscript/schemas/crmscriptrc.schema.json",
    root: true,
    targetVersion: "10.2",
    platform: "online",
    includePaths: ["shared"],
    ignorePatterns: ["vendor/", "!vendor/ours.crm"],
    rules: { "no-agent-in-loop": "error", "keyword-case": "off", "no-netserver-call-in-loop": "warn" },
    reportUnusedSuppressions: "error",
    format: { indentWidth: 4, lineWidth: 120, useTabs: false, endOfLine: "auto" },
  };

  it("accepts what the reader accepts", () => {
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    expect(readText(JSON.stringify(sample)).problems).toEqual([]);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ rulez: {} }, "unknown property"],
    [{ rules: { "no-shadw": "off" } }, "unknown rule"],
    [{ rules: { "no-shadow": "loud" } }, "bad severity"],
    [{ platform: "cloud" }, "bad platform"],
    [{ targetVersion: "latest" }, "bad version"],
    [{ includePaths: "lib" }, "not an array"],
    [{ format: { indentWidth: 0 } }, "indent width out of range"],
    [{ format: { lineWidth: 80.5 } }, "line width not whole"],
    [{ format: { useTabs: "yes" } }, "useTabs not a boolean"],
    [{ format: { endOfLine: "cr" } }, "unknown line ending"],
    [{ format: { indent: 4 } }, "unknown formatting option"],
    [{ format: 4 }, "format not an object"],
  ])("rejects %j (%s), as the reader does", (config, _why) => {
    expect(validate(config)).toBe(false);
    expect(readText(JSON.stringify(config)).problems).not.toEqual([]);
  });
});

describe("robustness", () => {
  it("reading a configuration never throws, whatever the value", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(
          fc.constantFrom("rules", "root", "targetVersion", "platform", "includePaths", "ignorePatterns", "reportUnusedSuppressions", "format"),
          fc.jsonValue(),
        ),
        (value, config) => {
          for (const kind of ["file", "editor"] as const) {
            readConfig(jsonNodeOf(value), { source: "x", folder: "/project", kind });
            readConfig(jsonNodeOf(config), { source: "x", folder: "/project", kind });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("globs that make no sense", () => {
  it.each([
    ["{", "{", true],
    ["a{b", "a{b", true],
    ["{a,b", "{a,b", true],
    ["[z-a].crm", "[z-a].crm", true],
    ["{a,b}.crm", "b.crm", true],
    ["x}.crm", "x}.crm", true],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it("never throw", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (glob) => {
        globToRegExp(glob);
        parseIgnorePattern(glob, "/project");
      }),
      { numRuns: 3000 },
    );
  });
});

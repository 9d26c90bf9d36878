/**
 * `ignorePatterns` read as `.gitignore` lines: re-includes, escapes,
 * folders, `**`, patterns of several layers each relative to its own
 * folder, paths outside a layer's folder, and Windows paths.
 */
import { describe, expect, it } from "vitest";
import { isIgnored, parseIgnorePattern, type IgnorePattern } from "../../server/config/ignore.js";

/** The patterns of layers given as `[folder, patterns]`, lowest first, as `mergeLayers` lists them. */
function layers(...list: [string, string[]][]): IgnorePattern[] {
  return list.flatMap(([folder, patterns]) => patterns.map((pattern) => parseIgnorePattern(pattern, folder)));
}

describe("patterns of one layer", () => {
  const ignored = (patterns: string[], path: string): boolean => isIgnored(path, layers(["/project", patterns]));

  it("re-includes with !, the last matching pattern deciding", () => {
    expect(ignored(["*.crm", "!keep.crm"], "/project/a/keep.crm")).toBe(false);
    expect(ignored(["*.crm", "!keep.crm"], "/project/a/drop.crm")).toBe(true);
    expect(ignored(["!keep.crm", "*.crm"], "/project/keep.crm")).toBe(true);
  });

  it("cannot re-include a file inside a folder the layer ignores, as git cannot", () => {
    expect(ignored(["vendor/", "!vendor/ours.crm"], "/project/vendor/ours.crm")).toBe(true);
    expect(ignored(["vendor/*", "!vendor/ours.crm"], "/project/vendor/ours.crm")).toBe(false);
    expect(ignored(["vendor/*", "!vendor/ours.crm"], "/project/vendor/theirs.crm")).toBe(true);
  });

  it("reads \\# and \\! as the characters, and an unescaped # as a comment", () => {
    expect(ignored(["\\#file.crm"], "/project/#file.crm")).toBe(true);
    expect(ignored(["\\!bang.crm"], "/project/!bang.crm")).toBe(true);
    expect(ignored(["#file.crm"], "/project/#file.crm")).toBe(false);
    expect(ignored(["!bang.crm"], "/project/!bang.crm")).toBe(false);
  });

  it("matches a pattern ending in / only as a folder, at any depth", () => {
    expect(ignored(["vendor/"], "/project/vendor/lib.crm")).toBe(true);
    expect(ignored(["vendor/"], "/project/x/vendor/deep/lib.crm")).toBe(true);
    expect(ignored(["vendor/"], "/project/vendor")).toBe(false);
    expect(ignored(["vendor/"], "/project/vendors/lib.crm")).toBe(false);
  });

  it("matches ** across folders", () => {
    expect(ignored(["**/generated/**"], "/project/generated/a.crm")).toBe(true);
    expect(ignored(["**/generated/**"], "/project/src/generated/sub/a.crm")).toBe(true);
    expect(ignored(["**/generated/**"], "/project/src/generated.crm")).toBe(false);
    expect(ignored(["legacy/**/old.crm"], "/project/legacy/a/b/old.crm")).toBe(true);
  });

  it("anchors a pattern with a / in it (or a leading /) to the layer's folder", () => {
    expect(ignored(["/top.crm"], "/project/top.crm")).toBe(true);
    expect(ignored(["/top.crm"], "/project/sub/top.crm")).toBe(false);
    expect(ignored(["src/*.crm"], "/project/other/src/a.crm")).toBe(false);
  });

  it("is case-sensitive for POSIX paths", () => {
    expect(ignored(["Upper.crm"], "/project/upper.crm")).toBe(false);
  });
});

describe("patterns of several layers", () => {
  const nested = layers(["/project", ["*.gen.crm", "vendor/"]], ["/project/scripts", ["!keep.gen.crm", "/local.crm"]]);

  it("reads each layer's patterns relative to its own folder", () => {
    expect(isIgnored("/project/scripts/local.crm", nested)).toBe(true);
    expect(isIgnored("/project/local.crm", nested)).toBe(false);
    expect(isIgnored("/project/scripts/sub/local.crm", nested)).toBe(false);
  });

  it("lets a later layer re-include what an earlier one ignored, the last match deciding", () => {
    expect(isIgnored("/project/scripts/keep.gen.crm", nested)).toBe(false);
    expect(isIgnored("/project/keep.gen.crm", nested)).toBe(true);
    expect(isIgnored("/project/scripts/other.gen.crm", nested)).toBe(true);
    const reincluded = layers(["/project", ["vendor/"]], ["/project/vendor", ["!ours.crm"]]);
    expect(isIgnored("/project/vendor/ours.crm", reincluded)).toBe(false);
    expect(isIgnored("/project/vendor/theirs.crm", reincluded)).toBe(true);
  });

  it("does not apply a layer's patterns to a path outside its folder", () => {
    expect(isIgnored("/elsewhere/a.gen.crm", nested)).toBe(false);
    expect(isIgnored("/project-two/a.gen.crm", nested)).toBe(false);
    expect(isIgnored("/project", layers(["/project", ["*"]]))).toBe(false);
    expect(isIgnored("/a.crm", layers(["/project", ["*"]]))).toBe(false);
  });

  it("ignores nothing without patterns", () => {
    expect(isIgnored("/project/a.crm", [])).toBe(false);
  });
});

describe("Windows paths", () => {
  const windows = layers(["C:\\project", ["vendor/", "*.gen.crm", "!keep.gen.crm"]], ["C:\\project\\scripts", ["/local.crm"]]);

  it("match with \\ separators, relative to each layer's folder", () => {
    expect(isIgnored("C:\\project\\vendor\\lib.crm", windows)).toBe(true);
    expect(isIgnored("C:\\project\\deep\\x.gen.crm", windows)).toBe(true);
    expect(isIgnored("C:\\project\\deep\\keep.gen.crm", windows)).toBe(false);
    expect(isIgnored("C:\\project\\scripts\\local.crm", windows)).toBe(true);
    expect(isIgnored("C:\\project\\local.crm", windows)).toBe(false);
  });

  it("match with / separators and in any case, as Windows names files", () => {
    expect(isIgnored("C:/project/vendor/lib.crm", windows)).toBe(true);
    expect(isIgnored("c:\\Project\\Vendor\\lib.crm", windows)).toBe(true);
    expect(isIgnored("C:\\project\\X.GEN.CRM", windows)).toBe(true);
  });

  it("say nothing about another drive or a folder beside the layer's", () => {
    expect(isIgnored("D:\\project\\vendor\\lib.crm", windows)).toBe(false);
    expect(isIgnored("C:\\other\\vendor\\lib.crm", windows)).toBe(false);
  });
});

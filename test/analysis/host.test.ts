/**
 * The analysis host's memory across files: the include graph follows each
 * file's latest analysis (a removed `#include` stops counting; released and
 * deleted files take their edges with them), and at most `maxAnalyzedFiles`
 * files keep their analysis, the least recently used going first.
 */
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { AnalysisHost, type FileAnalysis } from "../../server/analysis/host.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { onlyRules } from "../support/check.js";

const catalog = builtinCatalog().catalog;
const settings = { rules: onlyRules([]) };

function hostOf(files: Record<string, string>, maxAnalyzedFiles?: number): { host: AnalysisHost; fileSystem: MemoryFileSystem } {
  const fileSystem = new MemoryFileSystem(files);
  const host = new AnalysisHost(catalog, fileSystem, settings, maxAnalyzedFiles === undefined ? {} : { maxAnalyzedFiles });
  return { host, fileSystem };
}

const codesOf = (analysis: FileAnalysis | undefined): string[] => (analysis?.diagnostics ?? []).map((diagnostic) => diagnostic.code);

describe("the include graph follows the latest analyses", () => {
  it("forgets an #include the script no longer has: it is no longer a dependent, and a change to the old include keeps its analysis", () => {
    const { host } = hostOf({
      "/w/lib.crm": "Integer answer() { return 42; }\n",
      "/w/a.crm": '#include "lib";\nInteger a = answer();\n',
    });
    expect(codesOf(host.analyzeFile("/w/a.crm"))).toEqual([]);
    expect(host.dependentsOf("/w/lib.crm")).toEqual(["/w/a.crm"]);

    host.setOverlay("/w/a.crm", "Integer a = 1;\n");
    const withoutInclude = host.analyzeFile("/w/a.crm");
    expect(host.dependentsOf("/w/lib.crm")).toEqual([]);
    expect(host.analyzedIncludersOf("/w/lib.crm")).toEqual([]);

    host.setOverlay("/w/lib.crm", 'String answer() { return "42"; }\n');
    expect(host.analyzeFile("/w/a.crm")).toBe(withoutInclude);
  });

  it("drops the includes of a released script", () => {
    const { host } = hostOf({
      "/w/lib.crm": "Integer answer() { return 42; }\n",
      "/w/a.crm": '#include "lib";\nInteger a = answer();\n',
    });
    host.analyzeFile("/w/a.crm");
    host.release("/w/lib.crm");
    expect(host.dependentsOf("/w/lib.crm")).toEqual(["/w/a.crm"]);
    host.release("/w/a.crm");
    expect(host.dependentsOf("/w/lib.crm")).toEqual([]);
  });

  it("drops the includes of a deleted script, keeps its includers until they are analysed, and finds them again when it comes back", () => {
    const { host, fileSystem } = hostOf({
      "/w/a.crm": '#include "lib";\nInteger a = fromLib();\n',
      "/w/lib.crm": '#include "sub";\nInteger fromLib() { return fromSub(); }\n',
      "/w/sub.crm": "Integer fromSub() { return 1; }\n",
    });
    expect(codesOf(host.analyzeFile("/w/a.crm"))).toEqual([]);
    expect(host.dependentsOf("/w/sub.crm")).toEqual(["/w/lib.crm"]);

    fileSystem.deleteFile("/w/lib.crm");
    host.invalidate("/w/lib.crm");
    expect(host.dependentsOf("/w/sub.crm")).toEqual([]);
    expect(host.analyzedIncludersOf("/w/sub.crm")).toEqual([]);
    expect(host.analyzedIncludersOf("/w/lib.crm")).toEqual(["/w/a.crm"]);
    expect(codesOf(host.analyzeFile("/w/a.crm"))).toEqual(["include-not-found", "undeclared-name"]);

    // The include that found nothing still depends on the path: a script appearing there is a change for it.
    expect(host.analyzedIncludersOf("/w/lib.crm")).toEqual(["/w/a.crm"]);
    fileSystem.writeFile("/w/lib.crm", "Integer fromLib() { return 2; }\n");
    host.invalidate("/w/lib.crm");
    expect(codesOf(host.analyzeFile("/w/a.crm"))).toEqual([]);
    expect(host.dependentsOf("/w/lib.crm")).toEqual(["/w/a.crm"]);
  });

  it("finds workspace includers by the scripts' current includes, not by includes they had", () => {
    const { host } = hostOf({
      "/w/lib.crm": "Integer answer() { return 42; }\n",
      "/w/a.crm": '#include "lib";\nInteger a = answer();\n',
      "/w/b.crm": '#include "lib";\nInteger b = answer();\n',
      "/w/c.crm": '#include "b";\n',
    });
    host.workspace.setFiles(["/w/lib.crm", "/w/a.crm", "/w/b.crm", "/w/c.crm"]);
    host.analyzeFile("/w/a.crm");
    expect(host.includersOf("/w/lib.crm").sort()).toEqual(["/w/a.crm", "/w/b.crm", "/w/c.crm"]);

    host.setOverlay("/w/a.crm", "Integer a = 1;\n");
    host.analyzeFile("/w/a.crm");
    expect(host.includersOf("/w/lib.crm").sort()).toEqual(["/w/b.crm", "/w/c.crm"]);
    host.setOverlay("/w/a.crm", '#include "b";\n');
    expect(host.includersOf("/w/lib.crm").sort()).toEqual(["/w/a.crm", "/w/b.crm", "/w/c.crm"]);
  });

  it("lists the includes an analysis resolved through the graph, in the file and the files it included", () => {
    const { host } = hostOf({
      "/w/a.crm": '#include "lib";\nInteger a = fromLib();\n',
      "/w/lib.crm": '#include "sub";\nInteger fromLib() { return fromSub(); }\n',
      "/w/sub.crm": "Integer fromSub() { return 1; }\n",
    });
    host.analyzeFile("/w/a.crm");
    const uses = host
      .includeResolutionsOf("/w/a.crm")
      .map((use) => `${use.from} ${use.includeId} ${use.file}`)
      .sort();
    expect(uses).toEqual(["/w/a.crm lib /w/lib.crm", "/w/lib.crm sub /w/sub.crm"]);
  });
});

describe("eviction", () => {
  it("keeps the most recently used analyses among many files, and a file used again stays", () => {
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`/w/f${index}.crm`, `Integer v${index} = ${index};\n`]));
    const { host } = hostOf(files, 4);
    const first = Array.from({ length: 200 }, (_, index) => host.analyzeFile(`/w/f${index}.crm`));
    // f196 to f199 are kept; using f196 again makes f197 the least recently used, which a new file pushes out.
    expect(host.analyzeFile("/w/f196.crm")).toBe(first[196]);
    const fresh = host.analyzeText("/w/new.crm", "Integer fresh = 1;\n");
    for (const index of [198, 199, 196]) expect(host.analyzeFile(`/w/f${index}.crm`)).toBe(first[index]);
    expect(host.analyzeFile("/w/new.crm")).toBe(fresh);
    for (const index of [197, 0, 100, 195]) expect(host.analyzeFile(`/w/f${index}.crm`)).not.toBe(first[index]);
  });

  it("evicts scripts no other script includes before included ones", () => {
    const files: Record<string, string> = {
      "/w/lib.crm": "Integer answer() { return 42; }\n",
      "/w/a.crm": '#include "lib";\nInteger a = answer();\n',
    };
    for (let index = 0; index < 20; index++) files[`/w/x${index}.crm`] = `Integer x${index} = ${index};\n`;
    const { host } = hostOf(files, 3);
    host.analyzeFile("/w/a.crm");
    const libTree = host.sourceFileOf("/w/lib.crm");
    for (let index = 0; index < 20; index++) host.analyzeFile(`/w/x${index}.crm`);
    expect(host.sourceFileOf("/w/lib.crm")).toBe(libTree);
  });

  it("drops the analyses that included an evicted script, and makes them again complete", () => {
    const { host } = hostOf(
      {
        "/w/a.crm": '#include "lib";\n#include "b";\nInteger x = fromLib() + fromB();\n',
        "/w/b.crm": '#include "a";\nInteger fromB() { return 1; }\n',
        "/w/lib.crm": "Integer fromLib() { return 2; }\n",
      },
      2,
    );
    // Every script is included by another, so one of them goes, and the circle's analyses with it.
    const first = host.analyzeFile("/w/a.crm");
    expect(codesOf(first)).toEqual(["include-cycle"]);
    const again = host.analyzeFile("/w/a.crm");
    expect(again).not.toBe(first);
    expect(codesOf(again)).toEqual(["include-cycle"]);
    expect(codesOf(host.analyzeFile("/w/b.crm"))).toEqual(["include-cycle"]);
  });
});

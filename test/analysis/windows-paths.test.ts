/**
 * Windows paths on any system: drive letters in either case and with either
 * separator (`C:\scripts\lib.crm`, `c:/Scripts/lib.crm`), UNC shares, URIs
 * as VS Code sends them, include resolution, ignore patterns (not across
 * drives) and CRLF files, all run with Windows rules on whatever machine the
 * tests run on.
 */
import { describe, expect, it } from "vitest";
import { AnalysisHost } from "../../server/analysis/host.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { dirnameOf, isWindowsPath, joinPath, normalizePath, relativeInside, resolvePath, samePath } from "../../server/analysis/paths.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { isIgnored, parseIgnorePattern } from "../../server/config/ignore.js";
import { UriMap } from "../../server/lsp/uris.js";

describe("the paths module", () => {
  it("spells a Windows path one way: backslashes and an upper-case drive letter", () => {
    expect(normalizePath("c:/Scripts/./lib/../Lib.crm")).toBe("C:\\Scripts\\Lib.crm");
    expect(normalizePath("C:\\scripts\\lib.crm")).toBe("C:\\scripts\\lib.crm");
    expect(normalizePath("\\\\server\\share\\a\\..\\b.crm")).toBe("\\\\server\\share\\b.crm");
    expect(normalizePath("/home/me/../you/a.crm")).toBe("/home/you/a.crm");
    expect(isWindowsPath("/c:/x")).toBe(false);
  });

  it("compares Windows paths without regard to case or separator, POSIX paths exactly", () => {
    expect(samePath("C:\\Scripts\\Lib.crm", "c:/scripts/lib.crm")).toBe(true);
    expect(samePath("\\\\Server\\Share\\a.crm", "\\\\server\\share\\A.crm")).toBe(true);
    expect(samePath("/home/Lib.crm", "/home/lib.crm")).toBe(false);
    expect(samePath("C:\\a.crm", "D:\\a.crm")).toBe(false);
  });

  it("resolves, joins and takes folders with each path's own rules", () => {
    expect(resolvePath("C:\\scripts", "../shared/lib.crm")).toBe("C:\\shared\\lib.crm");
    expect(resolvePath("c:/scripts", "D:\\other")).toBe("D:\\other");
    expect(resolvePath("/work/scripts", "lib")).toBe("/work/scripts/lib");
    expect(joinPath("\\\\server\\share\\scripts", "lib.crm")).toBe("\\\\server\\share\\scripts\\lib.crm");
    expect(dirnameOf("C:\\scripts\\lib.crm")).toBe("C:\\scripts");
  });

  it("says where a path lies inside a folder, never across drives or systems", () => {
    expect(relativeInside("C:\\Scripts", "c:/scripts/vendor/x.crm")).toBe("vendor/x.crm");
    expect(relativeInside("C:\\Scripts", "D:\\Scripts\\vendor\\x.crm")).toBeUndefined();
    expect(relativeInside("C:\\Scripts", "C:\\Other\\x.crm")).toBeUndefined();
    expect(relativeInside("/scripts", "C:\\scripts\\x.crm")).toBeUndefined();
  });
});

describe("URIs as VS Code sends them on Windows", () => {
  it("map to one path per file and back to VS Code's spelling", () => {
    const uris = new UriMap();
    expect(uris.toPath("file:///c%3A/Scripts/Lib.crm")).toBe("C:\\Scripts\\Lib.crm");
    expect(uris.toPath("file:///C:/Scripts/Lib.crm")).toBe("C:\\Scripts\\Lib.crm");
    expect(uris.toPath("file://server/share/lib.crm")).toBe("\\\\server\\share\\lib.crm");
    const fresh = new UriMap();
    expect(fresh.toUri("C:\\Scripts\\Lib.crm")).toBe("file:///c%3A/Scripts/Lib.crm");
    expect(fresh.toUri("\\\\server\\share\\lib.crm")).toBe("file://server/share/lib.crm");
    expect(fresh.toUri("/home/me/a b.crm")).toBe("file:///home/me/a%20b.crm");
  });
});

describe("include resolution with Windows paths", () => {
  it("finds scripts by drive-letter paths in either spelling, include paths and UNC shares, in CRLF files", () => {
    const files = new MemoryFileSystem({
      "C:\\scripts\\main.crm":
        '#setLanguageLevel 4;\r\n#include "lib";\r\n#include "shared";\r\n#include "remote";\r\nprintLine(libName() + sharedName() + remoteName());\r\nInteger x = "1";\r\n',
      "C:\\scripts\\lib.crm": 'String libName() { return "lib"; }\r\n',
      "C:\\Shared\\Includes\\shared.crm": 'String sharedName() { return "shared"; }\r\n',
      "\\\\server\\crm\\remote.crm": 'String remoteName() { return "remote"; }\r\n',
    });
    const host = new AnalysisHost(builtinCatalog().catalog, files, { includePaths: ["c:/Shared/Includes", "\\\\server\\crm", "c:\\scripts"] });
    const analysis = host.analyzeFile(normalizePath("c:/scripts/main.crm"));
    expect(analysis?.diagnostics.map((diagnostic) => [diagnostic.code, analysis.sourceFile.lineIndex.position(diagnostic.range.start).line + 1])).toEqual([
      ["type-mismatch", 6],
    ]);
    expect(host.includeResolutionsOf("C:\\scripts\\main.crm").map((use) => use.file)).toEqual([
      "C:\\scripts\\lib.crm",
      "C:\\Shared\\Includes\\shared.crm",
      "\\\\server\\crm\\remote.crm",
    ]);
    expect(host.includeIdsVisibleFrom("C:\\scripts\\main.crm")).toEqual(["lib", "remote", "shared"]);
  });
});

describe("ignore patterns with Windows paths", () => {
  it("match without regard to case, and never a path on another drive", () => {
    const patterns = [parseIgnorePattern("vendor/", "C:\\Scripts")];
    expect(isIgnored("c:\\scripts\\vendor\\x.crm", patterns)).toBe(true);
    expect(isIgnored("C:/Scripts/Vendor/x.crm", patterns)).toBe(true);
    expect(isIgnored("D:\\Scripts\\vendor\\x.crm", patterns)).toBe(false);
    expect(isIgnored("C:\\Scripts\\src\\x.crm", patterns)).toBe(false);
  });
});

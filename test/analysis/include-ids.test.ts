/**
 * The include ids completion offers after `#include "`: the scripts of the
 * folders includes are looked for in (the script's own, the workspace roots,
 * the include paths), listed through the host's file system and its
 * overlays, never the disk directly.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { AnalysisHost } from "../../server/analysis/host.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { nodeFileSystem } from "../../server/node/file-system.js";

const catalog = builtinCatalog().catalog;
const files = {
  "/w/main.crm": "",
  "/w/lib-a.crm": "",
  "/w/lib-b.crmscript": "",
  "/w/notes.txt": "",
  "/w/sub/deep.crm": "",
  "/ws/root-lib.ej": "",
  "/inc/shared.cr": "",
  "/inc/lib-a.ejscript": "",
  "/elsewhere/hidden.crm": "",
};
const settings = { workspaceRoots: ["/ws"], includePaths: ["/inc"] };

describe("include ids visible from a script", () => {
  it("lists the scripts of its folder, the workspace roots and the include paths, with open documents, without its own name", () => {
    const host = new AnalysisHost(catalog, new MemoryFileSystem(files), settings);
    host.setOverlay("/w/unsaved.crm", "Integer x = 1;\n");
    host.setOverlay("/elsewhere/open.crm", "Integer y = 1;\n");
    expect(host.includeIdsVisibleFrom("/w/main.crm")).toEqual(["lib-a", "lib-b", "root-lib", "shared", "unsaved"]);
    host.removeOverlay("/w/unsaved.crm");
    expect(host.includeIdsVisibleFrom("/w/main.crm")).toEqual(["lib-a", "lib-b", "root-lib", "shared"]);
  });

  it("uses the settings of the script asking", () => {
    const host = new AnalysisHost(catalog, new MemoryFileSystem(files), {}, { settingsFor: (path) => (path.startsWith("/w/") ? settings : {}) });
    expect(host.includeIdsVisibleFrom("/w/main.crm")).toEqual(["lib-a", "lib-b", "root-lib", "shared"]);
    expect(host.includeIdsVisibleFrom("/elsewhere/x.crm")).toEqual(["hidden"]);
  });

  it("offers only the open documents when the file system cannot list folders", () => {
    const memory = new MemoryFileSystem(files);
    const host = new AnalysisHost(catalog, { readFile: (path) => memory.readFile(path) }, settings);
    host.setOverlay("/w/unsaved.crm", "Integer x = 1;\n");
    expect(host.includeIdsVisibleFrom("/w/main.crm")).toEqual(["unsaved"]);
  });

  it("lists the files of a folder on disk (not its folders), and nothing for a folder that is missing", () => {
    const folder = mkdtempSync(join(tmpdir(), "crmscript-list-"));
    try {
      writeFileSync(join(folder, "a.crm"), "");
      writeFileSync(join(folder, "b.txt"), "");
      mkdirSync(join(folder, "c.crm"));
      expect(nodeFileSystem.listFolder?.(folder)?.sort()).toEqual(["a.crm", "b.txt"]);
      expect(nodeFileSystem.listFolder?.(join(folder, "missing"))).toBeUndefined();
      const host = new AnalysisHost(catalog, nodeFileSystem);
      expect(host.includeIdsVisibleFrom(join(folder, "main.crm"))).toEqual(["a"]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("MemoryFileSystem.listFolder", () => {
  it("lists the names directly in a folder, and nothing for a folder it has no file in", () => {
    const memory = new MemoryFileSystem(files);
    expect(memory.listFolder("/w")?.sort()).toEqual(["lib-a.crm", "lib-b.crmscript", "main.crm", "notes.txt"]);
    expect(memory.listFolder("/nowhere")).toBeUndefined();
  });
});

/**
 * What open documents and the host keep in memory (issue 15): of documents
 * not edited yet only the last ones looked at hold their analysis, edited
 * ones keep theirs for typing-time features, and the host keeps few
 * analyses of scripts nothing includes while keeping every script an
 * analysed one includes (so a large include tree is not analysed again).
 */
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { AnalysisHost } from "../../server/analysis/host.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { OpenDocuments } from "../../server/lsp/documents.js";
import { MAX_LOOSE_FILES, SERVER_HOST_LIMITS } from "../../server/lsp/limits.js";
import { onlyRules } from "../support/check.js";

const catalog = builtinCatalog().catalog;
const settings = { rules: onlyRules([]) };

function serverHost(files: Record<string, string> = {}): AnalysisHost {
  return new AnalysisHost(catalog, new MemoryFileSystem(files), settings, SERVER_HOST_LIMITS);
}

describe("open documents", () => {
  it("hold the analyses of the last documents looked at, not of every document opened", () => {
    const documents = new OpenDocuments(serverHost());
    const opened = Array.from({ length: 40 }, (_, index) =>
      documents.open(`file:///w/s${index}.crm`, `/w/s${index}.crm`, "crmscript", 1, `Integer x${index} = ${index};\n`),
    );
    for (const open of opened) documents.fresh(open);
    expect(opened.filter((open) => open.analysis !== undefined).map((open) => open.path)).toEqual(["/w/s38.crm", "/w/s39.crm"]);
    // A document whose analysis was let go is analysed again when asked, with the same result.
    const first = opened[0];
    if (first === undefined) throw new Error("no document");
    expect(
      documents
        .fresh(first)
        .model.declarations()
        .map((symbol) => symbol.name),
    ).toEqual(["x0"]);
  });

  it("keep the analysis of edited documents for typing-time features, however many others are opened after", () => {
    const documents = new OpenDocuments(serverHost());
    const edited = documents.open("file:///w/edited.crm", "/w/edited.crm", "crmscript", 1, "Integer total = 1;\n");
    const before = documents.fresh(edited);
    documents.change("file:///w/edited.crm", 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "total." }]);
    for (let index = 0; index < 20; index++) documents.fresh(documents.open(`file:///w/o${index}.crm`, `/w/o${index}.crm`, "crmscript", 1, "Integer y = 2;\n"));
    // The analysis of the text before the edit still answers for the unchanged part.
    const state = documents.editorState(edited);
    expect(state.analysis).toBe(before);
    expect(state.stablePrefix).toBe("Integer total = 1;\n".length);
  });
});

describe("the host in the language server", () => {
  it(`keeps the analyses of only the last ${MAX_LOOSE_FILES} scripts nothing includes, so that scripts opened together die young`, () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 10; index++) files[`/w/opened${index}.crm`] = `Integer n${index} = ${index};\n`;
    const host = serverHost(files);
    const analyses = Array.from({ length: 10 }, (_, index) => host.analyzeFile(`/w/opened${index}.crm`));
    // Newest first: asking for a kept one evicts nothing.
    for (let index = 9; index >= 10 - MAX_LOOSE_FILES; index--) expect(host.analyzeFile(`/w/opened${index}.crm`)).toBe(analyses[index]);
    const older = 9 - MAX_LOOSE_FILES;
    const again = host.analyzeFile(`/w/opened${older}.crm`);
    expect(again).not.toBe(analyses[older]);
    expect(again?.diagnostics).toEqual(analyses[older]?.diagnostics);
  });

  it("keeps the analyses of a few scripts nothing includes, and all of a script's includes", () => {
    const files: Record<string, string> = {};
    const includes = Array.from({ length: 30 }, (_, index) => `lib${index}`);
    for (const name of includes) files[`/w/${name}.crm`] = `Integer ${name}() { return 1; }\n`;
    files["/w/main.crm"] = `${includes.map((name) => `#include "${name}";`).join("\n")}\nInteger sum = lib0() + lib29();\n`;
    for (let index = 0; index < 20; index++) files[`/w/loose${index}.crm`] = `Integer z${index} = ${index};\n`;
    const host = serverHost(files);

    const main = host.analyzeFile("/w/main.crm");
    expect(main?.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([]);
    const parses = includes.map((name) => host.sourceFileOf(`/w/${name}.crm`));
    const loose = Array.from({ length: 20 }, (_, index) => host.analyzeFile(`/w/loose${index}.crm`));
    // The newest scripts nothing includes are kept; the oldest (the includer too) are analysed again.
    expect(host.analyzeFile("/w/loose19.crm")).toBe(loose[19]);
    expect(host.analyzeFile("/w/loose0.crm")).not.toBe(loose[0]);
    const again = host.analyzeFile("/w/main.crm");
    expect(again).not.toBe(main);
    expect(again?.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([]);
    // Its 30 includes were kept all along, parsed and analysed once.
    expect(includes.map((name) => host.sourceFileOf(`/w/${name}.crm`))).toEqual(parses);
    expect(includes.every((name, index) => host.sourceFileOf(`/w/${name}.crm`) === parses[index])).toBe(true);
    expect(host.analyzeFile("/w/main.crm")).toBe(again);
  });
});

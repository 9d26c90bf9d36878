/**
 * `npm run package`: the .vsix is built offline with vsce, bundled (no
 * node_modules), and holds exactly what the extension runs and shows, with
 * a manifest VS Code accepts.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageExtension } from "../support/package-extension.js";
import { repositoryRoot } from "../support/paths.js";
import { ZipArchive } from "../support/zip.js";

let folder: string;
let vsix: string;
let archive: ZipArchive;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "crmscript-package-test-"));
  vsix = join(folder, "crmscript.vsix");
  packageExtension(vsix);
  archive = new ZipArchive(vsix);
}, 150_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const docsPages = (): string[] => {
  const out: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of readdirSync(join(repositoryRoot, relative), { withFileTypes: true })) {
      if (entry.isDirectory()) visit(`${relative}/${entry.name}`);
      else if (entry.name.endsWith(".md")) out.push(`extension/${relative}/${entry.name}`);
    }
  };
  visit("docs");
  return out;
};

describe("the packaged .vsix", () => {
  it("holds exactly the bundles, grammar, configuration, snippets, the configuration file's schema, icon, diagnostic pages and notices", () => {
    expect(archive.names.sort()).toEqual(
      [
        "[Content_Types].xml",
        "extension.vsixmanifest",
        "extension/LICENSE.txt",
        "extension/changelog.md",
        "extension/client/icon.png",
        "extension/client/language-configuration.json",
        "extension/client/snippets.json",
        "extension/dist/catalog.json",
        "extension/dist/crmscript-language-server-bundle.js",
        "extension/dist/crmscript-language-server.js",
        "extension/dist/extension.js",
        "extension/package.json",
        "extension/readme.md",
        "extension/schemas/crmscriptrc.schema.json",
        "extension/syntaxes/crmscript.tmLanguage.json",
        ...docsPages(),
      ].sort(),
    );
  });

  it("is bundled and small: no node_modules, no source maps, minified", () => {
    expect(archive.names.filter((name) => /node_modules|\.map$|\.ts$/.test(name))).toEqual([]);
    expect(statSync(vsix).size).toBeLessThan(1_000_000);
    expect(archive.text("extension/dist/extension.js")).not.toContain("sourceMappingURL");
  });

  it("carries a manifest with publisher, engines, entry point, icon and activation, and the user-facing README", () => {
    const manifest = JSON.parse(archive.text("extension/package.json")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: "crmscript",
      publisher: "crmscript-tools",
      main: "./dist/extension.js",
      icon: "client/icon.png",
      activationEvents: ["onLanguage:crmscript", "workspaceContains:crmscript-tenant.json"],
    });
    expect(manifest.engines).toMatchObject({ vscode: "^1.91.0" });
    expect(manifest.files).toBeUndefined();
    const xml = archive.text("extension.vsixmanifest");
    expect(xml).toContain('Publisher="crmscript-tools"');
    expect(xml).toContain('Id="crmscript"');
    expect(xml).toContain("Microsoft.VisualStudio.Services.Icons.Default");
    expect(archive.text("extension/readme.md")).toContain("# CRMScript for VS Code");
    expect(archive.text("extension/changelog.md")).toContain("0.1.0");
  });
});

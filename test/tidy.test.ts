/**
 * Architecture invariants as tests: the import rules of ARCHITECTURE.md, and a
 * header comment saying what each source module owns.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { formatText } from "../server/format/index.js";
import { repositoryRoot } from "./support/paths.js";

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const visit = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (name.endsWith(".ts")) out.push(full);
    }
  };
  visit(join(repositoryRoot, folder));
  return out;
}

/** Every module specifier a file imports (static imports, re-exports and dynamic imports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) specifiers.push(match[1] as string);
  for (const match of text.matchAll(/import\(\s*"([^"]+)"\s*\)/g)) specifiers.push(match[1] as string);
  return specifiers;
}

/** Which top-level folders (or packages) each layer may import. */
const allowed: Record<string, (specifier: string, resolvedFolder: string | undefined) => boolean> = {
  grammar: (specifier, folder) => specifier === "chevrotain" || folder === "grammar",
  "server/catalog": (_specifier, folder) => folder === "server/catalog",
  "server/semantics": (_specifier, folder) => folder === "grammar" || folder === "server/catalog" || folder === "server/semantics",
  "server/lint": (_specifier, folder) => folder === "grammar" || folder === "server/semantics" || folder === "server/lint",
  "server/format": (_specifier, folder) => folder === "grammar" || folder === "server/format",
  "server/analysis": (specifier, folder) =>
    specifier === "node:path" || ["grammar", "server/catalog", "server/semantics", "server/lint", "server/analysis"].includes(folder ?? ""),
  "server/features": (_specifier, folder) =>
    ["grammar", "server/catalog", "server/semantics", "server/lint", "server/analysis", "server/format", "server/features"].includes(folder ?? ""),
  "server/config": (specifier, folder) =>
    ["node:path", "ignore", "jsonc-parser"].includes(specifier) ||
    ["grammar", "server/semantics", "server/lint", "server/analysis", "server/format", "server/config"].includes(folder ?? ""),
  "server/node": (specifier, folder) => specifier.startsWith("node:") || ["server/analysis", "server/config", "server/node"].includes(folder ?? ""),
  "server/tenant": (specifier, folder) =>
    specifier.startsWith("node:") ||
    ["p-limit", "diff", "openid-client"].includes(specifier) ||
    ["server/analysis", "server/node", "server/tenant"].includes(folder ?? ""),
  "server/cli": (specifier, folder) =>
    specifier.startsWith("node:") ||
    specifier === "diff" ||
    specifier === "sarif" ||
    ["grammar", "server/catalog", "server/lint", "server/analysis", "server/format", "server/config", "server/node", "server/tenant", "server/cli"].includes(
      folder ?? "",
    ),
  "server/lsp": (specifier, folder) =>
    specifier.startsWith("node:") ||
    specifier.startsWith("vscode-languageserver") ||
    specifier === "vscode-uri" ||
    [
      "grammar",
      "server/catalog",
      "server/semantics",
      "server/analysis",
      "server/config",
      "server/format",
      "server/features",
      "server/node",
      "server/lsp",
    ].includes(folder ?? ""),
  // The extension runs the server as a process; it shares no code with it, except the tenant library (bundled in).
  client: (specifier, folder) =>
    specifier === "vscode" ||
    specifier.startsWith("vscode-languageclient") ||
    specifier.startsWith("node:") ||
    folder === "client" ||
    folder === "server/tenant",
};

function layerOf(path: string): string | undefined {
  const rel = relative(repositoryRoot, path).split("\\").join("/");
  return Object.keys(allowed).find((layer) => rel === layer || rel.startsWith(`${layer}/`));
}

describe("architecture", () => {
  for (const layer of Object.keys(allowed)) {
    for (const file of sourceFiles(layer)) {
      const name = relative(repositoryRoot, file);
      it(`${name} imports only what its layer may`, () => {
        const rule = allowed[layer] as (specifier: string, folder: string | undefined) => boolean;
        const bad = importsOf(file).filter((specifier) => {
          const folder = specifier.startsWith(".") ? layerOf(join(file, "..", specifier)) : undefined;
          return !rule(specifier, folder);
        });
        expect(bad).toEqual([]);
      });
      it(`${name} starts with a header comment`, () => {
        expect(readFileSync(file, "utf8").trimStart().startsWith("/**") || readFileSync(file, "utf8").trimStart().startsWith("//")).toBe(true);
      });
    }
  }
});

describe("the language server's protocol imports", () => {
  // The bundler copies a CommonJS package's ~700 exports for every module importing values from it (server/lsp/protocol.ts).
  it("take runtime values from vscode-languageserver only in server/lsp/protocol.ts (types from anywhere)", () => {
    const valueImports = sourceFiles("server/lsp")
      .filter((file) => !file.endsWith("protocol.ts"))
      .filter((file) => /(?:^|\n)\s*import\s+(?!type\s)[^;]*?from\s+"vscode-languageserver(?:\/node)?"/.test(readFileSync(file, "utf8")))
      .map((file) => relative(repositoryRoot, file));
    expect(valueImports).toEqual([]);
  });
});

describe("lint rules", () => {
  const rulesFolder = join(repositoryRoot, "server", "lint", "rules");
  const ruleFiles = readdirSync(rulesFolder)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => name.slice(0, -3))
    .sort();

  it("are each listed in the registry under their file name, sorted", async () => {
    const { allRules } = await import("../server/lint/registry.js");
    expect(allRules.map((rule) => rule.id)).toEqual(ruleFiles);
  });

  for (const id of ruleFiles) {
    it(`${id} documents what, why, how to fix, and invalid and valid examples in its header`, () => {
      const header = readFileSync(join(rulesFolder, `${id}.ts`), "utf8").split("*/")[0] ?? "";
      for (const part of [`Rule: ${id}`, "What:", "Why:", "Fix:", "Severity:", "Invalid:", "Valid:"]) expect(header).toContain(part);
    });
    it(`${id} has its own test file`, () => {
      expect(statSync(join(repositoryRoot, "test", "lint", "rules", `${id}.test.ts`)).isFile()).toBe(true);
    });
    it(`${id} has its generated page under docs/rules/`, () => {
      expect(readFileSync(join(repositoryRoot, "docs", "rules", `${id}.md`), "utf8")).toMatch(new RegExp(`^# ${id}\n`));
    });
  }
});

describe("documentation", () => {
  it("the pages under docs/ are what npm run build:docs writes (run it after changing a rule or a code)", async () => {
    const { generateDocs, existingDocs } = await import("../scripts/docs.js");
    const generated = generateDocs(repositoryRoot);
    const existing = existingDocs(repositoryRoot);
    expect([...existing.keys()].sort()).toEqual([...generated.keys()].sort());
    for (const [page, content] of generated) expect({ page, content: existing.get(page) }).toEqual({ page, content });
  });

  // The before/after examples of the formatter are its real output: they fail here when the formatter changes.
  it.each([
    ["docs/formatting.md", "## Before and after"],
    ["README.md", "## Format your scripts"],
  ])("%s shows what the formatter really makes of its example", (page, heading) => {
    const text = readFileSync(join(repositoryRoot, page), "utf8");
    const section = text.slice(text.indexOf(heading));
    const [before, after] = [...section.matchAll(/```crmscript\n([\s\S]*?)```/g)].map((match) => match[1] as string);
    expect(before).toBeDefined();
    expect(formatText(before as string)).toEqual({ ok: true, text: after, changed: true });
  });
});

describe("identifiers", () => {
  // US English, as the LSP and VS Code APIs spell: `analyze`, `color`, `behavior`, `initialize`, `normalize`, `serialize`.
  const british = /analys(?:ed|ing|e(?!s))|colour|behaviour|initialis|normalis|recognis|serialis|favour|honour|centre/i;

  it("are spelled the US way in every TypeScript file", () => {
    const found: string[] = [];
    for (const folder of ["grammar", "server", "client", "scripts", "bench", "test"]) {
      for (const file of sourceFiles(folder)) {
        if (file.includes(`${join("test", "fixtures")}`)) continue;
        const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
          if (ts.isIdentifier(node) && british.test(node.text)) found.push(`${relative(repositoryRoot, file)}: ${node.text}`);
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    }
    expect(found).toEqual([]);
  });
});

describe("ARCHITECTURE.md", () => {
  it("names only files and folders that exist", () => {
    const text = readFileSync(join(repositoryRoot, "ARCHITECTURE.md"), "utf8");
    const named = [...text.matchAll(/`([^`\s]+)`/g)].map((match) => match[1] as string);
    const paths = named.filter((name) => /^(?:grammar|server|client|test|scripts|bench|docs|syntaxes|schemas)\//.test(name) && !/[<*]/.test(name));
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(join(repositoryRoot, path)))).toEqual([]);
  });

  it("stays short: file details belong in file headers", () => {
    expect(readFileSync(join(repositoryRoot, "ARCHITECTURE.md"), "utf8").length).toBeLessThan(16_000);
  });
});

/**
 * The bundles in dist/ are plain ASCII (a single other character makes Node
 * read a whole bundle as two-byte text, slower to read and to compile at
 * every start), and the escaping that makes them so changes nothing a
 * program can observe in strings, templates, regular expressions or names.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureServerBuilt } from "../support/lsp-client.js";
import { repositoryRoot } from "../support/paths.js";

const pluginUrl = pathToFileURL(join(repositoryRoot, "scripts", "esbuild-ascii-output.mjs")).href;
const { toAscii } = (await import(pluginUrl)) as { toAscii: (text: string) => string };

beforeAll(() => ensureServerBuilt(), 150_000);

describe("the bundles", () => {
  it("are ASCII", () => {
    const bundles = readdirSync(join(repositoryRoot, "dist")).filter((name) => name.endsWith(".js"));
    expect(bundles).toContain("crmscript-language-server.js");
    for (const name of bundles) {
      const text = readFileSync(join(repositoryRoot, "dist", name), "utf8");
      const first = text.search(/[\u0080-\uffff]/);
      expect(first === -1 ? "" : `${name}: ${JSON.stringify(text.slice(Math.max(0, first - 30), first + 10))}`).toBe("");
    }
  });
});

describe("toAscii", () => {
  it("keeps what code means and escapes comments readably", () => {
    const source = [
      "// spec § 1 … “quoted”",
      "const café = 'ünïcödé…'; /* — ¥ */",
      // A template literal with a substitution (escaped here, so this one has none).
      `const template = \`line … $\{café.length} 😀\`;`,
      "const matches = /é+…/.test('éé…');",
      "[café, template, matches, 'x😀y'.length, café.charCodeAt(0)]",
    ].join("\n");
    const ascii = toAscii(source);
    expect(ascii).not.toMatch(/[\u0080-\uffff]/);
    expect(ascii).toContain("// spec \\u00a7 1 \\u2026");
    expect(runInNewContext(ascii)).toEqual(runInNewContext(source));
  });
});

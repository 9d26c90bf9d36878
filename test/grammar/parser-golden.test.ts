/**
 * Golden AST dumps: every `test/fixtures/parser/{ok,err}/*.crmscript` is parsed
 * and its AST dump plus diagnostics are compared with the `.ast.txt` file next
 * to it (created when missing; update with `npx vitest -u`). Files under `ok/`
 * must parse without any syntax diagnostic; files under `err/` must have some.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpAst } from "../../grammar/dump.js";
import { parseSource } from "../../grammar/index.js";
import { fixturesRoot } from "../support/paths.js";

function goldenText(text: string): string {
  const file = parseSource(text);
  const diagnostics = file.diagnostics.map((diagnostic) => {
    const start = file.lineIndex.position(diagnostic.range.start);
    const end = file.lineIndex.position(diagnostic.range.end);
    return `${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
  });
  return `${dumpAst(file.program, text)}--- diagnostics\n${diagnostics.join("\n")}${diagnostics.length > 0 ? "\n" : ""}`;
}

for (const group of ["ok", "err"] as const) {
  const folder = join(fixturesRoot, "parser", group);
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".crmscript"))
    .sort();
  describe(`parser fixtures: ${group}`, () => {
    it("has fixtures", () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const name of files) {
      it(name, async () => {
        const text = readFileSync(join(folder, name), "utf8");
        const diagnostics = parseSource(text).diagnostics;
        if (group === "ok") expect(diagnostics).toEqual([]);
        else expect(diagnostics.length).toBeGreaterThan(0);
        await expect(goldenText(text)).toMatchFileSnapshot(join(folder, name.replace(/\.crmscript$/, ".ast.txt")));
      });
    }
  });
}

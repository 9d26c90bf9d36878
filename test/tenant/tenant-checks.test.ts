/**
 * `crmscript validate` and `crmscript run` against the fake tenant's
 * compiler: an error lands on the file and line it is in (an included
 * library's error on the library's file), in every report format; what is
 * validated by default (the changed files); and running a file prints its
 * output, sends the parameters, and reports a runtime error.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { StoredScript, TenantServer } from "../support/tenant-server.js";
import { useTenantWorkspace } from "../support/tenant-workspace.js";

const tenant = useTenantWorkspace();
const crmscript = tenant.crmscript;
let server: TenantServer;
let folder: string;
let library: StoredScript;
let main: StoredScript;

const libraryFile = (): string => `scripts/${library.IncludeId}.crm`;
const mainFile = (): string => `scripts/${main.IncludeId}.crm`;

beforeEach(async () => {
  server = tenant.server;
  folder = tenant.folder;
  library = server.store.addScript({ Name: "Library", IncludeId: "lib-text", Source: "String shout(String s) {\n  return s.toUpper();\n}\n" });
  main = server.store.addScript({ Name: "Main", IncludeId: "main-report", Source: '#include "lib-text";\nprintLine("hello");\n' });
  expect((await crmscript("pull")).code).toBe(0);
});

const write = (file: string, text: string): void => writeFileSync(join(folder, file), text);

describe("crmscript validate", () => {
  it("passes a script the tenant compiles, and validates the changed files by default", async () => {
    expect((await crmscript("validate")).stdout).toBe("");
    write(mainFile(), '#include "lib-text";\nprintLine("changed");\n');
    const run = await crmscript("validate", "-f", "json");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { filePath: string; messages: unknown[] }[];
    expect(report).toEqual([expect.objectContaining({ filePath: join(folder, mainFile()), messages: [] })]);
    const sent = server.requests.filter((request) => request.path.endsWith("ValidateScriptByString"));
    expect(sent.at(-1)?.body).toEqual({ Script: '#include "lib-text";\nprintLine("changed");\n' });
  });

  it("puts the tenant compiler's error on the line of the file, in every format", async () => {
    write(mainFile(), '#include "lib-text";\nprintLine("a");\nInteger x = COMPILE_ERROR;\n');
    const file = join(folder, mainFile());

    const stylish = await crmscript("validate", mainFile());
    expect(stylish.code).toBe(1);
    expect(stylish.stdout.split("\n")[0]).toBe(mainFile());
    expect(stylish.stdout).toMatch(/3:13\s+error\s+Syntax error: unexpected identifier COMPILE_ERROR\s+tenant-compiler/);

    const json = JSON.parse((await crmscript("validate", mainFile(), "-f", "json")).stdout) as {
      filePath: string;
      messages: { ruleId: string; line: number; column: number; severity: number }[];
    }[];
    expect(json).toEqual([expect.objectContaining({ filePath: file, errorCount: 1 })]);
    expect(json[0]?.messages).toEqual([expect.objectContaining({ ruleId: "tenant-compiler", severity: 2, line: 3, column: 13 })]);

    const sarif = JSON.parse((await crmscript("validate", mainFile(), "-f", "sarif")).stdout);
    const [result] = sarif.runs[0].results;
    expect(result.ruleId).toBe("tenant-compiler");
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toContain(mainFile());
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 13 });

    const github = await crmscript("validate", mainFile(), "-f", "github");
    expect(github.stdout).toMatch(new RegExp(`::error file=${mainFile().replace(/[.]/g, "\\.")},line=3,(end)?[cC]ol.*COMPILE_ERROR`));
  });

  it("puts an error in an included script on the library's own file and line", async () => {
    server.store.updateScript(library.EjscriptId, { Source: "String shout(String s) {\n  return COMPILE_ERROR;\n}\n" });
    const run = await crmscript("validate", mainFile(), "-f", "json");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { filePath: string; messages: { line: number; column: number; message: string }[] }[];
    const libraryReport = report.find((entry) => entry.filePath === join(folder, libraryFile()));
    expect(libraryReport?.messages).toEqual([
      expect.objectContaining({ line: 2, column: 10, message: expect.stringContaining(`(in 'lib-text', included by ${mainFile()})`) }),
    ]);
    expect(report.find((entry) => entry.filePath === join(folder, mainFile()))?.messages).toEqual([]);
  });

  it("refuses an unknown format", async () => {
    const run = await crmscript("validate", mainFile(), "-f", "xml");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown format 'xml'");
  });
});

describe("crmscript run", () => {
  it("prints what the script printed and sends the parameters", async () => {
    const run = await crmscript("run", mainFile(), "--param", "ticketId=12", "--param", "mode=a=b");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("hello\n");
    const sent = server.requests.find((request) => request.path.endsWith("ExecuteScriptByString"));
    expect(sent?.body).toEqual({ Script: readFileSync(join(folder, mainFile()), "utf8"), Parameters: { ticketId: "12", mode: "a=b" } });
  });

  it("reports a runtime error with its place, after the output so far", async () => {
    write(mainFile(), 'printLine("before");\nRUNTIME_ERROR;\nprintLine("after");\n');
    const run = await crmscript("run", mainFile());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("before\n");
    expect(run.stderr).toBe(`${mainFile()}:2:1: Runtime error: RUNTIME_ERROR\n`);
  });

  it("needs exactly one file and NAME=VALUE parameters", async () => {
    expect((await crmscript("run")).stderr).toContain("run needs exactly one script file");
    expect((await crmscript("run", mainFile(), "--param", "novalue")).stderr).toContain("--param takes NAME=VALUE");
  });
});

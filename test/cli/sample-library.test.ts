/**
 * A library of scripts shaped like SuperOffice's public sample library
 * (`test/fixtures/sample-library`, our own code: libraries included by id
 * from an Examples folder, a struct serialised with its built-in toJson, an
 * endpoint ending with `return Ok(...)`, a Map filled by index, SetAddress
 * with both argument types), linted as a new user would:
 * `crmscript-lint -I Library Library`. It must report the deliberate
 * mistakes (functions the library renamed, a misspelt Map method) and the
 * warnings spec §15 calls for, and nothing else.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint, parseJson } from "../support/cli-runner.js";
import { fixturesRoot } from "../support/paths.js";

const root = join(fixturesRoot, "sample-library");

describe("the sample library, linted with its library folder as include path", () => {
  it("reports only the deliberate mistakes as errors, and the top-level returns of Void calls as warnings", async () => {
    const run = await lint(["-I", "Library", "--format", "json", "Library"], { cwd: root });
    expect(run.stderr).toBe("");
    const problems = parseJson(run.stdout).flatMap((result) =>
      result.messages.map(
        (message) =>
          `${result.filePath
            .slice(root.length + 1)
            .split("\\")
            .join("/")}:${message.line} ${message.severity === 2 ? "error" : "warning"} ${message.ruleId}`,
      ),
    );
    expect(problems).toEqual([
      "Library/Examples/lib-example-config.crm:4 error undeclared-name",
      "Library/Examples/lib-example-config.crm:5 error undeclared-name",
      "Library/Examples/lib-example-http.crm:7 warning return-void-call",
      "Library/Examples/lib-example-http.crm:12 warning return-void-call",
      "Library/Examples/lib-example-http.crm:14 warning return-void-call",
      "Library/Examples/lib-example-udef.crm:7 error unknown-member",
    ]);
    expect(run.code).toBe(1);
  });

  it("names the mistakes so that they can be fixed", async () => {
    const run = await lint(["-I", "Library", "Library/Examples"], { cwd: root });
    expect(run.stdout).toContain("function 'setConfigValue' is not declared");
    expect(run.stdout).toContain("function 'getConfigValue' is not declared");
    expect(run.stdout).toContain("Map has no method 'GetFirst'");
    expect(run.stdout).toContain("✖ 6 problems (3 errors, 3 warnings)");
  });
});

/**
 * `#include "id";` across files (spec §2.2): where an id is found, what it
 * makes visible, include-once, cycles, missing scripts, and that included
 * files are parsed once and re-checked when they change.
 */
import { describe, expect, it } from "vitest";
import { AnalysisHost } from "../../server/analysis/host.js";
import { MemoryFileSystem } from "../../server/analysis/file-system.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { checkFixture, onlyRules } from "../support/check.js";

describe("finding included scripts", () => {
  it("finds id.crm and id.crmscript next to the script, and an id with its extension written out", () => {
    checkFixture(`
#include "lib-http";
#include "lib-json";
#include "lib-math.crm";
String body = Ok("done") + toJson("x") + abs(-2).toString();
//- /fixture/lib-http.crm
String Ok(String body) { return "200 " + body; }
//- /fixture/lib-json.crmscript
String toJson(String value) { return "\\"" + value + "\\""; }
//- /fixture/lib-math.crm
Integer abs(Integer x) { if (x < 0) return -x; return x; }
`);
  });

  it("looks in the workspace roots and include paths after the script's folder", () => {
    const settings = { workspaceRoots: ["/workspace"], includePaths: ["/shared/includes"] };
    checkFixture(
      `
#include "lib-config";
#include "lib-log";
printLine(CONFIG_NAME);
logInfo("started");
//- /workspace/lib-config.crm
String CONFIG_NAME = "production";
//- /shared/includes/lib-log.crm
Void logInfo(String message) { printLine("[info] " + message); }
`,
      { settings },
    );
  });

  it("warns about a missing include, says where it looked, and reports uses of its names once", () => {
    checkFixture(`
#include "lib-missing";
//       ^^^^^^^^^^^^^ warning include-not-found: looked in /fixture
  helper();
//^^^^^^ error undeclared-name
`);
  });
});

describe("what an include makes visible", () => {
  it("exposes globals, functions (with overloads) and structs, including those of nested includes", () => {
    checkFixture(`
#include "lib-orders";
Order order = newOrder("A-1");
order.lines.pushBack(line(2));
printLine(TAX_RATE.toString(2) + describe(order) + describe(order, true));
//- /fixture/lib-orders.crm
#include "lib-lines";
Float TAX_RATE = 0.25;
struct Order { String id; Line[] lines; };
Order newOrder(String id) { Order o; o.id = id; return o; }
String describe(Order o) { return o.id; }
String describe(Order o, Bool long) { return o.id + " with " + o.lines.length().toString() + " lines"; }
//- /fixture/lib-lines.crm
struct Line { Integer quantity; };
Line line(Integer quantity) { Line l; l.quantity = quantity; return l; }
`);
  });

  it("makes names visible only after the #include line", () => {
    checkFixture(`
String early = greeting();
//             ^^^^^^^^ error undeclared-name
#include "lib-greeting";
String late = greeting();
//- /fixture/lib-greeting.crm
String greeting() { return "hello"; }
`);
  });

  it("reports a declaration that repeats an included name", () => {
    checkFixture(`
#include "lib-config";
String MODE = "test";
//     ^^^^ error duplicate-declaration: in /fixture/lib-config.crm
//- /fixture/lib-config.crm
String MODE = "production";
`);
  });

  it("includes a script once, however often and by however many paths it is included (A13)", () => {
    checkFixture(`
#include "chatbotConfig";
#include "conversationHandler";
#include "chatbotConfig";
printLine(BOT_NAME + reply("hi"));
//- /fixture/chatbotConfig.crm
String BOT_NAME = "Sue";
//- /fixture/conversationHandler.crm
#include "chatbotConfig";
String reply(String text) { return BOT_NAME + ": " + text; }
`);
  });
});

describe("cycles", () => {
  it("reports a circle of includes in every script of the circle and still analyses the rest", () => {
    checkFixture(`
#include "b";
//       ^^^ warning include-cycle: main.crm → b.crm → main.crm
printLine(fromB());
//- /fixture/b.crm
#include "main";
//       ^^^^^^ warning include-cycle: b.crm → main.crm → b.crm
String fromB() { return "b"; }
`);
  });

  it("reports a script that includes itself", () => {
    checkFixture(`
#include "main";
//       ^^^^^^ warning include-cycle: main.crm → main.crm
`);
  });
});

describe("caching", () => {
  it("parses an included script once for many includers, and re-checks includers when it changes", () => {
    const files: Record<string, string> = {
      "/w/lib.crm": "Integer answer() { return 42; }\n",
      "/w/a.crm": '#include "lib";\nInteger a = answer();\n',
      "/w/b.crm": '#include "lib";\nInteger b = answer();\n',
    };
    const fileSystem = new MemoryFileSystem(files);
    let reads = 0;
    const counting = { readFile: (path: string) => (path === "/w/lib.crm" ? (reads++, fileSystem.readFile(path)) : fileSystem.readFile(path)) };
    const host = new AnalysisHost(builtinCatalog().catalog, counting, { rules: onlyRules([]) });
    expect(host.analyzeFile("/w/a.crm")?.diagnostics).toEqual([]);
    expect(host.analyzeFile("/w/b.crm")?.diagnostics).toEqual([]);
    const readsAfterTwoIncluders = reads;
    const libModel = host.analyzeFile("/w/lib.crm")?.model;
    expect(host.analyzeFile("/w/a.crm")?.model.exports().includes[0]).toBe(libModel?.exports());
    expect(reads).toBe(readsAfterTwoIncluders);
    expect([...host.dependentsOf("/w/lib.crm")].sort()).toEqual(["/w/a.crm", "/w/b.crm"]);

    host.setOverlay("/w/lib.crm", 'String answer() { return "42"; }\n');
    const codes = host.analyzeFile("/w/a.crm")?.diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes).toEqual(["type-mismatch"]);
  });
});

/**
 * Ranked, filtered completion: the matcher (exact-case prefix, any-case
 * prefix, camel-case humps, subsequence), a table of cursors in real
 * CRMScript where the expected entry must come first, the cut at the limit
 * with `isIncomplete`, the insert and replace ranges of a cursor inside a
 * word, sortText in list order, and recently accepted labels moving up.
 */
import { describe, expect, it } from "vitest";
import { complete, COMPLETION_LIMIT, type CompletionOptions, type CompletionResult } from "../../server/features/completion/complete.js";
import { humpStarts, matchWord, MatchQuality, rankCandidates } from "../../server/features/completion/rank.js";
import { RecentCompletions } from "../../server/features/completion/recent.js";
import { freshState } from "../../server/features/editor-state.js";
import { cursorOf, runFixture } from "../support/check.js";

function completeAt(source: string, options: CompletionOptions = {}): CompletionResult & { labels: string[] } {
  const run = runFixture(source);
  const analysis = run.analysis();
  const result = complete(run.host, freshState(analysis), cursorOf(run), { includeIds: () => [], fresh: () => freshState(analysis) }, options);
  return { ...result, labels: result.entries.map((entry) => entry.label) };
}

describe("the matcher", () => {
  it("grades exact-case prefix, any-case prefix, humps and subsequence, and rejects the rest", () => {
    expect(matchWord("GetC", "GetContactEntity")?.quality).toBe(MatchQuality.ExactPrefix);
    expect(matchWord("getc", "GetContactEntity")?.quality).toBe(MatchQuality.Prefix);
    expect(matchWord("gce", "GetContactEntity")?.quality).toBe(MatchQuality.Humps);
    expect(matchWord("GCE", "GetContactEntity")?.quality).toBe(MatchQuality.Humps);
    expect(matchWord("getcoent", "GetContactEntity")?.quality).toBe(MatchQuality.Humps);
    expect(matchWord("ntent", "GetContactEntity")?.quality).toBe(MatchQuality.Subsequence);
    expect(matchWord("cge", "GetContactEntity")).toBeUndefined();
    expect(matchWord("", "anything")?.quality).toBe(MatchQuality.ExactPrefix);
  });

  it("prefers the label whose humps the word uses up, and the tighter subsequence", () => {
    const whole = matchWord("gce", "GetContactEntity");
    const partial = matchWord("gce", "GetContactEntityList");
    expect(whole?.score).toBeLessThan(partial?.score ?? 0);
    expect(matchWord("upper", "toUpper")?.score).toBeLessThan(matchWord("upper", "subPartsOfPaper")?.score ?? 0);
  });

  it("gives up on a hopeless hump match quickly", () => {
    const label = "aA".repeat(40);
    expect(matchWord(`${"a".repeat(30)}b`, label)).toBeUndefined();
    expect(matchWord(`${"a".repeat(30)}x`, `${label}X`)?.quality).toBe(MatchQuality.Humps);
  });

  it("finds the humps of camel case, capital runs, digits and separators", () => {
    expect(humpStarts("GetContactEntity")).toEqual([0, 3, 10]);
    expect(humpStarts("fromXMLNode")).toEqual([0, 4, 7]);
    expect(humpStarts("encodeSHA256")).toEqual([0, 6, 9]);
    expect(humpStarts("lib-http")).toEqual([0, 4]);
    expect(humpStarts("to_json")).toEqual([0, 3]);
  });

  it("orders by match quality, then group, then recency, then name, and cuts at the limit", () => {
    const candidates = [
      { label: "zeta", group: 2 },
      { label: "alpha", group: 2 },
      { label: "Zeta", group: 0 },
      { label: "zebra", group: 1 },
      { label: "xzy", group: 0 },
    ];
    const none = (): undefined => undefined;
    expect(rankCandidates(candidates, "z", none, 10).items.map((item) => item.label)).toEqual(["zebra", "zeta", "Zeta", "xzy"]);
    expect(rankCandidates(candidates, "z", (label) => (label === "zeta" ? 0 : undefined), 10).items[1]?.label).toBe("zeta");
    expect(rankCandidates(candidates, "", none, 2)).toEqual({ items: [candidates[4], candidates[2]], cut: true });
  });
});

describe("the expected entry comes first", () => {
  const AGENT = "#setLanguageLevel 4;\nNSContactAgent agent;\n";
  const table: [string, string, string][] = [
    ["a statement after printL", "Integer count = 0;\nString name;\nVoid run(Integer limit) {\n  Integer total = 0;\n  printL$0\n}\n", "printLine"],
    ["a member after agent.GetContactE", `${AGENT}agent.GetContactE$0\n`, "GetContactEntity"],
    ["a member by its humps: agent.gce", `${AGENT}NSContactEntity c = agent.gce$0;\n`, "GetContactEntity"],
    ["a member by humps in capitals: agent.GCE", `${AGENT}agent.GCE$0\n`, "GetContactEntity"],
    ["a local before a global of the same prefix", "Void f() {\n  Integer printCount = 0;\n  prin$0\n}\n", "printCount"],
    ["a parameter before a catalog function", "Void f(String encoded) {\n  printLine(enc$0);\n}\n", "encoded"],
    ["a type after NSContactAg at a statement start", "NSContactAg$0\n", "NSContactAgent"],
    ["a type by its humps: nscontag", "nscontag$0\n", "NSContactAgent"],
    ["a type in a parameter list", "Void save(NSContactE$0\n", "NSContactEntity"],
    ["a String member", 'String s = "abc";\ns.toU$0\n', "toUpper"],
    ["a String member by subsequence", 'String s = "<p>abc</p>";\nString t = s.Body$0;\n', "extractHtmlBody"],
    ["a struct field", "struct Car { String brand; Integer year; };\nCar car;\ncar.ye$0\n", "year"],
    ["a keyword inside a function", "Void f() {\n  whi$0\n}\n", "while"],
    ["a value keyword in an expression", "Bool done = tr$0;\n", "true"],
    ["the exact-case prefix before a local that differs in case", "Void f() {\n  Integer PrintCount = 0;\n  print$0\n}\n", "print"],
    ["a SearchEngine method", "SearchEngine se;\nse.addCr$0\n", "addCriteria"],
  ];
  it.each(table)("%s", (_, source, expected) => {
    expect(completeAt(source).labels[0]).toBe(expected);
  });

  it("offers the NetServer types after NSCont", () => {
    const labels = completeAt("Void f() {\n  NSCont$0\n}\n").labels;
    expect(labels[0]).toBe("NSContact");
    expect(labels.slice(0, 5)).toEqual(expect.arrayContaining(["NSContactAgent", "NSContactEntity"]));
  });

  it("puts subsequence matches after every prefix match", () => {
    const result = completeAt('String s = "abc";\ns.is$0\n');
    const prefixed = result.labels.filter((label) => label.toLowerCase().startsWith("is"));
    expect(result.labels.slice(0, prefixed.length)).toEqual(prefixed);
    expect(result.labels.length).toBeGreaterThan(prefixed.length);
    expect(result.labels.at(-1)?.toLowerCase().startsWith("is")).toBe(false);
  });

  it("keeps only what matches the word", () => {
    const result = completeAt("Integer count = 0;\nVoid run(Integer limit) {\n  Integer total = 0;\n  printL$0\n}\n");
    expect(result.labels).not.toContain("total");
    expect(result.labels).not.toContain("GenericToArray");
    expect(result.labels.length).toBeLessThan(20);
    expect(result.isIncomplete).toBe(false);
  });
});

describe("the list", () => {
  it("is cut at the limit with isIncomplete, and complete when it fits", () => {
    const everything = completeAt("Void f() {\n  $0\n}\n");
    expect(everything.entries).toHaveLength(COMPLETION_LIMIT);
    expect(everything.isIncomplete).toBe(true);
    const uncut = completeAt("Void f() {\n  $0\n}\n", { limit: Number.POSITIVE_INFINITY });
    expect(uncut.entries.length).toBeGreaterThan(COMPLETION_LIMIT);
    expect(uncut.labels.slice(0, COMPLETION_LIMIT)).toEqual(everything.labels);
    expect(completeAt("Void f() {\n  $0\n}\n", { limit: 5 }).entries).toHaveLength(5);
  });

  it("numbers sortText in list order", () => {
    const result = completeAt("SearchEngine se;\nse.$0\n");
    const sortTexts = result.entries.map((entry) => entry.sortText);
    expect(sortTexts[0]).toBe("00");
    expect([...sortTexts].sort()).toEqual(sortTexts);
    expect(new Set(sortTexts.map((text) => text.length)).size).toBe(1);
  });

  it("inserts over the typed part and replaces the whole word when the cursor is inside it", () => {
    const source = "#setLanguageLevel 4;\nNSContactAgent agent;\nagent.GetCon$0tactList(1);\n";
    const result = completeAt(source);
    const start = source.indexOf("GetCon");
    expect(result.insert).toEqual({ start, end: start + "GetCon".length });
    expect(result.replace).toEqual({ start, end: start + "GetContactList".length });
    expect(result.labels[0]).toBe("GetContact");
  });

  it("replaces an include id inside its quotes", () => {
    const run = runFixture('#include "lib-h$0ttp";\n');
    const analysis = run.analysis();
    const result = complete(run.host, freshState(analysis), cursorOf(run), { includeIds: () => ["lib-http", "lib-json"], fresh: () => freshState(analysis) });
    expect(result.entries.map((entry) => entry.label)).toEqual(["lib-http"]);
    expect(result.replace.end - result.replace.start).toBe("lib-http".length);
    expect(result.insert.end - result.insert.start).toBe("lib-h".length);
  });

  it("leaves out snippets when the client has its own, and entries that need snippet syntax when it has none", () => {
    const kinds = (options: CompletionOptions): string[] => completeAt("Void f() {\n  fore$0\n}\n", options).entries.map((entry) => entry.kind);
    expect(kinds({}).slice(0, 2)).toEqual(["keyword", "snippet"]);
    expect(kinds({ offerSnippets: false })[0]).toBe("keyword");
    expect(kinds({ offerSnippets: false })).not.toContain("snippet");
    expect(completeAt("#inc$0\n", { snippetSyntax: false }).entries).toEqual([]);
  });
});

describe("recently accepted entries", () => {
  it("move up within their match quality and group, newest first", () => {
    const source = "Void f() {\n  print$0\n}\n";
    expect(completeAt(source).labels.slice(0, 2)).toEqual(["print", "printBinary"]);
    const recent = new RecentCompletions();
    recent.accept("printLine");
    const once = completeAt(source, { recency: (label) => recent.recency(label) });
    expect(once.labels[0]).toBe("printLine");
    recent.accept("printBinary");
    const twice = completeAt(source, { recency: (label) => recent.recency(label) });
    expect(twice.labels.slice(0, 3)).toEqual(["printBinary", "printLine", "print"]);
  });

  it("are remembered up to a capacity", () => {
    const recent = new RecentCompletions(2);
    recent.accept("a");
    recent.accept("b");
    recent.accept("a");
    expect([recent.recency("a"), recent.recency("b")]).toEqual([0, 1]);
    recent.accept("c");
    expect([recent.recency("c"), recent.recency("a"), recent.recency("b")]).toEqual([0, 1, undefined]);
  });
});

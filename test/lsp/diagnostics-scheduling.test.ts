/**
 * When pushed diagnostics are computed after an edit: never ahead of a
 * completion the client sent with the keystroke (its answer arrives before
 * the diagnostics, which follow at once), and once for a burst of edits, for
 * the newest version; and a document whose diagnostics were pushed is ready
 * for its first edit (its line table built while the client reads them);
 * an edit's garbage is collected before its diagnostics are pushed; the
 * work after the first diagnostics (priming) runs once, and a failure in it
 * is logged without stopping diagnostics.
 * The server runs in this process, on a 2,000-line script, so a diagnostics
 * run takes longer than the completion.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScriptOfLines } from "../../bench/realistic-script.js";
import { LspClient } from "../support/lsp-client.js";

const uri = "file:///scheduling/main.crm";
const text = generateScriptOfLines(2000, 4);
const lines = text.split("\n");
const targets = lines.flatMap((line, index) => (line.startsWith("  entity = agent.Save") ? [index] : []));

let client: LspClient;

beforeAll(async () => {
  client = await LspClient.startInProcess({ serverOptions: { diagnosticsDelayMilliseconds: 0 } });
  await client.openAndWait(uri, text);
});

afterAll(async () => {
  await client.stop();
});

/** The line table `vscode-languageserver-textdocument` builds on first need (a private field, read here on purpose). */
function hasLineTable(document: unknown): boolean {
  return (document as { _lineOffsets?: number[] })._lineOffsets !== undefined;
}

describe("a document just opened", () => {
  it("has its line table built once its diagnostics are pushed, before the first edit needs it", async () => {
    const documents = client.server?.documents;
    const otherUri = "file:///scheduling/other.crm";
    const pushed = client.pushedCount(otherUri);
    client.open(otherUri, text);
    // The syntax wave: the document is open, without a line table yet.
    await client.waitForDiagnostics(otherUri, () => true, pushed);
    const open = documents?.get(otherUri);
    expect(open).toBeDefined();
    expect(hasLineTable(open?.document)).toBe(false);
    // All its diagnostics.
    await client.waitForDiagnostics(otherUri, () => true, pushed + 1);
    await expect.poll(() => hasLineTable(open?.document), { timeout: 2000, interval: 5 }).toBe(true);
    expect(open?.document.lineCount).toBe(lines.length);
  });
});

describe("diagnostics after an edit", () => {
  it("come after the answer to a completion sent with the keystroke", async () => {
    expect(targets.length).toBeGreaterThanOrEqual(15);
    for (const line of targets.slice(0, 15)) {
      const before = client.pushedCount(uri);
      const typed = client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: "  agent.\n" }]);
      const list = await client.request<{ items: { label: string }[] }>("textDocument/completion", {
        textDocument: { uri },
        position: { line, character: 8 },
      });
      expect(list.items.length).toBeGreaterThan(10);
      // Messages arrive in the order they were sent: nothing was pushed for the edit before the answer …
      expect(client.pushedCount(uri)).toBe(before);
      // … and the edit's diagnostics come right after it.
      await client.waitForDiagnostics(uri, (params) => params.version === typed, before);
      const removed = client.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: "" }]);
      await client.waitForDiagnostics(uri, (params) => params.version === removed, before + 1);
    }
  });
});

describe("a burst of edits", () => {
  let burstClient: LspClient;
  const burstUri = "file:///scheduling/burst.crm";
  /** For each time the server collected an edit's garbage: how many pushes the client had then. */
  const collections: number[] = [];

  beforeAll(async () => {
    burstClient = await LspClient.startInProcess({
      serverOptions: { diagnosticsDelayMilliseconds: 300, collectGarbage: () => collections.push(burstClient.pushedCount(burstUri)) },
    });
    await burstClient.openAndWait(burstUri, "#setLanguageLevel 4;\nInteger count = 1;\nprintLine(count.toString());\n");
  });

  afterAll(async () => {
    await burstClient.stop();
  });

  it("is checked once, for the newest version, and its garbage collected once, before the push", async () => {
    // Opening is not typing: no collection for its two waves.
    expect(collections).toEqual([]);
    const before = burstClient.pushedCount(burstUri);
    burstClient.change(burstUri, [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 15 } }, text: "counter" }]);
    burstClient.change(burstUri, [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 17 } }, text: "coun" }]);
    const last = burstClient.change(burstUri, [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, text: "t" }]);
    const published = await burstClient.waitForDiagnostics(burstUri, (params) => params.version === last, before);
    expect(published.diagnostics).toEqual([]);
    expect(burstClient.pushedCount(burstUri) - before).toBe(1);
    expect(collections).toEqual([before]);
  });
});

describe("the work after the first diagnostics (priming the typing-time features)", () => {
  const firstUri = "file:///scheduling/first.crm";
  const secondUri = "file:///scheduling/second.crm";
  const script = "Integer count = 1;\nprintLine(count.toString());\n";

  it("runs once, after the first document's diagnostics, and not for later documents or edits", async () => {
    /** For each run: whether the first document's full analysis was done then. */
    const runs: boolean[] = [];
    const primed = await LspClient.startInProcess({
      serverOptions: {
        diagnosticsDelayMilliseconds: 0,
        afterFirstReport: () => {
          runs.push(primed.server?.documents.get(firstUri)?.analysis !== undefined);
        },
      },
    });
    try {
      await primed.openAndWait(firstUri, script);
      await expect.poll(() => runs.length, { timeout: 5000, interval: 5 }).toBe(1);
      // The syntax wave alone does not count: the work waits for the full analysis.
      expect(runs).toEqual([true]);
      await primed.openAndWait(secondUri, script);
      const before = primed.pushedCount(firstUri);
      const edited = primed.change(firstUri, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 13 } }, text: "total" }]);
      await primed.waitForDiagnostics(firstUri, (params) => params.version === edited, before);
      expect(runs).toHaveLength(1);
    } finally {
      await primed.stop();
    }
  });

  it("is given the first document's analysis, and runs work given as steps one step per turn until done", async () => {
    const steps: string[] = [];
    let given: unknown;
    const stepped = await LspClient.startInProcess({
      serverOptions: {
        diagnosticsDelayMilliseconds: 0,
        afterFirstReport: function* (analysis) {
          given = analysis;
          steps.push("first");
          yield;
          steps.push("second");
          yield;
          steps.push("third");
        },
      },
    });
    try {
      await stepped.openAndWait(firstUri, script);
      await expect.poll(() => steps.length, { timeout: 5000, interval: 5 }).toBe(3);
      expect(steps).toEqual(["first", "second", "third"]);
      expect(given).toBe(stepped.server?.documents.get(firstUri)?.analysis);
    } finally {
      await stepped.stop();
    }
  });

  it("stops at a step that fails, logging it", async () => {
    const steps: string[] = [];
    const failing = await LspClient.startInProcess({
      serverOptions: {
        diagnosticsDelayMilliseconds: 0,
        afterFirstReport: function* () {
          steps.push("first");
          yield;
          throw new Error("step broke");
        },
      },
    });
    try {
      await failing.openAndWait(firstUri, script);
      await expect.poll(() => failing.logs.some((line) => line.includes("step broke")), { timeout: 5000, interval: 5 }).toBe(true);
      expect(steps).toEqual(["first"]);
    } finally {
      await failing.stop();
    }
  });

  it("runs once for a client that pulls diagnostics, after its first pull", async () => {
    let runs = 0;
    const pulling = await LspClient.startInProcess({ pullDiagnostics: true, serverOptions: { afterFirstReport: () => void runs++ } });
    try {
      pulling.open(firstUri, script);
      // Opening computes nothing for a pulling client: the work waits for the first report asked for.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(runs).toBe(0);
      await pulling.request("textDocument/diagnostic", { textDocument: { uri: firstUri } });
      await expect.poll(() => runs, { timeout: 5000, interval: 5 }).toBe(1);
      await pulling.request("textDocument/diagnostic", { textDocument: { uri: firstUri } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(runs).toBe(1);
    } finally {
      await pulling.stop();
    }
  });

  it("is logged when it fails, and diagnostics go on", async () => {
    const failing = await LspClient.startInProcess({
      serverOptions: {
        diagnosticsDelayMilliseconds: 0,
        afterFirstReport: () => {
          throw new Error("priming broke");
        },
      },
    });
    try {
      await failing.openAndWait(firstUri, script);
      await expect.poll(() => failing.logs.some((line) => line.includes("priming broke")), { timeout: 5000, interval: 5 }).toBe(true);
      const before = failing.pushedCount(firstUri);
      const edited = failing.change(firstUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, text: "Strin" }]);
      const published = await failing.waitForDiagnostics(firstUri, (params) => params.version === edited, before);
      expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toContain("unknown-type");
    } finally {
      await failing.stop();
    }
  });
});

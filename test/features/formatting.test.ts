/**
 * Formatting as the editor gets it, without the protocol: the options
 * (the configuration file's over the formatter's defaults, nothing of the
 * editor's, so the result is `crmscript-format`'s), the small edits
 * between a text and its formatted form (one per changed gap, trimmed,
 * never inside a CRLF, and a fallback when the tokens differ), ranges that
 * share a line formatted as one, and the reasons for leaving text alone.
 */
import { describe, expect, it } from "vitest";
import type { TextEdit } from "../../grammar/index.js";
import { editsBetween } from "../../server/features/format-edits.js";
import { formatDocument, formatRanges, formattingOptions, formatTyped } from "../../server/features/formatting.js";
import { defaultFormatOptions, formatText } from "../../server/format/index.js";
import { applyFixes } from "../../server/lint/fixes.js";

const apply = (text: string, edits: readonly TextEdit[]): string => applyFixes(text, edits).text;

describe("formatting options", () => {
  it("are the formatter's defaults (2 spaces) when the configuration file sets none", () => {
    expect(formattingOptions(undefined)).toEqual({ indentWidth: 2, lineWidth: 80, useTabs: false, endOfLine: "auto" });
    expect(formattingOptions({})).toEqual(defaultFormatOptions);
  });

  it("take what the configuration file sets over the defaults, and the defaults for the rest", () => {
    expect(formattingOptions({ indentWidth: 4 })).toEqual({ indentWidth: 4, lineWidth: 80, useTabs: false, endOfLine: "auto" });
    expect(formattingOptions({ useTabs: true, lineWidth: 100, endOfLine: "crlf" })).toEqual({
      indentWidth: 2,
      lineWidth: 100,
      useTabs: true,
      endOfLine: "crlf",
    });
  });

  it("format a document exactly as crmscript-format does with the same configuration", () => {
    const text = "Void f()\n{\nif(a){x=1;}\n}\n";
    for (const configured of [undefined, { indentWidth: 4 }, { useTabs: true }]) {
      const expected = formatText(text, configured);
      if (!expected.ok) throw new Error(expected.reason);
      expect(apply(text, formatDocument(text, formattingOptions(configured)).edits), JSON.stringify(configured)).toBe(expected.text);
    }
    expect(apply(text, formatDocument(text, formattingOptions({ indentWidth: 4 })).edits)).toBe("Void f() {\n    if (a) {\n        x = 1;\n    }\n}\n");
  });
});

describe("edits between a text and its formatted form", () => {
  it("changes only the white space that differs, gap by gap", () => {
    const before = "if(a){x=1;}\n";
    const after = "if (a) {\n  x = 1;\n}\n";
    const edits = editsBetween(before, after);
    expect(apply(before, edits)).toBe(after);
    expect(edits).toEqual([
      { range: { start: 2, end: 2 }, text: " " },
      { range: { start: 5, end: 5 }, text: " " },
      { range: { start: 6, end: 6 }, text: "\n  " },
      { range: { start: 7, end: 7 }, text: " " },
      { range: { start: 8, end: 8 }, text: " " },
      { range: { start: 10, end: 10 }, text: "\n" },
    ]);
    expect(editsBetween(after, after)).toEqual([]);
  });

  it("keeps comments that did not change out of the edits, and respaces the ones that did", () => {
    const before = "x=1;    // one\n\n\n\ny=2;//two\n";
    const after = "x = 1; // one\n\ny = 2; // two\n";
    const edits = editsBetween(before, after);
    expect(apply(before, edits)).toBe(after);
    expect(edits.every((edit) => !before.slice(edit.range.start, edit.range.end).includes("one"))).toBe(true);
    expect(edits.slice(-2)).toEqual([
      { range: { start: 22, end: 22 }, text: " " },
      { range: { start: 24, end: 24 }, text: " " },
    ]);
  });

  it("never starts or ends an edit between CR and LF", () => {
    const before = "Void f()\r\n{\r\nx=1;\r\n\r\n\r\n}\r\n";
    const after = "Void f() {\r\n  x = 1;\r\n}\r\n";
    const edits = editsBetween(before, after);
    expect(apply(before, edits)).toBe(after);
    for (const edit of edits) {
      for (const offset of [edit.range.start, edit.range.end]) expect(before.slice(offset - 1, offset + 1)).not.toBe("\r\n");
    }
  });

  it("replaces whole CRLFs when line endings change", () => {
    const before = "a;\r\nb;\r\n";
    const edits = editsBetween(before, "a;\nb;\n");
    expect(edits).toEqual([
      { range: { start: 2, end: 4 }, text: "\n" },
      { range: { start: 6, end: 8 }, text: "\n" },
    ]);
    expect(editsBetween("a;\nb;\n", before)).toEqual([
      { range: { start: 2, end: 3 }, text: "\r\n" },
      { range: { start: 5, end: 6 }, text: "\r\n" },
    ]);
  });

  it("falls back to one edit over the span that differs when the tokens differ", () => {
    expect(editsBetween("a = 1; b = 2; c = 3;", "a = 1; b = 22; c = 3;")).toEqual([{ range: { start: 12, end: 12 }, text: "2" }]);
  });
});

describe("formatting a document, ranges and typed statements", () => {
  it("gives the reason when a document cannot be formatted", () => {
    const result = formatDocument("if (a {\n}\n", {});
    expect(result.edits).toEqual([]);
    expect(result.refused).toBe("it has a syntax error at 1:6: expected ')' to close the 'if' condition, found '{'");
  });

  it("formats ranges that share a line as one, and each range apart from lines between them", () => {
    const text = "a=1;\nb=2;\nc=3;\n";
    expect(
      apply(
        text,
        formatRanges(
          text,
          [
            { start: 5, end: 6 },
            { start: 7, end: 9 },
            { start: 0, end: 1 },
          ],
          {},
        ).edits,
      ),
    ).toBe("a = 1;\nb = 2;\nc=3;\n");
    expect(formatRanges(text, [], {})).toEqual({ edits: [] });
  });

  it("formats the statement a typed ';' ends, and nothing inside a for header", () => {
    const text = "Void f() {\nx=1;\n}\n";
    expect(apply(text, formatTyped(text, 15, {}).edits)).toBe("Void f() {\n  x = 1;\n}\n");
    expect(formatTyped("for (i=0;", 9, {})).toEqual({ edits: [] });
  });
});

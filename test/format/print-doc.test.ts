/**
 * The document printer on its own: groups print flat when they fit and
 * broken otherwise, fills break only where needed, trailing comments go to
 * the end of the line and force the next break, lines never end in spaces.
 */
import { describe, expect, it } from "vitest";
import { concat, fill, freshline, group, hardline, indent, line, endOfLineComment, softline } from "../../server/format/doc.js";
import { printDoc } from "../../server/format/print-doc.js";

const layout = (lineWidth: number) => ({ lineWidth, indentWidth: 2, useTabs: false });

describe("printDoc", () => {
  const call = group(["f(", indent([softline, "alpha,", line, "beta"]), softline, ")"]);

  it("prints a group flat when it fits and broken when it does not", () => {
    expect(printDoc(call, layout(80))).toBe("f(alpha, beta)");
    expect(printDoc(call, layout(10))).toBe("f(\n  alpha,\n  beta\n)");
  });

  it("counts what follows a group up to the next line break when deciding", () => {
    // "f(alpha, beta)" fits in 15 columns, but not with the 5 characters that follow it on the line.
    expect(printDoc([call, ";;;;;"], layout(15))).toBe("f(\n  alpha,\n  beta\n);;;;;");
    expect(printDoc([call, ";;;;;"], layout(19))).toBe("f(alpha, beta);;;;;");
  });

  it("breaks a fill only at the separators that must break", () => {
    const words = fill(["aaaa", line, "bbbb", line, "cccc", line, "dddd"]);
    expect(printDoc(words, layout(10))).toBe("aaaa bbbb\ncccc dddd");
  });

  it("breaks every enclosing group around a hard line", () => {
    expect(printDoc(group(["a", line, "b", hardline, "c"]), layout(80))).toBe("a\nb\nc");
  });

  it("ends the line after a // comment: the next separator breaks, and text after it starts a new line", () => {
    const list = fill(["x,", [endOfLineComment(" // note"), line], "y"]);
    expect(printDoc(["f(", indent(list, 2), ")"], layout(80))).toBe("f(x, // note\n    y)");
    expect(printDoc(["f(x", indent([endOfLineComment(" // note"), ")"], 2), ";"], layout(80))).toBe("f(x // note\n    );");
  });

  it("starts a fresh line only when not at the start of one", () => {
    expect(printDoc(["a", freshline, "b", hardline, freshline, "c"], layout(80))).toBe("a\nb\nc");
  });

  it("never leaves spaces at the end of a line, and indents with tabs when asked", () => {
    expect(printDoc(["a ", hardline, indent(["b", hardline, "c"])], layout(80))).toBe("a\nb\n  c");
    expect(printDoc(indent([hardline, "x"]), { lineWidth: 80, indentWidth: 4, useTabs: true })).toBe("\n\tx");
  });

  it("joins adjacent text in concat", () => {
    expect(concat("a", "b", "c")).toBe("abc");
    expect(concat("a", line, "b", "c")).toEqual(["a", line, "bc"]);
  });
});

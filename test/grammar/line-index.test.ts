/** `LineIndex`: line starts for LF, CRLF and lone-CR breaks (found natively), and offset ⇄ line/column. */
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../grammar/text.js";
import { seededRandom } from "../../bench/realistic-script.js";

/** The line starts by a character-by-character reading of the text: the specification the index must match. */
function lineStartsByCharacter(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    if (code === 10 || code === 13) starts.push(index + 1);
  }
  return starts;
}

describe("LineIndex", () => {
  it.each([
    ["", [0]],
    ["one line", [0]],
    ["a\nb", [0, 2]],
    ["a\r\nb", [0, 3]],
    ["a\rb", [0, 2]],
    ["a\n", [0, 2]],
    ["a\r\n", [0, 3]],
    ["\r", [0, 1]],
    ["\r\r\n\n", [0, 1, 3, 4]],
    ["x\n\ry\r\n\rz", [0, 2, 3, 6, 7]],
  ])("finds the line starts of %j", (text, starts) => {
    expect(new LineIndex(text).lineStarts).toEqual(starts);
  });

  it("agrees with a character-by-character reading on random texts of mixed line endings", () => {
    const random = seededRandom(41);
    const pieces = ["a", "bc", " ", "\n", "\r", "\r\n", "\n\r", "é", "𝒳"];
    for (let round = 0; round < 300; round++) {
      let text = "";
      const length = Math.floor(random() * 40);
      for (let index = 0; index < length; index++) text += pieces[Math.floor(random() * pieces.length)];
      const index = new LineIndex(text);
      expect(index.lineStarts, JSON.stringify(text)).toEqual(lineStartsByCharacter(text));
      for (let offset = 0; offset <= text.length; offset++) {
        const position = index.position(offset);
        // Every offset outside a CRLF pair maps back to itself.
        if (!(text[offset - 1] === "\r" && text[offset] === "\n")) expect(index.offset(position)).toBe(offset);
      }
    }
  });
});

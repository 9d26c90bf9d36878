/**
 * The small edits that turn a text into its formatted form. The formatter
 * keeps every token and comment in order, so only the white space between
 * them (and the spacing inside some comments) differs: each gap that
 * changed becomes one edit, trimmed to the part that changed (never
 * splitting a CRLF). Editors keep the cursor, breakpoints
 * and marks in place across such edits, which one edit replacing the whole
 * file would lose. If the tokens do not line up, one edit covers the span
 * from the first difference to the last.
 */
import { scanText, type TextEdit } from "../../grammar/index.js";
import { applyFixes } from "../lint/fixes.js";

/** The edits that turn `before` into `after`, sorted and not overlapping; none when they are equal. */
export function editsBetween(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const edits = gapEdits(before, after);
  if (edits !== undefined && applyFixes(before, edits).text === after) return edits;
  return [trimmed(before, after, 0, before.length, 0, after.length)];
}

/** A token or a comment: the text between them is the white space the formatter lays out. */
interface Unit {
  readonly start: number;
  readonly end: number;
  readonly comment: boolean;
}

function unitsOf(text: string): Unit[] {
  const scanned = scanText(text);
  const units: Unit[] = scanned.comments.map((comment) => ({ ...comment.range, comment: true }));
  for (let index = 0; index < scanned.tokens.count; index++) units.push({ start: scanned.tokens.start(index), end: scanned.tokens.end(index), comment: false });
  return units.sort((a, b) => a.start - b.start);
}

/**
 * One edit per changed gap between tokens and comments (and per comment the
 * formatter respaced), edits that touch joined; undefined when the two texts
 * do not have the same tokens and comments in the same order.
 */
function gapEdits(before: string, after: string): TextEdit[] | undefined {
  const a = unitsOf(before);
  const b = unitsOf(after);
  if (a.length !== b.length) return undefined;
  const edits: TextEdit[] = [];
  const add = (edit: TextEdit): void => {
    const last = edits[edits.length - 1];
    if (last === undefined || last.range.end < edit.range.start) edits.push(edit);
    else
      edits[edits.length - 1] = {
        range: { start: last.range.start, end: edit.range.end },
        text: last.text + before.slice(last.range.end, edit.range.start) + edit.text,
      };
  };
  let gapA = 0;
  let gapB = 0;
  for (let index = 0; index <= a.length; index++) {
    const unitA = a[index];
    const unitB = b[index];
    const endA = unitA?.start ?? before.length;
    const endB = unitB?.start ?? after.length;
    if (before.slice(gapA, endA) !== after.slice(gapB, endB)) add(trimmed(before, after, gapA, endA, gapB, endB));
    if (unitA === undefined || unitB === undefined) break;
    if (unitA.comment !== unitB.comment) return undefined;
    if (before.slice(unitA.start, unitA.end) !== after.slice(unitB.start, unitB.end)) {
      if (!unitA.comment) return undefined;
      add(trimmed(before, after, unitA.start, unitA.end, unitB.start, unitB.end));
    }
    gapA = unitA.end;
    gapB = unitB.end;
  }
  return edits;
}

/** The edit replacing `before[startA, endA)` with `after[startB, endB)`, without the ends both share. */
function trimmed(before: string, after: string, startA: number, endA: number, startB: number, endB: number): TextEdit {
  let prefix = 0;
  const most = Math.min(endA - startA, endB - startB);
  while (prefix < most && before.charCodeAt(startA + prefix) === after.charCodeAt(startB + prefix)) prefix++;
  // A position between "\r" and "\n" is no position in an editor.
  if (prefix > 0 && before[startA + prefix - 1] === "\r" && (before[startA + prefix] === "\n" || after[startB + prefix] === "\n")) prefix--;
  let suffix = 0;
  while (suffix < most - prefix && before.charCodeAt(endA - 1 - suffix) === after.charCodeAt(endB - 1 - suffix)) suffix++;
  if (suffix > 0 && before[endA - suffix] === "\n" && (before[endA - suffix - 1] === "\r" || after[endB - suffix - 1] === "\r")) suffix--;
  return { range: { start: startA + prefix, end: endA - suffix }, text: after.slice(startB + prefix, endB - suffix) };
}

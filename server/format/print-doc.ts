/**
 * Lays a `Doc` out in lines of at most `lineWidth` columns: each group is
 * printed flat when everything up to the next possible line break fits,
 * otherwise broken; a fill breaks only the separators it must. Lines never
 * end in white space; after a `//` comment the next text starts a new line. The output uses "\n"; the caller chooses
 * the file's line ending.
 */
import { BREAK_PARENT, type Doc, type DocCommand, END_OF_LINE_COMMENT, FILL, GROUP, INDENT, LINE, propagateBreaks } from "./doc.js";

export interface LayoutOptions {
  readonly lineWidth: number;
  /** Columns per indentation unit. */
  readonly indentWidth: number;
  readonly useTabs: boolean;
}

const BREAK = 0;
const FLAT = 1;
type Mode = typeof BREAK | typeof FLAT;

/** A fill's parts from `start` on, still to be printed (a tag of its own, after the document commands'). */
const FILL_REST = 6;
interface FillRest {
  readonly tag: typeof FILL_REST;
  readonly parts: readonly Doc[];
  readonly start: number;
}

/**
 * Documents waiting to be printed, with their indentation (in units) and
 * mode, as three parallel arrays: the printer pushes and pops hundreds of
 * thousands of entries, and objects per entry would keep the garbage
 * collector busy.
 */
class DocStack {
  readonly docs: (Doc | FillRest)[] = [];
  readonly indents: number[] = [];
  readonly modes: Mode[] = [];

  push(doc: Doc | FillRest, indent: number, mode: Mode): void {
    this.docs.push(doc);
    this.indents.push(indent);
    this.modes.push(mode);
  }

  /** Pushes the parts of a list so the first is on top. */
  pushParts(parts: readonly Doc[], from: number, indent: number, mode: Mode): void {
    for (let index = parts.length - 1; index >= from; index--) this.push(parts[index] as Doc, indent, mode);
  }

  clear(): void {
    this.docs.length = 0;
    this.indents.length = 0;
    this.modes.length = 0;
  }
}

/** The scratch stack `fits` measures on (one per process; `fits` does not nest). */
const measuring = new DocStack();
/** The layout being printed (set by `printDoc`, which does not nest either). */
let layout: LayoutOptions = { lineWidth: 80, indentWidth: 2, useTabs: false };

/**
 * Whether `docs` printed flat, and then what waits on `rest` (in its own
 * modes) up to the next line break, fit on the line `out` is at.
 */
function fits(docs: readonly Doc[], rest: DocStack | undefined, out: Output, indent: number, thenBroken?: Doc): boolean {
  const stack = measuring;
  stack.clear();
  // What follows up to its first possible line break, which is taken.
  if (thenBroken !== undefined) stack.push(thenBroken, indent, BREAK);
  stack.pushParts(docs, 0, indent, FLAT);
  let restIndex = rest === undefined ? 0 : rest.docs.length;
  // A space waiting after text is written as one space only when text follows, as a space in `docs` would be: counted once.
  let spaceBefore = out.spacePending;
  let remaining = layout.lineWidth - (spaceBefore ? out.textEnd : out.column);
  let commentEndsLine = out.lineEnded;
  while (remaining >= 0) {
    let doc: Doc | FillRest;
    let mode: Mode;
    let level: number;
    if (stack.docs.length > 0) {
      doc = stack.docs.pop() as Doc | FillRest;
      level = stack.indents.pop() as number;
      mode = stack.modes.pop() as Mode;
    } else {
      if (rest === undefined || restIndex === 0) return true;
      restIndex--;
      doc = rest.docs[restIndex] as Doc | FillRest;
      level = rest.indents[restIndex] as number;
      mode = rest.modes[restIndex] as Mode;
    }
    if (typeof doc === "string") {
      if (doc.length === 0) continue;
      // Measured as `Output.write` prints: spaces count only before text, and spaces that meet are one.
      let first = 0;
      while (first < doc.length && doc.charCodeAt(first) === 32) first++;
      const newLine = doc.indexOf("\n");
      if (newLine >= 0) {
        // Text spanning lines (a comment, code kept as written): its first line must fit, and measuring goes on after its last.
        if (commentEndsLine) return true;
        if (remaining - (spaceBefore && first === 0 ? 1 : 0) - newLine < 0) return false;
        remaining = layout.lineWidth - (doc.length - doc.lastIndexOf("\n") - 1);
        spaceBefore = false;
        continue;
      }
      let last = doc.length;
      while (last > first && doc.charCodeAt(last - 1) === 32) last--;
      if (last === first) {
        spaceBefore = true;
        continue;
      }
      // After a `//` comment, text starts a new line: this line ended fitting.
      if (commentEndsLine) return true;
      remaining -= (spaceBefore ? 1 : first) + (last - first);
      spaceBefore = last < doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      stack.pushParts(doc as readonly Doc[], 0, level, mode);
      continue;
    }
    const command = doc as DocCommand | FillRest;
    switch (command.tag) {
      case GROUP:
        stack.push(command.contents, level, command.broken ? BREAK : mode);
        break;
      case INDENT:
        stack.push(command.contents, level + command.levels, mode);
        break;
      case FILL:
        stack.pushParts(command.parts, 0, level, mode);
        break;
      case FILL_REST:
        stack.pushParts(command.parts, command.start, level, mode);
        break;
      case LINE:
        if (mode === BREAK || command.mode === "hard") return true;
        // A comment on a line of its own starts a new line; what follows it is measured on that line (a `//` comment later still counts).
        if (command.mode === "fresh") {
          remaining = layout.lineWidth - level * layout.indentWidth;
          commentEndsLine = false;
          spaceBefore = false;
          break;
        }
        // Nothing may follow a `//` comment on its line.
        if (commentEndsLine) return false;
        if (command.mode === "line") spaceBefore = true;
        break;
      case END_OF_LINE_COMMENT:
        commentEndsLine = true;
        break;
      default:
        break;
    }
  }
  return false;
}

/**
 * The printed text, built so that no line ends in white space: spaces and
 * tabs (indentation included) are held back until text follows them on
 * their line, and dropped at a line break.
 */
class Output {
  text = "";
  /** White space not yet written; written only when text follows it on its line. */
  private pending = "";
  /** The column after the last text written, without the pending white space. */
  private textColumn = 0;
  /** Nothing but white space written since the last line break. */
  atLineStart = true;
  /** A `//` comment ended the line: the next text starts a new one. */
  lineEnded = false;

  /** The column the next text would start at. */
  get column(): number {
    return this.textColumn + this.pending.length;
  }

  /** The column after the last text written on this line. */
  get textEnd(): number {
    return this.textColumn;
  }

  /** White space waits after text on this line: the next text is written one space after it. */
  get spacePending(): boolean {
    return !this.atLineStart && this.pending !== "";
  }

  write(text: string): void {
    let end = text.length;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end === 0) {
      // One space between two things is enough (a comment's own space and a separator's do not add up).
      if (this.atLineStart || this.pending === "") this.pending += text;
      return;
    }
    let body = end === text.length ? text : text.slice(0, end);
    let separator = this.pending;
    if (!this.atLineStart && separator !== "") {
      separator = " ";
      if (body.startsWith(" ")) body = body.trimStart();
    }
    this.text += separator + body;
    this.pending = text.slice(end);
    this.atLineStart = false;
    const lastBreak = body.lastIndexOf("\n");
    this.textColumn = lastBreak >= 0 ? body.length - lastBreak - 1 : this.textColumn + separator.length + body.length;
  }

  newLine(indentation: string, column: number): void {
    this.text += "\n";
    this.pending = indentation;
    this.textColumn = column - indentation.length;
    this.atLineStart = true;
    this.lineEnded = false;
  }
}

/** Prints `doc`, first marking the groups that hold forced breaks. */
export function printDoc(doc: Doc, options: LayoutOptions): string {
  propagateBreaks(doc);
  layout = options;
  const unit = options.useTabs ? "\t" : " ".repeat(options.indentWidth);
  const indentStrings: string[] = [""];
  const indentation = (levels: number): string => {
    for (let level = indentStrings.length; level <= levels; level++) indentStrings.push((indentStrings[level - 1] as string) + unit);
    return indentStrings[levels] as string;
  };
  const out = new Output();
  const stack = new DocStack();
  stack.push(doc, 0, BREAK);

  const newLine = (indent: number): void => {
    out.newLine(indentation(indent), indent * options.indentWidth);
  };

  while (stack.docs.length > 0) {
    const current = stack.docs.pop() as Doc | FillRest;
    const indent = stack.indents.pop() as number;
    const mode = stack.modes.pop() as Mode;
    if (typeof current === "string") {
      if (current.length === 0) continue;
      if (out.lineEnded && !out.atLineStart) {
        // A `//` comment ended the line: spaces after it are dropped, text starts the next line.
        if (current.trim() === "") continue;
        newLine(indent);
      }
      out.write(current);
      continue;
    }
    if (Array.isArray(current)) {
      stack.pushParts(current as readonly Doc[], 0, indent, mode);
      continue;
    }
    const command = current as DocCommand | FillRest;
    switch (command.tag) {
      case GROUP: {
        const flat = mode === FLAT || (!command.broken && fits([command.contents], stack, out, indent));
        stack.push(command.contents, indent, flat && !command.broken ? FLAT : BREAK);
        break;
      }
      case INDENT:
        stack.push(command.contents, indent + command.levels, mode);
        break;
      case LINE:
        if (command.mode === "fresh") {
          if (!out.atLineStart) newLine(indent);
        } else if (mode === FLAT && command.mode !== "hard") {
          if (command.mode === "line") out.write(" ");
        } else {
          newLine(indent);
        }
        break;
      case FILL:
        printFill(command.parts, 0, indent, mode, stack, out);
        break;
      case FILL_REST:
        printFill(command.parts, command.start, indent, mode, stack, out);
        break;
      case END_OF_LINE_COMMENT:
        out.write(command.text);
        out.lineEnded = true;
        break;
      case BREAK_PARENT:
        break;
    }
  }
  return out.text;
}

/**
 * Puts the next steps of a fill on the stack: its first content (flat when it
 * fits), then the separator after it, broken when the next content does not
 * fit on this line, then the rest of the fill.
 */
function printFill(parts: readonly Doc[], start: number, indent: number, mode: Mode, stack: DocStack, out: Output): void {
  if (start >= parts.length) return;
  const content = parts[start] as Doc;
  // The last content is measured with what follows the fill on its line.
  const contentFits = mode === FLAT || fits([content], start + 1 >= parts.length ? stack : undefined, out, indent);
  const contentMode: Mode = contentFits ? FLAT : BREAK;
  if (start + 1 >= parts.length) {
    stack.push(content, indent, contentMode);
    return;
  }
  const separator = parts[start + 1] as Doc;
  let separatorMode: Mode = mode;
  if (mode !== FLAT) {
    const next = parts[start + 2];
    const pair = next === undefined ? [content, separator] : [content, separator, next];
    // What follows the next content on its line must fit too: the next separator up to its break (`,`, ` +`), or after the last content what follows the fill (`)`, `) {`).
    const rest = start + 3 >= parts.length ? stack : undefined;
    separatorMode = contentFits && fits(pair, rest, out, indent, parts[start + 3]) ? FLAT : BREAK;
  }
  const rest: FillRest = { tag: FILL_REST, parts, start: start + 2 };
  stack.push(rest, indent, mode);
  stack.push(separator, indent, separatorMode);
  stack.push(content, indent, contentMode);
}

/**
 * Lays a `Doc` out in lines of at most `lineWidth` columns: each group is
 * printed flat when everything up to the next possible line break fits,
 * otherwise broken; a fill breaks only the separators it must. Lines never
 * end in white space; line suffixes (trailing `//` comments) are written
 * just before the next line break. The output uses "\n"; the caller chooses
 * the file's line ending.
 */
import { BREAK_PARENT, type Doc, type DocCommand, FILL, GROUP, INDENT, LINE, LINE_SUFFIX, propagateBreaks } from "./doc.js";

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

/**
 * Whether `docs` printed flat, and then what waits on `rest` (in its own
 * modes) up to the next line break, fit in `width` columns.
 */
function fits(docs: readonly Doc[], rest: DocStack | undefined, width: number, suffixAlreadyPending: boolean): boolean {
  const stack = measuring;
  stack.clear();
  stack.pushParts(docs, 0, 0, FLAT);
  let restIndex = rest === undefined ? 0 : rest.docs.length;
  let remaining = width;
  let suffixPending = suffixAlreadyPending;
  while (remaining >= 0) {
    let doc: Doc | FillRest;
    let mode: Mode;
    if (stack.docs.length > 0) {
      doc = stack.docs.pop() as Doc | FillRest;
      stack.indents.pop();
      mode = stack.modes.pop() as Mode;
    } else {
      if (rest === undefined || restIndex === 0) return true;
      restIndex--;
      doc = rest.docs[restIndex] as Doc | FillRest;
      mode = rest.modes[restIndex] as Mode;
    }
    if (typeof doc === "string") {
      const newLine = doc.indexOf("\n");
      if (newLine >= 0) return remaining - newLine >= 0;
      remaining -= doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      stack.pushParts(doc as readonly Doc[], 0, 0, mode);
      continue;
    }
    const command = doc as DocCommand | FillRest;
    switch (command.tag) {
      case GROUP:
        stack.push(command.contents, 0, command.broken ? BREAK : mode);
        break;
      case INDENT:
        stack.push(command.contents, 0, mode);
        break;
      case FILL:
        stack.pushParts(command.parts, 0, 0, mode);
        break;
      case FILL_REST:
        stack.pushParts(command.parts, command.start, 0, mode);
        break;
      case LINE:
        if (mode === BREAK || command.mode === "hard" || command.mode === "fresh") return true;
        // Nothing may follow a trailing `//` comment on its line.
        if (suffixPending) return false;
        if (command.mode === "line") remaining -= 1;
        break;
      case LINE_SUFFIX:
        suffixPending = true;
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
  private pending = "";
  column = 0;
  /** Nothing but white space written since the last line break. */
  atLineStart = true;

  write(text: string): void {
    let end = text.length;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end === 0) {
      this.pending += text;
      this.column += text.length;
      return;
    }
    this.text += this.pending + (end === text.length ? text : text.slice(0, end));
    this.pending = end === text.length ? "" : text.slice(end);
    this.atLineStart = false;
    const lastBreak = text.lastIndexOf("\n");
    this.column = lastBreak >= 0 ? text.length - lastBreak - 1 : this.column + text.length;
  }

  newLine(indentation: string, column: number): void {
    this.text += "\n";
    this.pending = indentation;
    this.column = column;
    this.atLineStart = true;
  }
}

/** Prints `doc`, first marking the groups that hold forced breaks. */
export function printDoc(doc: Doc, options: LayoutOptions): string {
  propagateBreaks(doc);
  const unit = options.useTabs ? "\t" : " ".repeat(options.indentWidth);
  const indentStrings: string[] = [""];
  const indentation = (levels: number): string => {
    for (let level = indentStrings.length; level <= levels; level++) indentStrings.push((indentStrings[level - 1] as string) + unit);
    return indentStrings[levels] as string;
  };
  const width = options.lineWidth;
  const out = new Output();
  let suffixes: string[] = [];
  const stack = new DocStack();
  stack.push(doc, 0, BREAK);

  const newLine = (indent: number): void => {
    if (suffixes.length > 0) {
      for (const suffix of suffixes) out.write(suffix);
      suffixes = [];
    }
    out.newLine(indentation(indent), indent * options.indentWidth);
  };

  while (stack.docs.length > 0) {
    const current = stack.docs.pop() as Doc | FillRest;
    const indent = stack.indents.pop() as number;
    const mode = stack.modes.pop() as Mode;
    if (typeof current === "string") {
      if (current.length > 0) out.write(current);
      continue;
    }
    if (Array.isArray(current)) {
      stack.pushParts(current as readonly Doc[], 0, indent, mode);
      continue;
    }
    const command = current as DocCommand | FillRest;
    switch (command.tag) {
      case GROUP: {
        const flat = mode === FLAT || (!command.broken && fits([command.contents], stack, width - out.column, suffixes.length > 0));
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
        printFill(command.parts, 0, indent, mode, stack, width - out.column, suffixes.length > 0);
        break;
      case FILL_REST:
        printFill(command.parts, command.start, indent, mode, stack, width - out.column, suffixes.length > 0);
        break;
      case LINE_SUFFIX:
        suffixes.push(command.text);
        break;
      case BREAK_PARENT:
        break;
    }
  }
  for (const suffix of suffixes) out.write(suffix);
  return out.text;
}

/**
 * Puts the next steps of a fill on the stack: its first content (flat when it
 * fits), then the separator after it, broken when the next content does not
 * fit on this line, then the rest of the fill.
 */
function printFill(parts: readonly Doc[], start: number, indent: number, mode: Mode, stack: DocStack, remaining: number, suffixPending: boolean): void {
  if (start >= parts.length) return;
  const content = parts[start] as Doc;
  const contentFits = mode === FLAT || fits([content], undefined, remaining, suffixPending);
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
    separatorMode = contentFits && fits(pair, undefined, remaining, suffixPending) ? FLAT : BREAK;
  }
  const rest: FillRest = { tag: FILL_REST, parts, start: start + 2 };
  stack.push(rest, indent, mode);
  stack.push(separator, indent, separatorMode);
  stack.push(content, indent, contentMode);
}

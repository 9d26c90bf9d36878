/**
 * The fixture mini-language of the tests, written as CRMScript comments so a
 * fixture stays valid CRMScript:
 *
 * - `//- /scripts/util.crm` starts a new file of a multi-file fixture (the
 *   first file needs no header; it is `/fixture/main.crm`).
 * - `$0` marks the cursor (removed from the text).
 * - `//   ^^^^ error unknown-member: has no method` annotates the nearest
 *   code line above: the carets give the columns, then a severity and a
 *   code, then optionally `: text` that the message must contain. A `|`
 *   instead of carets marks an empty range at that column.
 * - `//   ^^^^ type String` asserts the type of the expression spanning the
 *   carets.
 */

export interface FixtureFile {
  readonly path: string;
  readonly text: string;
  readonly annotations: readonly Annotation[];
  /** Offset of `$0` in this file, if it has one. */
  readonly cursor: number | undefined;
}

export interface Annotation {
  /** 0-based line of the annotated code. */
  readonly line: number;
  /** 0-based start and end columns. */
  readonly startColumn: number;
  readonly endColumn: number;
  readonly kind: "diagnostic" | "type";
  /** For a diagnostic: its severity and code; for a type: the type's name. */
  readonly severity: string;
  readonly code: string;
  readonly message: string | undefined;
}

const ANNOTATION = /^(\s*)\/\/(\s*)(\^+|\|)\s+(error|warning|info|hint|type)\s+(\S+)(?:\s*:\s*(.*))?$/;
const FILE_HEADER = /^\/\/-\s+(\S+)\s*$/;

export const MAIN_FILE = "/fixture/main.crm";

export function parseFixture(source: string): FixtureFile[] {
  const files: FixtureFile[] = [];
  let path = MAIN_FILE;
  let lines: string[] = [];
  const finish = (): void => {
    if (lines.length === 0 && files.length > 0) return;
    files.push(buildFile(path, lines));
  };
  for (const line of source.split("\n")) {
    const header = FILE_HEADER.exec(line);
    if (header !== null) {
      if (lines.length > 0 || files.length > 0) finish();
      path = header[1] as string;
      lines = [];
      continue;
    }
    lines.push(line);
  }
  finish();
  return files;
}

function buildFile(path: string, lines: readonly string[]): FixtureFile {
  const annotations: Annotation[] = [];
  let lastCodeLine = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (match === null) {
      if (line.trim() !== "") lastCodeLine = index;
      return;
    }
    if (lastCodeLine < 0) throw new Error(`annotation on line ${index + 1} of ${path} has no code line above it`);
    const startColumn = (match[1] as string).length + 2 + (match[2] as string).length;
    const marker = match[3] as string;
    const kind = match[4] === "type" ? "type" : "diagnostic";
    annotations.push({
      line: lastCodeLine,
      startColumn,
      endColumn: marker === "|" ? startColumn : startColumn + marker.length,
      kind,
      severity: kind === "type" ? "" : (match[4] as string),
      code: match[5] as string,
      message: match[6]?.trim() || undefined,
    });
  });
  let text = lines.join("\n");
  const cursor = text.indexOf("$0");
  if (cursor >= 0) text = text.slice(0, cursor) + text.slice(cursor + 2);
  return { path, text, annotations, cursor: cursor >= 0 ? cursor : undefined };
}

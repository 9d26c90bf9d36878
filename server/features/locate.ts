/**
 * Finding things at an offset in a parsed file: the token there, whether
 * the offset is inside a comment, a string or EJScript template text, the
 * chain of nodes that contain it, and the postfix expression (`a.b(1)[2]`)
 * that ends at an offset. Shared by the editor features.
 */
import { forEachChild, type Expression, type Node, type ScannedText } from "../../grammar/index.js";

/** The token whose range contains `offset` or ends exactly at it (the word being typed), if any. */
export function tokenAt(sourceFile: ScannedText, offset: number): number | undefined {
  const tokens = sourceFile.tokens;
  let index = tokens.indexAtOrAfter(offset);
  if (index < tokens.count && tokens.start(index) < offset) return index;
  index--;
  return index >= 0 && tokens.end(index) === offset ? index : undefined;
}

/** The index of the last token that ends at or before `offset`, or -1. */
export function tokenBefore(sourceFile: ScannedText, offset: number): number {
  const tokens = sourceFile.tokens;
  let index = tokens.indexAtOrAfter(offset);
  while (index > 0 && tokens.end(index - 1) > offset) index--;
  return index - 1;
}

export function isInsideComment(sourceFile: ScannedText, offset: number): boolean {
  for (const comment of sourceFile.comments) {
    if (comment.range.start >= offset) return false;
    // A line comment runs to the end of its line, so a cursor right after its last character is still inside it.
    if (offset < comment.range.end || (comment.kind === "line" && offset === comment.range.end)) return true;
  }
  return false;
}

/** Inside a template's text (outside `<% %>` blocks), where nothing is code. */
export function isInsideTemplateText(sourceFile: ScannedText, offset: number): boolean {
  const template = sourceFile.template;
  if (template === undefined) return false;
  return !template.codeBlocks.some((block) => block.code.start <= offset && offset <= block.code.end);
}

/** The nodes whose range contains `[start, end)`, outermost first (the program first). */
export function nodePath(root: Node, start: number, end = start): Node[] {
  const path: Node[] = [root];
  for (;;) {
    const parent = path[path.length - 1] as Node;
    let next: Node | undefined;
    forEachChild(parent, (child) => {
      if (next === undefined && child.start <= start && end <= child.end && !(child.start === child.end && start !== child.start)) next = child;
    });
    if (next === undefined) return path;
    path.push(next);
  }
}

const chainKinds: ReadonlySet<string> = new Set([
  "Identifier",
  "CallExpression",
  "MemberExpression",
  "IndexExpression",
  "ParenthesizedExpression",
  "ThisExpression",
  "StringLiteral",
]);

/**
 * The longest postfix chain (`agent.GetContact(1)`, `rows[i]`, `(a + b)`)
 * that ends exactly at `end`: what a `.` typed at `end` would apply to.
 */
export function chainEndingAt(root: Node, end: number): Expression | undefined {
  if (end <= 0) return undefined;
  const path = nodePath(root, end - 1, end);
  let found: Expression | undefined;
  for (let index = path.length - 1; index >= 0; index--) {
    const node = path[index] as Node;
    if (node.end !== end || !chainKinds.has(node.kind)) {
      if (found !== undefined) break;
      continue;
    }
    if (node.kind === "MemberExpression" && node.member === undefined) break;
    found = node as Expression;
  }
  return found;
}

/**
 * Turns a parsed CRMScript program into a `Doc` following SuperOffice's
 * coding conventions (see docs/formatting.md): K&R braces, one statement
 * per line, one space around binary operators, after commas and between a
 * keyword and `(`, long statements broken after an operator or a comma with
 * the continuation two indentation units in, at most one blank line kept,
 * one blank line between consecutive functions, methods and structs.
 *
 * The printer walks the tree and takes the file's tokens in order, printing
 * each as written (keywords keep their letter case, literals their
 * spelling), with the comments placed beside it by `comments.ts`; a token
 * out of order is a bug reported as `FormatBug`, never a wrong output.
 * `// crmscript-format-ignore` before a statement, and a region between
 * `// crmscript-format-ignore-start` and `-end`, keep code as written.
 */
import type * as A from "../../grammar/index.js";
import { binaryPrecedence, type SourceFile, TokenKind } from "../../grammar/index.js";
import { commentDoc, type CommentPlacement, type PlacedComment, placeComments } from "./comments.js";
import { breakParent, concat, type Doc, endOfLineComment, fill, freshline, group, hardline, indent, line, multilineText } from "./doc.js";

/** The printer met something it does not expect: the file is left as it is. */
export class FormatBug extends Error {}

export const IGNORE_COMMENT = "crmscript-format-ignore";
export const IGNORE_START_COMMENT = "crmscript-format-ignore-start";
export const IGNORE_END_COMMENT = "crmscript-format-ignore-end";

/** Indentation units of a continuation line (4 spaces with the default 2-space unit). */
const CONTINUATION = 2;

function commentWord(comment: PlacedComment): string | undefined {
  if (comment.kind !== "line") return undefined;
  return comment.text.slice(2).trim();
}

function isDeclaration(statement: A.Statement): boolean {
  return statement.kind === "FunctionDeclaration" || statement.kind === "StructDeclaration";
}

const noComments: readonly PlacedComment[] = [];

class ProgramPrinter {
  private next = 0;
  private readonly text: string;
  private readonly comments: CommentPlacement;
  /** Leading comments of a token already printed (by the statement list), by token index. */
  private readonly leadingTaken: Uint8Array;
  /** For a token whose first leading comments were inside an ignored region: the index of the first one still to print. */
  private readonly leadingFrom = new Map<number, number>();

  constructor(private readonly source: SourceFile) {
    this.text = source.text;
    this.comments = placeComments(source.text, source.tokens, source.comments);
    this.leadingTaken = new Uint8Array(source.tokens.count);
  }

  program(program: A.Program): Doc {
    const parts: Doc[] = [this.statementList(program.statements)];
    const end = this.endComments(this.comments.atEnd, program.statements.length > 0);
    if (end !== undefined) parts.push(end);
    if (this.next !== this.source.tokens.count) throw new FormatBug(`token ${this.next} of ${this.source.tokens.count} was not printed`);
    return parts;
  }

  // ------------------------------------------------------------ tokens and comments

  private kindAt(index: number): number {
    return index < this.source.tokens.count ? this.source.tokens.typeIndex(index) : TokenKind.EOF;
  }

  /** The next token, with its comments. */
  private token(kind?: number): Doc {
    const index = this.next;
    if (index >= this.source.tokens.count) throw new FormatBug("ran past the last token");
    if (kind !== undefined && this.kindAt(index) !== kind) {
      throw new FormatBug(`expected token kind ${kind} at offset ${this.source.tokens.start(index)}, found '${this.source.tokens.image(index)}'`);
    }
    this.next++;
    const image = this.source.tokens.image(index);
    const lead = this.leadingTaken[index] === 1 ? undefined : this.leadingDoc(index);
    const trail = this.trailingDoc(index);
    if (lead === undefined && trail === undefined) return image;
    return concat(lead ?? "", image, trail ?? "");
  }

  /** The next token if it is of `kind` and starts before `end`, otherwise nothing. */
  private optionalToken(kind: number, end: number): Doc {
    if (this.kindAt(this.next) !== kind || this.source.tokens.start(this.next) >= end) return "";
    return this.token(kind);
  }

  private leadingComments(index: number): readonly PlacedComment[] {
    const all = this.comments.leading[index];
    if (all === undefined) return noComments;
    const from = this.leadingFrom.get(index);
    return from === undefined ? all : all.slice(from);
  }

  /** The comments before token `index`, each where it was: on its own line or before the token on its line. */
  private leadingDoc(index: number): Doc | undefined {
    const comments = this.leadingComments(index);
    if (comments.length === 0) return undefined;
    const parts: Doc[] = [];
    comments.forEach((comment, position) => {
      if (comment.ownLine) {
        parts.push(freshline);
        if (position > 0 && comment.blankBefore) parts.push(hardline);
      }
      parts.push(commentDoc(comment), comment.lineAfter ? hardline : " ");
    });
    const last = comments[comments.length - 1] as PlacedComment;
    if (last.lineAfter && this.comments.blankBefore(index)) parts.push(hardline);
    return parts;
  }

  /** Comments on the line after token `index`: after a `//` comment the line ends. */
  private trailingDoc(index: number): Doc | undefined {
    const comments = this.comments.trailing[index];
    if (comments === undefined) return undefined;
    return comments.map((comment) => {
      if (comment.kind === "line") return [endOfLineComment(` ${commentDoc(comment) as string}`), breakParent];
      // A block comment keeps the spaces it had on its line, so formatting it again places it the same way.
      return [comment.spaceBefore ? " " : "", commentDoc(comment), comment.spaceAfter && !comment.lineAfter ? " " : ""];
    });
  }

  /**
   * The leading comments of token `index` as lines of their own (for the
   * first token of a statement, or a closing brace), taken so the token
   * prints without them. A blank line before the first one is the caller's.
   */
  private takeLeadingLines(index: number, beforeClosingBrace = false): Doc[] {
    const comments = this.leadingComments(index);
    this.leadingTaken[index] = 1;
    const parts: Doc[] = [];
    comments.forEach((comment, position) => {
      if (position > 0 && comment.blankBefore) parts.push(hardline);
      parts.push(commentDoc(comment));
      // Before a closing brace the block supplies the line break, and no blank line is kept.
      if (!beforeClosingBrace || position < comments.length - 1) parts.push(comment.lineAfter ? hardline : " ");
    });
    const last = comments[comments.length - 1];
    if (!beforeClosingBrace && last?.lineAfter === true && this.comments.blankBefore(index)) parts.push(hardline);
    return parts;
  }

  /** Comments after the last token of the file, each on its own line. */
  private endComments(comments: readonly PlacedComment[], afterCode: boolean): Doc | undefined {
    if (comments.length === 0) return undefined;
    const parts: Doc[] = [];
    comments.forEach((comment, position) => {
      if (comment.ownLine && (position > 0 || afterCode)) parts.push(freshline);
      if (comment.blankBefore && (position > 0 || afterCode)) parts.push(hardline);
      if (!comment.ownLine && position > 0) parts.push(" ");
      parts.push(commentDoc(comment));
    });
    return parts;
  }

  /** The source of tokens `[this.next, …)` that start before `end`, as written, with the first token's leading and the last one's trailing comments. */
  private verbatim(end: number): Doc {
    const tokens = this.source.tokens;
    const first = this.next;
    let last = first;
    while (last < tokens.count && tokens.start(last) < end) last++;
    if (last === first) return "";
    this.next = last;
    const lead = this.leadingTaken[first] === 1 ? undefined : this.leadingDoc(first);
    const trail = this.trailingDoc(last - 1);
    const written = this.text.slice(tokens.start(first), tokens.end(last - 1)).replace(/\r\n?/g, "\n");
    return concat(lead ?? "", multilineText(written), trail ?? "");
  }

  // ------------------------------------------------------------ statement lists

  /** Statements one per line, blank lines kept (at most one), and the ignore comments honoured. */
  private statementList(statements: readonly A.Statement[]): Doc {
    const parts: Doc[] = [];
    for (let position = 0; position < statements.length; position++) {
      const statement = statements[position] as A.Statement;
      const first = this.next;
      const comments = this.leadingComments(first);
      const previous = statements[position - 1];
      if (position > 0) {
        parts.push(hardline);
        const blank =
          (comments[0]?.blankBefore ?? this.comments.blankBefore(first)) || (previous !== undefined && isDeclaration(previous) && isDeclaration(statement));
        if (blank) parts.push(hardline);
      }
      const lead = this.takeLeadingLines(first);
      if (lead.length > 0) parts.push(lead);
      const words = comments.map(commentWord);
      const regionStart = words.lastIndexOf(IGNORE_START_COMMENT);
      if (regionStart >= 0 && words.lastIndexOf(IGNORE_END_COMMENT) < regionStart) {
        position = this.ignoredRegion(statements, position, parts);
        continue;
      }
      if (words[words.length - 1] === IGNORE_COMMENT) parts.push(this.verbatim(statement.end));
      else parts.push(this.statement(statement));
    }
    return parts;
  }

  /**
   * Prints statements from `position` on as written, up to the statement
   * whose leading comments hold the end comment (or to the end of the
   * list); returns the position of the last statement printed.
   */
  private ignoredRegion(statements: readonly A.Statement[], position: number, parts: Doc[]): number {
    const tokens = this.source.tokens;
    for (let index = position + 1; index < statements.length; index++) {
      const first = tokens.indexAtOrAfter((statements[index] as A.Statement).start);
      const lead = this.comments.leading[first] ?? [];
      const endAt = lead.findIndex((comment) => commentWord(comment) === IGNORE_END_COMMENT);
      if (endAt < 0) continue;
      // Comments before the end comment stay as written; the end comment and those after it print normally.
      const trail = this.comments.trailing[first - 1];
      const regionEnd = endAt > 0 ? (lead[endAt - 1] as PlacedComment).end : (trail?.[trail.length - 1]?.end ?? tokens.end(first - 1));
      const written = this.text.slice(tokens.start(this.next), regionEnd);
      this.next = first;
      this.leadingFrom.set(first, endAt);
      parts.push(multilineText(written.replace(/\r\n?/g, "\n")));
      return index - 1;
    }
    const last = statements.length - 1;
    parts.push(this.verbatim((statements[last] as A.Statement).end));
    return last;
  }

  /** A closing `}`: the comments before it on lines of their own inside the block, then the brace. */
  private closingBrace(hasStatements: boolean): { inner: Doc[]; brace: Doc } {
    const index = this.next;
    const comments = this.leadingComments(index);
    const inner: Doc[] = [];
    if (comments.length > 0) {
      if (hasStatements) inner.push(hardline);
      if (hasStatements && comments[0]?.blankBefore === true) inner.push(hardline);
      inner.push(this.takeLeadingLines(index, true));
    }
    return { inner, brace: this.token(TokenKind.RBrace) };
  }

  private block(block: A.Block): Doc {
    const openIndex = this.next;
    const open = this.token(TokenKind.LBrace);
    const body = this.statementList(block.statements);
    const { inner, brace } = this.closingBrace(block.statements.length > 0);
    // `{}` when empty, unless a comment trails the `{` and must end its line.
    if (block.statements.length === 0 && inner.length === 0)
      return this.comments.trailing[openIndex] === undefined ? concat(open, brace) : [open, hardline, brace];
    return concat(open, indent([hardline, body, inner]), hardline, brace);
  }

  // ------------------------------------------------------------ statements

  private statement(statement: A.Statement): Doc {
    switch (statement.kind) {
      case "VariableDeclaration":
        return this.variableDeclaration(statement, true);
      case "FunctionDeclaration":
        return this.functionDeclaration(statement);
      case "StructDeclaration":
        return this.structDeclaration(statement);
      case "IncludeDirective":
      case "LanguageLevelDirective": {
        const directive = this.token();
        const argument = this.kindAt(this.next) === TokenKind.Semicolon ? "" : [" ", this.token()];
        return concat(directive, argument, this.optionalToken(TokenKind.Semicolon, statement.end));
      }
      case "Block":
        return this.block(statement);
      case "IfStatement":
        return this.ifStatement(statement);
      case "WhileStatement": {
        const keyword = this.token(TokenKind.While);
        return concat(keyword, " ", this.parenthesized(statement.condition), this.body(statement.body));
      }
      case "ForStatement":
        return this.forStatement(statement);
      case "ForeachStatement":
        return this.foreachStatement(statement);
      case "TryStatement":
        return this.tryStatement(statement);
      case "ThrowStatement":
      case "ReturnStatement": {
        const keyword = this.token();
        const value = statement.expression !== undefined ? [" ", indent(this.expression(statement.expression), CONTINUATION)] : "";
        return concat(keyword, value, this.optionalToken(TokenKind.Semicolon, statement.end));
      }
      case "BreakStatement":
      case "ContinueStatement":
        return concat(this.token(), this.optionalToken(TokenKind.Semicolon, statement.end));
      case "ExpressionStatement":
        return concat(indent(this.expression(statement.expression), CONTINUATION), this.optionalToken(TokenKind.Semicolon, statement.end));
      case "EmptyStatement":
        return this.token(TokenKind.Semicolon);
      case "TemplateText":
      case "UnsupportedStatement":
        return this.verbatim(statement.end);
    }
  }

  /** `(condition)` after a keyword, its continuation lines indented. */
  private parenthesized(condition: A.Expression): Doc {
    const open = this.token(TokenKind.LParen);
    const inner = indent(this.expression(condition), CONTINUATION);
    return concat(open, inner, this.token(TokenKind.RParen));
  }

  /** The body of `if`, `while`, `for`, `foreach`: a block after a space, another statement on the line when it fits, else on the next. */
  private body(body: A.Statement | undefined): Doc {
    if (body === undefined) return "";
    if (body.kind === "Block") return concat(" ", this.block(body));
    if (body.kind === "EmptyStatement") return this.token(TokenKind.Semicolon);
    const lead = this.takeLeadingLines(this.next);
    if (lead.length > 0) return indent([hardline, lead, this.statement(body)]);
    return group(indent([line, this.statement(body)]));
  }

  private ifStatement(statement: A.IfStatement): Doc {
    const keyword = this.token(TokenKind.If);
    const parts: Doc[] = [keyword, " ", this.parenthesized(statement.condition), this.body(statement.thenStatement)];
    const elseStatement = statement.elseStatement;
    if (elseStatement === undefined) return parts;
    parts.push(statement.thenStatement?.kind === "Block" ? " " : hardline, this.token(TokenKind.Else));
    if (elseStatement.kind === "IfStatement" && this.comments.leading[this.next] === undefined) parts.push(" ", this.ifStatement(elseStatement));
    else parts.push(this.body(elseStatement));
    return parts;
  }

  private forStatement(statement: A.ForStatement): Doc {
    const keyword = this.token(TokenKind.For);
    const open = this.token(TokenKind.LParen);
    const header: Doc[] = [];
    const initializer = statement.initializer;
    if (initializer !== undefined) {
      header.push(initializer.kind === "VariableDeclaration" ? this.variableDeclaration(initializer, false) : this.expressionList(initializer));
    }
    header.push(this.token(TokenKind.Semicolon));
    if (statement.condition !== undefined) header.push(line, this.expression(statement.condition));
    header.push(this.token(TokenKind.Semicolon));
    if (statement.update !== undefined) header.push(line, this.expressionList(statement.update));
    return concat(keyword, " ", open, group(indent(header, CONTINUATION)), this.token(TokenKind.RParen), this.body(statement.body));
  }

  private foreachStatement(statement: A.ForeachStatement): Doc {
    const keyword = this.token(TokenKind.Foreach);
    const open = this.token(TokenKind.LParen);
    const header: Doc[] = [];
    if (statement.variableType !== undefined) header.push(this.typeReference(statement.variableType), " ");
    if (statement.variableName !== undefined) header.push(this.token(TokenKind.Identifier), " ");
    header.push(this.token(), " ", this.expression(statement.collection));
    return concat(keyword, " ", open, indent(header, CONTINUATION), this.token(TokenKind.RParen), this.body(statement.body));
  }

  private tryStatement(statement: A.TryStatement): Doc {
    const parts: Doc[] = [this.token(TokenKind.Try), this.body(statement.tryBlock)];
    if (this.kindAt(this.next) !== TokenKind.Catch || this.source.tokens.start(this.next) >= statement.end) return parts;
    parts.push(statement.tryBlock?.kind === "Block" ? " " : hardline, this.token(TokenKind.Catch));
    if (this.kindAt(this.next) === TokenKind.LParen) {
      const close = this.findClosingParen(this.next);
      parts.push(" ", this.verbatim(close));
    }
    parts.push(this.body(statement.catchBlock));
    return parts;
  }

  /** Offset just after the `)` closing the `(` at token `index`. */
  private findClosingParen(index: number): number {
    const tokens = this.source.tokens;
    for (let at = index; at < tokens.count; at++) if (tokens.typeIndex(at) === TokenKind.RParen) return tokens.end(at);
    return tokens.end(index);
  }

  // ------------------------------------------------------------ declarations

  private typeReference(type: A.TypeReference): Doc {
    const name = this.token();
    if (type.dimensions.length === 0) return name;
    const parts: Doc[] = [name];
    for (const dimension of type.dimensions) parts.push(this.dimension(dimension));
    return concat(...parts);
  }

  private dimension(dimension: A.ArrayDimension): Doc {
    const open = this.token(TokenKind.LBracket);
    const size = dimension.size !== undefined ? this.expression(dimension.size) : "";
    return concat(open, size, this.token(TokenKind.RBracket));
  }

  private variableDeclaration(declaration: A.VariableDeclaration, withSemicolon: boolean): Doc {
    const parts: Doc[] = [this.typeReference(declaration.type), " ", this.token(TokenKind.Identifier)];
    for (const dimension of declaration.trailingDimensions ?? []) parts.push(this.dimension(dimension));
    if (declaration.initializer !== undefined) parts.push(this.assignedValue(declaration.initializer));
    if (declaration.moreDeclarators !== undefined) {
      const end = declaration.moreDeclarators[declaration.moreDeclarators.length - 1]?.end ?? declaration.end;
      parts.push(this.verbatim(end));
    }
    const value = indent(concat(...parts), CONTINUATION);
    return withSemicolon ? [value, this.optionalToken(TokenKind.Semicolon, declaration.end)] : value;
  }

  /** ` = value`; a value that cannot break inside may move to the next line after the `=`. */
  private assignedValue(value: A.Expression): Doc {
    const operator = this.token();
    const printed = this.expression(value);
    if (value.kind === "StringLiteral" || value.kind === "Identifier" || value.kind === "MemberExpression") return group([" ", operator, line, printed]);
    return concat(" ", operator, " ", printed);
  }

  private functionDeclaration(declaration: A.FunctionDeclaration): Doc {
    const head: Doc[] = [this.typeReference(declaration.returnType), " ", this.token(TokenKind.Identifier), this.token(TokenKind.LParen)];
    const parameters: Doc[] = [];
    declaration.parameters.forEach((parameter, position) => {
      if (position > 0) parameters.push([this.token(TokenKind.Comma), line]);
      const type = this.typeReference(parameter.type);
      parameters.push(parameter.name !== undefined ? [type, " ", this.token(TokenKind.Identifier)] : type);
    });
    head.push(indent(fill(parameters), CONTINUATION), this.token(TokenKind.RParen));
    if (declaration.body === undefined) return concat(head, this.optionalToken(TokenKind.Semicolon, declaration.end));
    return concat(head, " ", this.block(declaration.body));
  }

  private structDeclaration(declaration: A.StructDeclaration): Doc {
    const parts: Doc[] = [this.token(TokenKind.Struct)];
    if (declaration.name !== undefined) parts.push(" ", this.token(TokenKind.Identifier));
    if (this.kindAt(this.next) === TokenKind.LBrace) {
      const open = this.token(TokenKind.LBrace);
      const members = this.statementList(declaration.members);
      const { inner, brace } = this.closingBrace(declaration.members.length > 0);
      if (declaration.members.length === 0 && inner.length === 0) parts.push(" ", open, brace);
      else parts.push(" ", open, indent([hardline, members, inner]), hardline, brace);
    }
    parts.push(this.optionalToken(TokenKind.Semicolon, declaration.end));
    return parts;
  }

  // ------------------------------------------------------------ expressions

  private expression(expression: A.Expression): Doc {
    switch (expression.kind) {
      case "Identifier":
      case "IntegerLiteral":
      case "LongLiteral":
      case "FloatLiteral":
      case "StringLiteral":
      case "BooleanLiteral":
      case "InvalidNumberLiteral":
      case "ThisExpression":
        return this.token();
      case "MissingExpression":
        return "";
      case "ParenthesizedExpression": {
        const open = this.token(TokenKind.LParen);
        const inner = this.expression(expression.expression);
        return concat(open, inner, this.token(TokenKind.RParen));
      }
      case "CallExpression":
        return this.call(expression);
      case "MemberExpression": {
        const object = this.expression(expression.object);
        const dot = this.token(TokenKind.Dot);
        return expression.member !== undefined ? concat(object, dot, this.token(TokenKind.Identifier)) : concat(object, dot);
      }
      case "IndexExpression": {
        const object = this.expression(expression.object);
        const open = this.token(TokenKind.LBracket);
        const index = this.expression(expression.index);
        return concat(object, open, index, this.token(TokenKind.RBracket));
      }
      case "UnaryExpression":
        return this.unary(expression);
      case "PostfixExpression": {
        const operand = this.expression(expression.operand);
        return concat(operand, this.token());
      }
      case "BinaryExpression":
        return this.binary(expression);
      case "AssignmentExpression": {
        const target = this.expression(expression.target);
        return concat(target, this.assignedValue(expression.value));
      }
      case "ConditionalExpression":
        return this.verbatim(expression.end);
    }
  }

  private call(call: A.CallExpression): Doc {
    const callee = this.expression(call.callee);
    const open = this.token(TokenKind.LParen);
    const parts: Doc[] = [];
    call.arguments.forEach((argument, position) => {
      if (position > 0) parts.push([this.token(TokenKind.Comma), line]);
      parts.push(this.expression(argument));
    });
    const list = parts.length === 0 ? "" : parts.length === 1 ? (parts[0] as Doc) : fill(parts);
    return concat(callee, open, list, this.token(TokenKind.RParen));
  }

  private unary(unary: A.UnaryExpression): Doc {
    const operatorIndex = this.next;
    const operator = this.token();
    const operand = this.expression(unary.operand);
    // A word operator (`not`) needs a space; so does `-` before `-x` or `--x`, which would otherwise fuse.
    const operatorText = this.source.tokens.image(operatorIndex);
    const operandText = this.text.charAt(unary.operand.start);
    const spaced = this.kindAt(operatorIndex) === TokenKind.Identifier || ((operatorText === "-" || operatorText === "+") && operandText === operatorText);
    return spaced ? [operator, " ", operand] : [operator, operand];
  }

  /**
   * A chain of one precedence level (`a + b - c`) as one fill, broken after
   * an operator only where the next operand does not fit. Walked without
   * recursion down the left side, which can be thousands of operators long.
   */
  private binary(expression: A.BinaryExpression): Doc {
    const level = binaryPrecedence[expression.operator];
    const chain: A.BinaryExpression[] = [];
    let leftmost: A.Expression = expression;
    while (leftmost.kind === "BinaryExpression" && binaryPrecedence[leftmost.operator] === level) {
      chain.push(leftmost);
      leftmost = leftmost.left;
    }
    const parts: Doc[] = [this.expression(leftmost)];
    for (let index = chain.length - 1; index >= 0; index--) {
      const link = chain[index] as A.BinaryExpression;
      const operatorIsWord = this.kindAt(this.next) === TokenKind.Identifier;
      const operator = this.token();
      parts.push([" ", operator, operatorIsWord ? " " : line]);
      parts.push(this.expression(link.right));
    }
    return fill(parts);
  }

  private expressionList(list: A.ExpressionList): Doc {
    const parts: Doc[] = [];
    list.expressions.forEach((expression, position) => {
      if (position > 0) parts.push([this.token(TokenKind.Comma), line]);
      parts.push(this.expression(expression));
    });
    return fill(parts);
  }
}

/** The document for a program that parsed without errors. Throws `FormatBug` when the tree and the tokens disagree. */
export function printProgram(source: SourceFile): Doc {
  return new ProgramPrinter(source).program(source.program);
}

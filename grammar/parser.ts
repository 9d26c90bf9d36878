/**
 * The CRMScript grammar (spec §2–§6) as a Chevrotain parser that builds the
 * AST directly (embedded actions), with error recovery written into the
 * grammar. This class holds the grammar rules and the node building; what
 * they stand on lives beside it: token access in `token-adapter.ts`,
 * reporting and recovery in `recovery.ts`, lookahead heuristics in
 * `lookahead.ts`, literal values in `literals.ts`.
 *
 * Why embedded actions and not a CST: building a concrete syntax tree and
 * then lowering it doubles the allocation on the hottest path; Langium's
 * parser makes the same choice. The DSL calls decide the grammar; `ACTION`
 * blocks only build nodes and report.
 *
 * Why recovery lives in the grammar and not in Chevrotain's re-sync: the
 * generic re-sync skips to follow sets (so one bad line can swallow the next)
 * and cannot say "expected ';' after the struct's closing brace". Here every
 * expected token is optional in the DSL and its absence is reported in the
 * user's terms; junk is skipped only up to the end of its line; a new line
 * that starts a declaration ends a half-typed expression; only one error is
 * reported per token, so one mistake gives one diagnostic. A recognition
 * exception that still escapes a statement is caught at statement level, so
 * one statement's failure never loses the rest of the file.
 */
import { isRecognitionException, type IToken, type OrMethodOpts, type Rule } from "chevrotain";
import type * as A from "./ast.js";
import * as N from "./ast-nodes.js";
import { binaryPrecedence } from "./ast.js";
import type { Diagnostic } from "./diagnostic.js";
import { floatLiteralValue, fitsWhenNegated, integerLiteralValue, isOutOfRange, longLiteralValue, stringLiteralValue } from "./literals.js";
import {
  assignmentOperatorKinds,
  binaryOperatorKinds,
  binaryOperatorNext,
  declarationStartsNext,
  expressionCanStartHere,
  expressionStartsNext,
  functionDefinitionStartsNext,
  nextWordIs,
  postfixStartKinds,
  prefixOperatorNext,
  primaryStartKinds,
  statementStartsOnNextLine,
  structDefinitionStartsNext,
  topLevelDefinitionStartsNext,
  unsupportedStatementNext,
} from "./lookahead.js";
import { LL1LookaheadStrategy } from "./ll1-lookahead.js";
import { describeToken, parserErrorMessages } from "./messages.js";
import { NamePool } from "./name-pool.js";
import { NodeStack } from "./node-stack.js";
import { RecoveringParser } from "./recovery.js";
import { textRange as range, type LineIndex } from "./text.js";
import { end, tokenRange } from "./token-adapter.js";
import type { Token, TokenBuffer } from "./token-buffer.js";
import * as T from "./tokens.js";

/** How many operators one chain (`a + b + …`, `a.b.c…`, `!!!a`) may hold before the rest is skipped. */
export const MAX_CHAIN_LENGTH = 5000;

type StatementContext = "top" | "block";

/** Shared empty lists for the many nodes that have none (nodes are immutable, so sharing is safe). */
const NO_DIMENSIONS: readonly A.ArrayDimension[] = Object.freeze([]);
const NO_ARGUMENTS: readonly A.Expression[] = Object.freeze([]);
const NO_PREFIXES: IToken[] = [];
const noMoreArguments = (): void => {};

/** The spelling of each operator token, by type index, so building a node needs no token text. */
const operatorText: string[] = [];
for (const [type, text] of [
  [T.OrOr, "||"],
  [T.AndAnd, "&&"],
  [T.EqualEqual, "=="],
  [T.NotEqual, "!="],
  [T.Less, "<"],
  [T.LessEqual, "<="],
  [T.Greater, ">"],
  [T.GreaterEqual, ">="],
  [T.Plus, "+"],
  [T.Minus, "-"],
  [T.Star, "*"],
  [T.Slash, "/"],
  [T.Percent, "%"],
  [T.Bang, "!"],
  [T.PlusPlus, "++"],
  [T.MinusMinus, "--"],
  [T.Assign, "="],
  [T.PlusAssign, "+="],
  [T.MinusAssign, "-="],
  [T.StarAssign, "*="],
  [T.SlashAssign, "/="],
  [T.PercentAssign, "%="],
] as const)
  operatorText[type.tokenTypeIdx as number] = text;

/**
 * The CRMScript binary operators by token type index: the operator tokens
 * with a spelling above (`&` and `|` have none: like `and` and `or` written
 * as words, they are reported).
 */
const binaryOperatorByType: (A.BinaryOperator | undefined)[] = [];
binaryOperatorKinds.forEach((isOperator, type) => {
  if (isOperator && operatorText[type] !== undefined) binaryOperatorByType[type] = operatorText[type] as A.BinaryOperator;
});

/**
 * `node` made to end at `end`: for a declaration whose `;` is read after
 * its node is built, by the rule that built it, before anything else holds
 * the node (a copy with the new end cost 100 bytes per declaration).
 */
function endingAt(node: A.VariableDeclaration, end: number): A.VariableDeclaration {
  (node as { end: number }).end = end;
  return node;
}

function isAssignable(expression: A.Expression): boolean {
  if (expression.kind === "Identifier" || expression.kind === "IndexExpression") return true;
  return expression.kind === "MemberExpression" && expression.member !== undefined;
}

/** What node-building code returns while Chevrotain records the grammar (the value is never used). */
const RECORDING_PLACEHOLDER: A.MissingExpression = new N.MissingExpression(0, 0);

/** Rule arguments built once: `{ ARGS: [...] }` written at a call would be allocated on every call. */
/** `functionDeclaration` where a function may stand (top level, struct body). */
const topLevelFunctionArgs = { ARGS: [""] as [string] };
/** `typeReference` where an array size has no meaning. */
const returnTypeArgs = { ARGS: ["a return type"] as [string] };
const parameterTypeArgs = { ARGS: ["a parameter type"] as [string] };
const foreachTypeArgs = { ARGS: ["a foreach variable's type"] as [string] };
const contextArgs: Record<StatementContext, { ARGS: [StatementContext] }> = { top: { ARGS: ["top"] }, block: { ARGS: ["block"] } };

class CrmScriptParser extends RecoveringParser {
  private readonly names = new NamePool();

  /**
   * Chevrotain's grammar validations (ambiguities, left recursion, …) cost
   * a third of start-up, so the shared parser skips them; a test builds the
   * parser with them (`checkGrammar`), so a grammar mistake still fails.
   */
  constructor(validate = false) {
    super(T.allTokenTypes, {
      recoveryEnabled: false,
      maxLookahead: 1,
      lookaheadStrategy: new LL1LookaheadStrategy(1),
      errorMessageProvider: parserErrorMessages,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  parse(buffer: TokenBuffer, window?: TokenWindow): ParsedTokens {
    this.startTokens(buffer);
    this.startReporting();
    this.reset();
    if (window !== undefined) {
      this.position = window.from - 1;
      this.stopBefore = window.to;
    }
    try {
      const program = this.program();
      const diagnostics = this.finishReporting(this.errors);
      return { program, diagnostics, lineIndex: this.lines, next: this.position + 1 };
    } finally {
      this.stopBefore = Number.POSITIVE_INFINITY;
      this.endTokens();
      this.endReporting();
    }
  }

  // ------------------------------------------------------------ program and statements

  /**
   * The statements of the program and of the blocks being read: the
   * repetitions (built once, `programStatements` and `blockStatements`:
   * closures written inline would be made on every block, and closures that
   * die after each parse lose their optimized code in the next full garbage
   * collection) push here, and `NodeStack.collect` copies each list out.
   */
  private readonly statementStack = new NodeStack<A.Statement>();

  /** Where top-level parsing stops when only a window of the tokens is parsed (`parseTokenWindow`). */
  private stopBefore = Number.POSITIVE_INFINITY;

  private readonly programStatements = {
    GATE: () => !this.isAtEnd() && this.position + 1 < this.stopBefore,
    DEF: () => {
      const statement = this.statementGuarded();
      if (statement !== undefined) this.statementStack.push(statement);
    },
  };

  private readonly repeatProgramStatements = (): void => this.MANY(this.programStatements);

  private program = this.RULE("program", (): A.Program => {
    const statements = this.statementStack.collect(this.repeatProgramStatements);
    return new N.Program(0, this.text.length, statements);
  });

  /**
   * One top-level statement. A recognition exception that escapes it (a
   * grammar gap, never expected) is reported and the parser resumes at the
   * next line, so the rest of the file is still parsed.
   */
  private statementGuarded(): A.Statement | undefined {
    const before = this.position;
    try {
      return this.SUBRULE(this.statement, contextArgs.top);
    } catch (error) {
      if (this.RECORDING_PHASE || !(error instanceof Error) || !isRecognitionException(error)) throw error;
      this.recoverFromException(error as Error & { token: IToken }, before);
      return undefined;
    }
  }

  /**
   * The statement alternatives, built once per context: an `OR` written
   * inline would allocate its ~40 objects and closures on every statement.
   */
  private statementChoice(context: StatementContext): OrMethodOpts<A.Statement | undefined> {
    const args = contextArgs[context];
    return {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.block) },
        { ALT: () => this.SUBRULE(this.ifStatement) },
        { ALT: () => this.SUBRULE(this.whileStatement) },
        { ALT: () => this.SUBRULE(this.forStatement) },
        { ALT: () => this.SUBRULE(this.foreachStatement) },
        { ALT: () => this.SUBRULE(this.tryStatement) },
        { ALT: () => this.SUBRULE(this.throwStatement) },
        { ALT: () => this.SUBRULE(this.jumpStatement) },
        { ALT: () => this.SUBRULE(this.returnStatement) },
        { ALT: () => this.SUBRULE(this.structDeclaration, args) },
        { ALT: () => this.SUBRULE(this.includeDirective, args) },
        { ALT: () => this.SUBRULE(this.languageLevelDirective, args) },
        { ALT: () => this.SUBRULE(this.unknownDirective) },
        { ALT: () => this.SUBRULE(this.emptyStatement) },
        { ALT: () => this.SUBRULE(this.templateText) },
        { ALT: () => this.SUBRULE(this.identifierStatement, args) },
        { ALT: () => this.SUBRULE(this.expressionStatement) },
        { ALT: () => this.SUBRULE(this.strayTokens) },
      ],
    };
  }

  private readonly topStatementChoice = this.statementChoice("top");
  private readonly blockStatementChoice = this.statementChoice("block");

  private statement = this.RULE("statement", (context: StatementContext = "top"): A.Statement | undefined => {
    if (!this.RECORDING_PHASE && !this.enterNesting()) {
      this.skipBalanced();
      return undefined;
    }
    const result = this.OR<A.Statement | undefined>(context === "top" ? this.topStatementChoice : this.blockStatementChoice);
    if (!this.RECORDING_PHASE) this.depth--;
    return result;
  });

  /** A statement that starts with a name: a declaration (spec §6.4), an unsupported construct, or an expression. */
  private identifierStatement = this.RULE("identifierStatement", (context: StatementContext = "top"): A.Statement => {
    // All three forms start with a name, so the choice is made by the lookahead predicates in plain code
    // (cheaper than a gated OR); while Chevrotain records the grammar, all three calls are recorded.
    if (this.RECORDING_PHASE || unsupportedStatementNext(this)) {
      const unsupported = this.SUBRULE(this.unsupportedStatement);
      if (!this.RECORDING_PHASE) return unsupported;
    }
    if (this.RECORDING_PHASE || declarationStartsNext(this)) {
      const declaration = this.SUBRULE(this.declaration, contextArgs[context]);
      if (!this.RECORDING_PHASE) return declaration;
    }
    return this.SUBRULE(this.expressionStatement);
  });

  /** Tokens that cannot start a statement: one diagnostic for the run, skipped up to and including a `;` on the line. */
  private strayTokens = this.RULE("strayTokens", (): undefined => {
    const first = this.CONSUME(T.AnyToken) as Token;
    this.ACTION(() => this.skipStrayTokens(first));
    return undefined;
  });

  private readonly blockStatements = {
    GATE: () => !this.isNext(T.RBrace) && !this.isAtEnd() && !topLevelDefinitionStartsNext(this),
    DEF: () => {
      const statement = this.SUBRULE(this.statement, contextArgs.block);
      if (statement !== undefined) this.statementStack.push(statement);
    },
  };

  private readonly repeatBlockStatements = (): void => this.MANY(this.blockStatements);

  /*
   * The hot rules below pass their options functions built once (fields) and build their node in plain code after
   * `RECORDING_PHASE` returns: a closure written inline that shares a rule's variables makes every call of the rule
   * allocate the closure and a context for those variables (a large script has tens of thousands of such calls).
   */
  private readonly closingBrace = (): IToken => this.CONSUME(T.RBrace);

  private block = this.RULE("block", (): A.Block => {
    // The braces are taken without token objects when they are there (as `callArguments` takes its '(').
    const open = this.consumeIndex(T.LBrace);
    const statements = this.statementStack.collect(this.repeatBlockStatements);
    if (this.RECORDING_PHASE) {
      this.OPTION(this.closingBrace);
      return undefined as unknown as A.Block;
    }
    const start = this.buffer.start(open);
    if (this.isNext(T.RBrace)) return new N.Block(start, this.buffer.end(this.consumeChecked()), statements);
    this.reportUnclosed(this.buffer.token(open), "");
    return new N.Block(start, this.previousEnd(), statements);
  });

  /** The occurrence index of the `body` being read, and the statement its option read (if any). */
  private bodyIndex = 0;
  private bodyStatement: A.Statement | undefined;

  /** The option of `body`, built once rather than on every body. */
  private readonly bodyOption = {
    GATE: () => !this.isNext(T.RBrace) && !this.isAtEnd() && !this.isNext(T.Else) && !this.isNext(T.Catch),
    DEF: () => {
      // Read the index before the statement: a nested body changes it.
      const statement = this.subrule(this.bodyIndex, this.statement, contextArgs.block);
      this.bodyStatement = statement;
    },
  };

  /** The body of `if`, `else`, `while`, `for`, `foreach`. */
  private body(idx: number, after: string): A.Statement | undefined {
    this.bodyIndex = idx;
    this.bodyStatement = undefined;
    this.option(idx, this.bodyOption);
    const body = this.bodyStatement;
    this.bodyStatement = undefined;
    if (body === undefined) {
      this.ACTION(() => this.reportAfterPrevious("syntax-missing-token", `expected a statement or a block ${after}, found ${this.found()}`));
    }
    return body;
  }

  /** `( condition )` after `if`/`while`, tolerant of missing parentheses. */
  private readonly conditionOpen = (): IToken => this.CONSUME7(T.LParen);

  private condition(keyword: string): A.Expression {
    const open = this.OPTION7(this.conditionOpen);
    if (open === undefined && !this.RECORDING_PHASE) this.reportMissing("'('", `after '${keyword}'`);
    const condition = this.requiredExpression(7, `in the '${keyword}' condition`);
    if (open !== undefined) this.expectCloser(8, T.RParen, this.indexOf(open), `to close the '${keyword}' condition`);
    return condition;
  }

  private readonly elseBranch = (): A.Statement | undefined => {
    this.CONSUME(T.Else);
    return this.body(2, "after 'else'");
  };

  private ifStatement = this.RULE("ifStatement", (): A.IfStatement => {
    const start = this.consumeStart(T.If);
    const condition = this.condition("if");
    const thenStatement = this.body(1, "after the 'if' condition");
    const elseStatement = this.OPTION(this.elseBranch);
    if (this.RECORDING_PHASE) return undefined as unknown as A.IfStatement;
    return new N.IfStatement(start, this.previousEnd(), condition, thenStatement, elseStatement);
  });

  private whileStatement = this.RULE("whileStatement", (): A.WhileStatement => {
    const start = this.consumeStart(T.While);
    const condition = this.condition("while");
    const body = this.body(1, "after the 'while' condition");
    if (this.RECORDING_PHASE) return undefined as unknown as A.WhileStatement;
    return new N.WhileStatement(start, this.previousEnd(), condition, body);
  });

  /** Comma-separated expressions in a for header; assignments and `x++` here stand as statements. */
  private expressionList = this.RULE("expressionList", (): A.ExpressionList => {
    const expressions: A.Expression[] = [this.SUBRULE(this.expression)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      expressions.push(this.requiredExpression(2, "after ','"));
    });
    return this.ACTION(() => {
      for (const expression of expressions) this.statementExpressions.add(expression);
      const first = expressions[0] as A.Expression;
      return new N.ExpressionList(first.start, (expressions[expressions.length - 1] as A.Expression).end, expressions);
    });
  });

  /*
   * The parts of a for header, read by options and alternatives built once (as in the hot rules): written inline, they
   * made every for loop allocate six closures and a context for the header's variables.
   */
  private readonly forOpen = (): IToken => this.CONSUME(T.LParen);
  private readonly forInitializerAlternatives = [
    { GATE: () => declarationStartsNext(this), ALT: (): A.VariableDeclaration | A.ExpressionList => this.SUBRULE(this.variableDeclarationHead) },
    { ALT: (): A.VariableDeclaration | A.ExpressionList => this.SUBRULE(this.expressionList) },
  ];
  private readonly forInitializer = {
    GATE: () => !this.isNext(T.Semicolon),
    DEF: (): A.VariableDeclaration | A.ExpressionList => this.OR(this.forInitializerAlternatives),
  };
  private readonly forCondition = {
    GATE: () => !this.isNext(T.Semicolon) && !this.isNext(T.RParen),
    DEF: (): A.Expression => this.SUBRULE(this.expression),
  };
  private readonly forUpdate = {
    GATE: () => !this.isNext(T.RParen) && expressionStartsNext(this),
    DEF: (): A.ExpressionList => this.SUBRULE2(this.expressionList),
  };

  private forStatement = this.RULE("forStatement", (): A.ForStatement => {
    const start = this.consumeStart(T.For);
    const open = this.OPTION(this.forOpen);
    if (open === undefined && !this.RECORDING_PHASE) this.reportMissing("'('", "after 'for'");
    const initializer = this.OPTION2(this.forInitializer);
    this.expectForSemicolon(3, "after the for-loop initializer");
    const condition = this.OPTION4(this.forCondition);
    if (condition === undefined && !this.RECORDING_PHASE) {
      const next = this.LA(1);
      const at = next.tokenType === T.Semicolon ? tokenRange(next) : range(this.previousEnd(), this.previousEnd());
      this.report("syntax-missing-for-condition", at, "a for loop needs a condition (spec §5): write one, such as 'i < 10', or use 'while'");
    }
    this.expectForSemicolon(5, "after the for-loop condition");
    const update = this.OPTION6(this.forUpdate);
    if (open !== undefined) this.expectCloser(7, T.RParen, this.indexOf(open), "to close the for-loop header");
    const body = this.body(8, "after the for-loop header");
    if (this.RECORDING_PHASE) return undefined as unknown as A.ForStatement;
    return new N.ForStatement(start, this.previousEnd(), initializer, condition, update, body);
  });

  /** Consumes a `;` of a for header, or reports it missing (the `;` is taken without a token object once recorded). */
  private expectForSemicolon(idx: number, after: string): void {
    if (this.RECORDING_PHASE) this.option(idx, () => this.consume(idx, T.Semicolon));
    else if (this.isNext(T.Semicolon)) this.consumeChecked();
    else this.reportMissing("';'", after);
  }

  private foreachStatement = this.RULE("foreachStatement", (): A.ForeachStatement => {
    const start = this.consumeStart(T.Foreach);
    let open: IToken | undefined;
    let variableType: A.TypeReference | undefined;
    let variableName: A.Identifier | undefined;
    this.OPTION(() => {
      open = this.CONSUME(T.LParen);
    });
    if (open === undefined) this.ACTION(() => this.reportMissing("'('", "after 'foreach'"));
    this.OPTION2({
      GATE: () => declarationStartsNext(this),
      DEF: () => {
        variableType = this.SUBRULE(this.typeReference, foreachTypeArgs);
        variableName = this.SUBRULE(this.identifier);
      },
    });
    if (variableType === undefined) this.ACTION(() => this.reportMissing("a variable declaration such as 'String item'", "in the foreach header"));
    let inKeyword: IToken | undefined;
    this.OPTION3({
      GATE: () => nextWordIs(this, "in", false) || this.isNext(T.Colon),
      DEF: () => {
        inKeyword = this.OR2([{ ALT: () => this.CONSUME2(T.Identifier) }, { ALT: () => this.CONSUME(T.Colon) }]);
      },
    });
    this.ACTION(() => {
      if (inKeyword === undefined) this.reportMissing("'in'", "after the foreach variable");
      else if (inKeyword.tokenType === T.Colon) {
        this.report("syntax-missing-token", tokenRange(inKeyword), "expected 'in', found ':': CRMScript writes 'foreach (Type name in array)'");
      }
    });
    const collection = this.requiredExpression(1, "after 'in'");
    if (open !== undefined) this.expectCloser(4, T.RParen, this.indexOf(open), "to close the foreach header");
    const body = this.body(5, "after the foreach header");
    return this.ACTION(() => new N.ForeachStatement(start, this.previousEnd(), variableType, variableName, collection, body));
  });

  private tryStatement = this.RULE("tryStatement", (): A.TryStatement => {
    const start = this.consumeStart(T.Try);
    const tryBlock = this.bracedBody(1, "try");
    let catchKeyword: IToken | undefined;
    let catchBlock: A.Statement | undefined;
    let catchParameter: A.Identifier | undefined;
    this.OPTION(() => {
      catchKeyword = this.CONSUME(T.Catch);
      this.OPTION2(() => {
        const open = this.CONSUME(T.LParen);
        this.MANY({
          GATE: () => !this.isNext(T.RParen) && !this.isNext(T.LBrace) && !this.isAtEnd(),
          DEF: () => {
            // The last name in `catch (e)` or `catch (Exception e)` is kept, so its uses in the block are not reported again.
            const token = this.CONSUME(T.AnyToken);
            if (!this.RECORDING_PHASE && token.tokenType === T.Identifier) catchParameter = this.identifierNode(token);
          },
        });
        let close: IToken | undefined;
        this.OPTION3(() => {
          close = this.CONSUME(T.RParen);
        });
        this.ACTION(() =>
          this.report(
            "syntax-catch-parameter",
            range(open.startOffset, close !== undefined ? end(close) : this.previousEnd()),
            "'catch' takes no parameter in CRMScript: write 'catch { … }' and read the message from the implicit variable 'error'",
          ),
        );
      });
      catchBlock = this.bracedBody(4, "catch");
    });
    if (catchKeyword === undefined) {
      this.ACTION(() =>
        this.reportAfterPrevious("syntax-try-block", `expected 'catch' after the try block, found ${this.found()}: every 'try' needs a 'catch { … }'`),
      );
    }
    return this.ACTION(() => new N.TryStatement(start, this.previousEnd(), tryBlock, catchParameter, catchBlock));
  });

  /** The block that must follow `try` or `catch` (spec §5, E13); a statement without braces is reported and still parsed. */
  private bracedBody(idx: number, keyword: string): A.Statement | undefined {
    return this.or(idx, {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.subrule(idx, this.block) },
        {
          ALT: () => {
            this.ACTION(() =>
              this.reportAfterPrevious("syntax-try-block", `'{' expected after '${keyword}', found ${this.found()}: ${keyword} blocks need braces`),
            );
            let statement: A.Statement | undefined;
            this.option(idx, {
              GATE: () => !this.isNext(T.Catch) && !this.isNext(T.RBrace) && !this.isAtEnd(),
              DEF: () => {
                statement = this.subrule(idx + 1, this.statement, contextArgs.block);
              },
            });
            return statement;
          },
        },
      ],
    });
  }

  private throwStatement = this.RULE("throwStatement", (): A.ThrowStatement => {
    const start = this.consumeStart(T.Throw);
    const expression = this.requiredExpression(1, "after 'throw'");
    this.expectSemicolon(1, "after the throw statement");
    return this.ACTION(() => new N.ThrowStatement(start, this.previousEnd(), expression));
  });

  private jumpStatement = this.RULE("jumpStatement", (): A.BreakStatement | A.ContinueStatement => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(T.Break) }, { ALT: () => this.CONSUME(T.Continue) }]);
    this.expectSemicolon(1, this.RECORDING_PHASE ? "" : `after '${keyword.image}'`);
    return this.ACTION(() =>
      keyword.tokenType === T.Break
        ? new N.BreakStatement(keyword.startOffset, this.previousEnd())
        : new N.ContinueStatement(keyword.startOffset, this.previousEnd()),
    );
  });

  /** The value `returnValue` (built once rather than on every return) read, if any. */
  private returnedExpression: A.Expression | undefined;

  private readonly returnValue = {
    GATE: () => expressionCanStartHere(this),
    DEF: () => {
      const expression = this.SUBRULE(this.expression);
      this.returnedExpression = expression;
    },
  };

  private returnStatement = this.RULE("returnStatement", (): A.ReturnStatement => {
    const start = this.consumeStart(T.Return);
    this.returnedExpression = undefined;
    this.OPTION(this.returnValue);
    const expression = this.returnedExpression;
    this.returnedExpression = undefined;
    this.expectSemicolon(1, "after the return statement");
    if (this.RECORDING_PHASE) return undefined as unknown as A.ReturnStatement;
    return new N.ReturnStatement(start, this.previousEnd(), expression);
  });

  private expressionStatement = this.RULE("expressionStatement", (): A.ExpressionStatement => {
    const expression = this.SUBRULE(this.expression);
    this.expectSemicolon(1, "after the statement");
    if (this.RECORDING_PHASE) return expression as unknown as A.ExpressionStatement;
    if (expression.kind === "AssignmentExpression" || expression.kind === "PostfixExpression") this.statementExpressions.add(expression);
    return new N.ExpressionStatement(expression.start, this.previousEnd(), expression);
  });

  private emptyStatement = this.RULE("emptyStatement", (): A.EmptyStatement => {
    const semicolon = this.CONSUME(T.Semicolon);
    return this.ACTION(() => {
      this.report("syntax-empty-statement", tokenRange(semicolon), "unnecessary ';': an empty statement does nothing");
      return new N.EmptyStatement(semicolon.startOffset, end(semicolon));
    });
  });

  private templateText = this.RULE("templateText", (): A.TemplateText => {
    const text = this.CONSUME(T.TemplateText);
    return this.ACTION(() => new N.TemplateText(text.startOffset, end(text)));
  });

  /** `switch`, `do … while` and `enum`: reported, parsed as far as useful, skipped otherwise. */
  private unsupportedStatement = this.RULE("unsupportedStatement", (): A.UnsupportedStatement => {
    const word = this.CONSUME(T.Identifier);
    const parts: (A.Statement | A.Expression)[] = [];
    let construct: A.UnsupportedStatement["construct"] = "switch";
    this.ACTION(() => {
      construct = word.image as typeof construct;
      const advice =
        construct === "switch"
          ? "'switch' statement does not exist in CRMScript: use an if / else if chain"
          : construct === "do"
            ? "'do … while' does not exist in CRMScript: use 'while (condition) { … }'"
            : "'enum' does not exist in CRMScript (unverified, spec A11): use Integer constants";
      this.report("syntax-unsupported-statement", tokenRange(word), advice);
    });
    this.OR([
      {
        GATE: () => construct === "do",
        ALT: () => {
          parts.push(this.SUBRULE(this.block));
          this.OPTION(() => {
            this.CONSUME(T.While);
            parts.push(this.condition("while"));
            this.expectSemicolon(1, "after 'do … while'");
          });
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => {
            this.CONSUME(T.LParen);
            parts.push(this.requiredExpression(1, "in the switch header"));
            this.OPTION3(() => this.CONSUME(T.RParen));
          });
          this.OPTION4(() => this.CONSUME2(T.Identifier));
          this.ACTION(() => {
            if (this.isNext(T.LBrace)) this.skipBalanced();
            if (this.isNext(T.Semicolon)) this.SKIP_TOKEN();
          });
        },
      },
    ]);
    return this.ACTION(() => new N.UnsupportedStatement(word.startOffset, this.previousEnd(), construct, parts));
  });

  // ------------------------------------------------------------ directives

  private reportMisplacedDirective(context: StatementContext, directive: IToken): void {
    if (context !== "top") {
      this.report("syntax-misplaced-directive", tokenRange(directive), `${directive.image} is only allowed at the top level of a script, not inside a block`);
    }
  }

  private includeDirective = this.RULE("includeDirective", (context: StatementContext = "top"): A.IncludeDirective => {
    const directive = this.CONSUME(T.IncludeDirective);
    this.ACTION(() => this.reportMisplacedDirective(context, directive));
    let includeId: A.StringLiteral | undefined;
    this.OPTION({
      GATE: () => !this.LA(1).newLineBefore,
      DEF: () => {
        const id = this.CONSUME(T.StringLiteral);
        includeId = this.ACTION(() => new N.StringLiteral(id.startOffset, end(id), stringLiteralValue(id.image)));
      },
    });
    if (includeId === undefined) {
      this.ACTION(() =>
        this.reportAfterPrevious(
          "syntax-missing-token",
          `expected the include id in quotes after #include, such as #include "lib-http"; found ${this.found()}`,
        ),
      );
    }
    this.expectSemicolon(1, "after the #include directive");
    return this.ACTION(() => new N.IncludeDirective(directive.startOffset, this.previousEnd(), includeId));
  });

  private languageLevelDirective = this.RULE("languageLevelDirective", (context: StatementContext = "top"): A.LanguageLevelDirective => {
    const directive = this.CONSUME(T.LanguageLevelDirective);
    this.ACTION(() => this.reportMisplacedDirective(context, directive));
    let level: A.IntegerLiteral | undefined;
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => !this.LA(1).newLineBefore,
          ALT: () => {
            const literal = this.CONSUME(T.IntegerLiteral);
            level = this.ACTION(() => {
              const value = integerLiteralValue(literal.image);
              if (value < 1 || value > 4) {
                this.report(
                  "syntax-language-level-value",
                  tokenRange(literal),
                  `language level ${literal.image} is not one of the documented levels 1 to 4 (4 is for SuperOffice 10.2.2 and later)`,
                );
              }
              return new N.IntegerLiteral(literal.startOffset, end(literal), value);
            });
          },
        },
        {
          GATE: () => !this.LA(1).newLineBefore && !this.isNext(T.Semicolon),
          ALT: () => {
            const other = this.CONSUME(T.AnyToken);
            this.ACTION(() =>
              this.report(
                "syntax-invalid-language-level",
                tokenRange(other),
                `#setLanguageLevel needs an integer literal from 1 to 4, found ${describeToken(other)}`,
              ),
            );
          },
        },
        {
          ALT: () =>
            this.ACTION(() =>
              this.reportAfterPrevious("syntax-invalid-language-level", `#setLanguageLevel needs an integer literal from 1 to 4, found ${this.found()}`),
            ),
        },
      ],
    });
    this.expectSemicolon(1, "after the #setLanguageLevel directive");
    return this.ACTION(() => new N.LanguageLevelDirective(directive.startOffset, this.previousEnd(), level));
  });

  /** `#pragma …` and other unknown directives (reported by the scanner): skipped to the end of the line. */
  private unknownDirective = this.RULE("unknownDirective", (): A.UnsupportedStatement => {
    const directive = this.CONSUME(T.UnknownDirective);
    return this.ACTION(() => {
      while (!this.isAtEnd() && !this.LA(1).newLineBefore) {
        const skipped = this.LA(1);
        this.SKIP_TOKEN();
        if (skipped.tokenType === T.Semicolon) break;
      }
      return new N.UnsupportedStatement(directive.startOffset, this.previousEnd(), "directive", []);
    });
  });

  // ------------------------------------------------------------ declarations

  private identifier = this.RULE("identifier", (): A.Identifier => {
    // Names are a third of all tokens: taken without a token object (as in `typeReference`, `memberAccess`, `primary`).
    const index = this.consumeIndex(T.Identifier);
    return this.RECORDING_PHASE ? (undefined as unknown as A.Identifier) : this.nameAt(index);
  });

  private identifierNode(token: IToken): A.Identifier {
    return this.identifierSpanning(token.startOffset, end(token));
  }

  /** The Identifier node of the name token at `index`. */
  private nameAt(index: number): A.Identifier {
    return this.identifierSpanning(this.buffer.start(index), this.buffer.end(index));
  }

  private identifierSpanning(start: number, stop: number): A.Identifier {
    return new N.Identifier(start, stop, this.names.intern(this.text, start, stop));
  }

  /**
   * `Name` followed by `[size?]` groups (spec §3.2). `sizeNotAllowedIn` names
   * the place (a parameter type, …) where a size has no meaning, or is empty.
   */
  private typeReference = this.RULE("typeReference", (sizeNotAllowedIn: string = ""): A.TypeReference => {
    const nameIndex = this.consumeIndex(T.Identifier);
    const name = this.RECORDING_PHASE ? (undefined as unknown as A.Identifier) : this.nameAt(nameIndex);
    // Most types have no dimensions: then no repetition is entered (see `expression`), and no closure made.
    if (!this.RECORDING_PHASE && !this.isNext(T.LBracket)) return new N.TypeReference(name.start, name.end, name, NO_DIMENSIONS);
    return this.typeWithDimensions(name, sizeNotAllowedIn);
  });

  /** The `[size?]` groups after a type's name. */
  private typeWithDimensions(name: A.Identifier, sizeNotAllowedIn: string): A.TypeReference {
    const dimensions: A.ArrayDimension[] = [];
    this.MANY(() => {
      const open = this.CONSUME(T.LBracket);
      let size: A.Expression | undefined;
      this.OPTION(() => {
        size = this.SUBRULE(this.expression);
      });
      this.expectCloser(1, T.RBracket, this.indexOf(open), "to close the array dimension");
      // The ']' when it is there, else the last token before the missing one.
      this.ACTION(() => dimensions.push(new N.ArrayDimension(open.startOffset, this.previousEnd(), size)));
    });
    if (this.RECORDING_PHASE) return name as unknown as A.TypeReference;
    return this.ACTION(() => {
      for (const dimension of dimensions) {
        const size = dimension.size;
        if (size === undefined) continue;
        if (sizeNotAllowedIn !== "") {
          this.report(
            "syntax-array-size-not-allowed",
            range(size.start, size.end),
            `an array size has no meaning in ${sizeNotAllowedIn}: write '${name.name}${"[]".repeat(dimensions.length)}'`,
          );
        } else if (size.kind !== "IntegerLiteral" && size.kind !== "MissingExpression") {
          this.report("syntax-array-size-not-literal", range(size.start, size.end), "only integer literals are documented as array sizes");
        }
      }
      return new N.TypeReference(name.start, this.previousEnd(), name, dimensions);
    });
  }

  /** A variable or function declaration at a statement position (spec §4.1, §4.2). */
  private declaration = this.RULE("declaration", (context: StatementContext = "top"): A.VariableDeclaration | A.FunctionDeclaration => {
    return this.OR(context === "top" ? this.topDeclarationChoice : this.blockDeclarationChoice);
  });

  /** The alternatives of `declaration`, built once per context (see `statementChoice`). */
  private declarationChoice(context: StatementContext): OrMethodOpts<A.VariableDeclaration | A.FunctionDeclaration> {
    const functionArgs = context === "top" ? topLevelFunctionArgs : { ARGS: ["a block"] as [string] };
    return {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => functionDefinitionStartsNext(this), ALT: () => this.SUBRULE(this.functionDeclaration, functionArgs) },
        {
          ALT: () => {
            const declaration = this.SUBRULE(this.variableDeclarationHead);
            this.expectSemicolon(1, "after the variable declaration");
            return this.RECORDING_PHASE ? declaration : endingAt(declaration, this.previousEnd());
          },
        },
      ],
    };
  }

  private readonly topDeclarationChoice = this.declarationChoice("top");
  private readonly blockDeclarationChoice = this.declarationChoice("block");

  /** `Type name [= init]` without the `;` (also the for-loop initializer and struct fields). */
  private variableDeclarationHead = this.RULE("variableDeclarationHead", (): A.VariableDeclaration => {
    const type = this.SUBRULE(this.typeReference);
    const name = this.SUBRULE(this.identifier);
    // Each part is entered only when its first token is next (see `expression`); the first and last are rare.
    const trailingDimensions = this.RECORDING_PHASE || this.isNext(T.LBracket) ? this.bracketsAfterName(type, name) : undefined;
    const initializer = this.RECORDING_PHASE || this.isNext(T.Assign) ? this.OPTION2(this.initializerValue) : undefined;
    const moreDeclarators = this.RECORDING_PHASE || this.isNext(T.Comma) ? this.moreDeclarators(type) : undefined;
    if (this.RECORDING_PHASE) return undefined as unknown as A.VariableDeclaration;
    return new N.VariableDeclaration(type.start, this.previousEnd(), type, name, trailingDimensions, initializer, moreDeclarators);
  });

  private readonly initializerValue = (): A.Expression => {
    this.CONSUME(T.Assign);
    return this.requiredExpression(1, "after '='");
  };

  /** C-style `String a[5][2]`: reported, and kept as dimensions so later phases see the array the author meant. */
  private bracketsAfterName(type: A.TypeReference, name: A.Identifier): readonly A.ArrayDimension[] | undefined {
    let trailingDimensions: readonly A.ArrayDimension[] | undefined;
    this.OPTION(() => {
      const open = this.CONSUME(T.LBracket);
      const groups: A.ArrayDimension[] = [];
      let groupStart = open.startOffset;
      let depth = 1;
      this.MANY({
        GATE: () => (depth > 0 || this.isNext(T.LBracket)) && !this.isNext(T.Semicolon) && !this.isAtEnd() && !this.LA(1).newLineBefore,
        DEF: () => {
          const token = this.CONSUME(T.AnyToken);
          if (this.RECORDING_PHASE) return;
          if (token.tokenType === T.LBracket && depth++ === 0) groupStart = token.startOffset;
          else if (token.tokenType === T.RBracket && --depth === 0) {
            groups.push(new N.ArrayDimension(groupStart, end(token), undefined));
          }
        },
      });
      this.ACTION(() => {
        const brackets = this.text.slice(open.startOffset, this.previousEnd());
        this.report(
          "syntax-array-brackets-after-name",
          range(open.startOffset, this.previousEnd()),
          `array brackets must follow the type, not the name: write '${type.name.name}${brackets} ${name.name}'`,
        );
        if (depth > 0) groups.push(new N.ArrayDimension(groupStart, this.previousEnd(), undefined));
        trailingDimensions = groups;
      });
    });
    return trailingDimensions;
  }

  /** `, b = 2` after a declarator: reported (one variable per declaration), the declarators kept as expressions. */
  private moreDeclarators(type: A.TypeReference): readonly A.Expression[] | undefined {
    let moreDeclarators: readonly A.Expression[] | undefined;
    this.OPTION3(() => {
      const comma = this.CONSUME(T.Comma);
      const declarators: A.Expression[] = [];
      this.MANY3({
        GATE: () => (this.isNext(T.Comma) || expressionStartsNext(this)) && !this.LA(1).newLineBefore,
        DEF: () =>
          this.OR([
            { ALT: () => this.CONSUME2(T.Comma) },
            {
              ALT: () => {
                // `b = 2` in `Integer a = 1, b = 2;` is reported as a declarator, not as an assignment used as a value.
                const declarator = this.SUBRULE2(this.expression);
                this.ACTION(() => {
                  this.statementExpressions.add(declarator);
                  declarators.push(declarator);
                });
              },
            },
          ]),
      });
      this.ACTION(() => {
        this.report(
          "syntax-multiple-declarators",
          range(comma.startOffset, this.previousEnd()),
          `one variable per declaration in CRMScript: declare each variable with its own '${type.name.name} name;' statement`,
        );
        if (declarators.length > 0) moreDeclarators = declarators;
      });
    });
    return moreDeclarators;
  }

  /** `ReturnType name(params) { body }`; `misplacedIn` names the enclosing construct when not allowed there. */
  private functionDeclaration = this.RULE("functionDeclaration", (misplacedIn: string = ""): A.FunctionDeclaration => {
    // The parameter list and the body are read by options and alternatives built once (fields below), as in the hot
    // rules: written inline they made every function declaration allocate ten closures, arrays and contexts.
    const returnType = this.SUBRULE(this.typeReference, returnTypeArgs);
    const name = this.SUBRULE(this.identifier);
    if (!this.RECORDING_PHASE && misplacedIn !== "") {
      this.report(
        "syntax-misplaced-declaration",
        range(name.start, name.end),
        `function '${name.name}' is defined inside ${misplacedIn}: define functions at the top level of the script`,
      );
    }
    const open = this.CONSUME(T.LParen);
    const parameters = this.parameterStack.collect(this.optionalParameterList);
    this.expectCloser(3, T.RParen, this.indexOf(open), this.RECORDING_PHASE ? "" : `to close the parameter list of '${name.name}'`);
    // Read by the alternatives without a body right away, before anything nested could set it again.
    this.bodylessFunctionName = this.RECORDING_PHASE ? "" : name.name;
    const body = this.OR(this.functionBodyAlternatives);
    if (this.RECORDING_PHASE) return undefined as unknown as A.FunctionDeclaration;
    return new N.FunctionDeclaration(returnType.start, this.previousEnd(), returnType, name, parameters, body);
  });

  /** The parameters of the function declaration being read (see `statementStack`). */
  private readonly parameterStack = new NodeStack<A.Parameter>();
  private readonly parameterAfterComma = (): A.Parameter => this.SUBRULE2(this.parameter);
  private readonly moreParameters = (): void => {
    this.CONSUME(T.Comma);
    const next = this.OPTION2(this.parameterAfterComma);
    if (next !== undefined) this.parameterStack.push(next);
    else if (!this.RECORDING_PHASE) this.reportMissing("a parameter", "after ','");
  };
  private readonly parameterList = (): void => {
    this.parameterStack.push(this.SUBRULE(this.parameter));
    this.MANY(this.moreParameters);
  };
  private readonly optionalParameterList = (): void => {
    this.OPTION(this.parameterList);
  };

  /** The name of the function whose body `functionBodyAlternatives` reads, for the messages when there is none. */
  private bodylessFunctionName = "";
  private readonly functionBodyAlternatives = [
    { ALT: (): A.Block | undefined => this.SUBRULE(this.block) },
    {
      ALT: (): A.Block | undefined => {
        const semicolon = this.CONSUME(T.Semicolon);
        this.ACTION(() =>
          this.report(
            "syntax-missing-token",
            tokenRange(semicolon),
            `function '${this.bodylessFunctionName}' has no body: CRMScript has no prototypes, so define the function with its body before its first use`,
          ),
        );
        return undefined;
      },
    },
    {
      ALT: (): A.Block | undefined => {
        this.ACTION(() =>
          this.reportAfterPrevious("syntax-missing-token", `expected '{' to start the body of function '${this.bodylessFunctionName}', found ${this.found()}`),
        );
        return undefined;
      },
    },
  ];

  private readonly parameterName = (): A.Identifier => this.SUBRULE(this.identifier);

  private parameter = this.RULE("parameter", (): A.Parameter => {
    const type = this.SUBRULE(this.typeReference, parameterTypeArgs);
    const name = this.OPTION(this.parameterName);
    if (this.RECORDING_PHASE) return undefined as unknown as A.Parameter;
    if (name === undefined) this.reportMissing("a parameter name", `after the type '${type.name.name}'`);
    return new N.Parameter(type.start, this.previousEnd(), type, name);
  });

  /** `struct Name { members };` (spec §4.3). */
  private structDeclaration = this.RULE("structDeclaration", (context: StatementContext = "top"): A.StructDeclaration => {
    const keyword = this.CONSUME(T.Struct);
    let name: A.Identifier | undefined;
    this.OPTION(() => {
      name = this.SUBRULE(this.identifier);
    });
    this.ACTION(() => {
      if (name === undefined) this.reportMissing("a struct name", "after 'struct'");
      else if (context !== "top") {
        this.report(
          "syntax-misplaced-declaration",
          range(name.start, name.end),
          `struct '${name.name}' is defined inside a block: define structs at the top level of the script`,
        );
      }
    });
    const members: A.StructMember[] = [];
    let open: IToken | undefined;
    let close: IToken | undefined;
    this.OPTION2(() => {
      open = this.CONSUME(T.LBrace);
      this.MANY({
        GATE: () => !this.isNext(T.RBrace) && !this.isAtEnd() && !structDefinitionStartsNext(this),
        DEF: () => {
          const member = this.SUBRULE(this.structMember);
          if (member !== undefined) members.push(member);
        },
      });
      this.OPTION3(() => {
        close = this.CONSUME(T.RBrace);
      });
      this.ACTION(() => {
        if (close === undefined && open !== undefined) this.reportUnclosed(open, ` of struct '${name?.name ?? ""}'`);
      });
    });
    if (open === undefined) this.ACTION(() => this.reportMissing("'{'", "to start the struct body"));
    let semicolon: IToken | undefined;
    this.OPTION4(() => {
      semicolon = this.CONSUME(T.Semicolon);
    });
    this.ACTION(() => {
      if (semicolon === undefined && close !== undefined) {
        this.reportMissingSemicolon(`expected ';' after the struct's closing brace, found ${this.found()}`);
      }
    });
    return this.ACTION(() => new N.StructDeclaration(keyword.startOffset, this.previousEnd(), name, members));
  });

  private structMember = this.RULE("structMember", (): A.StructMember | undefined => this.OR(this.structMemberChoice));

  /** The alternatives of `structMember`, built once (see `statementChoice`). */
  private readonly structMemberChoice: OrMethodOpts<A.StructMember | undefined> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { GATE: () => functionDefinitionStartsNext(this), ALT: () => this.SUBRULE(this.functionDeclaration, topLevelFunctionArgs) },
      {
        GATE: () => declarationStartsNext(this),
        ALT: () => {
          const field = this.SUBRULE(this.variableDeclarationHead);
          this.expectSemicolon(1, "after the field declaration");
          return this.RECORDING_PHASE ? field : endingAt(field, this.previousEnd());
        },
      },
      {
        ALT: () => {
          const semicolon = this.CONSUME(T.Semicolon);
          this.ACTION(() => this.report("syntax-empty-statement", tokenRange(semicolon), "unnecessary ';' in the struct body"));
          return undefined;
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          const statement = this.SUBRULE(this.statement, contextArgs.block);
          this.ACTION(() => {
            if (statement !== undefined) {
              this.report(
                "syntax-invalid-struct-member",
                range(first.startOffset, this.previousEnd()),
                "only field declarations and methods may appear in a struct body",
              );
            }
          });
          return undefined;
        },
      },
    ],
  };

  // ------------------------------------------------------------ expressions

  /**
   * An expression that must be there. When it is not (the line ends and a
   * statement follows, or a token that cannot start an expression comes), the
   * result is a MissingExpression and one diagnostic. The branch is plain
   * code, so the grammar Chevrotain records always contains the expression.
   */
  private requiredExpression(idx: number, after: string): A.Expression {
    if (this.RECORDING_PHASE || expressionCanStartHere(this)) return this.subrule(idx, this.expression);
    return this.missingExpression(after);
  }

  /**
   * The operands and operators of the binary chains being read, on two
   * stacks that `binaryRepetition` (built once, as `postfixRepetition`)
   * pushes to: a chain nested in an operand pushes above the outer one's
   * and takes its entries off again, so no chain allocates arrays of its own.
   * `chainStart` is where the operators of the innermost chain begin.
   */
  private readonly operandStack = new NodeStack<A.Expression>();
  private readonly operatorStack = new NodeStack<A.BinaryOperator>();
  private chainStart = 0;

  private readonly binaryRepetition = {
    GATE: () => this.operatorStack.size - this.chainStart < MAX_CHAIN_LENGTH && binaryOperatorNext(this),
    DEF: () => {
      // A CRMScript operator (nearly all) is taken without a token object; the alternatives read the rest, which are reported.
      const operator = this.RECORDING_PHASE ? undefined : binaryOperatorByType[this.nextTypeIndex()];
      let spelling: string;
      if (operator !== undefined) {
        this.consumeChecked();
        this.operatorStack.push(operator);
        spelling = operator;
      } else {
        const token = this.OR(this.binaryOperatorAlternatives);
        if (!this.RECORDING_PHASE) this.operatorStack.push(this.binaryOperatorOf(token));
        spelling = token.image;
      }
      const operand = this.RECORDING_PHASE || expressionCanStartHere(this) ? this.SUBRULE2(this.operand) : this.missingExpression(`after '${spelling}'`);
      this.operandStack.push(operand);
    },
  };

  /**
   * An expression, including assignment (parsed everywhere, rejected outside
   * statement position, spec §6.1) and the conditional operator CRMScript
   * lacks (parsed so its parts are still analysed, and reported).
   */
  private expression = this.RULE("expression", (): A.Expression => {
    // Operands and binary operators, read in a loop and folded by precedence (spec §6.1).
    const first = this.SUBRULE(this.operand);
    // Each repetition and option below is entered only when its first token is next: the common
    // case (a lone operand) then makes no DSL call at all. Chevrotain records them all.
    if (!this.RECORDING_PHASE && !binaryOperatorNext(this) && !this.isNext(T.Question) && assignmentOperatorKinds[this.nextTypeIndex()] !== true) {
      return first;
    }
    let left = first;
    if (this.RECORDING_PHASE || binaryOperatorNext(this)) {
      const operandsFrom = this.operandStack.size;
      const operatorsFrom = this.operatorStack.size;
      const outerChainStart = this.chainStart;
      this.chainStart = operatorsFrom;
      this.operandStack.push(first);
      try {
        this.MANY(this.binaryRepetition);
        if (!this.RECORDING_PHASE && this.operatorStack.size > operatorsFrom) {
          left = foldBinary(this.operandStack, operandsFrom, this.operatorStack, operatorsFrom);
        }
      } finally {
        this.operandStack.truncate(operandsFrom);
        this.operatorStack.truncate(operatorsFrom);
        this.chainStart = outerChainStart;
      }
    }
    if (!this.RECORDING_PHASE && !this.isNext(T.Question) && assignmentOperatorKinds[this.nextTypeIndex()] !== true) return left;
    return this.conditionalOrAssignment(left);
  });

  /** What may follow an expression's operands (apart, as it is rare: see the note above `block`): `? … : …` (reported), an assignment. */
  private conditionalOrAssignment(expression: A.Expression): A.Expression {
    this.extendedExpression = expression;
    this.OPTION(this.conditionalOption);
    this.OPTION3(this.assignmentOption);
    return this.extendedExpression;
  }

  /**
   * The expression `conditionalOrAssignment` extends: its options (built
   * once, as `postfixRepetition`) read it first, before anything nested can
   * set it again, and put the longer expression in its place at their end.
   */
  private extendedExpression: A.Expression = new N.MissingExpression(0, 0);
  private readonly conditionalOption = (): void => {
    const condition = this.extendedExpression;
    const question = this.CONSUME(T.Question);
    if (!this.RECORDING_PHASE) {
      this.report("syntax-unsupported-operator", tokenRange(question), "unexpected '?': CRMScript has no conditional operator (c ? a : b); use if / else");
    }
    const whenTrue = this.requiredExpression(1, "after '?'");
    const whenFalse = this.OPTION2(this.conditionalElse);
    if (this.RECORDING_PHASE) return;
    const at = this.previousEnd();
    const falseBranch: A.Expression = whenFalse ?? new N.MissingExpression(at, at);
    this.extendedExpression = new N.ConditionalExpression(condition.start, at, condition, whenTrue, falseBranch);
  };
  private readonly conditionalElse = (): A.Expression => {
    this.CONSUME(T.Colon);
    return this.requiredExpression(2, "after ':'");
  };
  private readonly assignmentOption = (): void => {
    const target = this.extendedExpression;
    const operator = this.CONSUME(T.AssignmentOperator);
    const value = this.requiredExpression(3, this.RECORDING_PHASE ? "" : `after '${operator.image}'`);
    if (!this.RECORDING_PHASE) this.extendedExpression = this.assignment(target, operator, value);
  };

  /** A binary operator, or `and`/`or` written as a word (reported). */
  private readonly binaryOperatorAlternatives = [{ ALT: () => this.CONSUME(T.BinaryOperator) }, { ALT: () => this.CONSUME(T.Identifier) }];

  private assignment(target: A.Expression, operator: IToken, value: A.Expression): A.AssignmentExpression {
    const type = operator.tokenType;
    if (type === T.StarAssign || type === T.SlashAssign || type === T.PercentAssign) {
      this.reportAlways(
        "syntax-unsupported-operator",
        tokenRange(operator),
        `'${operator.image}' is not supported by CRMScript: write 'x = x ${operator.image[0] as string} y'`,
      );
    }
    if (!isAssignable(target)) {
      this.reportInvalidTarget(target, `cannot assign to this: the left side of '${operator.image}' must be a variable, field or array element`);
    }
    const node = new N.AssignmentExpression(target.start, value.end, operatorText[operator.tokenTypeIdx] as A.AssignmentOperator, target, value);
    this.assignments.push(node);
    return node;
  }

  private binaryOperatorOf(token: IToken): A.BinaryOperator {
    const type = token.tokenType;
    if (type === T.Identifier || type === T.Ampersand || type === T.Pipe) {
      const symbol = type === T.Ampersand || token.image.toLowerCase() === "and" ? "&&" : "||";
      const extra = type === T.Identifier ? "" : " (bit flags go through the FHBitSet class)";
      this.report("syntax-unsupported-operator", tokenRange(token), `'${token.image}' is not an operator in CRMScript: use '${symbol}'${extra}`);
      return symbol;
    }
    return operatorText[token.tokenTypeIdx] as A.BinaryOperator;
  }

  /** Prefix operators, a primary expression and its member, call, index and `++`/`--` suffixes. */
  private operand = this.RULE("operand", (): A.Expression => {
    // As in `expression`, repetitions are entered only when their first token is next.
    const prefixes = this.RECORDING_PHASE || prefixOperatorNext(this) ? this.prefixOperators() : NO_PREFIXES;
    let result: A.Expression;
    if (this.RECORDING_PHASE || (primaryStartKinds[this.nextTypeIndex()] === true && (prefixes.length === 0 || !statementStartsOnNextLine(this)))) {
      result = this.OR2(this.primaryAlternatives);
    } else {
      result = this.missingExpression(`after '${(prefixes[prefixes.length - 1] as IToken).image}'`);
    }
    if (!this.RECORDING_PHASE && postfixStartKinds[this.nextTypeIndex()] !== true) {
      return prefixes.length === 0 ? result : this.applyPrefixes(prefixes, result);
    }
    const outerObject = this.postfixObject;
    const outerLength = this.postfixLength;
    this.postfixObject = result;
    this.postfixLength = 0;
    this.MANY2(this.postfixRepetition);
    result = this.postfixObject;
    this.postfixObject = outerObject;
    this.postfixLength = outerLength;
    return this.RECORDING_PHASE || prefixes.length === 0 ? result : this.applyPrefixes(prefixes, result);
  });

  /**
   * The `.name`, `[index]` and `++`/`--` suffix chain of an operand. The
   * repetition and its alternatives are built once (an inline `MANY`/`OR`
   * would allocate closures on every operand); they extend `postfixObject`,
   * which `operand` saves and restores around the chain, so operands nested
   * in an index or an argument list leave the outer chain intact.
   */
  private postfixObject: A.Expression = new N.MissingExpression(0, 0);
  private postfixLength = 0;
  private readonly postfixAlternatives = [
    { ALT: () => this.memberAccess(this.postfixObject) },
    { ALT: () => this.indexSuffix(this.postfixObject) },
    { ALT: () => this.postfixOperator(this.postfixObject) },
  ];
  private readonly postfixRepetition = {
    GATE: () => this.postfixLength++ < MAX_CHAIN_LENGTH,
    DEF: () => {
      this.postfixObject = this.OR3(this.postfixAlternatives);
    },
  };

  private indexSuffix(object: A.Expression): A.Expression {
    const open = this.CONSUME(T.LBracket);
    const index = this.nestedExpression(1, "as the array index");
    this.expectCloser(3, T.RBracket, this.indexOf(open), "to close the array index");
    if (this.RECORDING_PHASE) return object;
    return new N.IndexExpression(object.start, this.previousEnd(), object, index);
  }

  private readonly incrementAlternatives = [{ ALT: () => this.CONSUME2(T.PlusPlus) }, { ALT: () => this.CONSUME2(T.MinusMinus) }];

  private postfixOperator(operand: A.Expression): A.Expression {
    const operator = this.OR4(this.incrementAlternatives);
    return this.RECORDING_PHASE ? operand : this.postfix(operand, operator);
  }

  /**
   * The prefix operators before an operand, read by a repetition built once
   * into `prefixSink` (a repetition written inline in `operand` would make
   * every operand allocate the closures and the variables they share).
   */
  private prefixSink: IToken[] = [];
  private readonly prefixRepetition = {
    GATE: () => this.prefixSink.length < MAX_CHAIN_LENGTH && prefixOperatorNext(this),
    DEF: () => {
      this.prefixSink.push(this.OR(this.prefixAlternatives));
    },
  };

  private prefixOperators(): IToken[] {
    const prefixes: IToken[] = [];
    const outer = this.prefixSink;
    this.prefixSink = prefixes;
    try {
      this.MANY(this.prefixRepetition);
    } finally {
      this.prefixSink = outer;
    }
    return prefixes;
  }

  private readonly prefixAlternatives = [
    { ALT: () => this.CONSUME(T.Bang) },
    { ALT: () => this.CONSUME(T.Minus) },
    { ALT: () => this.CONSUME(T.Plus) },
    { ALT: () => this.CONSUME(T.PlusPlus) },
    { ALT: () => this.CONSUME(T.MinusMinus) },
    { ALT: () => this.CONSUME(T.Identifier) },
  ];

  private applyPrefixes(prefixes: IToken[], operand: A.Expression): A.Expression {
    let result = operand;
    for (let index = prefixes.length - 1; index >= 0; index--) {
      const prefix = prefixes[index] as IToken;
      let operator = operatorText[prefix.tokenTypeIdx] as A.UnaryOperator;
      const type = prefix.tokenType;
      if (type === T.Identifier) {
        this.report("syntax-unsupported-operator", tokenRange(prefix), `'${prefix.image}' is not an operator in CRMScript: use '!'`);
        operator = "!";
      } else if (type === T.Plus) {
        this.report("syntax-unary-plus", tokenRange(prefix), "unary '+' is not documented for CRMScript; leave it out");
      } else if (type === T.PlusPlus || type === T.MinusMinus) {
        this.report(
          "syntax-prefix-increment",
          tokenRange(prefix),
          `prefix '${prefix.image}' is not documented for CRMScript: write 'x${prefix.image};' as a statement`,
        );
        if (!isAssignable(result)) this.reportInvalidTarget(result, `'${prefix.image}' needs a variable, field or array element`);
      } else if (type === T.Minus && (result.kind === "IntegerLiteral" || result.kind === "LongLiteral")) {
        if (fitsWhenNegated(result)) this.largeLiterals.delete(result);
      }
      result = new N.UnaryExpression(prefix.startOffset, result.end, operator, result);
    }
    return result;
  }

  private postfix(operand: A.Expression, operator: IToken): A.PostfixExpression {
    if (!isAssignable(operand)) this.reportInvalidTarget(operand, `'${operator.image}' needs a variable, field or array element`);
    const node = new N.PostfixExpression(operand.start, end(operator), operatorText[operator.tokenTypeIdx] as "++" | "--", operand);
    if (isAssignable(operand)) this.assignments.push(node);
    return node;
  }

  /** `.name` and `.name(args)` after an expression; the name may still be missing while typing. */
  private memberAccess(object: A.Expression): A.Expression {
    if (this.RECORDING_PHASE) {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
      return this.SUBRULE(this.callArguments);
    }
    // The alternative is chosen by its first token, the '.', taken here without making its token object.
    const dotEnd = this.buffer.end(this.consumeChecked());
    // The name may be missing while it is being typed (`agent.` at the end of a line).
    let member: A.Identifier | undefined;
    if (this.isNext(T.Identifier) && !statementStartsOnNextLine(this)) member = this.nameAt(this.consumeChecked());
    else this.report("syntax-missing-token", range(dotEnd, dotEnd), `expected a member name after '.', found ${this.found()}`);
    if (object.kind === "StringLiteral") {
      this.report(
        "syntax-method-on-literal",
        range(object.start, object.end),
        "calling a method directly on a string literal is not documented for CRMScript: assign the string to a variable first",
      );
    }
    const access: A.MemberExpression = new N.MemberExpression(object.start, member?.end ?? dotEnd, object, member);
    if (member === undefined || !this.isNext(T.LParen)) return access;
    this.pendingCallee = access;
    return this.SUBRULE(this.callArguments);
  }

  /**
   * The callee of the argument list about to be parsed. The caller sets it
   * right before `callArguments`, which reads it before parsing anything
   * (passing it as a rule argument would allocate on every call).
   */
  private pendingCallee: A.Identifier | A.MemberExpression | undefined;

  /** The arguments of the argument lists being read that have more than one (see `statementStack`); `moreArguments` is built once. */
  private readonly argumentStack = new NodeStack<A.Expression>();

  private readonly moreArguments = (): void => {
    this.CONSUME(T.Comma);
    this.argumentStack.push(this.requiredExpression(2, "after ','"));
  };
  private readonly repeatMoreArguments = (): void => this.MANY(this.moreArguments);

  /** `(arg, …)` after the callee in `pendingCallee`. */
  private callArguments = this.RULE("callArguments", (): A.CallExpression => {
    const callee = this.pendingCallee;
    // The '(' is taken without a token object (a third of all brackets), as `block` takes its '{'.
    const open = this.consumeIndex(T.LParen);
    let args: A.Expression[] | undefined;
    const nested = this.RECORDING_PHASE || this.enterNesting();
    // Guarded like `expression`: no DSL call for an empty argument list or a single argument.
    if (this.RECORDING_PHASE || (nested && (expressionStartsNext(this) || this.isNext(T.Comma)))) {
      const first = this.requiredExpression(1, "as an argument");
      const argumentsFrom = this.argumentStack.size;
      this.argumentStack.push(first);
      // A lone argument is copied off the stack too: V8 would pretenure an array literal `[first]` (see `ast-nodes.ts`).
      args = this.argumentStack.collect(this.RECORDING_PHASE || this.isNext(T.Comma) ? this.repeatMoreArguments : noMoreArguments, argumentsFrom);
    }
    if (!this.RECORDING_PHASE) {
      if (nested) this.depth--;
      else this.skipNestedGroupContent();
    }
    const close = this.expectCloser(1, T.RParen, open, "to close the argument list");
    if (this.RECORDING_PHASE) return callee as unknown as A.CallExpression;
    const target = callee as A.Identifier | A.MemberExpression;
    // Ends at the ')' when it is there, else at the last token before the missing one.
    return new N.CallExpression(target.start, this.previousEnd(), target, args ?? NO_ARGUMENTS, this.buffer.start(open), close);
  });

  /** An expression inside brackets or parentheses, counted against the nesting limit. */
  private nestedExpression(idx: number, after: string): A.Expression {
    if (this.RECORDING_PHASE) return this.requiredExpression(idx, after);
    if (this.enterNesting()) {
      const result = this.requiredExpression(idx, after);
      this.depth--;
      return result;
    }
    const start = this.LA(1).startOffset;
    this.skipNestedGroupContent();
    return new N.MissingExpression(start, start);
  }

  private readonly primaryAlternatives = [
    {
      ALT: (): A.Expression => {
        // The alternative is chosen by its first token, a name (see `identifier`).
        const name = this.RECORDING_PHASE ? (this.CONSUME3(T.Identifier) as unknown as A.Identifier) : this.nameAt(this.consumeChecked());
        if (!this.RECORDING_PHASE && !this.isNext(T.LParen)) return name;
        this.pendingCallee = name;
        return this.SUBRULE2(this.callArguments);
      },
    },
    {
      ALT: (): A.Expression => {
        // Literals are a sixth of all tokens: read from the token buffer and the text, without a token object or a spelling.
        const start = this.consumeStart(T.StringLiteral);
        if (this.RECORDING_PHASE) return RECORDING_PLACEHOLDER;
        const stop = this.previousEnd();
        return new N.StringLiteral(start, stop, stringLiteralValue(this.text, start, stop));
      },
    },
    {
      ALT: (): A.Expression => {
        const start = this.consumeStart(T.IntegerLiteral);
        if (this.RECORDING_PHASE) return RECORDING_PLACEHOLDER;
        const stop = this.previousEnd();
        const node: A.IntegerLiteral = new N.IntegerLiteral(start, stop, integerLiteralValue(this.text, start, stop));
        if (isOutOfRange(node)) this.largeLiterals.add(node);
        return node;
      },
    },
    {
      ALT: (): A.Expression => {
        const token = this.CONSUME(T.FloatLiteral);
        if (this.RECORDING_PHASE) return RECORDING_PLACEHOLDER;
        return new N.FloatLiteral(token.startOffset, end(token), floatLiteralValue(token.image));
      },
    },
    {
      ALT: (): A.Expression => {
        const token = this.CONSUME(T.LongLiteral);
        if (this.RECORDING_PHASE) return RECORDING_PLACEHOLDER;
        const node: A.LongLiteral = new N.LongLiteral(token.startOffset, end(token), longLiteralValue(token.image));
        if (isOutOfRange(node)) this.largeLiterals.add(node);
        return node;
      },
    },
    {
      ALT: (): A.Expression => {
        const token = this.CONSUME(T.InvalidNumberLiteral);
        return this.RECORDING_PHASE ? RECORDING_PLACEHOLDER : new N.InvalidNumberLiteral(token.startOffset, end(token));
      },
    },
    {
      ALT: (): A.Expression => {
        const start = this.consumeStart(T.True);
        return this.RECORDING_PHASE ? RECORDING_PLACEHOLDER : new N.BooleanLiteral(start, this.previousEnd(), true);
      },
    },
    {
      ALT: (): A.Expression => {
        const start = this.consumeStart(T.False);
        return this.RECORDING_PHASE ? RECORDING_PLACEHOLDER : new N.BooleanLiteral(start, this.previousEnd(), false);
      },
    },
    {
      ALT: (): A.Expression => {
        const start = this.consumeStart(T.This);
        return this.RECORDING_PHASE ? RECORDING_PLACEHOLDER : new N.ThisExpression(start, this.previousEnd());
      },
    },
    {
      ALT: (): A.Expression => {
        const open = this.CONSUME(T.LParen);
        const inner = this.nestedExpression(2, "inside the parentheses");
        this.expectCloser(4, T.RParen, this.indexOf(open), "to close the parenthesised expression");
        if (this.RECORDING_PHASE) return RECORDING_PLACEHOLDER;
        return new N.ParenthesizedExpression(open.startOffset, this.previousEnd(), inner);
      },
    },
  ];
}

/** Where `foldBinary` reads its chain (set for one fold at a time, so the recursion carries no arguments). */
let foldOperands = new NodeStack<A.Expression>();
let foldOperators = new NodeStack<A.BinaryOperator>();
let nextOperand = 0;
let nextOperator = 0;

/**
 * Folds the chain `a op b op c …` that starts at `operandsFrom` and
 * `operatorsFrom` of the two stacks (to their tops) into a tree by
 * precedence (spec §6.1), left-associative.
 */
function foldBinary(operands: NodeStack<A.Expression>, operandsFrom: number, operators: NodeStack<A.BinaryOperator>, operatorsFrom: number): A.Expression {
  if (operators.size - operatorsFrom === 1) return binaryNode(operands.at(operandsFrom), operators.at(operatorsFrom), operands.at(operandsFrom + 1));
  foldOperands = operands;
  foldOperators = operators;
  nextOperand = operandsFrom;
  nextOperator = operatorsFrom;
  return foldFrom(0);
}

/** Precedence climbing: the next operand joined with the operators of at least `minimum` precedence that follow it. */
function foldFrom(minimum: number): A.Expression {
  let left = foldOperands.at(nextOperand++);
  while (nextOperator < foldOperators.size) {
    const operator = foldOperators.at(nextOperator);
    const precedence = binaryPrecedence[operator];
    if (precedence < minimum) break;
    nextOperator++;
    left = binaryNode(left, operator, foldFrom(precedence + 1));
  }
  return left;
}

function binaryNode(left: A.Expression, operator: A.BinaryOperator, right: A.Expression): A.BinaryExpression {
  return new N.BinaryExpression(left.start, right.end, operator, left, right);
}

/** Builds the parser with all of Chevrotain's grammar validations; throws if the grammar has a problem, else gives its rules. */
export function checkGrammar(): Rule[] {
  return Object.values(new CrmScriptParser(true).getGAstProductions());
}

/** The program, the parser's diagnostics, and the text's line index when parsing needed one. */
export interface ParsedTokens {
  readonly program: A.Program;
  readonly diagnostics: Diagnostic[];
  readonly lineIndex: LineIndex | undefined;
  /** The index of the first token the parse did not consume (the token count after a whole file). */
  readonly next: number;
}

/** Token indexes `[from, to)`: top-level statements are parsed from `from` until one ends at or after `to`. */
export interface TokenWindow {
  readonly from: number;
  readonly to: number;
}

let sharedParser: CrmScriptParser | undefined;

/** Parses a scanned file with the single parser instance (built on first use: Chevrotain analyses the grammar once). */
export function parseTokens(buffer: TokenBuffer): ParsedTokens {
  sharedParser ??= new CrmScriptParser();
  return sharedParser.parse(buffer);
}

/**
 * Parses the top-level statements of a file from token `window.from`,
 * reading tokens after the window as a whole parse would, and stops at the
 * first statement boundary at or after `window.to` (`next` says where). The
 * program's `start`/`end` are the file's; its statements are the window's.
 */
export function parseTokenWindow(buffer: TokenBuffer, window: TokenWindow): ParsedTokens {
  sharedParser ??= new CrmScriptParser();
  return sharedParser.parse(buffer, window);
}

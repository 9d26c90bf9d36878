/**
 * Token types of CRMScript (spec §1), as Chevrotain token types.
 *
 * The scanner (`scanner.ts`) produces tokens of these types; the parser
 * (`parser.ts`) consumes them. No token type here has a pattern: Chevrotain's
 * regex lexer is not used, only its token-type machinery (type indexes and
 * categories), which the parser's lookahead relies on.
 */
import { createToken, EOF, Lexer, type TokenType } from "chevrotain";

/** Matches every token the scanner produces; used to skip stray tokens. */
export const AnyToken = createToken({ name: "AnyToken", pattern: Lexer.NA });

function token(name: string, label: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, label, pattern: Lexer.NA, categories: [AnyToken, ...categories] });
}

// Names and literals (spec §1.3, §1.5).
export const Identifier = token("Identifier", "a name");
export const IntegerLiteral = token("IntegerLiteral", "an Integer literal");
export const LongLiteral = token("LongLiteral", "a Long literal");
export const FloatLiteral = token("FloatLiteral", "a Float literal");
/** A number the language does not have (`0x1F`, `1e5`, `.5`); reported by the scanner. */
export const InvalidNumberLiteral = token("InvalidNumberLiteral", "a number");
export const StringLiteral = token("StringLiteral", "a string");

// Keywords (spec §1.4). Recognised in any letter case; the token keeps its spelling.
export const Keyword = createToken({ name: "Keyword", pattern: Lexer.NA });
export const If = token("If", "'if'", [Keyword]);
export const Else = token("Else", "'else'", [Keyword]);
export const While = token("While", "'while'", [Keyword]);
export const For = token("For", "'for'", [Keyword]);
export const Foreach = token("Foreach", "'foreach'", [Keyword]);
export const Break = token("Break", "'break'", [Keyword]);
export const Continue = token("Continue", "'continue'", [Keyword]);
export const Return = token("Return", "'return'", [Keyword]);
export const Try = token("Try", "'try'", [Keyword]);
export const Catch = token("Catch", "'catch'", [Keyword]);
export const Throw = token("Throw", "'throw'", [Keyword]);
export const Struct = token("Struct", "'struct'", [Keyword]);
export const True = token("True", "'true'", [Keyword]);
export const False = token("False", "'false'", [Keyword]);
export const This = token("This", "'this'", [Keyword]);

// Directives (spec §2).
export const IncludeDirective = token("IncludeDirective", "'#include'");
export const LanguageLevelDirective = token("LanguageLevelDirective", "'#setLanguageLevel'");
export const UnknownDirective = token("UnknownDirective", "a directive");

// Punctuation (spec §1.6).
export const LParen = token("LParen", "'('");
export const RParen = token("RParen", "')'");
export const LBrace = token("LBrace", "'{'");
export const RBrace = token("RBrace", "'}'");
export const LBracket = token("LBracket", "'['");
export const RBracket = token("RBracket", "']'");
export const Semicolon = token("Semicolon", "';'");
export const Comma = token("Comma", "','");
export const Dot = token("Dot", "'.'");

// Operators (spec §1.6, §6.1).
export const AssignmentOperator = createToken({ name: "AssignmentOperator", pattern: Lexer.NA });
export const Assign = token("Assign", "'='", [AssignmentOperator]);
export const PlusAssign = token("PlusAssign", "'+='", [AssignmentOperator]);
export const MinusAssign = token("MinusAssign", "'-='", [AssignmentOperator]);
/** `*=`, `/=`, `%=`: parsed, then reported as unsupported (spec §14 D6). */
export const StarAssign = token("StarAssign", "'*='", [AssignmentOperator]);
export const SlashAssign = token("SlashAssign", "'/='", [AssignmentOperator]);
export const PercentAssign = token("PercentAssign", "'%='", [AssignmentOperator]);

export const BinaryOperator = createToken({ name: "BinaryOperator", pattern: Lexer.NA });
export const OrOr = token("OrOr", "'||'", [BinaryOperator]);
export const AndAnd = token("AndAnd", "'&&'", [BinaryOperator]);
export const EqualEqual = token("EqualEqual", "'=='", [BinaryOperator]);
export const NotEqual = token("NotEqual", "'!='", [BinaryOperator]);
export const Less = token("Less", "'<'", [BinaryOperator]);
export const LessEqual = token("LessEqual", "'<='", [BinaryOperator]);
export const Greater = token("Greater", "'>'", [BinaryOperator]);
export const GreaterEqual = token("GreaterEqual", "'>='", [BinaryOperator]);
export const Plus = token("Plus", "'+'", [BinaryOperator]);
export const Minus = token("Minus", "'-'", [BinaryOperator]);
export const Star = token("Star", "'*'", [BinaryOperator]);
export const Slash = token("Slash", "'/'", [BinaryOperator]);
export const Percent = token("Percent", "'%'", [BinaryOperator]);
/** `&`, `|`: not operators in CRMScript; parsed as their doubled forms and reported. */
export const Ampersand = token("Ampersand", "'&'", [BinaryOperator]);
export const Pipe = token("Pipe", "'|'", [BinaryOperator]);

export const Bang = token("Bang", "'!'");
export const PlusPlus = token("PlusPlus", "'++'");
export const MinusMinus = token("MinusMinus", "'--'");

/** `?` and `:`: CRMScript has no conditional operator; parsed to report it well. */
export const Question = token("Question", "'?'");
export const Colon = token("Colon", "':'");

/** A run of EJScript template text (spec §2.3): output, not code. */
export const TemplateText = token("TemplateText", "template text");

export { EOF };

/** Every token type the parser must know, in a stable order. */
export const allTokenTypes: TokenType[] = [
  AnyToken,
  Keyword,
  AssignmentOperator,
  BinaryOperator,
  Identifier,
  IntegerLiteral,
  LongLiteral,
  FloatLiteral,
  InvalidNumberLiteral,
  StringLiteral,
  If,
  Else,
  While,
  For,
  Foreach,
  Break,
  Continue,
  Return,
  Try,
  Catch,
  Throw,
  Struct,
  True,
  False,
  This,
  IncludeDirective,
  LanguageLevelDirective,
  UnknownDirective,
  LParen,
  RParen,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  Semicolon,
  Comma,
  Dot,
  Assign,
  PlusAssign,
  MinusAssign,
  StarAssign,
  SlashAssign,
  PercentAssign,
  OrOr,
  AndAnd,
  EqualEqual,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Ampersand,
  Pipe,
  Bang,
  PlusPlus,
  MinusMinus,
  Question,
  Colon,
  TemplateText,
];

/** Keywords by their lower-case spelling (spec §1.4; `in` is contextual and not here). */
export const keywordsByLowerCase: ReadonlyMap<string, TokenType> = new Map([
  ["if", If],
  ["else", Else],
  ["while", While],
  ["for", For],
  ["foreach", Foreach],
  ["break", Break],
  ["continue", Continue],
  ["return", Return],
  ["try", Try],
  ["catch", Catch],
  ["throw", Throw],
  ["struct", Struct],
  ["true", True],
  ["false", False],
  ["this", This],
]);

const keywordTypes: ReadonlySet<TokenType> = new Set(keywordsByLowerCase.values());

/** Whether a token type is a keyword (including `true`, `false` and `this`). */
export function isKeywordType(type: TokenType): boolean {
  return keywordTypes.has(type);
}

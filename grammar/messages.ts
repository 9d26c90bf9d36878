/**
 * How tokens are named in messages, and the messages for the few errors that
 * Chevrotain itself may raise. Messages speak of tokens the way a CRMScript
 * developer sees them ("';'", "the end of the file"), never of grammar rules.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.js";

const MAX_SHOWN = 30;

function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return `'${oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine}'`;
}

/** "'printLine'", "the string \"abc\"", "the end of the file", … */
export function describeToken(token: IToken): string {
  const type = token.tokenType;
  if (type === EOF) return "the end of the file";
  if (type === T.TemplateText) return "template text";
  if (type === T.StringLiteral) return `the string ${token.image.length > MAX_SHOWN ? `${token.image.slice(0, MAX_SHOWN)}…` : token.image}`;
  return quoted(token.image);
}

function describeType(type: TokenType): string {
  return type === EOF ? "the end of the file" : (type.LABEL ?? type.name);
}

function alternatives(paths: TokenType[][]): string {
  const firsts = [...new Set(paths.map((path) => path[0]).filter((type): type is TokenType => type !== undefined))];
  const shown = firsts.slice(0, 6).map(describeType);
  return shown.length === 0 ? "something else" : shown.join(", ") + (firsts.length > shown.length ? ", …" : "");
}

export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${describeType(expected)}, found ${describeToken(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `unexpected ${describeToken(firstRedundant)}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) => {
    const first = actual[0];
    const found = first === undefined ? "the end of the file" : describeToken(first);
    return `expected ${alternatives(expectedPathsPerAlt.flat())}, found ${found}`;
  },
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) => {
    const first = actual[0];
    const found = first === undefined ? "the end of the file" : describeToken(first);
    return `expected ${alternatives(expectedIterationPaths)}, found ${found}`;
  },
};

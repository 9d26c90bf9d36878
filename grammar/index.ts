/**
 * The public API of the syntax layer: `parseSource(text)` turns CRMScript
 * text into a `SourceFile` (tokens, comments, AST, syntax diagnostics).
 * It never throws; `reparseSource(previous, text)` gives the same result
 * after an edit, reusing what the edit did not touch. This layer imports
 * only Chevrotain.
 */
export { reparseSource } from "./incremental.js";
export { MAX_SOURCE_LENGTH, parseSource, scanText, scanTextAfterEdit, type ParseOptions, type ScannedText, type SourceFile } from "./source-file.js";
export type * from "./ast.js";
export { binaryPrecedence, isStatement, rangeOf } from "./ast.js";
export type { Diagnostic, DiagnosticCodeInfo, Fix, RelatedLocation, Severity, TextEdit } from "./diagnostic.js";
export { compareDiagnostics } from "./diagnostic.js";
export type { Comment, TemplateLayout } from "./scanner.js";
export { TEMPLATE_END_MARKER, TEMPLATE_START_MARKER } from "./scanner.js";
export { TokenBuffer, type Token } from "./token-buffer.js";
export { syntaxCodes, type SyntaxCode } from "./syntax-codes.js";
export { LineIndex, lineEndingOf, rangeContains, type LineColumn, type TextRange } from "./text.js";
export { forEachChild, walk } from "./walk.js";
export { isKeywordType, keywordsByLowerCase } from "./tokens.js";
export { closerOf, isCloseBracket, isKeywordKind, isOpenBracket, openerOf, TokenKind, tokenKindAt, type TokenKindName } from "./token-kind.js";

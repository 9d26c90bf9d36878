/**
 * The language server protocol's runtime values the server uses
 * (enumerations, error and notification types, `createConnection`), taken
 * from `vscode-languageserver/node` in this one module. The package is
 * CommonJS, and the bundler copies a CommonJS module's exports (about 700
 * names here) into a new object for each module that imports it: imported
 * once, start-up pays for one copy instead of ten. Types come from the
 * package directly (`import type` costs nothing at run time).
 */
export {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  DocumentHighlightKind,
  ErrorCodes,
  FileChangeType,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ProposedFeatures,
  ResponseError,
  SemanticTokensBuilder,
  ShowMessageNotification,
  SymbolKind,
  TextDocumentSyncKind,
} from "vscode-languageserver/node";

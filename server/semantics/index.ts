/**
 * The public API of semantic analysis: `analyzeSemantics` checks one parsed
 * file against the catalog and the scripts it includes and returns a
 * `SemanticModel`. It never throws: an internal failure becomes a
 * `semantic-internal-error` diagnostic next to the syntax diagnostics.
 */
import { compareDiagnostics, type SourceFile } from "../../grammar/index.js";
import type { Catalog } from "../catalog/catalog.js";
import { CheckContext, type SemanticOptions } from "./context.js";
import { DeclarationIndex } from "./declaration-index.js";
import { SemanticFacts } from "./facts.js";
import type { IncludeResolver } from "./includes.js";
import { MemberTable } from "./members.js";
import { SemanticModel } from "./model.js";
import { StatementChecker } from "./checker.js";
import { Scope } from "./scope.js";
import { TypeTable } from "./types.js";

/** The type and member tables of one catalog, shared by every file analysed against it. */
export interface SemanticEnvironment {
  readonly catalog: Catalog;
  readonly types: TypeTable;
  readonly members: MemberTable;
}

export function createEnvironment(catalog: Catalog): SemanticEnvironment {
  const types = new TypeTable(catalog);
  return { catalog, types, members: new MemberTable(types) };
}

export interface SemanticInput {
  readonly sourceFile: SourceFile;
  /** The file's path or URI: where its symbols are declared, and where includes are looked up from. */
  readonly file: string;
  readonly environment: SemanticEnvironment;
  readonly includes: IncludeResolver;
  readonly options: SemanticOptions;
}

export function analyzeSemantics(input: SemanticInput): SemanticModel {
  const { sourceFile, environment } = input;
  const facts = new SemanticFacts(input.file, new Scope("global", 0, sourceFile.text.length, undefined));
  try {
    const context = new CheckContext(
      facts,
      environment.types,
      environment.members,
      input.options,
      new DeclarationIndex(sourceFile.program),
      () => sourceFile.lineIndex,
    );
    new StatementChecker(context, input.includes).checkProgram(sourceFile.program);
  } catch (error) {
    const reason = error instanceof RangeError ? "the code nests too deeply to analyse" : error instanceof Error ? error.message : String(error);
    facts.report("semantic-internal-error", { start: 0, end: 0 }, `semantic analysis stopped on this file (${reason}); please report it`);
  }
  const diagnostics = [...sourceFile.diagnostics, ...facts.diagnostics].sort(compareDiagnostics);
  return new SemanticModel(input.file, sourceFile, facts, environment.members, diagnostics);
}

export type { SemanticOptions, Platform } from "./context.js";
export { RESERVED_NAMES, UNAVAILABLE_NETSERVER_CLASSES } from "./context.js";
export type { IncludeResolution, IncludeResolver, ModuleExports } from "./includes.js";
export { noIncludes } from "./includes.js";
export type { SemanticModel, NameAt, CallAt } from "./model.js";
export type { Reference, CallFacts } from "./facts.js";
export type * from "./symbols.js";
export { signatureLabel, signatureToString } from "./symbols.js";
export { chooseOverloadForPrefix } from "./overloads.js";
export type { Type } from "./types.js";
export { builtinTypeNames, typeToString } from "./types.js";
export { semanticCodes, type SemanticCode } from "./semantic-codes.js";
export { isNewerThan, compareVersions, isValidVersion } from "./versions.js";

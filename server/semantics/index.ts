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
import { resumeAfter, type CheckRecord, type ResumeInput, type Resumption } from "./resume.js";
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
  /**
   * The analysis of an earlier version of the file, whose parse `sourceFile`
   * was re-parsed from: the statements before the edit are not checked again
   * when that is certain to give the same facts (`resume.ts`).
   */
  readonly previous?: SemanticModel | undefined;
}

export function analyzeSemantics(input: SemanticInput): SemanticModel {
  const { sourceFile, environment } = input;
  const declarations = new DeclarationIndex(sourceFile.program);
  const lines = () => sourceFile.lineIndex;
  const resumption = input.previous === undefined ? undefined : tryResume(input.previous, { ...input, members: environment.members, declarations, lines });
  const facts = resumption?.facts ?? new SemanticFacts(input.file, new Scope("global", 0, sourceFile.text.length, undefined));
  let record: CheckRecord | undefined;
  try {
    const context = resumption?.context ?? new CheckContext(facts, environment.types, environment.members, input.options, declarations, lines);
    const checker = new StatementChecker(context, input.includes, resumption?.imported);
    const checkpoints = checker.checkProgram(sourceFile.program, resumption?.start);
    resumption?.checkpoints.forEach((checkpoint, index) => {
      checkpoints[index] = checkpoint;
    });
    record = {
      members: environment.members,
      options: input.options,
      facts,
      reportedNames: [...context.reportedNamesInOrder],
      forwardQueries: context.forwardQueries,
      imported: [...checker.importedModules],
      checkpoints,
      reusedStatements: resumption?.start.statement ?? 0,
    };
  } catch (error) {
    const reason = error instanceof RangeError ? "the code nests too deeply to analyse" : error instanceof Error ? error.message : String(error);
    facts.report("semantic-internal-error", { start: 0, end: 0 }, `semantic analysis stopped on this file (${reason}); please report it`);
  }
  const diagnostics = [...sourceFile.diagnostics, ...facts.diagnostics].sort(compareDiagnostics);
  return new SemanticModel(input.file, sourceFile, facts, environment.members, diagnostics, record);
}

/** `resumeAfter`, or a full check when resuming fails (a fault there must not cost the file its analysis). */
function tryResume(previous: SemanticModel, input: ResumeInput): Resumption | undefined {
  try {
    return resumeAfter(previous, input);
  } catch {
    return undefined;
  }
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
export { reusedStatementCount } from "./resume.js";
export type { Type } from "./types.js";
export { builtinTypeNames, typeToString } from "./types.js";
export { semanticCodes, type SemanticCode } from "./semantic-codes.js";
export { isNewerThan, compareVersions, isValidVersion } from "./versions.js";

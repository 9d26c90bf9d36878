/**
 * Resuming a file's check after an edit. Each analysis remembers where its
 * check stood before every top-level statement (`Checkpoint`). The parse of
 * an edited version reuses the unchanged statements before the edit as the
 * same nodes (`reparseSource`), so the next analysis can keep what the check
 * found about them and check only from the first statement that changed.
 *
 * What it keeps must equal what a fresh check finds, so it resumes only
 * when that is certain: the same file, catalog and options; the kept
 * includes resolving as before; and every "is this name declared further
 * down?" question the kept code asked getting the same answer (a use before
 * a declaration names the declaration's line). Code before the change
 * depends on nothing else after it: CRMScript declares before use.
 *
 * The statements after the change are checked again. The parse reuses them
 * as copies moved by the edit's length, new nodes at new offsets, so keeping
 * their facts would mean moving every node-keyed entry, symbol, reference,
 * scope and diagnostic onto the copies; moving just the entries, symbols
 * and references already costs more than the whole resumed check
 * (`npm run bench`, `bench/carry-over.ts`).
 */
import type { LineIndex, SourceFile, Statement } from "../../grammar/index.js";
import type { Checkpoint, StartPoint } from "./checker.js";
import { CheckContext, type ForwardQuery, type SemanticOptions } from "./context.js";
import type { DeclarationIndex } from "./declaration-index.js";
import { SemanticFacts } from "./facts.js";
import type { IncludeResolution, IncludeResolver, ModuleExports } from "./includes.js";
import type { MemberTable } from "./members.js";
import type { SemanticModel } from "./model.js";
import { Scope } from "./scope.js";
import type { UserSymbol } from "./symbols.js";

/** What an analysis leaves for the analysis of the file's next version, beside what its model says (file, parse). */
export interface CheckRecord {
  readonly members: MemberTable;
  readonly options: SemanticOptions;
  readonly facts: SemanticFacts;
  /** Names reported as unknown, in order. */
  readonly reportedNames: readonly string[];
  readonly forwardQueries: readonly ForwardQuery[];
  readonly imported: readonly ModuleExports[];
  /** One before each top-level statement and one after the last. */
  readonly checkpoints: readonly Checkpoint[];
  /** How many top-level statements were kept from the analysis before. */
  readonly reusedStatements: number;
}

/** How many top-level statements the analysis behind `model` kept from the analysis before it (0 for a full check). */
export function reusedStatementCount(model: SemanticModel): number {
  return model.checkRecord?.reusedStatements ?? 0;
}

/** Where the check of the edited version starts, with the state the kept statements left. */
export interface Resumption {
  readonly facts: SemanticFacts;
  readonly context: CheckContext;
  readonly imported: readonly ModuleExports[];
  readonly start: StartPoint;
  /** The checkpoints of the kept statements. */
  readonly checkpoints: readonly Checkpoint[];
}

export interface ResumeInput {
  readonly sourceFile: SourceFile;
  readonly file: string;
  readonly members: MemberTable;
  readonly options: SemanticOptions;
  readonly includes: IncludeResolver;
  readonly declarations: DeclarationIndex;
  readonly lines: () => LineIndex;
}

/** How to go on from `previous`'s analysis for the new version in `input`; undefined when the whole file must be checked. */
export function resumeAfter(previous: SemanticModel, input: ResumeInput): Resumption | undefined {
  const record = previous.checkRecord;
  if (record === undefined || previous.file !== input.file || record.members !== input.members || !sameOptions(record.options, input.options)) return undefined;
  const oldStatements = previous.sourceFile.program.statements;
  const kept = keptStatements(oldStatements, input.sourceFile.program.statements);
  if (kept === 0) return undefined;
  const checkpoint = record.checkpoints[kept];
  if (checkpoint === undefined) return undefined;
  const forwardQueries = sameForwardAnswers(record, previous.sourceFile, checkpoint, input);
  if (forwardQueries === undefined || !sameIncludes(record.facts, checkpoint, input)) return undefined;

  // Facts about the kept statements lie before where the first replaced one started; those about the rest at or after it.
  const cut = kept < oldStatements.length ? (oldStatements[kept] as Statement).start : Number.POSITIVE_INFINITY;
  const globalScope = Scope.globalResumedFrom(record.facts.globalScope, input.sourceFile.text.length, checkpoint.globalEntries, checkpoint.globalChildren);
  const facts = SemanticFacts.resumedFrom(record.facts, globalScope, cut, checkpoint.facts, (symbol) => declaredAt(symbol, input.file) >= cut);
  const context = new CheckContext(facts, input.members.types, input.members, input.options, input.declarations, input.lines);
  context.carryOver(record.reportedNames.slice(0, checkpoint.reportedNames), forwardQueries);
  return {
    facts,
    context,
    imported: record.imported.slice(0, checkpoint.imported),
    start: { statement: kept, reachability: checkpoint.reachability },
    checkpoints: record.checkpoints.slice(0, kept),
  };
}

/** How many leading top-level statements the new parse reused as they were. */
function keptStatements(before: readonly Statement[], after: readonly Statement[]): number {
  let kept = 0;
  while (kept < before.length && kept < after.length && before[kept] === after[kept]) kept++;
  return kept;
}

function sameOptions(a: SemanticOptions, b: SemanticOptions): boolean {
  return a.targetVersion === b.targetVersion && a.platform === b.platform;
}

/** Where a symbol is declared in `file` (-1 when it comes from another file); an implicit catch variable counts as its try statement. */
function declaredAt(symbol: UserSymbol, file: string): number {
  if (symbol.location === undefined) return symbol.kind === "variable" ? symbol.node.start : -1;
  return symbol.location.file === file ? symbol.location.start : -1;
}

/** The kept code's questions to the declaration index with the new version's answers, if every answer names the same line as before. */
function sameForwardAnswers(record: CheckRecord, oldSourceFile: SourceFile, checkpoint: Checkpoint, input: ResumeInput): ForwardQuery[] | undefined {
  const answers: ForwardQuery[] = [];
  for (const query of record.forwardQueries.slice(0, checkpoint.forwardQueries)) {
    const declaredAt = input.declarations.laterDeclaration(query.name, query.offset);
    if ((declaredAt === undefined) !== (query.declaredAt === undefined)) return undefined;
    if (declaredAt !== undefined && query.declaredAt !== undefined) {
      if (oldSourceFile.lineIndex.position(query.declaredAt).line !== input.lines().position(declaredAt).line) return undefined;
    }
    answers.push({ ...query, declaredAt });
  }
  return answers;
}

/**
 * Whether every include the kept statements resolved resolves as before,
 * asking the resolver again (which also tells the host that this version
 * depends on them, as a fresh check would).
 */
function sameIncludes(facts: SemanticFacts, checkpoint: Checkpoint, input: ResumeInput): boolean {
  const asked = new Set<string>();
  for (const include of facts.includes.slice(0, checkpoint.facts.includes)) {
    // A repeated id was not resolved again (include-once).
    if (asked.has(include.includeId)) continue;
    asked.add(include.includeId);
    if (!sameResolution(include.resolution, input.includes.resolve(include.includeId, input.file))) return false;
  }
  return true;
}

function sameResolution(a: IncludeResolution, b: IncludeResolution): boolean {
  switch (a.kind) {
    case "found":
      return b.kind === "found" && a.module === b.module && sameList(a.cycle, b.cycle);
    case "not-found":
      return b.kind === "not-found" && sameList(a.searched, b.searched);
    case "cycle":
      return b.kind === "cycle" && sameList(a.chain, b.chain);
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((item, index) => item === b[index]));
}

/**
 * The least a carry-over of the semantic check past an edit would cost, for
 * the analysis bench to set beside the resumed check (which checks the
 * statements after the edit again instead). `reparseSource` reuses those
 * statements as copies moved by the edit's length, so their facts would
 * have to be moved to the copies: this pairs every old node with its copy,
 * makes each symbol they declare again at its new place, and moves the
 * three node-keyed tables (a name's resolution pointing at the new symbol)
 * and the references. A real carry-over would also have to prove that the
 * changed statements declare and report what they did before, and move the
 * scopes, diagnostics and checkpoints, so it could only cost more.
 */
import { type CallExpression, type Expression, type Identifier, type Node, type SourceFile, walk } from "../grammar/index.js";
import type { Reference, SemanticModel, UserSymbol } from "../server/semantics/index.js";
import { NodeMap } from "../server/semantics/node-map.js";

/** The nodes a symbol can be declared by (`node` of a variable, function or struct symbol). */
const declaringKinds: ReadonlySet<string> = new Set([
  "VariableDeclaration",
  "Parameter",
  "FunctionDeclaration",
  "ForeachStatement",
  "TryStatement",
  "StructDeclaration",
]);

export interface MovedStatements {
  readonly statements: number;
  readonly nodes: number;
}

/** How many trailing top-level statements of `edited` are `previous`'s moved by the edit, and how many nodes they hold. */
export function movedStatements(previous: SourceFile, edited: SourceFile): MovedStatements {
  const before = previous.program.statements;
  const after = edited.program.statements;
  const delta = edited.text.length - previous.text.length;
  let statements = 0;
  for (;;) {
    const old = before[before.length - 1 - statements];
    const copy = after[after.length - 1 - statements];
    if (old === undefined || copy === undefined || old === copy || copy.kind !== old.kind || copy.start !== old.start + delta) break;
    statements++;
  }
  let nodes = 0;
  for (let index = before.length - statements; index < before.length; index++) {
    walk(before[index] as Node, () => {
      nodes++;
    });
  }
  return { statements, nodes };
}

/** What `carryFactsOver` moved. */
export interface CarriedFacts {
  readonly tableEntries: number;
  readonly symbols: number;
  readonly references: number;
}

/** Moves the facts of `previous`'s last `moved.statements` statements onto `edited`'s copies (see the header). */
export function carryFactsOver(previous: SemanticModel, edited: SourceFile, moved: MovedStatements): CarriedFacts {
  const facts = previous.checkRecord?.facts;
  if (facts === undefined) throw new Error("the analysis before the edit has no check record");
  const before = previous.sourceFile.program.statements;
  const after = edited.program.statements;
  const delta = edited.text.length - previous.sourceFile.text.length;
  const olds: Node[] = [];
  const copies: Node[] = [];
  for (let index = moved.statements; index >= 1; index--) {
    walk(before[before.length - index] as Node, (node) => {
      olds.push(node);
    });
    walk(after[after.length - index] as Node, (node) => {
      copies.push(node);
    });
  }
  if (olds.length !== copies.length) throw new Error("the moved statements are not copies of the old ones");
  const cut = (olds[0] as Node | undefined)?.start ?? Number.POSITIVE_INFINITY;
  // The copies of the names (for references) and of every kind of node a symbol names as its declaration.
  const copyOf = new Map<Node, Node>();
  for (let index = 0; index < olds.length; index++) {
    const old = olds[index] as Node;
    if (old.kind === "Identifier" || declaringKinds.has(old.kind)) copyOf.set(old, copies[index] as Node);
  }

  const symbols = new Map<UserSymbol, UserSymbol>();
  for (const symbol of facts.declarations) {
    const location = symbol.location;
    if (location === undefined || location.start < cut) continue;
    const node = copyOf.get(symbol.node) ?? symbol.node;
    symbols.set(symbol, { ...symbol, location: { file: location.file, start: location.start + delta, end: location.end + delta }, node } as UserSymbol);
  }
  const movedResolutions = new Map<unknown, unknown>();
  const types = new NodeMap<Node, unknown>();
  const resolutions = new NodeMap<Node, unknown>();
  const calls = new NodeMap<Node, unknown>();
  for (let index = 0; index < olds.length; index++) {
    const old = olds[index] as Node;
    const copy = copies[index] as Node;
    const type = facts.expressionTypes.get(old as Expression);
    if (type !== undefined) types.set(copy, type);
    const resolution = facts.resolutions.get(old as Identifier);
    if (resolution !== undefined) {
      const symbol = resolution.kind === "symbol" ? symbols.get(resolution.symbol) : undefined;
      let value: unknown = resolution;
      if (symbol !== undefined) {
        value = movedResolutions.get(resolution);
        if (value === undefined) {
          value = { ...resolution, symbol };
          movedResolutions.set(resolution, value);
        }
      }
      resolutions.set(copy, value);
    }
    const call = facts.calls.get(old as CallExpression);
    if (call !== undefined) calls.set(copy, call);
  }

  const references = new Map<UserSymbol, Reference[]>();
  let referenceCount = 0;
  for (const [symbol, list] of facts.references) {
    const movedList: Reference[] = [];
    for (const reference of list) {
      if (reference.name.start < cut) continue;
      const name = copyOf.get(reference.name);
      if (name === undefined) throw new Error(`no copy of the name at ${reference.name.start}`);
      movedList.push({ name: name as Identifier, write: reference.write });
    }
    if (movedList.length === 0) continue;
    references.set(symbols.get(symbol) ?? symbol, movedList);
    referenceCount += movedList.length;
  }
  return { tableEntries: types.size + resolutions.size + calls.size, symbols: symbols.size, references: referenceCount };
}

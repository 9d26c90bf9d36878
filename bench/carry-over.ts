/**
 * The least a carry-over of the semantic check past an edit would cost, for
 * the analysis bench to set beside the resumed check (which checks the
 * statements after the edit again instead). `reparseSource` reuses those
 * statements as copies moved by the edit's length, so facts keyed by their
 * nodes would have to be moved to the copies: this pairs every old node with
 * its copy and moves the entries of the three node-keyed tables. A real
 * carry-over would also rebuild their symbols, scopes, references and
 * diagnostics at the new offsets, so it could only cost more.
 */
import { type CallExpression, type Expression, type Identifier, type Node, type SourceFile, walk } from "../grammar/index.js";
import type { SemanticModel } from "../server/semantics/index.js";
import { NodeMap } from "../server/semantics/node-map.js";

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

/** Moves the node-keyed facts of `previous`'s last `moved.statements` statements onto `edited`'s copies; returns how many entries moved. */
export function carryNodeTablesOver(previous: SemanticModel, edited: SourceFile, moved: MovedStatements): number {
  const facts = previous.checkRecord?.facts;
  if (facts === undefined) throw new Error("the analysis before the edit has no check record");
  const before = previous.sourceFile.program.statements;
  const after = edited.program.statements;
  const olds: Node[] = [];
  const copies: Node[] = [];
  for (let index = 1; index <= moved.statements; index++) {
    walk(before[before.length - index] as Node, (node) => {
      olds.push(node);
    });
    walk(after[after.length - index] as Node, (node) => {
      copies.push(node);
    });
  }
  if (olds.length !== copies.length) throw new Error("the moved statements are not copies of the old ones");
  const types = new NodeMap<Node, unknown>();
  const resolutions = new NodeMap<Node, unknown>();
  const calls = new NodeMap<Node, unknown>();
  for (let index = 0; index < olds.length; index++) {
    const old = olds[index] as Node;
    const copy = copies[index] as Node;
    const type = facts.expressionTypes.get(old as Expression);
    if (type !== undefined) types.set(copy, type);
    const resolution = facts.resolutions.get(old as Identifier);
    if (resolution !== undefined) resolutions.set(copy, resolution);
    const call = facts.calls.get(old as CallExpression);
    if (call !== undefined) calls.set(copy, call);
  }
  return types.size + resolutions.size + calls.size;
}

/**
 * Where each name is declared in a file, so that a use above its
 * declaration gets "used before its declaration on line N" (spec §9.1 E1)
 * instead of a bare "not declared". A declaration counts only if the block
 * (or script) that holds it also holds the use. Collected from the tree on
 * the first question, since most files never ask.
 */
import type { Block, Node, Program, Statement } from "../../grammar/index.js";

interface DeclarationSite {
  readonly offset: number;
  readonly containerStart: number;
  readonly containerEnd: number;
}

export class DeclarationIndex {
  /** Built on the first question: most files never use a name above its declaration. */
  private sites: Map<string, DeclarationSite[]> | undefined;

  constructor(private readonly program: Program) {}

  private build(): Map<string, DeclarationSite[]> {
    const sites = new Map<string, DeclarationSite[]>();
    const add = (name: string, offset: number, container: Node): void => {
      let list = sites.get(name);
      if (list === undefined) {
        list = [];
        sites.set(name, list);
      }
      list.push({ offset, containerStart: container.start, containerEnd: container.end });
    };
    // Iterative: nested blocks can be as deep as the parser allows.
    const pending: { readonly statements: readonly Statement[]; readonly container: Block | Program }[] = [
      { statements: this.program.statements, container: this.program },
    ];
    for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
      const { container } = item;
      for (const statement of item.statements) {
        switch (statement.kind) {
          case "VariableDeclaration":
            add(statement.name.name, statement.name.start, container);
            break;
          case "FunctionDeclaration":
            add(statement.name.name, statement.name.start, container);
            if (statement.body !== undefined) pending.push({ statements: statement.body.statements, container: statement.body });
            break;
          case "StructDeclaration":
            if (statement.name !== undefined) add(statement.name.name, statement.name.start, container);
            for (const member of statement.members) {
              if (member.kind === "FunctionDeclaration" && member.body !== undefined)
                pending.push({ statements: member.body.statements, container: member.body });
            }
            break;
          default:
            for (const block of nestedBlocks(statement)) pending.push({ statements: block.statements, container: block });
        }
      }
    }
    return sites;
  }

  /** The offset of a declaration of `name` after `offset` in a block that contains `offset`, if any. */
  laterDeclaration(name: string, offset: number): number | undefined {
    this.sites ??= this.build();
    for (const site of this.sites.get(name) ?? []) {
      if (site.offset > offset && site.containerStart <= offset && offset < site.containerEnd) return site.offset;
    }
    return undefined;
  }
}

/** The blocks directly inside a statement (bodies of if, loops, try/catch), wrapping unbraced bodies. */
function nestedBlocks(statement: Statement): Block[] {
  const blocks: Block[] = [];
  const add = (body: Statement | undefined): void => {
    if (body === undefined) return;
    if (body.kind === "Block") blocks.push(body);
    else blocks.push({ kind: "Block", start: body.start, end: body.end, statements: [body] });
  };
  switch (statement.kind) {
    case "Block":
      blocks.push(statement);
      break;
    case "IfStatement":
      add(statement.thenStatement);
      add(statement.elseStatement);
      break;
    case "WhileStatement":
    case "ForStatement":
    case "ForeachStatement":
      add(statement.body);
      break;
    case "TryStatement":
      add(statement.tryBlock);
      add(statement.catchBlock);
      break;
    default:
      break;
  }
  return blocks;
}

/**
 * The query API over one analysed file, for the editor features and lint
 * rules: the type of an expression, what the name at an offset refers to,
 * references to a symbol, the names visible at an offset, the members of a
 * type, the call around an offset, and what the file exports to scripts
 * that include it. Plain data in, plain data out; no LSP types.
 */
import type { CallExpression, Diagnostic, Expression, Identifier, SourceFile } from "../../grammar/index.js";
import type { CallFacts, Reference, SemanticFacts } from "./facts.js";
import type { ModuleExports } from "./includes.js";
import type { TypeMembers } from "./members.js";
import type { MemberTable } from "./members.js";
import { literalTypes } from "./expressions.js";
import type { Resolution, Signature, UserSymbol } from "./symbols.js";
import type { Type } from "./types.js";

/** A name in the file and what it refers to. */
export interface NameAt {
  readonly name: Identifier;
  readonly resolution: Resolution;
}

/** The call whose argument list contains an offset, for signature help. */
export interface CallAt {
  readonly call: CallExpression;
  /** 0-based index of the argument the offset is in (counting top-level commas before it). */
  readonly argumentIndex: number;
  readonly signatures: readonly Signature[];
  /** The overload resolution chose, if the arguments so far determined one. */
  readonly chosen: Signature | undefined;
}

export class SemanticModel {
  private sortedNames: Identifier[] | undefined;
  private sortedCalls: CallExpression[] | undefined;
  private cachedExports: ModuleExports | undefined;

  constructor(
    readonly file: string,
    readonly sourceFile: SourceFile,
    readonly facts: SemanticFacts,
    private readonly members: MemberTable,
    /** Syntax and semantic diagnostics, sorted by position. */
    readonly diagnostics: readonly Diagnostic[],
  ) {}

  /** The type of an expression the checker saw (undefined for one it did not, such as inside a skipped part). */
  typeOf(expression: Expression): Type | undefined {
    const literal = literalTypes[expression.kind];
    if (literal !== undefined) return this.members.types.builtin(literal);
    if (expression.kind === "Identifier") {
      const resolution = this.facts.resolutions.get(expression);
      if (resolution?.kind === "symbol" && resolution.symbol.kind === "variable") return resolution.symbol.type;
    }
    return this.facts.expressionTypes.get(expression);
  }

  /** Every resolved name of the file, in source order. */
  resolvedNames(): readonly Identifier[] {
    return (this.sortedNames ??= [...this.facts.resolutions.keys()].sort((a, b) => a.start - b.start));
  }

  resolutionOf(name: Identifier): Resolution | undefined {
    return this.facts.resolutions.get(name);
  }

  /** The resolved name whose range contains `offset` (or ends at it, for a cursor just after a name). */
  nameAt(offset: number): NameAt | undefined {
    const names = this.resolvedNames();
    let low = 0;
    let high = names.length - 1;
    let found: Identifier | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const name = names[middle] as Identifier;
      if (name.start > offset) high = middle - 1;
      else {
        if (offset <= name.end) found = name;
        low = middle + 1;
      }
    }
    if (found === undefined) return undefined;
    return { name: found, resolution: this.facts.resolutions.get(found) as Resolution };
  }

  /** Uses of a symbol in this file (its declaration excluded). */
  referencesTo(symbol: UserSymbol): readonly Reference[] {
    return this.facts.references.get(symbol) ?? [];
  }

  /**
   * The user symbols code at `offset` can name, innermost scope first; a
   * name hidden by an inner declaration appears once. Function overloads
   * are all listed.
   */
  visibleAt(offset: number): UserSymbol[] {
    const result: UserSymbol[] = [];
    const hidden = new Set<string>();
    for (let scope: typeof this.facts.globalScope | undefined = this.facts.globalScope.innermostAt(offset); scope !== undefined; scope = scope.parent) {
      const names = new Set<string>();
      for (const entry of scope.entries) {
        if (entry.visibleFrom > offset) continue;
        const key = `${entry.symbol.kind}:${entry.symbol.name}`;
        if (entry.symbol.kind !== "function" && hidden.has(key)) continue;
        names.add(key);
        result.push(entry.symbol);
      }
      for (const name of names) hidden.add(name);
    }
    return result;
  }

  membersOf(type: Type): TypeMembers {
    return this.members.membersOf(type);
  }

  callFacts(call: CallExpression): CallFacts | undefined {
    return this.facts.calls.get(call);
  }

  /** The innermost call whose parentheses contain `offset`. */
  callAt(offset: number): CallAt | undefined {
    const calls = (this.sortedCalls ??= [...this.facts.calls.keys()].sort((a, b) => a.openParen - b.openParen));
    let best: CallExpression | undefined;
    for (const call of calls) {
      if (call.openParen >= offset) break;
      // A call still being typed has no ')': its arguments reach up to the next token.
      const close = call.closeParen ?? this.nextTokenStart(call.end);
      if (offset <= close && (best === undefined || call.openParen > best.openParen)) best = call;
    }
    if (best === undefined) return undefined;
    const facts = this.facts.calls.get(best) as CallFacts;
    return { call: best, argumentIndex: this.argumentIndex(best, offset), signatures: facts.signatures, chosen: facts.chosen };
  }

  private nextTokenStart(offset: number): number {
    const tokens = this.sourceFile.tokens;
    const index = tokens.indexAtOrAfter(offset);
    return index < tokens.count ? tokens.start(index) : this.sourceFile.text.length;
  }

  /** Commas at the call's own bracket depth between its '(' and `offset`. */
  private argumentIndex(call: CallExpression, offset: number): number {
    const tokens = this.sourceFile.tokens;
    let index = tokens.indexAtOrAfter(call.openParen) + 1;
    let depth = 0;
    let commas = 0;
    for (; index < tokens.count && tokens.start(index) < offset; index++) {
      const image = tokens.image(index);
      if (image === "(" || image === "[" || image === "{") depth++;
      else if (image === ")" || image === "]" || image === "}") {
        if (depth === 0) break;
        depth--;
      } else if (image === "," && depth === 0) commas++;
    }
    return commas;
  }

  /** The file each `#include` of this file resolved to (each id once; ids that found no file are left out). */
  includeTargets(): readonly { readonly includeId: string; readonly file: string }[] {
    const targets = new Map<string, string>();
    for (const include of this.facts.includes) {
      if (include.resolution.kind === "found" && !targets.has(include.includeId)) targets.set(include.includeId, include.resolution.module.file);
    }
    return [...targets].map(([includeId, file]) => ({ includeId, file }));
  }

  /** What a script that includes this one sees: its top-level symbols and its own includes. */
  exports(): ModuleExports {
    if (this.cachedExports === undefined) {
      const symbols = this.facts.globalScope.entries.map((entry) => entry.symbol).filter((symbol) => symbol.location?.file === this.file);
      const includes: ModuleExports[] = [];
      for (const include of this.facts.includes) {
        if (include.resolution.kind === "found" && !includes.includes(include.resolution.module)) includes.push(include.resolution.module);
      }
      this.cachedExports = { file: this.file, symbols, includes };
    }
    return this.cachedExports;
  }
}

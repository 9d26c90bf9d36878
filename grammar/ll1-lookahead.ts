/**
 * The parser's lookahead decisions, built from FIRST sets: a Chevrotain
 * lookahead strategy for a grammar that looks one token ahead. Chevrotain's
 * own strategy (`LLkLookaheadStrategy`) derives the same one-token decisions
 * by enumerating lookahead paths, also past each optional production into
 * the rest of its rule, without sharing work between productions: a fifth
 * of the language server's start-up. Here the FIRST set and nullability of
 * each rule are computed once and shared. The decisions equal Chevrotain's
 * (`test/grammar/ll1-lookahead.test.ts` compares them for every production):
 * an alternative is taken when its gate allows it and the next token starts
 * it (a token category matches its members) or it can match nothing; the
 * first such alternative wins; an optional production is entered under the
 * same condition. Productions asking for more than one token of lookahead,
 * and grammar validation, are left to Chevrotain's strategy.
 */
import {
  Alternation,
  Alternative,
  type ILookaheadStrategy,
  type ILookaheadValidationError,
  type IOrAlt,
  type IProduction,
  LLkLookaheadStrategy,
  NonTerminal,
  Option,
  type OptionalProductionType,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  type Rule,
  Terminal,
  type TokenType,
} from "chevrotain";

/** What can start a piece of grammar: token type indexes (categories expanded to their members), and whether it can match nothing. */
export interface StartSet {
  readonly tokens: ReadonlySet<number>;
  readonly nullable: boolean;
}

/** What `LA_FAST` gives the decision functions (the parser's token probe). */
interface LookaheadHost {
  LA_FAST(howMuch: number): { readonly tokenTypeIdx: number };
}

export type ProductionClass = abstract new (...args: never[]) => IProduction;

/** The productions inside a production (none for a terminal or a rule reference, which is not entered). */
function inside(production: IProduction): readonly IProduction[] {
  return (production as { definition?: IProduction[] }).definition ?? [];
}

/** The grammar classes of the optional productions, by the names Chevrotain's strategy API gives them. */
export const OPTIONAL_CLASSES: Record<OptionalProductionType, ProductionClass> = {
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
};

/** The token type indexes a terminal matches: its own and, for a category, every member's. */
function matchedIndexes(type: TokenType): number[] {
  return [type.tokenTypeIdx as number, ...((type as TokenType & { categoryMatches?: number[] }).categoryMatches ?? [])];
}

/** FIRST sets of a grammar's rules, each computed once. */
export class StartSets {
  private readonly ofRule = new Map<Rule, StartSet>();
  private readonly inProgress = new Set<Rule>();

  /** What can start `definition`, a sequence of productions. */
  ofSequence(definition: readonly IProduction[]): StartSet {
    const tokens = new Set<number>();
    for (const production of definition) {
      const start = this.ofProduction(production);
      for (const token of start.tokens) tokens.add(token);
      if (!start.nullable) return { tokens, nullable: false };
    }
    return { tokens, nullable: true };
  }

  private ofProduction(production: IProduction): StartSet {
    if (production instanceof Terminal) return { tokens: new Set(matchedIndexes(production.terminalType)), nullable: false };
    if (production instanceof NonTerminal) return this.ofRuleDefinition(production.referencedRule);
    if (production instanceof Alternative) return this.ofSequence(inside(production));
    if (production instanceof Alternation) {
      // As Chevrotain reads an alternation inside a sequence: empty alternatives add nothing, not even the empty match.
      const tokens = new Set<number>();
      let nullable = false;
      for (const alternative of inside(production)) {
        if (inside(alternative).length === 0) continue;
        const start = this.ofSequence(inside(alternative));
        for (const token of start.tokens) tokens.add(token);
        nullable ||= start.nullable;
      }
      return { tokens, nullable };
    }
    const body = this.ofSequence(inside(production));
    const separator = (production as RepetitionWithSeparator | RepetitionMandatoryWithSeparator).separator;
    // A body that can match nothing lets the separator of a second round start the production.
    const tokens = separator !== undefined && body.nullable ? new Set([...body.tokens, ...matchedIndexes(separator)]) : body.tokens;
    const optional = production instanceof Option || production instanceof Repetition || production instanceof RepetitionWithSeparator;
    return { tokens, nullable: optional || body.nullable };
  }

  private ofRuleDefinition(rule: Rule): StartSet {
    const known = this.ofRule.get(rule);
    if (known !== undefined) return known;
    // Left recursion (which the grammar check rejects) would loop: a rule being computed adds nothing to itself.
    if (this.inProgress.has(rule)) return { tokens: new Set(), nullable: false };
    this.inProgress.add(rule);
    const start = this.ofSequence(inside(rule));
    this.inProgress.delete(rule);
    this.ofRule.set(rule, start);
    return start;
  }
}

/** The production of `rule` with this class and occurrence index, searched without entering other rules. */
export function findProduction(rule: Rule, kind: ProductionClass, occurrence: number): IProduction | undefined {
  const search = (definition: readonly IProduction[]): IProduction | undefined => {
    let found: IProduction | undefined;
    for (const production of definition) {
      if (production instanceof NonTerminal || production instanceof Terminal) continue;
      if (production instanceof kind && (production as { idx?: number }).idx === occurrence) found = production;
      found = search(inside(production)) ?? found;
    }
    return found;
  };
  return search(inside(rule));
}

/** The start sets of an alternation's alternatives, as the lookahead decides between them. */
export function alternativeStartSets(sets: StartSets, rule: Rule, occurrence: number): StartSet[] {
  const alternation = findProduction(rule, Alternation, occurrence);
  if (alternation === undefined) throw new Error(`no OR with occurrence ${occurrence} in rule ${rule.name}`);
  return inside(alternation).map((alternative) => sets.ofSequence(inside(alternative)));
}

/** The start set of the inside of an optional production (OPTION, MANY, AT_LEAST_ONE, …). */
export function optionalStartSet(sets: StartSets, rule: Rule, occurrence: number, type: OptionalProductionType): StartSet {
  const production = findProduction(rule, OPTIONAL_CLASSES[type], occurrence);
  if (production === undefined) throw new Error(`no ${type} with occurrence ${occurrence} in rule ${rule.name}`);
  return sets.ofSequence(inside(production));
}

/** A lookup table from token type index to true. */
export function membership(tokens: Iterable<number>): boolean[] {
  const table: boolean[] = [];
  for (const token of tokens) table[token] = true;
  return table;
}

export class LL1LookaheadStrategy implements ILookaheadStrategy {
  private readonly fallback: ILookaheadStrategy;
  private readonly sets = new StartSets();

  constructor(maxLookahead: number) {
    this.fallback = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
    return this.fallback.validate(options);
  }

  buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    if (options.maxLookahead !== 1 || options.dynamicTokensEnabled) return this.fallback.buildLookaheadForAlternation(options);
    const alternatives = alternativeStartSets(this.sets, options.rule, options.prodOccurrence);
    if (options.hasPredicates) {
      const tables = alternatives.map((start) => membership(start.tokens));
      const nullable = alternatives.map((start) => start.nullable);
      const count = alternatives.length;
      return function (this: LookaheadHost, orAlts?: IOrAlt<unknown>[]): number | undefined {
        for (let index = 0; index < count; index++) {
          const gate = (orAlts?.[index] as { GATE?: () => boolean } | undefined)?.GATE;
          if (gate !== undefined && gate.call(this) === false) continue;
          if (nullable[index] === true || tables[index]?.[this.LA_FAST(1).tokenTypeIdx] === true) return index;
        }
        return undefined;
      };
    }
    // Without gates the choice is a table: the first alternative the token starts, or the first that can match nothing.
    const firstNullable = alternatives.findIndex((start) => start.nullable);
    const fallbackChoice = firstNullable === -1 ? undefined : firstNullable;
    const choice: number[] = [];
    alternatives.forEach((start, index) => {
      if (fallbackChoice !== undefined && index >= fallbackChoice) return;
      for (const token of start.tokens) choice[token] ??= index;
    });
    return function (this: LookaheadHost): number | undefined {
      return choice[this.LA_FAST(1).tokenTypeIdx] ?? fallbackChoice;
    };
  }

  buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
    maxLookahead: number;
    dynamicTokensEnabled: boolean;
  }): () => boolean {
    if (options.maxLookahead !== 1 || options.dynamicTokensEnabled) return this.fallback.buildLookaheadForOptional(options);
    const start = optionalStartSet(this.sets, options.rule, options.prodOccurrence, options.prodType);
    if (start.nullable) return () => true;
    const table = membership(start.tokens);
    return function (this: LookaheadHost): boolean {
      return table[this.LA_FAST(1).tokenTypeIdx] === true;
    };
  }
}

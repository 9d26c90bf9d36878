/**
 * The parser's own lookahead strategy (`grammar/ll1-lookahead.ts`) must
 * decide exactly as Chevrotain's would: for every OR, OPTION, MANY and
 * AT_LEAST_ONE of the real grammar, the FIRST sets equal Chevrotain's
 * one-token lookahead paths, and the built decision functions choose the
 * same alternative for every token type, with and without gates.
 */
import {
  Alternation,
  createToken,
  EmbeddedActionsParser,
  getLookaheadPaths,
  type IProduction,
  Lexer,
  LLkLookaheadStrategy,
  NonTerminal,
  type OptionalProductionType,
  type Rule,
  Terminal,
  type TokenType,
} from "chevrotain";
import { describe, expect, it } from "vitest";
import {
  alternativeStartSets,
  LL1LookaheadStrategy,
  OPTIONAL_CLASSES,
  optionalStartSet,
  type ProductionClass,
  type StartSet,
  StartSets,
} from "../../grammar/ll1-lookahead.js";
import { checkGrammar } from "../../grammar/parser.js";
import { allTokenTypes } from "../../grammar/tokens.js";

type Kind = OptionalProductionType | "Alternation";

interface Found {
  readonly rule: Rule;
  readonly kind: Kind;
  readonly occurrence: number;
  readonly hasPredicates: boolean;
}

const KINDS: [ProductionClass, Kind][] = [
  [Alternation, "Alternation"],
  ...Object.entries(OPTIONAL_CLASSES).map(([kind, type]) => [type, kind] as [ProductionClass, Kind]),
];

function productionsOf(rule: Rule): Found[] {
  const found: Found[] = [];
  const walk = (definition: readonly IProduction[]): void => {
    for (const production of definition) {
      if (production instanceof NonTerminal || production instanceof Terminal) continue;
      const kind = KINDS.find(([type]) => production instanceof type)?.[1];
      const node = production as unknown as { idx: number; hasPredicates?: boolean; definition: IProduction[] };
      if (kind !== undefined) found.push({ rule, kind, occurrence: node.idx, hasPredicates: node.hasPredicates === true });
      walk(node.definition);
    }
  };
  walk(rule.definition);
  return found;
}

/** Chevrotain's one-token lookahead paths of a sequence, as a start set. */
function pathsAsStartSet(paths: TokenType[][]): StartSet {
  const tokens = new Set<number>();
  for (const path of paths) {
    const first = path[0];
    if (first === undefined) continue;
    tokens.add(first.tokenTypeIdx as number);
    for (const member of (first as TokenType & { categoryMatches: number[] }).categoryMatches) tokens.add(member);
  }
  return { tokens, nullable: paths.some((path) => path.length === 0) };
}

const sorted = (start: StartSet) => ({ tokens: [...start.tokens].sort((a, b) => a - b), nullable: start.nullable });

const rules = checkGrammar();
const productions = rules.flatMap(productionsOf);
const tokenIndexes = [...new Set([0, 1, ...allTokenTypes.map((type) => type.tokenTypeIdx as number)])];
const probe = (index: number) => ({ LA_FAST: () => ({ tokenTypeIdx: index }) });

describe("the parser's LL(1) lookahead strategy", () => {
  it("covers the whole grammar: alternations, options, repetitions, categories and alternatives that match nothing", () => {
    expect(productions.filter((found) => found.kind === "Alternation").length).toBeGreaterThan(10);
    expect(productions.filter((found) => found.kind !== "Alternation").length).toBeGreaterThan(10);
    expect(productions.some((found) => found.hasPredicates)).toBe(true);
    const sets = new StartSets();
    const alternativeSets = productions
      .filter((found) => found.kind === "Alternation")
      .flatMap((found) => alternativeStartSets(sets, found.rule, found.occurrence));
    expect(alternativeSets.some((start) => start.nullable)).toBe(true);
  });

  it("computes the FIRST sets Chevrotain's lookahead paths give, for every production", () => {
    const sets = new StartSets();
    for (const found of productions) {
      const paths = getLookaheadPaths({ occurrence: found.occurrence, rule: found.rule, prodType: found.kind, maxLookahead: 1 });
      const label = `${found.rule.name} ${found.kind}${found.occurrence}`;
      if (found.kind === "Alternation") {
        const ours = alternativeStartSets(sets, found.rule, found.occurrence).map(sorted);
        expect(ours, label).toEqual(paths.map((alternative) => sorted(pathsAsStartSet(alternative))));
      } else {
        const ours = sorted(optionalStartSet(sets, found.rule, found.occurrence, found.kind));
        expect(ours, label).toEqual(sorted(pathsAsStartSet(paths[0] ?? [])));
      }
    }
  });

  it("builds decision functions that choose as Chevrotain's for every token type, gates open and closed", () => {
    const ours = new LL1LookaheadStrategy(1);
    const theirs = new LLkLookaheadStrategy({ maxLookahead: 1 });
    let decisions = 0;
    for (const found of productions) {
      const label = `${found.rule.name} ${found.kind}${found.occurrence}`;
      if (found.kind === "Alternation") {
        for (const hasPredicates of found.hasPredicates ? [true] : [true, false]) {
          const options = { prodOccurrence: found.occurrence, rule: found.rule, maxLookahead: 1, hasPredicates, dynamicTokensEnabled: false };
          const mine = ours.buildLookaheadForAlternation(options);
          const reference = theirs.buildLookaheadForAlternation(options);
          const count = alternativeStartSets(new StartSets(), found.rule, found.occurrence).length;
          // Every gate open, then each alternative's gate closed in turn.
          const gatings = [-1, ...Array.from({ length: count }, (_, index) => index)].map((closed) =>
            Array.from({ length: count }, (_, index) => ({ ALT: () => undefined, GATE: () => index !== closed })),
          );
          for (const index of tokenIndexes) {
            for (const alternatives of hasPredicates ? gatings : [undefined]) {
              expect(mine.call(probe(index), alternatives), `${label} token ${index}`).toBe(reference.call(probe(index), alternatives));
              decisions++;
            }
          }
        }
      } else {
        const options = { prodOccurrence: found.occurrence, prodType: found.kind, rule: found.rule, maxLookahead: 1, dynamicTokensEnabled: false };
        const mine = ours.buildLookaheadForOptional(options);
        const reference = theirs.buildLookaheadForOptional(options);
        for (const index of tokenIndexes) {
          expect(mine.call(probe(index)), `${label} token ${index}`).toBe(reference.call(probe(index)));
          decisions++;
        }
      }
    }
    expect(decisions).toBeGreaterThan(10_000);
  });

  it("still has Chevrotain validate the grammar, and leaves longer lookahead to Chevrotain", () => {
    const A = createToken({ name: "A", pattern: /a/ });
    const B = createToken({ name: "B", pattern: /b/ });
    const lexer = new Lexer([A, B]);
    class Small extends EmbeddedActionsParser {
      constructor() {
        super([A, B], { lookaheadStrategy: new LL1LookaheadStrategy(1), maxLookahead: 1 });
        this.performSelfAnalysis();
      }
      pair = this.RULE("pair", () =>
        this.OR({
          MAX_LOOKAHEAD: 2,
          DEF: [{ ALT: () => `${this.CONSUME1(A).image}${this.CONSUME1(B).image}` }, { ALT: () => `${this.CONSUME2(A).image}${this.CONSUME3(A).image}` }],
        }),
      );
    }
    class Ambiguous extends EmbeddedActionsParser {
      constructor() {
        super([A, B], { lookaheadStrategy: new LL1LookaheadStrategy(1), maxLookahead: 1 });
        this.performSelfAnalysis();
      }
      pair = this.RULE("pair", () => this.OR([{ ALT: () => this.CONSUME1(A) }, { ALT: () => this.CONSUME2(A) }]));
    }
    expect(() => new Ambiguous()).toThrow(/Ambiguous Alternatives Detected/);
    const parser = new Small();
    parser.input = lexer.tokenize("aa").tokens;
    expect(parser.pair()).toBe("aa");
    expect(parser.errors).toEqual([]);
  });
});

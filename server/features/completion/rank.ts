/**
 * Filtering and ranking of completion candidates by the word being typed.
 * The matcher tries, in order of quality: the exact-case prefix, the prefix
 * in any case, camel-case humps (`gce` → `GetContactEntity`, each piece of
 * the word the start of a hump, the first at the start of the label), and
 * a subsequence in any case; a candidate that matches none is dropped. The
 * ranking orders by match quality, then kind group (locals, members, the
 * file's names, the catalog's functions, types, keywords), then how
 * recently the label was accepted, then a score within the quality (fewer
 * humps left over, a tighter subsequence), then the name; the list is cut
 * at a limit, and the caller is told when it was.
 */

/** How a label matches the typed word; lower is better. */
export const MatchQuality = {
  ExactPrefix: 0,
  Prefix: 1,
  Humps: 2,
  Subsequence: 3,
} as const;
export type MatchQuality = (typeof MatchQuality)[keyof typeof MatchQuality];

export interface WordMatch {
  readonly quality: MatchQuality;
  /** Within a quality, lower is better. */
  readonly score: number;
}

/** How `label` matches `word`, or undefined when it does not. An empty word matches everything equally. */
export function matchWord(word: string, label: string): WordMatch | undefined {
  if (label.startsWith(word)) return { quality: MatchQuality.ExactPrefix, score: 0 };
  const lowerWord = word.toLowerCase();
  const lowerLabel = label.toLowerCase();
  if (lowerLabel.startsWith(lowerWord)) return { quality: MatchQuality.Prefix, score: 0 };
  const starts = humpStarts(label);
  const used = matchHumps({ word: lowerWord, label: lowerLabel, starts, tried: new Set() }, 0, 0);
  if (used !== undefined) return { quality: MatchQuality.Humps, score: starts.length - used };
  const score = subsequenceScore(lowerWord, lowerLabel);
  return score === undefined ? undefined : { quality: MatchQuality.Subsequence, score };
}

/**
 * Where the humps of a label start: its first character, an upper-case
 * letter after a lower-case one or a digit, the last capital of a run
 * before a lower-case letter (`XMLNode` → `XML`, `Node`), and a letter or
 * digit after any other character (`lib-http`, `to_json`).
 */
export function humpStarts(label: string): number[] {
  const starts: number[] = [];
  for (let index = 0; index < label.length; index++) {
    const char = label[index] as string;
    if (!isWordChar(char)) continue;
    const before = index === 0 ? "" : (label[index - 1] as string);
    const after = label[index + 1] ?? "";
    const upper = isUpper(char);
    if (
      index === 0 ||
      !isWordChar(before) ||
      before === "_" ||
      (upper && (isLower(before) || isDigit(before))) ||
      (upper && isUpper(before) && isLower(after)) ||
      (isDigit(char) && !isDigit(before))
    )
      starts.push(index);
  }
  return starts;
}

interface HumpSearch {
  readonly word: string;
  readonly label: string;
  readonly starts: readonly number[];
  /** The (word position, hump) pairs already found not to match, so no label takes exponential time. */
  readonly tried: Set<number>;
}

/**
 * Matches the word from `at` as pieces, each a prefix of the label starting
 * at a hump from `hump` on (the first piece at hump 0); the number of humps
 * used, or undefined.
 */
function matchHumps(search: HumpSearch, at: number, hump: number): number | undefined {
  const { word, label, starts } = search;
  if (at === word.length) return 0;
  const key = at * (starts.length + 1) + hump;
  if (search.tried.has(key)) return undefined;
  const last = hump === 0 ? 0 : starts.length - 1;
  for (let index = hump; index <= last; index++) {
    const start = starts[index] as number;
    if (label[start] !== word[at]) continue;
    // The longest piece first, so `getce` reads `Get` + `C` + `E`, then shorter ones.
    let length = 1;
    while (at + length < word.length && label[start + length] === word[at + length]) length++;
    for (; length >= 1; length--) {
      if (at + length === word.length) return 1;
      const next = starts.findIndex((position) => position >= start + length);
      const rest = next < 0 ? undefined : matchHumps(search, at + length, next);
      if (rest !== undefined) return rest + 1;
    }
  }
  search.tried.add(key);
  return undefined;
}

/** The best subsequence match: fewer separate runs first, then an earlier start; undefined when the word is not a subsequence. */
function subsequenceScore(word: string, label: string): number | undefined {
  let best: number | undefined;
  for (let first = label.indexOf(word[0] as string); first >= 0; first = label.indexOf(word[0] as string, first + 1)) {
    let runs = 1;
    let position = first;
    let matched = 1;
    for (; matched < word.length; matched++) {
      const found = label.indexOf(word[matched] as string, position + 1);
      if (found < 0) break;
      if (found !== position + 1) runs++;
      position = found;
    }
    if (matched < word.length) break;
    const score = runs * 1000 + first;
    if (best === undefined || score < best) best = score;
  }
  return best;
}

export interface RankCandidate {
  readonly label: string;
  /** The kind group: lower comes first at the same match quality. */
  readonly group: number;
}

export interface Ranked<T> {
  readonly items: readonly T[];
  /** Whether matching candidates were left out to keep within the limit. */
  readonly cut: boolean;
}

/**
 * The candidates that match `word`, best first, at most `limit` of them.
 * `recency(label)` is 0 for the label accepted last, 1 for the one before,
 * and undefined for labels not accepted lately.
 */
export function rankCandidates<T extends RankCandidate>(
  candidates: readonly T[],
  word: string,
  recency: (label: string) => number | undefined,
  limit: number,
): Ranked<T> {
  const matched: { candidate: T; match: WordMatch; recent: number; name: string }[] = [];
  for (const candidate of candidates) {
    const match = matchWord(word, candidate.label);
    if (match === undefined) continue;
    matched.push({ candidate, match, recent: recency(candidate.label) ?? Number.MAX_SAFE_INTEGER, name: candidate.label.toLowerCase() });
  }
  matched.sort(
    (a, b) =>
      a.match.quality - b.match.quality ||
      a.candidate.group - b.candidate.group ||
      a.recent - b.recent ||
      a.match.score - b.match.score ||
      compareText(a.name, b.name) ||
      compareText(a.candidate.label, b.candidate.label),
  );
  return { items: matched.slice(0, limit).map((entry) => entry.candidate), cut: matched.length > limit };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isWordChar(char: string): boolean {
  return isUpper(char) || isLower(char) || isDigit(char) || char === "_";
}

function isUpper(char: string): boolean {
  return char >= "A" && char <= "Z";
}

function isLower(char: string): boolean {
  return char >= "a" && char <= "z";
}

function isDigit(char: string): boolean {
  return char >= "0" && char <= "9";
}

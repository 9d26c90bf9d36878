/**
 * "Did you mean …?": the closest known names to a misspelt one. A match
 * that differs only in letter case wins outright (`getContactEntity` for
 * `GetContactEntity` is the commonest slip, since NetServer methods are
 * PascalCase and native ones camelCase); then names within a small edit
 * distance, closest first; then names sharing most of their beginning.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `limit + 1`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * True when one name starts with most of the other (`GetEmailAdress` and
 * `GetEmails`): a misspelling in the tail of a long name is too far away by
 * edit distance but still obvious to a reader.
 */
function sharesLongPrefix(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  return common >= 5 && common >= 0.75 * Math.min(a.length, b.length);
}

/** Up to `count` names from `candidates` that `name` was probably meant to be, best first. */
export function closestNames(name: string, candidates: Iterable<string>, count = 3): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) {
      scored.push({ name: candidate, score: 0 });
      continue;
    }
    const distance = editDistance(lower, candidateLower, limit);
    if (distance <= limit) scored.push({ name: candidate, score: distance });
    else if (sharesLongPrefix(lower, candidateLower)) scored.push({ name: candidate, score: limit + 1 });
  }
  scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.slice(0, count).map((entry) => entry.name);
}

/** The candidates closest to `name` that are all equally close (at most `count`). */
export function bestNames(name: string, candidates: Iterable<string>, count = 2): string[] {
  const lower = name.toLowerCase();
  const names = closestNames(name, candidates, count);
  const distance = (candidate: string): number => (candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), name.length));
  const best = names[0] === undefined ? 0 : distance(names[0]);
  return names.filter((candidate) => distance(candidate) === best);
}

/** "; did you mean 'x'?" or, for two equally close names, "; did you mean 'x' or 'y'?"; "" when there are none. */
export function didYouMean(suggestions: readonly string[]): string {
  const names = suggestions.map((candidate) => `'${candidate}'`);
  return names.length === 0 ? "" : `; did you mean ${names.join(" or ")}?`;
}

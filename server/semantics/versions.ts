/**
 * SuperOffice version strings as the catalog writes them (`7.0`, `8.5R08`,
 * `9.2 R08`, `8.0sr3`, `3.1.1b`, `10.3.12`) and their order: the numbers
 * in the string, compared left to right, so `8.5R08` is 8.5 release 8 and
 * comes after `8.5`. Versions of the older eJournal/Service numbering (3.x,
 * 4.x) sort before every SuperOffice 7+ version, which matches history.
 */

export function versionParts(version: string): number[] {
  return (version.match(/\d+/g) ?? []).map(Number);
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Whether something that appeared in `since` is missing from a system of version `target`. */
export function isNewerThan(since: string | undefined, target: string | undefined): boolean {
  if (since === undefined || target === undefined || versionParts(since).length === 0) return false;
  return compareVersions(since, target) > 0;
}

/** A usable target version: at least one number, as in `10.2` or `9.2 R08`. */
export function isValidVersion(version: string): boolean {
  return /^\d+(\.\d+)*(\s*(R|sr)\d+)?$/i.test(version.trim());
}

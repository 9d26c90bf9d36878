/**
 * Interning of identifier names: repeated names in a file (and across files
 * parsed by the same process) share one string, and a name already seen is
 * found without allocating a new one.
 */

const CAPACITY = 1 << 16;
const MAX_PROBES = 8;

export class NamePool {
  private readonly names: (string | undefined)[] = new Array<string | undefined>(CAPACITY).fill(undefined);

  /** The name `text[start, end)`, shared with earlier equal names. */
  intern(text: string, start: number, end: number): string {
    let hash = 2166136261;
    for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
    const length = end - start;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const slot = (hash + probe) & (CAPACITY - 1);
      const candidate = this.names[slot];
      if (candidate === undefined) {
        const name = text.slice(start, end);
        this.names[slot] = name;
        return name;
      }
      if (candidate.length === length && matches(candidate, text, start)) return candidate;
    }
    return text.slice(start, end);
  }
}

function matches(candidate: string, text: string, start: number): boolean {
  for (let index = 0; index < candidate.length; index++) {
    if (candidate.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  }
  return true;
}

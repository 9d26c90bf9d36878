/**
 * Circles of `#include`s: which files are being analysed right now (an
 * include of one of them closes a circle), the circles found so far, and
 * how each include in a circle reports it, as the chain of file names seen
 * from the including script. Every script of a circle reports it.
 */
import { basenameOf } from "./paths.js";

export class IncludeCycles {
  /** Files being analysed right now, outermost first. */
  private readonly inProgress: string[] = [];
  /** Circles found so far, each as the files in include order (the last includes the first). */
  private circles: string[][] = [];

  /** Whether an analysis is running (nothing may be evicted under it). */
  get busy(): boolean {
    return this.inProgress.length > 0;
  }

  enter(path: string): void {
    this.inProgress.push(path);
  }

  leave(): void {
    this.inProgress.pop();
  }

  /** When `fromFile` including `path` closes a circle (`path` is being analysed): records it and returns its chain from `fromFile`. */
  closedBy(path: string, fromFile: string): string[] | undefined {
    const start = this.inProgress.indexOf(path);
    if (start < 0) return undefined;
    const circle = this.inProgress.slice(start);
    this.circles.push(circle);
    return chainFrom(circle, fromFile);
  }

  /** The chain of the circle `fromFile` including `path` is part of, if it is (the included script led back while it was analysed). */
  chainThrough(fromFile: string, path: string): string[] | undefined {
    const circle = this.circles.find((files) => follows(files, fromFile, path));
    return circle === undefined ? undefined : chainFrom(circle, fromFile);
  }

  /** Forgets the circles through any of `files` (they changed, or their analyses were dropped). */
  forget(files: Iterable<string>): void {
    const gone = new Set(files);
    this.circles = this.circles.filter((circle) => !circle.some((file) => gone.has(file)));
  }

  clear(): void {
    this.circles = [];
  }
}

/** Whether `b` comes right after `a` in a circle of includes. */
function follows(circle: readonly string[], a: string, b: string): boolean {
  const index = circle.indexOf(a);
  return index >= 0 && circle[(index + 1) % circle.length] === b;
}

/** The circle as file names, starting and ending at `file`: `a.crm → b.crm → a.crm`. */
function chainFrom(circle: readonly string[], file: string): string[] {
  const start = Math.max(0, circle.indexOf(file));
  const rotated = [...circle.slice(start), ...circle.slice(0, start)];
  return [...rotated, rotated[0] as string].map((path) => basenameOf(path));
}

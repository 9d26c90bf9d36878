/**
 * The progress line of a long run: `crmscript-lint: 1200/2000 files` (or
 * `crmscript-format: …`) on standard error, redrawn at most ten times a
 * second, only on a terminal and only for runs of many files, and erased
 * when the run ends.
 */

/** Runs with fewer files finish before a progress line would help. */
const MIN_FILES = 200;
const REDRAW_MS = 100;

export class ProgressLine {
  private done = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
    private readonly tool = "crmscript-lint",
  ) {}

  static forRun(total: number, stderrIsTerminal: boolean, write: (text: string) => void, tool?: string): ProgressLine {
    return new ProgressLine(total, stderrIsTerminal && total >= MIN_FILES, write, Date.now, tool);
  }

  advance(): void {
    this.done++;
    if (!this.enabled) return;
    const time = this.now();
    if (time - this.lastDraw < REDRAW_MS && this.done < this.total) return;
    this.lastDraw = time;
    this.drawn = true;
    this.write(`\r${this.tool}: ${this.done}/${this.total} files`);
  }

  finish(): void {
    if (this.drawn) this.write("\r\u001b[K");
    this.drawn = false;
  }
}

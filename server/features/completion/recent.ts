/**
 * The labels of the completion items the user accepted lately, newest
 * first and at most a fixed number, so ranking can move them up. The
 * language server records an acceptance when the client runs the command
 * each item carries.
 */

export class RecentCompletions {
  private labels: string[] = [];

  constructor(private readonly capacity = 50) {}

  /** Records that the item labelled `label` was accepted. */
  accept(label: string): void {
    this.labels = [label, ...this.labels.filter((known) => known !== label)].slice(0, this.capacity);
  }

  /** 0 for the label accepted last, 1 for the one before, …; undefined when it was not accepted lately. */
  recency(label: string): number | undefined {
    const index = this.labels.indexOf(label);
    return index < 0 ? undefined : index;
  }
}

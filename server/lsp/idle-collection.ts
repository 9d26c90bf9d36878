/**
 * One full garbage collection when the server has gone quiet after work
 * that left the process holding much more memory than the last full
 * collection did. V8 collects its old generation when allocation reaches a
 * limit, and keeps the pages it grew into resident for a while after
 * freeing them, so after a burst (a thousand files opened, a workspace
 * indexed) the process keeps them: after opening 1,000 files, 137 MB
 * resident in four runs of five (V8's own last collection had brought the
 * heap in use down to 25 MB, but not the pages) and 190 MB in the fifth,
 * against 114 MB once collected here. So growth is measured in resident
 * memory, what the collection is for, not in the heap in use. Quiet means
 * no client message handled and the event loop busy for under a tenth of
 * the last check's interval, so a user who is typing never waits for it.
 */
import { eventLoopBusyShare, QUIET_BUSY_SHARE, QUIET_CHECK_MILLISECONDS } from "./event-loop-load.js";
import { collectEverything } from "./garbage-collection.js";

/** Growth of resident memory since the last full collection that makes one worth its pause (tens of milliseconds). */
const MINIMUM_GROWTH_BYTES = 32 * 1024 * 1024;

export interface IdleCollectionOptions {
  /** How many client messages the connection has handled (`MessageActivity.handledCount`). */
  readonly handledMessages: () => number;
  /** The bytes of memory the process holds (its resident set). */
  readonly resident?: () => number;
  /** The share of the time since the last call that the event loop was busy. */
  readonly busyShare?: () => number;
  readonly collect?: () => void;
}

export class IdleCollection {
  private readonly resident: () => number;
  private readonly busyShare: () => number;
  private readonly collect: () => void;
  private lastHandled: number;
  /** Resident memory after the last full collection this made (or at the start). */
  private residentAfterCollection: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: IdleCollectionOptions) {
    this.resident = options.resident ?? (() => process.memoryUsage.rss());
    this.busyShare = options.busyShare ?? eventLoopBusyShare();
    this.collect = options.collect ?? collectEverything;
    this.lastHandled = options.handledMessages();
    this.residentAfterCollection = this.resident();
  }

  /** Checks every second from now on (without keeping the process alive). */
  start(): void {
    this.timer ??= setInterval(() => this.check(), QUIET_CHECK_MILLISECONDS).unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check: collects when the server was quiet since the last one and resident memory grew enough; returns whether it collected. */
  check(): boolean {
    const handled = this.options.handledMessages();
    const busy = this.busyShare();
    const quiet = handled === this.lastHandled && busy < QUIET_BUSY_SHARE;
    this.lastHandled = handled;
    if (!quiet) return false;
    // Half of what the last collection left, at least 32 MB: a large workspace's live data alone is no reason.
    const growth = Math.max(MINIMUM_GROWTH_BYTES, this.residentAfterCollection / 2);
    if (this.resident() - this.residentAfterCollection < growth) return false;
    // Twice: the first frees the garbage, the second moves what lives out of the emptied pages so V8 can hand them back
    // (after 1,000 files opened, 145 MB resident after one, 116 MB after two; 23 and 30-45 ms).
    this.collect();
    this.collect();
    this.residentAfterCollection = this.resident();
    return true;
  }
}

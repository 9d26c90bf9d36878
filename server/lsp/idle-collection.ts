/**
 * One full garbage collection when the server has gone quiet after work
 * that left the heap much larger than the last full collection did. V8
 * collects its old generation when allocation reaches a limit, so after a
 * burst (a thousand files opened, a workspace indexed) nothing collects what
 * the burst left behind, and the process keeps it and its heap pages
 * resident: after opening 1,000 files, 190 MB in about one run in five
 * (137 MB in the others) against 116 MB once collected, with 21 MB of it
 * alive. Quiet means no client message
 * handled and the event loop busy for under a tenth of the last check's
 * interval, so a user who is typing never waits for it.
 */
import { eventLoopBusyShare, QUIET_BUSY_SHARE, QUIET_CHECK_MILLISECONDS } from "./event-loop-load.js";
import { collectEverything } from "./garbage-collection.js";

/** Growth of the used heap since the last full collection that makes one worth its pause (tens of milliseconds). */
const MINIMUM_GROWTH_BYTES = 32 * 1024 * 1024;

export interface IdleCollectionOptions {
  /** How many client messages the connection has handled (`MessageActivity.handledCount`). */
  readonly handledMessages: () => number;
  /** The bytes of the JavaScript heap in use. */
  readonly heapUsed?: () => number;
  /** The share of the time since the last call that the event loop was busy. */
  readonly busyShare?: () => number;
  readonly collect?: () => void;
}

export class IdleCollection {
  private readonly heapUsed: () => number;
  private readonly busyShare: () => number;
  private readonly collect: () => void;
  private lastHandled: number;
  /** The heap in use after the last full collection this made (or at the start). */
  private heapAfterCollection: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: IdleCollectionOptions) {
    this.heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
    this.busyShare = options.busyShare ?? eventLoopBusyShare();
    this.collect = options.collect ?? collectEverything;
    this.lastHandled = options.handledMessages();
    this.heapAfterCollection = this.heapUsed();
  }

  /** Checks every second from now on (without keeping the process alive). */
  start(): void {
    this.timer ??= setInterval(() => this.check(), QUIET_CHECK_MILLISECONDS).unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check: collects when the server was quiet since the last one and the heap grew enough; returns whether it collected. */
  check(): boolean {
    const handled = this.options.handledMessages();
    const busy = this.busyShare();
    const quiet = handled === this.lastHandled && busy < QUIET_BUSY_SHARE;
    this.lastHandled = handled;
    if (!quiet) return false;
    // Half the heap in use after the last collection, at least 32 MB: a large workspace's live data alone is no reason.
    const growth = Math.max(MINIMUM_GROWTH_BYTES, this.heapAfterCollection / 2);
    if (this.heapUsed() - this.heapAfterCollection < growth) return false;
    // Twice: the first frees the garbage, the second moves what lives out of the emptied pages so V8 can hand them back
    // (after 1,000 files opened, 145 MB resident after one, 116 MB after two; 23 and 30-45 ms).
    this.collect();
    this.collect();
    this.heapAfterCollection = this.heapUsed();
    return true;
  }
}

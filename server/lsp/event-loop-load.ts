/**
 * How busy the server's event loop has been: what the loader (writing the
 * code cache) and the idle collection use to tell that the server is quiet.
 */
import { performance, type EventLoopUtilization } from "node:perf_hooks";

/** How often the server looks whether it is quiet. */
export const QUIET_CHECK_MILLISECONDS = 1000;
/** The share of a check's interval the event loop may have been busy for the server to count as quiet. */
export const QUIET_BUSY_SHARE = 0.1;

/** A function giving the share of the time since its previous call (the first call: since the process started) that the event loop was busy. */
export function eventLoopBusyShare(): () => number {
  let previous: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const share = performance.eventLoopUtilization(now, previous).utilization;
    previous = now;
    return share;
  };
}

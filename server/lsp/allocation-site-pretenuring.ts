/**
 * Turning off V8's allocation-site pretenuring in the server. V8 watches
 * where each object literal's objects go and, once most of them outlive a
 * collection of the young generation, allocates that literal's objects
 * straight in the old generation. In the server, where every edit builds a
 * new tree, new semantic tables and new diagnostics that all live until the
 * next edit, that decision hurt: the diagnostics after a one-character edit
 * in a 5,007-line script took 26.4-27.0 ms (p50) and 43-45 ms (p95) with
 * pretenuring off, against 28.5-29.6 and 49-52 ms with it on (three
 * alternating series of 80 edits each); start-up did not change. The
 * parser's own nodes are never pretenured (`grammar/ast-nodes.ts`); this
 * covers the objects of the layers above it.
 *
 * Like the young generation's growth (`young-generation-growth.ts`) it is
 * set from inside the process, before the bundle is compiled, because V8's
 * code cache is tied to the flags in effect.
 */
import { setFlagsFromString } from "node:v8";

/** Stops V8 from pretenuring by allocation site for the rest of this process; a V8 that refuses the setting keeps its own. */
export function turnOffAllocationSitePretenuring(): void {
  try {
    setFlagsFromString("--no-allocation-site-pretenuring");
  } catch {
    // Only a tuning: the server runs the same without it.
  }
}

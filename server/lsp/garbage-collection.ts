/**
 * Running V8's garbage collector at moments the server picks. The young
 * generation: an analysis of a large script allocates megabytes; V8
 * collects them when the young generation fills up, which is often while
 * the completion the next keystroke sends is being answered (a pause of
 * 5–15 ms, copying the analysis just made). Collected right after the
 * analysis, before its diagnostics go out, the request that follows starts
 * with an empty young generation. The whole heap: when the server has gone
 * quiet after a burst of work (`idle-collection.ts`).
 *
 * Node exposes the collector only under `--expose-gc`, which the server is
 * not started with: the flag is set for as long as it takes to fetch the
 * function and then cleared again, because V8's code cache (`launcher.ts`)
 * is tied to the flags in effect and a cache written with it set would be
 * refused at the next start. Where the function cannot be had, nothing is
 * collected.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** With no options, a full collection before it returns (`{ type: "major" }` has not collected by then in Node 20's V8). */
type Collector = (options?: { readonly type: "minor" }) => void;

/** The collector once fetched; null when it cannot be had. */
let collector: Collector | null | undefined;

function fetchCollector(): Collector | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === "function") return exposed as Collector;
  try {
    setFlagsFromString("--expose-gc");
    const fetched: unknown = runInNewContext("gc");
    return typeof fetched === "function" ? (fetched as Collector) : null;
  } catch {
    return null;
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}

/** Runs a young-generation collection now (a few milliseconds at most); does nothing where V8's collector is not available. */
export function collectYoungGeneration(): void {
  collector ??= fetchCollector();
  collector?.({ type: "minor" });
}

/** Runs a full collection now (tens of milliseconds on a large heap); does nothing where V8's collector is not available. */
export function collectEverything(): void {
  collector ??= fetchCollector();
  collector?.();
}

/**
 * Getting diagnostics to the client. With a client that pulls
 * (`textDocument/diagnostic`), reports are computed on request and the
 * client is asked to pull again when settings or an included script change.
 * Otherwise they are pushed: when a document opens, in two waves (the
 * syntax diagnostics as soon as it is parsed, then all of them), after a short
 * pause while it is being edited (a newer edit cancels the pending run, so
 * the newest version always wins), and for every open script that includes
 * a file that changed. Files the configuration's ignore patterns name get
 * no diagnostics. A run never gets ahead of the client: it waits for the
 * messages already read and the answers being written, and for a
 * typing-time request (completion) being worked on, so a completion sent
 * with a keystroke is answered first. Before an edit's diagnostics are
 * pushed, the run's garbage is collected (`garbage-collection.ts`), so the
 * next keystroke's completion does not pay for it. Once the first
 * diagnostics (pushed or pulled) are computed, the server's one-time work
 * after them runs when the client's messages have been handled.
 */
import type { Connection, Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { AnalysisHost, FileAnalysis } from "../analysis/host.js";
import { toLspDiagnostic } from "./convert.js";
import type { OpenDocument, OpenDocuments } from "./documents.js";
import { logFailure } from "./guard.js";
import { MessageActivity, type Cancellable } from "./message-activity.js";
import { collectYoungGeneration } from "./garbage-collection.js";

export interface SchedulerOptions {
  /**
   * Pause after an edit before diagnostics are recomputed and pushed
   * (default 5 ms: long enough for the requests a client sends with the
   * keystroke to arrive first; edits closer together are checked once).
   */
  readonly delayMilliseconds?: number | undefined;
  /** Whether a file is left out by the ignore patterns. */
  readonly isIgnored?: (path: string) => boolean;
  /** The connection's count of handled messages; without it, runs wait only two turns of the event loop. */
  readonly activity?: MessageActivity | undefined;
  /** Collects the garbage of an edit's run before its diagnostics are pushed (by default V8's young generation). */
  readonly collectGarbage?: (() => void) | undefined;
  /**
   * Work done once, when the client's messages have been handled after the
   * first diagnostics were computed (priming the typing-time features),
   * given the analysis they came from (undefined for an ignored file). Work
   * that returns steps (a generator) runs one step at a time, each after the
   * messages that came meanwhile.
   */
  readonly afterFirstReport?: ((analysis: FileAnalysis | undefined) => Iterable<unknown> | void) | undefined;
}

/** A pending run: the pause after an edit, then the wait for the client's messages. */
type PendingRun = { readonly timer: ReturnType<typeof setTimeout> } | { readonly soon: Cancellable };

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, PendingRun>();
  private pull = false;
  private readonly activity: MessageActivity;
  /** Typing-time requests being answered, and the runs that came due meanwhile. */
  private requestsInProgress = 0;
  private readonly waiting = new Map<string, OpenDocument>();
  /** Documents edited since their last push: the user is typing there, and the next keystroke's completion should not pay for this run's garbage. */
  private readonly edited = new Set<string>();
  /** `options.afterFirstReport` until it has been scheduled. */
  private firstReportWork: SchedulerOptions["afterFirstReport"];

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly host: AnalysisHost,
    private readonly docsBase: string,
    private readonly options: SchedulerOptions = {},
  ) {
    this.activity = options.activity ?? new MessageActivity();
    this.firstReportWork = options.afterFirstReport;
  }

  private get delayMilliseconds(): number {
    return this.options.delayMilliseconds ?? 5;
  }

  private ignored(open: OpenDocument): boolean {
    return this.options.isIgnored?.(open.path) ?? false;
  }

  usePull(pull: boolean): void {
    this.pull = pull;
  }

  /** The diagnostics of a document's current text, for a pull request or a push. */
  report(open: OpenDocument): LspDiagnostic[] {
    return this.converted(open, this.analyzed(open));
  }

  /** The analysis of a document's current text; undefined when the ignore patterns name it. */
  analyzed(open: OpenDocument): FileAnalysis | undefined {
    const analysis = this.ignored(open) ? undefined : this.documents.fresh(open);
    this.scheduleFirstReportWork(analysis);
    return analysis;
  }

  /** An analysis's diagnostics as the protocol has them. */
  converted(open: OpenDocument, analysis: FileAnalysis | undefined): LspDiagnostic[] {
    if (analysis === undefined) return [];
    const lines = analysis.sourceFile.lineIndex;
    return analysis.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, lines, open.uri, this.docsBase));
  }

  opened(open: OpenDocument): void {
    if (!this.pull) {
      this.publishSyntax(open);
      // The full analysis runs after the syntax wave has been written out (and gives way to an edit that comes first).
      this.runSoon(open);
    }
    this.dependentsChanged(open.path);
  }

  /** The first wave: what the parser found, before semantic analysis (which takes longer on a large file). */
  private publishSyntax(open: OpenDocument): void {
    // An ignored file's waves are both empty.
    let diagnostics: LspDiagnostic[] = [];
    if (!this.ignored(open)) {
      const sourceFile = this.host.sourceFileOf(open.path);
      if (sourceFile === undefined) return;
      diagnostics = sourceFile.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, sourceFile.lineIndex, open.uri, this.docsBase));
    }
    void this.connection.sendDiagnostics({ uri: open.uri, version: open.document.version, diagnostics });
  }

  changed(open: OpenDocument): void {
    if (!this.pull) {
      this.edited.add(open.uri);
      this.schedule(open);
    }
    this.dependentsChanged(open.path);
  }

  closed(open: OpenDocument): void {
    this.cancel(open.uri);
    this.edited.delete(open.uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri: open.uri, diagnostics: [] });
  }

  /** Everything may report differently now (settings changed): recheck every open document. */
  everythingChanged(): void {
    if (this.pull) {
      void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const open of this.documents.all()) this.schedule(open);
  }

  /** A script changed (edited, or on disk): the open scripts that include it are checked again. */
  dependentsChanged(path: string): void {
    // Open documents are analysed, so the host knows which of them include `path` without reading the workspace.
    const dependents = this.host
      .analyzedIncludersOf(path)
      .map((file) => this.documents.byPath(file))
      .filter((open): open is OpenDocument => open !== undefined);
    if (dependents.length === 0) return;
    if (this.pull) void this.connection.languages.diagnostics.refresh();
    else for (const open of dependents) this.schedule(open);
  }

  /** Answers a typing-time request (completion) ahead of any diagnostics run that comes due while it is worked on. */
  async ahead<T>(answer: () => Promise<T>): Promise<T> {
    this.requestsInProgress++;
    try {
      return await answer();
    } finally {
      this.requestsInProgress--;
      if (this.requestsInProgress === 0) {
        const due = [...this.waiting.values()];
        this.waiting.clear();
        for (const open of due) this.runSoon(open);
      }
    }
  }

  private schedule(open: OpenDocument): void {
    this.cancel(open.uri);
    this.pending.set(open.uri, { timer: setTimeout(() => this.runSoon(open), this.delayMilliseconds) });
  }

  /** Runs after the client's messages already read and the answers being written. */
  private runSoon(open: OpenDocument): void {
    this.cancel(open.uri);
    this.pending.set(open.uri, { soon: this.activity.afterQueuedMessages(() => this.run(open)) });
  }

  private run(open: OpenDocument): void {
    this.pending.delete(open.uri);
    if (this.documents.get(open.uri) !== open) return;
    if (this.requestsInProgress > 0) this.waiting.set(open.uri, open);
    else this.publishNow(open);
  }

  private cancel(uri: string): void {
    this.waiting.delete(uri);
    const pending = this.pending.get(uri);
    if (pending === undefined) return;
    if ("timer" in pending) clearTimeout(pending.timer);
    else pending.soon.cancel();
    this.pending.delete(uri);
  }

  private scheduleFirstReportWork(analysis: FileAnalysis | undefined): void {
    const work = this.firstReportWork;
    if (work === undefined) return;
    this.firstReportWork = undefined;
    this.activity.afterQueuedMessages(() => {
      const steps = this.attempt(() => work(analysis));
      if (steps) this.runSteps(steps[Symbol.iterator]());
    });
  }

  /** The next of `steps` once the client's messages have been handled, and so on until they are done or one fails. */
  private runSteps(steps: Iterator<unknown>): void {
    this.activity.afterQueuedMessages(() => {
      if (this.attempt(() => steps.next().done) === false) this.runSteps(steps);
    });
  }

  /** `work`'s result; undefined, and the failure logged, when it throws. */
  private attempt<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      logFailure(this.connection, "work after the first diagnostics", error);
      return undefined;
    }
  }

  private publishNow(open: OpenDocument): void {
    try {
      const diagnostics = this.report(open);
      // The analysis's garbage is collected now, while the client has nothing waiting, instead of during the request that comes next.
      if (this.edited.delete(open.uri)) (this.options.collectGarbage ?? collectYoungGeneration)();
      void this.connection.sendDiagnostics({ uri: open.uri, version: open.document.version, diagnostics });
      // After the diagnostics are written (the connection writes in a later turn), while the client reads them.
      setImmediate(() => this.documents.prepareForEdits(open));
    } catch (error) {
      logFailure(this.connection, `diagnostics for ${open.uri}`, error);
    }
  }
}

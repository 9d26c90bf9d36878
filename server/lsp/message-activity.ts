/**
 * Work that must not get ahead of the client's messages: pushed
 * diagnostics, which take a while on a large file, wait until every message
 * already read has been handled and the answers written. vscode-jsonrpc
 * queues what it reads and hands on one message per turn of the event loop,
 * and it writes each answer in a turn of its own too, so work posted from a
 * handler or a timer would otherwise run first. The connection counts the
 * messages it hands on (its message strategy); `afterQueuedMessages` waits,
 * a turn at a time, until a turn passes in which none was.
 */
import type { MessageStrategy } from "vscode-languageserver";

export interface Cancellable {
  cancel(): void;
}

export class MessageActivity {
  private handled = 0;

  /** For the connection's options (`createConnection(…, { messageStrategy })`). */
  readonly messageStrategy: MessageStrategy = {
    handleMessage: (message, next) => {
      this.handled++;
      return next(message);
    },
  };

  /** How many messages the connection has handed on so far. */
  get handledCount(): number {
    return this.handled;
  }

  /** Runs `work` once the messages queued now, and the answers being written, have gone first. */
  afterQueuedMessages(work: () => void): Cancellable {
    let seen = this.handled;
    let turns = 0;
    let immediate: ReturnType<typeof setImmediate>;
    const turn = (): void => {
      turns++;
      // The first turn can come before the connection's own turns posted just after it (the next message, an answer's write).
      if (turns < 2 || this.handled !== seen) {
        seen = this.handled;
        immediate = setImmediate(turn);
        return;
      }
      work();
    };
    immediate = setImmediate(turn);
    return { cancel: () => clearImmediate(immediate) };
  }
}

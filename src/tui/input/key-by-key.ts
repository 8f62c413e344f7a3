/**
 * Ink's stdin, read one key at a time. Keys that arrive in one chunk (typed fast, sent by tmux,
 * or over a slow connection) such as `5\r` or `\x7f3\r` (Backspace, 3, Enter) would reach Ink as
 * one event, which a text field would insert as text. Read through `keyByKey`, that chunk is
 * several reads: `5`, then Enter; or Backspace, `3`, Enter; `2\t` is 2, then Tab. Runs of text
 * stay whole (a paste arrives as one piece, and a pasted grid keeps its inner line breaks and
 * tabs). Escape sequences and control keys are split out before (see `key-guard.ts`).
 */

import { createKeyGuard } from './key-guard.js';

/** A chunk of several keys → the keys it holds, in order (`\r` for Enter, DEL for Backspace). */
export function keysOf(chunk: string): string[] {
  if (chunk.length <= 1 || chunk.includes('\x1b') || !/[\r\n\t\x7f\b]/.test(chunk)) return [chunk];
  const keys: string[] = [];
  // Line breaks and tabs that lead the chunk are Enter and Tab; inside it they belong to pasted
  // text (rows and cells of a grid).
  const body = chunk.replace(/^(?:\r\n|\r|\n|\t)+/, (lead) => {
    for (const ch of lead.replace(/\r\n/g, '\n')) keys.push(ch === '\t' ? '\t' : '\r');
    return '';
  });
  // One line break or tab at the end is the key pressed after typing; more belong to the paste.
  const tail: string[] = [];
  const text = body.replace(/(?:\r\n|\r|\n|\t)$/, (end) => {
    tail.push(end === '\t' ? '\t' : '\r');
    return '';
  });
  for (const piece of text.split(/([\x7f\b])/)) {
    if (piece === '\x7f' || piece === '\b') keys.push('\x7f');
    else if (piece !== '') keys.push(piece);
  }
  return [...keys, ...tail];
}

/** What Ink reads from: a stream it reads on `readable`. */
interface Readable {
  read(): string | Buffer | null;
  emit(event: 'readable'): boolean;
}

/**
 * `stdin` as Ink should read it: the same stream, but `read()` hands out one key at a time (see
 * `keysOf`), and only keys Ink can parse (see `createKeyGuard`). Everything else (raw mode,
 * listeners, `isTTY`) is the stream's own.
 *
 * A sequence cut off at the end of what the terminal sent is held back; if nothing has
 * completed it once the event loop has gone round (as Ink waits for a lone ESC), the stream is
 * told it is readable again and the next read gives what the held part means (Escape, or
 * nothing).
 */
export function keyByKey<T extends Readable>(stdin: T): T {
  const guard = createKeyGuard();
  const queue: string[] = [];
  let flushDue = false;
  let waiting: NodeJS.Immediate | undefined;
  const take = (pieces: string[]) => {
    for (const piece of pieces) queue.push(...keysOf(piece));
  };
  const read = (): string | null => {
    if (flushDue) {
      flushDue = false;
      take(guard.flush());
    }
    while (queue.length === 0) {
      const chunk = stdin.read();
      if (chunk === null) {
        if (guard.holding && waiting === undefined) {
          waiting = setImmediate(() => {
            waiting = undefined;
            flushDue = true;
            stdin.emit('readable');
          });
        }
        return null;
      }
      if (waiting !== undefined) {
        clearImmediate(waiting);
        waiting = undefined;
      }
      take(guard.push(String(chunk)));
    }
    return queue.shift() ?? null;
  };
  return new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') return read;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Ink's stdin, made safe (see `key-guard.ts`): only complete keys Ink's parser knows, and the
 * paste markers, reach it; everything else a terminal (or anyone writing to stdin) sends is
 * dropped whole. The shell then decodes the keys (`key-press.ts`).
 */

import { createKeyGuard } from './key-guard.js';

/**
 * How long a lone ESC waits for the rest of a sequence before it is the Escape key: far below
 * the time between two key presses, far above the gaps inside one burst of a terminal's output
 * (Node's readline waits 500 ms, Neovim 50 ms).
 */
export const ESCAPE_WAIT_MS = 25;

/** What Ink reads from: a stream it reads on `readable`, a terminal's when `isTTY`. */
interface Readable {
  read(): string | Buffer | null;
  emit(event: 'readable'): boolean;
  readonly isTTY?: boolean;
  setRawMode?(on: boolean): unknown;
}

/**
 * `stdin` as Ink should read it: the same stream, but `read()` hands out only what the guard
 * lets through (see `createKeyGuard`). Everything else (listeners, `isTTY`) is the stream's own.
 *
 * A sequence cut off at the end of what the terminal sent is held back; if nothing has
 * completed it within `ESCAPE_WAIT_MS`, the stream is told it is readable again and the next
 * read gives what the held part means (Escape, or nothing). Ink waits only for the event loop
 * to go round, which is not always enough for the rest of a long burst to arrive.
 *
 * A terminal is put in raw mode at once, before Ink draws anything, and stays in it while Ink
 * changes screens: Ink turns raw mode off whenever no input hook is mounted, which happens for
 * a moment between two screens and before the first screen's hooks run. Bytes that arrive
 * then meet the terminal's line discipline, which echoes them onto the screen and turns Ctrl+C,
 * Ctrl+\ and Ctrl+Z into signals that end or stop the program. Ink's "off" takes effect only if
 * it has not asked for raw mode again by the next turn of the event loop (Node restores the
 * terminal's settings on exit in any case).
 */
export function guardedStdin<T extends Readable>(stdin: T): T {
  const guard = createKeyGuard();
  const queue: string[] = [];
  let flushDue = false;
  let waiting: NodeJS.Timeout | undefined;
  const take = (pieces: string[]) => {
    queue.push(...pieces);
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
          waiting = setTimeout(() => {
            waiting = undefined;
            flushDue = true;
            stdin.emit('readable');
          }, ESCAPE_WAIT_MS);
        }
        return null;
      }
      if (waiting !== undefined) {
        clearTimeout(waiting);
        waiting = undefined;
      }
      take(guard.push(String(chunk)));
    }
    return queue.shift() ?? null;
  };

  let rawOff: NodeJS.Immediate | undefined;
  const setRawMode = (on: boolean): T => {
    if (rawOff !== undefined) clearImmediate(rawOff);
    rawOff = undefined;
    if (on) stdin.setRawMode?.(true);
    else {
      rawOff = setImmediate(() => {
        rawOff = undefined;
        stdin.setRawMode?.(false);
      });
    }
    return proxy;
  };
  if (stdin.isTTY) stdin.setRawMode?.(true);

  const proxy = new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') return read;
      if (property === 'setRawMode') return setRawMode;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy;
}

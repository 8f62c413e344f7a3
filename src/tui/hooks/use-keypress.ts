/**
 * The one owner of keyboard input (Gemini CLI's `useKeypress`): every key goes to a single
 * handler that returns whether it used the key. The handler may change on every render; the
 * subscription does not, so no keystroke is lost to a resubscription.
 * Typing goes through here too (see App): nothing else subscribes to stdin.
 */
import { type Key, useInput } from 'ink';
import { useCallback, useRef } from 'react';

export type KeypressHandler = (input: string, key: Key) => boolean;

export interface KeypressOptions {
  /** @default true */
  readonly isActive?: boolean;
}

export function useKeypress(handler: KeypressHandler, options: KeypressOptions = {}): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => {
    // Keys typed quickly (or sent by tmux, or pasted) can arrive in one chunk, e.g. "\x7f3\r"
    // (Backspace, 3, Enter). Split such a chunk into the keys it holds: line breaks that end it
    // or lead it are Enter, DEL/BS are Backspace, and runs of text are typed (a pasted grid
    // keeps its inner line breaks, which the field turns into row separators).
    if (
      input.length > 1 &&
      !key.ctrl &&
      !key.meta &&
      !input.includes('\x1b') &&
      /[\r\n\x7f\b]/.test(input)
    ) {
      for (const part of splitChunk(input)) {
        if (part === 'enter') latest.current('', { ...key, return: true });
        else if (part === 'backspace')
          latest.current('', { ...key, backspace: true, delete: false });
        else latest.current(part, { ...key, return: false });
      }
      return;
    }
    latest.current(input, key);
  }, []);
  useInput(stable, { isActive: options.isActive ?? true });
}

/** A chunk of several keys → typed runs, 'enter' and 'backspace', in order. */
export function splitChunk(chunk: string): string[] {
  const parts: string[] = [];
  const body = chunk.replace(/^(?:\r\n|\r|\n)+/, (lead) => {
    for (const _ of lead.replace(/\r\n/g, '\n')) parts.push('enter');
    return '';
  });
  const submit = /(?:\r\n|\r|\n)$/.test(body);
  const text = body.replace(/(?:\r\n|\r|\n)$/, '');
  for (const piece of text.split(/([\x7f\b])/)) {
    if (piece === '\x7f' || piece === '\b') parts.push('backspace');
    else if (piece !== '') parts.push(piece);
  }
  if (submit) parts.push('enter');
  return parts;
}

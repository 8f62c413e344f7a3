/**
 * A screen's keyboard handler (Gemini CLI's `useKeypress`): every key goes to one handler that
 * returns whether it used the key. The handler may change on every render; the subscription
 * does not, so no keystroke is lost to a resubscription. The only other listener is a focused
 * ink-text-input field, which takes its own keys (see `useTextField`). Keys that arrived in
 * one chunk come one by one: the CLI gives Ink its stdin through `keyByKey`.
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
    latest.current(input, key);
  }, []);
  useInput(stable, { isActive: options.isActive ?? true });
}

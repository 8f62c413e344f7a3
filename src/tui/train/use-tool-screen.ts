/**
 * What the trainer and the draw screen share around their reducers: keys go to the screen's
 * reducer with the facts of what is on screen, and the screen's chosen exit is reported once.
 */
import type { Key } from 'ink';
import { useEffect, useRef } from 'react';
import { useKeypress } from '../hooks/use-keypress.js';
import type { TrainViewFacts } from './trainer-reducer.js';

export interface BuiltToolScreen {
  readonly screen: { readonly kind: string };
  readonly maxScroll: number;
  readonly page: number;
}

export function useToolScreen<Exit>(
  built: BuiltToolScreen,
  dispatchKey: (action: { type: 'key'; input: string; key: Key; view: TrainViewFacts }) => void,
  exit: Exit | undefined,
  onExit: (to: Exit) => void,
): void {
  const exited = useRef(false);
  useEffect(() => {
    if (exit === undefined || exited.current) return;
    exited.current = true;
    onExit(exit);
  }, [exit, onExit]);

  useKeypress((input, key) => {
    const view = {
      tooSmall: built.screen.kind === 'too-small',
      scrollable: built.maxScroll > 0,
      maxScroll: built.maxScroll,
      page: built.page,
    };
    dispatchKey({ type: 'key', input, key, view });
    return true;
  });
}

/**
 * A screen in the shell: its state, its keys, its frame. The state is kept in a store of the
 * hook's own, updated at once by each key, so the next key always meets the state the last one
 * left (React draws it afterwards). The frame is computed once per state and terminal size,
 * and the same frame serves the drawing and the next key press.
 */
import { type ReactElement, useCallback, useMemo, useRef, useState } from 'react';
import { createStyle } from '../../render/index.js';
import type { Translate, ViewOptions } from '../../view/text.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { createFieldChannel } from './field-channel.js';
import { FrameView } from './FrameView.js';
import {
  type ScreenDef,
  type ShellFrame,
  type ShellState,
  frameOf,
  initialShell,
  pressKey,
} from './screen.js';
import { useShellInput } from './ShellRoot.js';

/** How the learner asked the screens to look. */
export interface Look {
  readonly t: Translate;
  /** `+-|` and letters instead of box drawing and arrows. @default false */
  readonly ascii?: boolean;
  /** Colour escape codes. @default false */
  readonly color?: boolean;
}

export interface ScreenOptions<S> extends Look {
  /**
   * Whether keys come here, or when, by the state (a screen opened over this one takes
   * them). @default true
   */
  readonly active?: boolean | ((state: S) => boolean);
}

export interface Screen<S> {
  /** The screen's state as last changed. */
  readonly state: S;
  /** Quit was asked for (and confirmed where something typed would be lost). */
  readonly quitting: boolean;
  /** Change the screen's state from outside a key (a timer, a finished save). */
  readonly update: (change: (state: S) => S) => void;
  /** The frame on screen now. */
  readonly frame: ShellFrame;
  readonly element: ReactElement;
}

export function useScreen<S>(
  def: ScreenDef<S>,
  init: () => S,
  { t, ascii = false, color = false, active = true }: ScreenOptions<S>,
): Screen<S> {
  const { columns, rows } = useTerminalSize();
  const o = useMemo<ViewOptions>(
    () => ({ width: columns, height: rows, t, ascii, style: createStyle({ color }) }),
    [columns, rows, t, ascii, color],
  );
  const store = useRef<ShellState<S> | null>(null);
  store.current ??= initialShell(init());
  const [, redraw] = useState(0);
  const set = useCallback((next: ShellState<S>) => {
    if (next === store.current) return;
    store.current = next;
    redraw((n) => n + 1);
  }, []);

  // One frame per state, options and screen: the key handler and the drawing share it.
  const cache = useRef<{
    shell: ShellState<S>;
    o: ViewOptions;
    def: ScreenDef<S>;
    frame: ShellFrame;
  }>(null);
  const frameFor = (shell: ShellState<S>): ShellFrame => {
    const hit = cache.current;
    if (hit && hit.shell === shell && hit.o === o && hit.def === def) return hit.frame;
    const frame = frameOf(def, shell, o);
    cache.current = { shell, o, def, frame };
    return frame;
  };

  const channel = useMemo(() => createFieldChannel(), []);
  useShellInput(
    (key) => {
      const shell = store.current!;
      const result = pressKey(def, shell, frameFor(shell), key);
      set(result.state);
      if (result.toField === undefined) return 'done';
      return channel.send(result.toField) ? 'done' : 'retry';
    },
    typeof active === 'function' ? active(store.current.screen) : active,
  );

  const update = useCallback(
    (change: (state: S) => S) => {
      const shell = store.current!;
      const screen = change(shell.screen);
      if (screen !== shell.screen) set({ ...shell, screen });
    },
    [set],
  );
  const onFieldChange = (field: string, value: string): void => {
    const shell = store.current!;
    if (def.fieldChange) set({ ...shell, screen: def.fieldChange(shell.screen, field, value) });
  };

  const shell = store.current;
  const frame = frameFor(shell);
  return {
    state: shell.screen,
    quitting: shell.quitting,
    update,
    frame,
    element: (
      <FrameView
        view={frame.view}
        width={o.width}
        channel={channel}
        onFieldChange={onFieldChange}
      />
    ),
  };
}

/**
 * The one owner of stdin. Every Ink app of the tutor (the tutor, the lab, the trainer, the
 * prompts) is mounted inside a `ShellRoot`; it reads the terminal's input events itself, turns
 * them into keys (`KeyReader`: pastes put back together, unknown sequences dropped, so no byte
 * sequence can throw), and hands them, one at a time, to the screen on top.
 *
 * One key per commit: a key is handed over only after what the previous one caused has been
 * drawn and its effects have run. So each key meets the state, the screen and the text field
 * it was typed at, whatever arrives in one chunk (a fast typist, tmux, a slow link).
 */
import { useStdin, useStdout } from 'ink';
import {
  type ReactNode,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { KeyPress } from './input/key-press.js';
import { KeyReader } from './input/key-reader.js';

/** What a screen does with a key: done, or `retry` once the next commit is drawn. */
export type KeyHandler = (key: KeyPress) => 'done' | 'retry';

interface ShellInput {
  /** Make `handler` the one that gets keys, until the returned function is called. */
  register(handler: KeyHandler): () => void;
}

const ShellInputContext = createContext<ShellInput | null>(null);

/** A key that still finds no listener after this many commits is dropped. */
const MAX_RETRIES = 5;
/** A paste whose end marker has not come after this long is taken as it is. */
const PASTE_TIMEOUT_MS = 1000;

export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';

export interface ShellRootProps {
  readonly children: ReactNode;
  /**
   * Ask the terminal to mark pastes (bracketed paste), so a paste is one edit. The CLI turns
   * it on; tests that write to a fake terminal leave it off. @default false
   */
  readonly bracketedPaste?: boolean;
  /** Called each time every key received so far has been handled and drawn (for tests). */
  readonly onIdle?: () => void;
}

export function ShellRoot({ children, bracketedPaste = false, onIdle }: ShellRootProps) {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const handlers = useRef<KeyHandler[]>([]);
  const queue = useRef<KeyPress[]>([]);
  const reader = useRef(new KeyReader());
  const waiting = useRef(false);
  const retries = useRef(0);
  const [tick, setTick] = useState(0);

  const pump = useCallback(() => {
    if (waiting.current) return;
    const handler = handlers.current.at(-1);
    const key = queue.current[0];
    if (key === undefined || handler === undefined) return;
    const result = handler(key);
    if (result === 'retry' && retries.current < MAX_RETRIES) retries.current += 1;
    else {
      queue.current.shift();
      retries.current = 0;
    }
    waiting.current = true;
    setTick((n) => n + 1);
  }, []);

  // Runs after each commit, once the effects of everything below it have run.
  const idle = useRef(onIdle);
  idle.current = onIdle;
  useEffect(() => {
    waiting.current = false;
    pump();
    if (!waiting.current && queue.current.length === 0) idle.current?.();
  }, [tick, pump]);

  useLayoutEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    let pasteTimer: NodeJS.Timeout | undefined;
    const take = (keys: readonly KeyPress[]): void => {
      queue.current.push(...keys);
      pump();
    };
    const onInput = (event: string): void => {
      clearTimeout(pasteTimer);
      take(reader.current.push(event));
      if (reader.current.inPaste)
        pasteTimer = setTimeout(() => take(reader.current.flush()), PASTE_TIMEOUT_MS);
    };
    events.on('input', onInput);
    if (bracketedPaste) stdout.write(BRACKETED_PASTE_ON);
    return () => {
      clearTimeout(pasteTimer);
      events.off('input', onInput);
      if (bracketedPaste) stdout.write(BRACKETED_PASTE_OFF);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [events, setRawMode, isRawModeSupported, bracketedPaste, stdout, pump]);

  const input = useMemo<ShellInput>(
    () => ({
      register(handler) {
        handlers.current = [...handlers.current, handler];
        setTick((n) => n + 1);
        return () => {
          handlers.current = handlers.current.filter((h) => h !== handler);
          setTick((n) => n + 1);
        };
      },
    }),
    [],
  );
  return <ShellInputContext.Provider value={input}>{children}</ShellInputContext.Provider>;
}

/** Give `handler` the keys while `active`; the latest handler is always the one called. */
export function useShellInput(handler: KeyHandler, active = true): void {
  const input = useContext(ShellInputContext);
  if (input === null) throw new Error('useShellInput needs a ShellRoot above it');
  const latest = useRef(handler);
  latest.current = handler;
  useLayoutEffect(() => {
    if (!active) return undefined;
    return input.register((key) => latest.current(key));
  }, [input, active]);
}

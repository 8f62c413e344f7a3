/**
 * A screen mounted in Ink on a fake terminal (`fake-terminal.ts`), inside the shell as the CLI
 * mounts it, and driven through stdin: the one harness the screen tests build on. Ink runs with
 * ink-testing-library's settings (whole frames, no Ctrl+C exit, console untouched), but the
 * terminal's size is chosen (and can change), and waiting for a key to be drawn follows the
 * shell's own signal that it has handled every key, not a fixed sleep.
 */
import { render } from 'ink';
import type { ComponentType, ReactNode } from 'react';
import stripAnsi from 'strip-ansi';
import { ShellRoot, type ShellRootProps } from '../../src/tui/shell/ShellRoot.js';
import { FakeStdin, FakeStdout } from './fake-terminal.js';
import { delay, waitFor, waitForQuiet } from './wait-for.js';

export interface ScreenOptions {
  /** @default 100, ink-testing-library's width */
  readonly columns?: number;
  /** @default 24, what the tutor assumes of a terminal that does not say */
  readonly rows?: number;
  /**
   * The shell the screen is mounted in (a test may bring a copy built on other modules), or
   * `null` for the tree on Ink alone. @default ShellRoot
   */
  readonly shell?: ComponentType<ShellRootProps> | null;
  /** How long no new frame must come before `settle` returns, in ms. @default 25 */
  readonly quiet?: number;
  /** How long `waitFor` waits unless told, in ms. @default 5000 */
  readonly timeout?: number;
}

/** How long `settle` waits for the shell (or, without one, a frame) before looking for quiet. */
const PATIENCE_MS = 300;
/** How long `settle` waits for the shell to handle keys written since it was last idle. */
const KEYS_LIMIT_MS = 5000;
/** A screen that never stops drawing (a trainer at work) still lets `settle` return. */
const QUIET_LIMIT_MS = 3000;

export type InkScreen = ReturnType<typeof mountScreen>;

let mounted: Array<{ unmount: () => void }> = [];

/** Unmount every screen mounted since the last call (an `afterEach` in each screen test). */
export function unmountScreens(): void {
  mounted.forEach((m) => m.unmount());
  mounted = [];
}

export function mountScreen(node: ReactNode, options: ScreenOptions = {}) {
  const { columns = 100, rows = 24, quiet = 25, timeout: waitTimeout = 5000 } = options;
  const Shell = options.shell === undefined ? ShellRoot : options.shell;
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  // How many times the shell has handled every key it received, and whether keys have been
  // written since it last did (see `settle`).
  let idles = 0;
  let keysWaiting = false;
  const write = stdin.write;
  stdin.write = (data: string): void => {
    keysWaiting = true;
    write(data);
  };
  const onIdle = (): void => {
    idles++;
    keysWaiting = false;
  };
  const instance = render(Shell === null ? node : <Shell onIdle={onIdle}>{node}</Shell>, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  mounted.push(instance);
  // A screen that has exited handles no more keys: `settle` stops waiting for them.
  let exited = false;
  const markExited = (): void => {
    exited = true;
  };
  instance.waitUntilExit().then(markExited, markExited);
  /** The last frame as written, escape codes and all. */
  const rawFrame = (): string => stdout.frames.at(-1) ?? '';
  /** The last frame as text: no escape codes (the field's cursor, colours). */
  const frame = (): string => stripAnsi(rawFrame());
  /**
   * Wait for React and Ink to draw what the last input caused: until the shell says it has
   * handled every key (without a shell, until a new frame), or `patience` ms pass (longer, up
   * to KEYS_LIMIT_MS, while keys written are still waiting, as on a busy machine); then until
   * no frame has come for `quietMs` (a save, a second render).
   */
  const settle = async (patience = PATIENCE_MS, quietMs = quiet): Promise<void> => {
    const began = performance.now();
    if (Shell === null) {
      const start = stdout.frames.length;
      while (stdout.frames.length === start && performance.now() - began < patience) await delay(1);
    } else {
      const start = idles;
      const limit = (): number => (keysWaiting ? Math.max(patience, KEYS_LIMIT_MS) : patience);
      while (idles === start && !exited && performance.now() - began < limit()) await delay(1);
    }
    await waitForQuiet(() => stdout.frames.length, { quiet: quietMs, limit: QUIET_LIMIT_MS });
  };
  return {
    ...instance,
    stdout,
    stdin,
    rawFrame,
    frame,
    /** Lines of the last frame as text, without trailing spaces. */
    lines: (): string[] =>
      frame()
        .split('\n')
        .map((l) => l.trimEnd()),
    settle,
    /**
     * Wait for the first frame and, in a shell, for the shell to report idle once: every effect
     * below it has run, so a field listens for keys (a key written sooner would find none).
     */
    ready: (timeout = waitTimeout): Promise<void> =>
      waitFor(() => stdout.frames.length > 0 && (Shell === null || idles > 0), {
        timeout,
        describe: () => `${idles} idle(s), last frame:\n${frame()}`,
      }),
    /** Wait until the last frame (as text) satisfies `check`; throws with the frame after `timeout` ms. */
    waitFor: (check: (frame: string) => boolean, timeout = waitTimeout): Promise<void> =>
      waitFor(() => check(frame()), { timeout, describe: () => `last frame:\n${frame()}` }),
    /** Write keys one by one, letting the screen settle after each. */
    async press(...keys: string[]): Promise<void> {
      for (const k of keys) {
        stdin.write(k);
        await settle();
      }
    },
    /** Type text into a focused field one character at a time, settling after each. */
    async type(text: string): Promise<void> {
      for (const char of text) {
        stdin.write(char);
        await settle();
      }
    },
    /** Change the terminal's size, as a window resized, and let the screen redraw. */
    async resize(newColumns: number, newRows: number): Promise<void> {
      stdout.resize(newColumns, newRows);
      await settle();
    },
  };
}

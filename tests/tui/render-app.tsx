/**
 * Mount the App into a fake terminal of a chosen size, as ink-testing-library does but with
 * `columns` and `rows` settable (and a `resize` to change them), plus an in-memory store.
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import stripAnsi from 'strip-ansi';
import type { Course } from '../../src/content/course.js';
import type { Progress } from '../../src/content/progress.js';
import { displayWidth } from '../../src/render/index.js';
import { App, type AppProps } from '../../src/tui/App.js';
import type { SaveOutcome } from '../../src/tui/hooks/use-progress.js';
import { ShellRoot } from '../../src/tui/shell/ShellRoot.js';
import { fixtureCourse, freshProgress, NOW, t } from './fixture.js';

export class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export const delay = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const KEYS = {
  right: '\u001B[C',
  left: '\u001B[D',
  up: '\u001B[A',
  down: '\u001B[B',
  pageDown: '\u001B[6~',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

/** An in-memory progress store that records every save; `fail` makes saves fail. */
export function memoryStore(options: { fail?: boolean } = {}) {
  const saves: Progress[] = [];
  return {
    saves,
    fail: options.fail ?? false,
    save(p: Progress): SaveOutcome {
      saves.push(p);
      return this.fail
        ? {
            ok: false,
            error: {
              key: 'progress.save.failed',
              params: { file: '/ro/progress.json', error: 'EROFS: read-only file system' },
            },
          }
        : { ok: true };
    },
  };
}

export interface RenderAppOptions extends Partial<AppProps> {
  readonly columns?: number;
  readonly rows?: number;
  readonly course?: Course;
}

export function renderApp(options: RenderAppOptions = {}) {
  const { columns = 80, rows = 24, ...props } = options;
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const store = memoryStore();
  let seed = 1000;
  // How many times the shell has handled every key it received (see `settle`).
  let idles = 0;
  const instance = render(
    <ShellRoot onIdle={() => idles++}>
      <App
        course={props.course ?? fixtureCourse()}
        problems={props.problems ?? []}
        progress={props.progress ?? freshProgress()}
        saveProgress={props.saveProgress ?? ((p) => store.save(p))}
        lang="en"
        t={props.t ?? t}
        ascii={props.ascii ?? false}
        color={props.color ?? false}
        newSeed={props.newSeed ?? (() => seed++)}
        now={props.now ?? (() => NOW)}
        playInterval={props.playInterval ?? 500}
        {...(props.progressNotice === undefined ? {} : { progressNotice: props.progressNotice })}
        {...(props.startLesson === undefined ? {} : { startLesson: props.startLesson })}
      />
    </ShellRoot>,
    // ink-testing-library's settings: whole frames, no Ctrl+C exit, console untouched.
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const lastFrame = (): string => stripAnsi(stdout.frames.at(-1) ?? '');
  /**
   * Wait for React and Ink to draw what the last input caused: until the shell says it has
   * handled every key (or `patience` ms pass), then until no frame has come for `quiet` ms (a
   * save, a second render). Fixed sleeps were flaky on a busy machine.
   */
  const settle = async (patience = 300, quiet = 15): Promise<void> => {
    const start = idles;
    const began = performance.now();
    while (idles === start && performance.now() - began < patience) await delay(1);
    let count = stdout.frames.length;
    let since = performance.now();
    while (performance.now() - since < quiet) {
      await delay(2);
      if (stdout.frames.length !== count) {
        count = stdout.frames.length;
        since = performance.now();
      }
    }
  };
  return {
    ...instance,
    stdout,
    stdin,
    store,
    lastFrame,
    /** Lines of the last frame as text: no escape codes (the field's cursor), no trailing spaces. */
    lines: (): string[] =>
      stripAnsi(lastFrame())
        .split('\n')
        .map((l) => l.trimEnd()),
    settle,
    /** Wait until the last frame satisfies `check` (throws after `timeout` ms with the frame). */
    async waitFor(check: (frame: string) => boolean, timeout = 2000): Promise<void> {
      const began = performance.now();
      while (!check(lastFrame())) {
        if (performance.now() - began > timeout)
          throw new Error(`Timed out waiting; last frame:\n${lastFrame()}`);
        await delay(5);
      }
    },
    /** Write keys one by one, letting the screen settle after each. */
    async press(...keys: string[]): Promise<void> {
      for (const k of keys) {
        stdin.write(k);
        await settle();
      }
    },
    /** Type text into a focused field, one character at a time. */
    async type(text: string): Promise<void> {
      for (const char of text) {
        stdin.write(char);
        await settle();
      }
    },
    async resize(newColumns: number, newRows: number): Promise<void> {
      stdout.columns = newColumns;
      stdout.rows = newRows;
      stdout.emit('resize');
      await settle();
    },
  };
}

/** Every line of `frame` is at most `width` columns, and there are fewer lines than `rows`. */
export function expectFits(frame: string, width: number, rows: number): void {
  const lines = frame.split('\n');
  const wide = lines.filter((l) => displayWidth(l) > width);
  if (wide.length > 0) throw new Error(`Lines wider than ${width}:\n${wide.join('\n')}`);
  if (lines.length > rows - 1) throw new Error(`${lines.length} lines for ${rows} rows:\n${frame}`);
}

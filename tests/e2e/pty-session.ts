/**
 * Drive a program in a real pseudo-terminal through `pty-relay.py` (Python's standard `pty`
 * module; node-pty has no Linux prebuild here and tmux may be missing). Used by the end-to-end
 * tests and by `bench/ui.ts`.
 *
 * Ink wraps every frame in the terminal's synchronized-output brackets (`ESC[?2026h` …
 * `ESC[?2026l`) and redraws the whole screen each time, so the last complete bracketed frame,
 * stripped of escapes, is what the terminal shows. Without brackets (another program, or a
 * future Ink) `screen()` falls back to everything drawn since the last key.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import stripAnsi from 'strip-ansi';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RELAY = fileURLToPath(new URL('./pty-relay.py', import.meta.url));

/** Keys as a terminal sends them. */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

const SYNC_START = '\u001B[?2026h';
const SYNC_END = '\u001B[?2026l';

/** The Python to run the relay with: `$PYTHON`, else `python3`. */
const PYTHON_COMMAND = process.env.PYTHON ?? 'python3';

let resolvedPython: string | null | undefined;

/**
 * The Python interpreter itself, or null when there is none (or it lacks `pty`). `python3` may
 * be a shim (pyenv, asdf) that costs a shell and 0.1 s or more on every start, which would be
 * counted as the program's start-up.
 */
export function python(): string | null {
  if (resolvedPython === undefined) {
    const r = spawnSync(
      PYTHON_COMMAND,
      ['-c', 'import pty, termios, fcntl, sys; print(sys.executable)'],
      { encoding: 'utf8' },
    );
    const ok = r.error === undefined && r.status === 0;
    const path = ok ? r.stdout.trim() : '';
    resolvedPython = ok ? (path === '' ? PYTHON_COMMAND : path) : null;
  }
  return resolvedPython;
}

/** Whether Python runs here (`$PYTHON` or `python3`); the pty tests skip without it. */
export function hasPython(): boolean {
  return python() !== null;
}

export interface PtyOptions {
  readonly rows?: number;
  readonly cols?: number;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export interface WaitOptions {
  /** @default 15000 */
  readonly timeout?: number;
  /** Said in the error when the deadline passes. */
  readonly what?: string;
}

export class PtySession {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the program drew, escapes included. */
  output = '';
  stderr = '';
  /** When the relay was spawned (performance.now()). */
  readonly started: number;
  /** Exit code (128 + N for signal N), once the relay has exited. */
  exitCode: number | null = null;
  private readonly exited: Promise<number>;
  private mark = 0;

  constructor(command: readonly string[], options: PtyOptions = {}) {
    const { rows = 24, cols = 80 } = options;
    this.started = performance.now();
    this.child = spawn(
      python() ?? PYTHON_COMMAND,
      [RELAY, '--rows', String(rows), '--cols', String(cols), '--', ...command],
      { cwd: options.cwd ?? ROOT, env: options.env ?? process.env },
    );
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.output += chunk;
    });
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    // Writing to a relay that has gone (the program quit) must not crash the test run.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        this.exitCode = code ?? (signal === null ? 1 : 128);
        resolve(this.exitCode);
      });
    });
  }

  /** Frames Ink finished drawing so far. */
  get frames(): number {
    return this.output.split(SYNC_END).length - 1;
  }

  /** The text on screen now: the last complete frame without escapes, `\r` or trailing spaces. */
  screen(): string {
    const end = this.output.lastIndexOf(SYNC_END);
    const start = end < 0 ? -1 : this.output.lastIndexOf(SYNC_START, end);
    const raw = start < 0 ? this.output.slice(this.mark) : this.output.slice(start, end);
    return stripAnsi(raw)
      .replaceAll('\r', '')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n');
  }

  /** The screen with every run of white space as one space, for text that may wrap. */
  flatScreen(): string {
    return this.screen().replace(/\s+/g, ' ');
  }

  /** Send keys (or text, or any bytes) to the program. */
  send(keys: string | Uint8Array): void {
    this.mark = this.output.length;
    this.child.stdin.write(keys);
  }

  /** Poll until `check` holds for the screen; throw with the screen after `timeout` ms. */
  async waitFor(
    check: string | RegExp | ((screen: string) => boolean),
    options: WaitOptions = {},
  ): Promise<string> {
    const timeout = options.timeout ?? 15_000;
    const test =
      typeof check === 'function'
        ? check
        : typeof check === 'string'
          ? (s: string) => s.includes(check) || s.replace(/\s+/g, ' ').includes(check)
          : (s: string) => check.test(s);
    const began = performance.now();
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (this.exitCode !== null) {
        throw new Error(
          `The program exited (${this.exitCode}) while waiting for ${options.what ?? String(check)}.\n${this.describe()}`,
        );
      }
      if (performance.now() - began > timeout) {
        throw new Error(
          `Timed out after ${timeout} ms waiting for ${options.what ?? String(check)}.\n${this.describe()}`,
        );
      }
      await sleep(15);
    }
  }

  /** Send `keys`, then wait for a new frame (the program answered). */
  async press(keys: string, options: WaitOptions = {}): Promise<string> {
    const before = this.frames;
    this.send(keys);
    await this.waitFor(() => this.frames > before, {
      what: options.what ?? `a redraw after ${JSON.stringify(keys)}`,
      timeout: options.timeout,
    });
    // Let a burst of frames (a save, a second render) finish before anyone reads the screen.
    let count = this.frames;
    for (;;) {
      await sleep(40);
      if (this.frames === count) return this.screen();
      count = this.frames;
    }
  }

  /** The exit code, or a throw after `timeout` ms. */
  async waitForExit(timeout = 15_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`The program did not exit within ${timeout} ms.\n${this.describe()}`)),
        timeout,
      );
    });
    try {
      return await Promise.race([this.exited, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stop the relay (closing the terminal hangs the program up) if it is still running. */
  close(): void {
    if (this.exitCode === null) this.child.kill('SIGTERM');
  }

  describe(): string {
    const stderr = this.stderr.trim() === '' ? '' : `\n--- relay stderr ---\n${this.stderr.trim()}`;
    return `--- screen ---\n${this.screen()}\n--- end of the output (escaped) ---\n${JSON.stringify(this.output.slice(-600))}${stderr}`;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The environment for the tutor: no colour, English, a given state directory, and none of
 * the caller's colour or language settings.
 */
export function tutorEnv(stateDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // CI: Ink draws nothing until exit when it believes it runs in CI (is-in-ci), even in a terminal.
  for (const name of [
    'FORCE_COLOR',
    'NO_COLOR',
    'LC_ALL',
    'LC_MESSAGES',
    'CNN_TUTOR_LANG',
    'CI',
    'CONTINUOUS_INTEGRATION',
  ]) {
    delete env[name];
  }
  return {
    ...env,
    NO_COLOR: '1',
    CNN_TUTOR_LANG: 'en',
    CNN_TUTOR_STATE_DIR: stateDir,
    TERM: 'xterm-256color',
    ...extra,
  };
}

/** `node bin/cnn-tutor.js ARGS` in an 80×24 pseudo-terminal. */
export function startTutor(
  stateDir: string,
  args: readonly string[] = [],
  options: PtyOptions = {},
): PtySession {
  return new PtySession([process.execPath, 'bin/cnn-tutor.js', ...args], {
    ...options,
    env: options.env ?? tutorEnv(stateDir),
  });
}

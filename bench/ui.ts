/**
 * How the tutor feels: time to the first screen, and the time one key press takes to redraw.
 *
 * Start-up: the real program (`node bin/cnn-tutor.js`) in an 80×24 pseudo-terminal (tests/e2e's
 * Python relay), timed from spawn until Home's title has been drawn; interleaved with the same
 * relay starting a bare `node -e` that prints one line, so the ratio says what the tutor adds
 * to starting Node at all, and with `cnn-tutor --version` (loading the bundle and its packages,
 * no course, no screen). Goal: the first screen within 2.5 times a bare Node start.
 *
 * Key press: the largest screen, the sliding-window demo on a 9×9 input with a 3×3 kernel,
 * 7×7 output, a cell's nine products written out, in colour. Timed two ways: the pure part
 * (the shell's `pressKey` and `frameOf`, as a screen runs them), and the whole path in Ink (key
 * bytes into stdin until the frame is written to stdout: decoding, keymap, reducer, frame,
 * React, layout, output), with Ink's own output pass reported separately. → walks through the
 * 49 cells (each screen drawn for the first time), then ←/→ go back and forth between two cells
 * already drawn (caches warm). Goal: a median under 8 ms for a new cell at 80×24.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { render } from 'ink';
import { createElement } from 'react';
import type { Course, Lesson } from '../src/content/course.js';
import { EMPTY_LIBRARY } from '../src/content/library.js';
import { instantiate } from '../src/content/instantiate.js';
import { emptyProgress } from '../src/content/progress.js';
import { createTranslator } from '../src/i18n/index.js';
import { createStyle } from '../src/render/index.js';
import { App } from '../src/tui/App.js';
import { decodeEvent } from '../src/tui/shell/input/key-press.js';
import { type ShellState, frameOf, initialShell, pressKey } from '../src/tui/shell/screen.js';
import { ShellRoot } from '../src/tui/shell/ShellRoot.js';
import { createTutorEnv } from '../src/tui/state/env.js';
import { initialState } from '../src/tui/state/reducer.js';
import type { TutorEnv, TutorState } from '../src/tui/state/types.js';
import { tutorScreen } from '../src/tui/tutor-screen.js';
import { KEYS, PtySession, ROOT, hasPython, sleep, tutorEnv } from '../tests/e2e/pty-session.js';
import { FakeStdin, FakeStdout } from '../tests/helpers/fake-terminal.js';
import { buildCli, isStale } from '../scripts/build.mjs';
import type { BenchSection } from './section.js';
import { formatTable, median } from './timing.js';

const START_RUNS = Number(process.env.UI_BENCH_RUNS ?? 7);
/** The first screen within this many times a bare `node -e` start. */
const START_GOAL_RATIO = 2.5;
/** A key press on the demo at 80×24, median. */
const KEY_GOAL_MS = 8;
/** Terminal sizes for the key-press timings: the usual minimum, and one where the grids sit side by side. */
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
] as const;

const t = createTranslator('en');
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

// ---------------------------------------------------------------------------------------------
// Start-up

interface StartTimes {
  readonly tutorMs: number[];
  readonly nodeMs: number[];
  /** `cnn-tutor --version`: Node plus loading the bundle and its packages, no course, no Ink render. */
  readonly versionMs: number[];
  /** Starts that rebuilt dist/cli.js first, and were run again. */
  readonly rebuilt: number;
}

/** Milliseconds from spawning the relay until `text` has been drawn; then the program is stopped. */
async function timeToText(
  command: readonly string[],
  env: NodeJS.ProcessEnv,
  text: string,
  quitKey?: string,
): Promise<number> {
  const session = new PtySession(command, { env });
  try {
    const ms = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No "${text}" within 30 s.\n${session.describe()}`)),
        30_000,
      );
      const check = () => {
        if (session.output.includes(text)) {
          clearTimeout(timer);
          resolve(performance.now() - session.started);
        } else if (session.exitCode !== null) {
          clearTimeout(timer);
          reject(
            new Error(`Exited (${session.exitCode}) before "${text}".\n${session.describe()}`),
          );
        }
      };
      session.child.stdout.on('data', check);
      session.child.on('close', check);
    });
    if (quitKey !== undefined) session.send(quitKey);
    await session.waitForExit(10_000).catch(() => session.close());
    return ms;
  } finally {
    session.close();
  }
}

/** When dist/cli.js was last written (0 if missing). */
function builtAt(): number {
  try {
    return statSync(join(ROOT, 'dist', 'cli.js')).mtimeMs;
  } catch {
    return 0;
  }
}

async function measureStart(progress: (m: string) => void): Promise<StartTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-bench-ui-'));
  const title = t('tui.home.title');
  let run = 0;
  let rebuilt = 0;
  // dist/ is built first; should it be rebuilt while the runs go on (someone is editing), a
  // start that saw the rebuild is run again (a few times at most).
  const steady = (start: () => Promise<number>) => async (): Promise<number> => {
    for (let attempt = 0; ; attempt++) {
      const before = builtAt();
      const ms = await start();
      if (builtAt() === before || attempt === 3) return ms;
      rebuilt++;
    }
  };
  // A fresh state directory each time: every start reads "no progress yet", as a first start does.
  const tutor = steady(() =>
    timeToText(
      [process.execPath, 'bin/cnn-tutor.js'],
      tutorEnv(mkdtempSync(join(dir, `run-${run++}-`))),
      title,
      'q',
    ),
  );
  const version = steady(() =>
    timeToText([process.execPath, 'bin/cnn-tutor.js', '--version'], tutorEnv(dir), VERSION),
  );
  const bare = () =>
    timeToText(
      [process.execPath, '-e', 'process.stdout.write("node is up\\n")'],
      tutorEnv(dir),
      'node is up',
    );
  try {
    if (isStale()) {
      progress('start-up: building dist/');
      await buildCli({ quiet: true });
    }
    // Warm-up: fills the disk cache and the course cache.
    progress('start-up: warming up');
    await tutor();
    await bare();
    await version();
    rebuilt = 0;
    const times = {
      tutorMs: [] as number[],
      nodeMs: [] as number[],
      versionMs: [] as number[],
      rebuilt: 0,
    };
    for (let k = 0; k < START_RUNS; k++) {
      progress(`start-up: run ${k + 1} of ${START_RUNS}`);
      // Alternate who goes first, as timeInterleaved does.
      if (k % 2 === 0) {
        times.tutorMs.push(await tutor());
        times.versionMs.push(await version());
        times.nodeMs.push(await bare());
      } else {
        times.nodeMs.push(await bare());
        times.versionMs.push(await version());
        times.tutorMs.push(await tutor());
      }
    }
    times.rebuilt = rebuilt;
    if (rebuilt > 0)
      progress(`start-up: ${rebuilt} start(s) rebuilt dist/cli.js and were run again`);
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Key press on the demo

/**
 * A 9×9 picture of integers in [−9, 9] drawn from `seed`. Every measurement gets its own
 * picture, so no line it draws has been drawn (and its width remembered) before.
 */
function picture(seed: number): number[][] {
  let x = seed >>> 0 || 1;
  const next = () => {
    // xorshift32
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  return Array.from({ length: 9 }, () => Array.from({ length: 9 }, () => (next() % 19) - 9));
}

function demoCourse(seed: number): Course {
  const lesson: Lesson = {
    id: 'bench-demo',
    title: 'The sliding window',
    tools: [],
    summary: 'A 3×3 kernel over a 9×9 picture.',
    file: 'lessons/bench-demo.yaml',
    steps: [
      {
        type: 'demo',
        title: 'Watch the window slide',
        text: 'Step through the cells: each output cell is the sum of the nine products of its window.',
        demo: {
          input: picture(seed),
          kernel: [
            [1, -1, -1],
            [-1, 1, -1],
            [-1, -1, 1],
          ],
          stride: 1,
          padding: 'valid',
          bias: 0,
          predict: 0,
        },
      },
    ],
  };
  return { lessons: [lesson], exercises: new Map(), library: EMPTY_LIBRARY };
}

/** Output cells of the 7×7 map: → is pressed this many times to walk through it. */
const CELLS = 49;
/** Presses timed back and forth (←, →) between two cells already seen. */
const REPEATS = 31;

interface KeyTimes {
  /** Per press of → walking through the map: each cell's screen drawn for the first time. */
  readonly newCellMs: number[];
  /** Per press of ← / → between the last two cells: screens drawn before. */
  readonly seenMs: number[];
}

/** The pure part of a key press, as a screen does it: the key through the shell, then the frame. */
function pureKeyPress(size: { columns: number; rows: number }, seed: number): KeyTimes {
  const env: TutorEnv = createTutorEnv(demoCourse(seed), { lang: 'en', t, instantiate });
  const options = {
    width: size.columns,
    height: size.rows,
    t,
    ascii: false,
    style: createStyle({ color: true }),
  };
  const at = { now: new Date('2025-01-31T09:45:00.000Z'), seed: 1 };
  const def = tutorScreen(env, { problems: [], stamp: () => at });
  let shell: ShellState<TutorState> = initialShell(
    initialState(env, { progress: emptyProgress() }),
  );
  let frame = frameOf(def, shell, options);
  /** One key press: keymap → command → state, and the new frame; returns its ms. */
  const press = (raw: string): number => {
    const start = performance.now();
    for (const key of decodeEvent(raw)) shell = pressKey(def, shell, frame, key).state;
    frame = frameOf(def, shell, options);
    return performance.now() - start;
  };
  press(KEYS.enter);
  if (frame.keys.context !== 'demo') {
    throw new Error(`Expected the demo on screen, got the ${frame.keys.context} context`);
  }
  const times: KeyTimes = { newCellMs: [], seenMs: [] };
  for (let k = 0; k < CELLS; k++) times.newCellMs.push(press(KEYS.right));
  for (let k = 0; k < 5 + REPEATS; k++) {
    const ms = press(k % 2 === 0 ? KEYS.left : KEYS.right);
    if (k >= 5) times.seenMs.push(ms);
  }
  return times;
}

const SYNC_START = '\u001B[?2026h';

/** Ink draws nothing until exit when it thinks it runs in CI (`is-in-ci`); debug mode still draws. */
const IN_CI = ['CI', 'CONTINUOUS_INTEGRATION'].some(
  (name) => name in process.env && process.env[name] !== '0' && process.env[name] !== 'false',
);

interface InkTimes extends KeyTimes {
  /** Ink's output pass (tree → text) for each new cell's frame, from its `onRender`. */
  readonly outputMs: number[];
}

/** The whole App in Ink, as the CLI mounts it (throttled, not debug), on a fake terminal. */
async function inkKeyPress(
  size: { columns: number; rows: number },
  seed: number,
): Promise<InkTimes> {
  const stdout = new FakeStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  let renderMs = 0;
  const app = render(
    createElement(
      ShellRoot,
      null,
      createElement(App, {
        course: demoCourse(seed),
        problems: [],
        progress: emptyProgress(),
        saveProgress: () => ({ ok: true }) as const,
        lang: 'en',
        t,
        color: true,
        newSeed: () => 1,
      }),
    ),
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      debug: IN_CI,
      onRender: ({ renderTime }) => {
        renderMs = renderTime;
      },
    },
  );
  /** Write `key` and resolve with the milliseconds until the next frame's text is written. */
  const frameAfter = (key: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('No frame within 2 s of a key press')), 2000);
      const start = performance.now();
      stdout.onWrite = (chunk) => {
        if (chunk === SYNC_START) return; // the frame's text is the next write
        stdout.onWrite = undefined;
        clearTimeout(timer);
        resolve(performance.now() - start);
      };
      stdin.write(key);
    });
  // Ink throttles frames to 30 per second (leading edge): a key after a quiet spell is drawn
  // at once, so keys are spaced out the way typing is, and the wait is not timed.
  const quiet = () => sleep(45);
  try {
    await sleep(100);
    await frameAfter(KEYS.enter);
    const times: InkTimes = { newCellMs: [], seenMs: [], outputMs: [] };
    for (let k = 0; k < CELLS; k++) {
      await quiet();
      times.newCellMs.push(await frameAfter(KEYS.right));
      times.outputMs.push(renderMs);
    }
    for (let k = 0; k < 5 + REPEATS; k++) {
      await quiet();
      const ms = await frameAfter(k % 2 === 0 ? KEYS.left : KEYS.right);
      if (k >= 5) times.seenMs.push(ms);
    }
    return times;
  } finally {
    app.unmount();
  }
}

// ---------------------------------------------------------------------------------------------

const ms = (x: number): string => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));

export const ui: BenchSection = {
  name: 'ui',
  title: `Tutor: first screen (goal: within ${START_GOAL_RATIO}× a bare Node start) and one key press on the 9×9 demo (goal: a median under ${KEY_GOAL_MS} ms at 80×24)`,
  async run({ json, progress }) {
    let start: StartTimes | undefined;
    if (hasPython()) start = await measureStart(progress);
    else progress('start-up: skipped, python3 is not installed (the pty relay needs it)');

    const keys = [];
    // A picture of its own for every measurement (see `picture`), and one pass to warm up.
    let seed = 1;
    pureKeyPress(SIZES[0], seed++);
    for (const size of SIZES) {
      progress(`key press: shell + frame at ${size.columns}×${size.rows}`);
      const pure = pureKeyPress(size, seed++);
      progress(`key press: Ink at ${size.columns}×${size.rows}`);
      const ink = await inkKeyPress(size, seed++);
      keys.push({
        size: `${size.columns}x${size.rows}`,
        pureNewCellMs: median(pure.newCellMs),
        pureSeenMs: median(pure.seenMs),
        inkNewCellMs: median(ink.newCellMs),
        inkNewCellMaxMs: Math.max(...ink.newCellMs),
        inkSeenMs: median(ink.seenMs),
        inkOutputMs: median(ink.outputMs),
      });
    }

    const startRow = start && {
      runs: START_RUNS,
      tutorMs: median(start.tutorMs),
      nodeMs: median(start.nodeMs),
      versionMs: median(start.versionMs),
      addedMs: median(start.tutorMs) - median(start.nodeMs),
      ratio: median(start.tutorMs) / median(start.nodeMs),
      rebuiltAndRepeated: start.rebuilt,
    };
    if (json) {
      console.log(
        JSON.stringify({
          section: 'ui',
          startGoalRatio: START_GOAL_RATIO,
          keyGoalMs: KEY_GOAL_MS,
          start: startRow ?? null,
          keyPress: keys,
        }),
      );
      return;
    }
    if (startRow) {
      console.log(
        formatTable(
          ['start-up (median of ' + START_RUNS + ')', 'ms', 'vs node', 'goal'],
          [
            ['node -e (print a line), via the pty relay', ms(startRow.nodeMs), '1.00', ''],
            [
              'cnn-tutor --version (loading the bundle)',
              ms(startRow.versionMs),
              (startRow.versionMs / startRow.nodeMs).toFixed(2),
              '',
            ],
            [
              'cnn-tutor, until Home is drawn',
              ms(startRow.tutorMs),
              startRow.ratio.toFixed(2),
              startRow.ratio <= START_GOAL_RATIO ? 'met' : 'missed',
            ],
          ],
        ),
      );
      console.log(`The tutor adds ${ms(startRow.addedMs)} ms to starting Node.\n`);
    } else {
      console.log('Start-up not measured: python3 is not installed.\n');
    }
    console.log(
      formatTable(
        ['key press on the 9×9 demo (median)', ...keys.map((k) => `${k.size} ms`)],
        [
          ['shell + frame, → to a new cell', ...keys.map((k) => ms(k.pureNewCellMs))],
          ['shell + frame, ←/→ cells seen', ...keys.map((k) => ms(k.pureSeenMs))],
          ['Ink: key → frame, → to a new cell', ...keys.map((k) => ms(k.inkNewCellMs))],
          ['  of which Ink output pass', ...keys.map((k) => ms(k.inkOutputMs))],
          [`  slowest of ${CELLS}`, ...keys.map((k) => ms(k.inkNewCellMaxMs))],
          ['Ink: key → frame, ←/→ cells seen', ...keys.map((k) => ms(k.inkSeenMs))],
          [
            `goal: a new cell under ${KEY_GOAL_MS} ms at 80×24`,
            ...keys.map((k) =>
              k.size !== '80x24' ? '' : k.inkNewCellMs <= KEY_GOAL_MS ? 'met' : 'missed',
            ),
          ],
        ],
      ),
    );
  },
};

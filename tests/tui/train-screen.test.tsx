/**
 * The trainer screen: its pure parts (key table, reducer, layout at several sizes) without
 * Ink, then the screen itself driven through stdin with ink-testing-library while it trains
 * the X/O network, and the lesson's `t` key that opens it.
 */
import type { Key } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { Course } from '../../src/content/course.js';
import { hasMessage } from '../../src/i18n/index.js';
import { displayWidth, plainStyle } from '../../src/render/index.js';
import { loadMnistDigits } from '../../src/train/digits-data.js';
import { createDigitsTrainer } from '../../src/train/digits.js';
import { createXoTrainer } from '../../src/train/xo.js';
import { footerItems } from '../../src/tui/keymap.js';
import {
  TRAIN_COMMANDS,
  type TrainContext,
  type TrainKeyState,
  trainBoundCommands,
  trainFooterItems,
} from '../../src/tui/train/keymap.js';
import { TrainingSession, createXoSession } from '../../src/tui/train/session.js';
import { pickSamples, takeSnapshot } from '../../src/tui/train/snapshot.js';
import {
  LEARNING_RATES,
  type TrainerAction,
  type TrainerScreenState,
  initialTrainerState,
  isDone,
  isRunning,
  nextLearningRate,
  reduceTrainer,
} from '../../src/tui/train/trainer-reducer.js';
import { buildTrainerScreen, percent } from '../../src/tui/train/trainer-view.js';
import { TrainerScreen } from '../../src/tui/train/TrainerScreen.js';
import { initialState, reduce } from '../../src/tui/state/reducer.js';
import { EXERCISES, LESSONS, fixtureEnv, freshProgress, stamp, t } from './fixture.js';
import { KEYS, delay, expectFits, renderApp } from './render-app.js';
import { NO_KEY } from './keys.js';

const FACTS = { tooSmall: false, scrollable: false, maxScroll: 0, page: 10 };

function press(state: TrainerScreenState, input: string, key: Partial<Key> = {}) {
  const action: TrainerAction = { type: 'key', input, key: { ...NO_KEY, ...key }, view: FACTS };
  return reduceTrainer(state, action);
}

function freshState(session: TrainingSession = createXoSession()): TrainerScreenState {
  return initialTrainerState({
    kind: 'xo',
    snapshot: takeSnapshot(session, { probe: true }),
    epochs: session.epochs,
    seed: session.seed,
    canDraw: true,
  });
}

describe('the key table', () => {
  const contexts: TrainContext[] = ['running', 'paused', 'done', 'draw', 'help', 'too-small'];
  const states = (): TrainKeyState[] =>
    contexts.flatMap((context) => [
      { context, typing: 'none' as const, flags: new Set() },
      { context, typing: 'none' as const, flags: new Set(['scrollable', 'xo-tools'] as const) },
    ]);

  test('no two commands of one context share a key', () => {
    for (const s of states()) {
      const seen = new Map<string, string>();
      for (const { command, keys } of trainBoundCommands(s)) {
        for (const k of keys) {
          expect(seen.get(k), `${s.context}: ${k}`).toBeUndefined();
          seen.set(k, command.id);
        }
      }
    }
  });

  test('every label and group is in the catalog', () => {
    for (const c of TRAIN_COMMANDS) {
      expect(hasMessage(c.label), c.label).toBe(true);
      if (c.group) expect(hasMessage(`train.screen.group.${c.group}`), c.group).toBe(true);
    }
  });

  test('space pauses, resumes, or trains more, as training is', () => {
    const label = (context: TrainContext) =>
      trainFooterItems({ context, typing: 'none', flags: new Set() }, t).find((i) =>
        i.keys.includes('Space'),
      )?.label;
    expect(label('running')).toBe('pause');
    expect(label('paused')).toBe('resume');
    expect(label('done')).toBe('train more');
  });

  test('the X/O lesson offers t and d; other lessons do not', () => {
    const shown = (flags: Set<'xo-tools'>) =>
      footerItems({ context: 'step', typing: 'none', flags }, t).map((i) => `${i.keys} ${i.label}`);
    expect(shown(new Set(['xo-tools']))).toEqual(
      expect.arrayContaining(['t watch it learn', 'd draw your own']),
    );
    expect(shown(new Set()).join(' ')).not.toMatch(/watch it learn|draw your own/);
  });
});

describe('learning rates', () => {
  test.each([
    [0.03, 1, 0.05],
    [0.03, -1, 0.02],
    [0.035, 1, 0.05],
    [0.035, -1, 0.03],
    [1, 1, 1],
    [0.0001, -1, 0.0001],
  ] as const)('%f, %i → %f', (rate, direction, next) => {
    expect(nextLearningRate(rate, direction)).toBe(next);
  });

  test('the ladder climbs', () => {
    expect([...LEARNING_RATES].sort((a, b) => a - b)).toEqual(LEARNING_RATES);
  });
});

describe('the reducer', () => {
  test('space pauses and resumes; training runs only while nothing is queued', () => {
    const s0 = freshState();
    expect(isRunning(s0)).toBe(true);
    const s1 = press(s0, ' ');
    expect(s1.paused).toBe(true);
    expect(isRunning(s1)).toBe(false);
    expect(press(s1, ' ').paused).toBe(false);
  });

  test('r queues a reset to the next seed and pauses on the new random weights', () => {
    const s = press(freshState(), 'r');
    expect(s.requests).toEqual([{ kind: 'reset', seed: 2 }]);
    expect(s.seed).toBe(2);
    expect(s.paused).toBe(true);
  });

  test('+ and − queue learning rates along the ladder, from the last one queued', () => {
    const s = press(press(press(freshState(), '+'), '+'), '-');
    expect(s.requests).toEqual([
      { kind: 'rate', value: 0.05 },
      { kind: 'rate', value: 0.1 },
      { kind: 'rate', value: 0.05 },
    ]);
  });

  test('n steps only while paused', () => {
    expect(press(freshState(), 'n').requests).toEqual([]);
    expect(press(press(freshState(), ' '), 'n').requests).toEqual([{ kind: 'step' }]);
  });

  test('applied requests leave the queue; a reset forgets the curve and the first 100%', () => {
    const session = createXoSession();
    let s = press(freshState(session), 'r');
    session.reset(2);
    s = reduceTrainer(s, {
      type: 'applied',
      requests: s.requests,
      snapshot: takeSnapshot(session, { probe: true }),
    });
    expect(s.requests).toEqual([]);
    expect(s.accuracy).toHaveLength(1);
    expect(s.perfect).toBeNull();
    expect(s.snapshot.status.steps).toBe(0);
  });

  test('a frame keeps the first 100% with the time it took to watch', () => {
    const session = createXoSession();
    session.trainer.run({ epochs: 30, stopAtTestAccuracy: 1 });
    const s0 = { ...freshState(createXoSession()), elapsedMs: 400 };
    const s = reduceTrainer(s0, {
      type: 'frame',
      snapshot: takeSnapshot(session, { probe: true }),
      sliceMs: 7,
      elapsedMs: 100,
    });
    expect(s.perfect).toEqual({
      epoch: session.trainer.firstPerfect!.epoch,
      seconds: session.trainer.firstPerfect!.seconds,
      screenSeconds: 0.5,
    });
    expect(s.longestSliceMs).toBe(7);
  });

  test('done after its epochs; space trains as many more', () => {
    const session = createXoSession();
    session.trainer.run({ epochs: 2 });
    const s = initialTrainerState({
      kind: 'xo',
      snapshot: takeSnapshot(session, { probe: true }),
      epochs: 2,
      seed: 1,
    });
    expect(isDone(s)).toBe(true);
    const more = press(s, ' ');
    expect(more.epochs).toBe(4);
    expect(isRunning(more)).toBe(true);
  });

  test('Esc, q and d ask the screen to close, with where to', () => {
    expect(press(freshState(), '', { escape: true }).exit).toBe('back');
    expect(press(freshState(), 'q').exit).toBe('quit');
    expect(press(freshState(), 'd').exit).toBe('draw');
  });
});

describe('the layout', () => {
  const session = createXoSession();
  session.trainer.run({ epochs: 3 });
  const state = freshState(session);

  test.each([
    [60, 18],
    [80, 24],
    [120, 40],
  ])('every line fits %i×%i, with one row free', (width, height) => {
    for (const ascii of [false, true]) {
      const built = buildTrainerScreen(state, { width, height, t, ascii, style: plainStyle });
      expect(built.screen.kind).toBe('main');
      if (built.screen.kind !== 'main') return;
      const { header, body, marker, bottom } = built.screen;
      const lines = [...header, ...body, marker, ...bottom.footer];
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      expect(header.length + built.screen.bodyHeight + 1 + bottom.footer.length).toBeLessThan(
        height,
      );
    }
  });

  test("shows the learned filters beside the lectures' with the trainer's similarity", () => {
    const built = buildTrainerScreen(state, {
      width: 120,
      height: 60,
      t,
      ascii: false,
      style: plainStyle,
    });
    const text = built.screen.kind === 'main' ? built.screen.body.join('\n') : '';
    const comparison = state.snapshot.comparison!;
    for (const m of comparison.matches) {
      const sign = m.correlation < 0 ? '−' : '+';
      expect(text).toContain(`similarity ${sign}${Math.abs(m.correlation).toFixed(2)}`);
    }
    expect(text).toContain(
      `Overall likeness to the lectures' hand-made filters: ${comparison.score.toFixed(2)}`,
    );
    expect(text).toMatch(/diagonal \\/);
    expect(text).toMatch(/First 100% on the held-out set after epoch \d/);
  });

  test('a terminal too small says what it needs', () => {
    const built = buildTrainerScreen(state, {
      width: 50,
      height: 12,
      t,
      ascii: false,
      style: plainStyle,
    });
    expect(built.screen.kind).toBe('too-small');
    expect(built.keys.context).toBe('too-small');
  });

  test('percentages', () => {
    expect([1, 0, 0.975, 0.99996, 0.00001, NaN].map(percent)).toEqual([
      '100%',
      '0%',
      '97.5%',
      '>99.9%',
      '<0.1%',
      '–',
    ]);
  });
});

describe('the digits screen', () => {
  const digits = loadMnistDigits();
  const small = () => createDigitsTrainer({ digits, trainCount: 160, testCount: 60, batchSize: 8 });

  test('measures the held-out set in slices, with the result the trainer would get', () => {
    const trainer = small();
    const session = new TrainingSession(trainer, { epochs: 1, slicedTest: true, imagesPerWork: 7 });
    let units = 0;
    while (session.work(1)) units++;
    // 20 batches, then 60 images 7 at a time: 9 more units, the last of which ends the work.
    expect(units).toBe(20 + 8);
    expect(trainer.history[0].testAccuracy).toBeNaN();
    expect(session.heldOut).toEqual([{ epoch: 1, accuracy: trainer.evaluate().accuracy }]);
    expect(session.measuring).toBeNull();
  });

  test('every line fits, with the filters and held-out digits named as the network sees them', () => {
    const trainer = small();
    const session = new TrainingSession(trainer, { epochs: 2, slicedTest: true });
    while (session.work(1));
    const snapshot = takeSnapshot(session, { samples: pickSamples(trainer, 6) });
    expect(snapshot.samples.map((p) => p.label)).toEqual([0, 1, 2, 3, 4, 5]);
    const state = initialTrainerState({ kind: 'digits', snapshot, epochs: 2, seed: 1 });
    for (const [width, height] of [
      [60, 18],
      [80, 24],
      [120, 40],
    ]) {
      const built = buildTrainerScreen(state, {
        width,
        height,
        t,
        ascii: false,
        style: plainStyle,
      });
      if (built.screen.kind !== 'main') throw new Error(built.screen.kind);
      const all = buildTrainerScreen(state, {
        width,
        height: 200,
        t,
        ascii: false,
        style: plainStyle,
      });
      const { header, body, marker, bottom } = built.screen;
      for (const line of [...header, ...body, marker, ...bottom.footer])
        expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      const text = all.screen.kind === 'main' ? all.screen.body.join('\n') : '';
      expect(text).toContain('The 8 filters of the first layer');
      expect(text).toContain('Held-out accuracy after epoch 1:');
      for (const p of snapshot.samples)
        expect(text).toContain(
          p.predicted === p.label ? `✓ ${p.label} (` : `✗ says ${p.predicted}, is ${p.label}`,
        );
    }
  });
});

let mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  mounted.forEach((m) => m.unmount());
  mounted = [];
});

/** The trainer screen on a fresh X/O network, in a 100-column fake terminal. */
function screen(session: TrainingSession = createXoSession()) {
  const exits: string[] = [];
  const r = render(
    <TrainerScreen session={session} kind="xo" canDraw t={t} onExit={(to) => exits.push(to)} />,
  );
  mounted.push(r);
  const frame = (): string => r.lastFrame() ?? '';
  return {
    ...r,
    session,
    exits,
    frame,
    /** Epoch and batch as the header shows them. */
    where(): [number, number] {
      const m = /epoch (\d+) of \d+ · batch (\d+) of/.exec(frame());
      return m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    },
    async waitFor(check: (frame: string) => boolean, timeout = 5000): Promise<void> {
      const began = performance.now();
      while (!check(frame())) {
        if (performance.now() - began > timeout)
          throw new Error(`Timed out waiting; last frame:\n${frame()}`);
        await delay(5);
      }
    },
  };
}

describe('the screen', () => {
  test('starts training at once, in slices, and redraws as it goes', async () => {
    const s = screen();
    expect(s.frame()).toContain('The X/O network learns from random weights');
    // A frame with batches done, then more frames as training goes on: the loop hands the
    // event loop back between slices instead of training to the end first.
    await s.waitFor((f) => /batch [1-9]\d* of 40/.test(f) || /epoch [2-9]/.test(f));
    const frames = s.stdout.frames.length;
    const steps = s.session.trainer.status.steps;
    await s.waitFor(() => s.stdout.frames.length > frames + 2);
    expect(s.session.trainer.status.steps).toBeGreaterThan(steps);
    expect(s.session.trainer.status.epoch).toBeLessThan(30);
  });

  test('a key pressed while training is handled before the next slice: space pauses', async () => {
    const s = screen();
    await s.waitFor(() => s.session.trainer.status.steps >= 3);
    s.stdin.write(' ');
    await s.waitFor((f) => f.includes('paused ·'));
    const steps = s.session.trainer.status.steps;
    await delay(300);
    expect(s.session.trainer.status.steps).toBe(steps);
    expect(s.frame()).toContain('Space resume');
    // One batch with n, then training goes on with space.
    s.stdin.write('n');
    await s.waitFor(() => s.session.trainer.status.steps === steps + 1);
    s.stdin.write(' ');
    await s.waitFor(() => s.session.trainer.status.steps > steps + 3);
  });

  test('r resets to new random weights and waits for space', async () => {
    const s = screen();
    await s.waitFor(() => s.session.trainer.status.steps >= 5);
    s.stdin.write('r');
    await s.waitFor((f) => f.includes('seed 2') && f.includes('epoch 1 of 30 · batch 0 of 40'));
    expect(s.frame()).toContain('paused ·');
    expect(s.frame()).toContain('Not yet 100% on the held-out set.');
    expect(s.session.trainer.status.steps).toBe(0);
    expect(s.session.seed).toBe(2);
    // The weights are seed 2's starting weights.
    const fresh = createXoTrainer({ seed: 1 });
    fresh.reset(2);
    expect(Array.from(s.session.trainer.filters().data)).toEqual(Array.from(fresh.filters().data));
  });

  test('+ and − change the learning rate the trainer uses', async () => {
    const s = screen();
    s.stdin.write(' ');
    await s.waitFor((f) => f.includes('paused ·'));
    s.stdin.write('+');
    await s.waitFor((f) => f.includes('learning rate 0.05 (Adam)'));
    expect(s.session.trainer.learningRate).toBe(0.05);
    s.stdin.write('-');
    await delay(20);
    s.stdin.write('-');
    await s.waitFor((f) => f.includes('learning rate 0.02 (Adam)'));
    expect(s.session.trainer.learningRate).toBe(0.02);
  });

  test('reaches 100% on the held-out set and says when', async () => {
    const s = screen();
    s.stdin.write('s'); // full speed
    await s.waitFor((f) => f.includes('First 100% on the held-out set after epoch'), 15000);
    expect(s.frame()).toMatch(/after epoch \d+: [\d.]+ s of computing, [\d.]+ s of watching/);
  });

  test('Esc asks to go back, d to draw', async () => {
    const s = screen();
    s.stdin.write('d');
    await s.waitFor(() => s.exits.length > 0);
    expect(s.exits).toEqual(['draw']);
  });
});

describe("the tutor's reducer", () => {
  const env = fixtureEnv();
  const home = initialState(env, { progress: freshProgress() });

  test('a tool opens only over a lesson, and closes back to it', () => {
    expect(reduce(home, { type: 'tool/open', tool: 'train' }, env).tool).toBeUndefined();
    const lesson = reduce(home, { type: 'lesson/open', index: 0, at: stamp() }, env);
    const open = reduce(lesson, { type: 'tool/open', tool: 'draw' }, env);
    expect(open.tool).toBe('draw');
    expect(reduce(open, { type: 'tool/open', tool: 'train' }, env).tool).toBe('train');
    const closed = reduce(open, { type: 'tool/close' }, env);
    expect(closed.tool).toBeUndefined();
    expect([closed.screen, closed.step]).toEqual(['lesson', 0]);
  });
});

describe('from the X/O lesson', () => {
  const course: Course = {
    lessons: [
      ...LESSONS,
      {
        id: 'xo-network',
        title: 'The X/O network',
        summary: "The lectures' toy ConvNet.",
        file: 'lessons/xo-network.yaml',
        steps: [{ type: 'text', title: 'X or O?', text: 'A network that tells an X from an O.' }],
      },
    ],
    exercises: new Map(EXERCISES.map((e) => [e.id, e])),
  };

  let app: ReturnType<typeof renderApp> | undefined;
  afterEach(() => app?.unmount());

  test('t opens the trainer and Esc returns to the lesson step', async () => {
    app = renderApp({ course, startLesson: 'xo-network' });
    await app.waitFor((f) => f.includes('X or O?'));
    expect(app.lastFrame()).toContain('t watch it learn');
    expect(app.lastFrame()).toContain('d draw your own');
    app.stdin.write('t');
    await app.waitFor((f) => f.includes('The X/O network learns from random weights'));
    await app.waitFor((f) => /epoch \d+ of 30 · batch [1-9]/.test(f));
    expectFits(app.lastFrame(), 80, 24);
    app.stdin.write(KEYS.escape);
    await app.waitFor((f) => f.includes('A network that tells an X from an O.'));
  });

  test('t does nothing in other lessons', async () => {
    app = renderApp({ course, startLesson: 'padding' });
    await app.waitFor((f) => f.includes('Zeros around the edge'));
    expect(app.lastFrame()).not.toContain('watch it learn');
    await app.press('t');
    expect(app.lastFrame()).toContain('Zeros around the edge');
  });
});

/**
 * The trainer screen: its pure parts (key table, commands, frame at several sizes) driven
 * through the shell without Ink, then the screen itself mounted in the shell and driven through
 * stdin (tests/helpers/ink-screen) while it trains the X/O network, and the lesson's `t` key
 * that opens it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { hasMessage } from '../../src/i18n/index.js';
import { displayWidth } from '../../src/render/index.js';
import { loadMnistDigits } from '../../src/train/digits-data.js';
import { createDigitsTrainer } from '../../src/train/digits.js';
import { createXoTrainer } from '../../src/train/xo.js';
import { COMMANDS, TUTOR_FLAG } from '../../src/tui/keymap.js';
import { FLAG, type Layer } from '../../src/tui/shell/chrome.js';
import { type KeyState, boundCommands, footerItems } from '../../src/tui/shell/keymap.js';
import { keyLayers } from '../../src/tui/shell/screen.js';
import { DRAW_COMMANDS, TRAINER_COMMANDS, type TrainContext } from '../../src/tui/train/keymap.js';
import { TrainingSession, createXoSession } from '../../src/tui/train/session.js';
import { pickSamples, takeSnapshot } from '../../src/tui/train/snapshot.js';
import {
  LEARNING_RATES,
  type TrainerScreenState,
  initialTrainerState,
  isDone,
  isRunning,
  nextLearningRate,
  reduceTrainer,
} from '../../src/tui/train/trainer-reducer.js';
import { trainerScreen } from '../../src/tui/train/trainer-screen.js';
import { percent } from '../../src/tui/train/trainer-view.js';
import { TrainerScreen } from '../../src/tui/train/TrainerScreen.js';
import { initialState, reduce } from '../../src/tui/state/reducer.js';
import { fixtureEnv, freshProgress, stamp, t, xoCourse } from './fixture.js';
import { KEYS } from '../helpers/fake-terminal.js';
import { mountScreen, unmountScreens } from '../helpers/ink-screen.js';
import { delay } from '../helpers/wait-for.js';
import { expectFits, renderApp } from './render-app.js';
import { driveScreen } from './shell-driver.js';

function freshState(session: TrainingSession = createXoSession()): TrainerScreenState {
  return initialTrainerState({
    kind: 'xo',
    snapshot: takeSnapshot(session, { probe: true }),
    epochs: session.epochs,
    seed: session.seed,
    canDraw: true,
  });
}

/** The trainer in the shell, without Ink. */
function drive(state: TrainerScreenState = freshState(), size = { width: 80, height: 24 }) {
  return driveScreen(trainerScreen, state, size);
}

/** Every line fits the width, and the frame leaves the terminal's last row free. */
function expectLinesFit(lines: readonly string[], width: number, height: number): void {
  for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  expect(lines.length).toBeLessThan(height);
}

/** The footer: the last lines of the frame, after the body. */
const footerOf = (lines: readonly string[]) => lines.slice(-2).join('  ');

describe('the key table', () => {
  const TRAINER: TrainContext[] = ['running', 'paused', 'done'];
  const LAYERS: Layer[] = ['screen', 'help', 'quit-confirm', 'too-small'];
  const EXTRA = [[], [FLAG.scrollable, FLAG.helpScrollable]];
  const states = (): Array<{ commands: typeof TRAINER_COMMANDS; keys: KeyState }> => [
    ...TRAINER.flatMap((context) =>
      [new Set<string>(), new Set(['can-draw'])].map((flags) => ({
        commands: TRAINER_COMMANDS,
        keys: { context, typing: 'none' as const, flags },
      })),
    ),
    {
      commands: DRAW_COMMANDS,
      keys: { context: 'draw', typing: 'none', flags: new Set([FLAG.arrows]) },
    },
  ];

  test("no two commands share a key, the screen's own and the shell's together", () => {
    for (const { commands, keys } of states())
      for (const layer of LAYERS)
        for (const extra of EXTRA) {
          const seen = new Map<string, string>();
          for (const { command, keys: bound } of boundCommands(
            keyLayers(commands, keys, layer, extra),
          ))
            for (const k of bound) {
              const where = `${keys.context} ${layer} ${extra.join(',')}: ${k}`;
              expect(seen.get(k), where).toBeUndefined();
              seen.set(k, command.id);
            }
        }
  });

  test('every label and group is in the catalog', () => {
    for (const c of [...TRAINER_COMMANDS, ...DRAW_COMMANDS]) {
      expect(hasMessage(c.label), c.label).toBe(true);
      if (c.group) expect(hasMessage(c.group), c.group).toBe(true);
    }
  });

  test('the footer says what space does: pause, resume, or train more, as training is', () => {
    const running = drive();
    expect(footerOf(running.lines())).toContain('Space pause');
    expect(footerOf(running.press(' ').lines())).toContain('Space resume');
    const session = createXoSession();
    session.trainer.run({ epochs: 2 });
    const done = drive(
      initialTrainerState({ kind: 'xo', snapshot: takeSnapshot(session), epochs: 2, seed: 1 }),
    );
    expect(footerOf(done.lines())).toContain('Space train more');
  });

  test('d is offered only where it opens the draw screen', () => {
    expect(footerOf(drive().lines())).toContain('d draw your own');
    const digitsLike = drive({ ...freshState(), canDraw: false });
    expect(footerOf(digitsLike.lines())).not.toContain('draw your own');
    expect(digitsLike.press('d').state.exit).toBeUndefined();
  });

  test('the X/O lesson offers t and d; other lessons do not', () => {
    const shown = (flags: Set<string>) =>
      footerItems([{ table: COMMANDS, state: { context: 'step', typing: 'none', flags } }], t).map(
        (i) => `${i.keys} ${i.label}`,
      );
    expect(shown(new Set([TUTOR_FLAG.trainer, TUTOR_FLAG.draw]))).toEqual(
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

describe('the keys and the reducer', () => {
  test('space pauses and resumes; training runs only while nothing is queued', () => {
    const s = drive();
    expect(isRunning(s.state)).toBe(true);
    s.press(' ');
    expect(s.state.paused).toBe(true);
    expect(isRunning(s.state)).toBe(false);
    expect(s.press(' ').state.paused).toBe(false);
  });

  test('r queues a reset to the next seed and pauses on the new random weights', () => {
    const s = drive().press('r').state;
    expect(s.requests).toEqual([{ kind: 'reset', seed: 2 }]);
    expect(s.seed).toBe(2);
    expect(s.paused).toBe(true);
    expect(isRunning(s)).toBe(false);
  });

  test('+ and − queue learning rates along the ladder, from the last one queued', () => {
    expect(drive().press('+', '+', '-').state.requests).toEqual([
      { kind: 'rate', value: 0.05 },
      { kind: 'rate', value: 0.1 },
      { kind: 'rate', value: 0.05 },
    ]);
    // = and _ are + and − without Shift.
    expect(drive().press('=', '_', '_').state.requests).toEqual([
      { kind: 'rate', value: 0.05 },
      { kind: 'rate', value: 0.03 },
      { kind: 'rate', value: 0.02 },
    ]);
  });

  test('n steps only while paused', () => {
    expect(drive().press('n').state.requests).toEqual([]);
    expect(drive().press(' ', 'n').state.requests).toEqual([{ kind: 'step' }]);
  });

  test('the X/O network starts slow, at a pace a person can follow; s cycles normal, full, slow', () => {
    const s = drive();
    expect(s.text()).toContain('training · slow ·');
    const speeds = [s.state.pace];
    for (let i = 0; i < 3; i++) speeds.push(s.press('s').state.pace);
    expect(speeds).toEqual([0, 1, 2, 0]);
    expect(s.press('s', 's').text()).toContain('training · full speed ·');
  });

  test('applied requests leave the queue; a reset forgets the curve and the first 100%', () => {
    const session = createXoSession();
    let s = drive(freshState(session)).press('r').state;
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
    const more = drive(s).press(' ').state;
    expect(more.epochs).toBe(4);
    expect(isRunning(more)).toBe(true);
  });

  test('Esc and d ask the screen to close, with where to; q quits through the shell', () => {
    expect(drive().press(KEYS.escape).state.exit).toBe('back');
    expect(drive().press('d').state.exit).toBe('draw');
    const quit = drive().press('q');
    expect(quit.shell.quitting).toBe(true);
    expect(quit.state.exit).toBeUndefined();
    expect(drive().press(KEYS.ctrlC).shell.quitting).toBe(true);
  });

  test("? lists the trainer's keys and what it is for; Esc closes the help, not the trainer", () => {
    const s = drive(freshState(), { width: 100, height: 40 }).press('?');
    const help = s.text();
    expect(s.frame().view.kind).toBe('help');
    expect(help).toContain('Keys on this screen');
    for (const label of ['pause', 'reset to random weights', 'smaller learning rate', 'back'])
      expect(help).toMatch(new RegExp(`^ +\\S+( \\S+)* +${label}$`, 'm'));
    expect(help).toContain('three 3×3 filters, ReLU, two poolings and two votes');
    // Keys go to the help while it is open: space does not pause.
    s.press(' ');
    expect(s.state.paused).toBe(false);
    s.press(KEYS.escape);
    expect(s.frame().view.kind).toBe('main');
    expect(s.state.exit).toBeUndefined();
  });

  test('the body scrolls with ↓ and PgDn, and starts again at the top after a reset', () => {
    const session = createXoSession();
    session.trainer.run({ epochs: 3 });
    const s = drive(freshState(session));
    const top = s.lines();
    expect(top.join('\n')).toMatch(/more below: \d+ lines \(↓ PgDn\)/);
    expect(footerOf(top)).toContain('↑/↓ scroll');
    const first = s.frame().facts.maxScroll;
    s.press(KEYS.down);
    expect(s.text()).toMatch(/1 line above \(↑ PgUp\)/);
    s.press(KEYS.pageDown);
    expect(s.text()).toContain(`${first} lines above`);
    expect(s.text()).not.toContain('more below');
    // r: new weights, shown from the top.
    s.press('r');
    expect(s.text()).not.toMatch(/lines? above/);
    expect(s.text()).toContain('Held-out accuracy now:');
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
      const s = driveScreen(trainerScreen, state, { width, height, ascii });
      expect(s.frame().view.kind).toBe('main');
      expectLinesFit(s.lines(), width, height);
      // Help too.
      expectLinesFit(s.press('?').lines(), width, height);
    }
  });

  test("shows the learned filters beside the lectures' with the trainer's similarity", () => {
    const text = drive(state, { width: 120, height: 60 }).text();
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

  test('a terminal too small says what it needs, and only q works there', () => {
    const s = drive(state, { width: 50, height: 12 });
    expect(s.frame().view.kind).toBe('too-small');
    expect(s.frame().layer).toBe('too-small');
    expect(s.text().replace(/\s+/g, ' ')).toContain(
      'The terminal is 50×12; cnn-tutor needs at least 60×18.',
    );
    expect(s.press(' ', 'r', KEYS.escape).state).toBe(state);
    expect(s.press('q').shell.quitting).toBe(true);
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
      const lines = driveScreen(trainerScreen, state, { width, height }).lines();
      expectLinesFit(lines, width, height);
      const text = driveScreen(trainerScreen, state, { width, height: 200 }).text();
      expect(text).toContain('The 8 filters of the first layer');
      expect(text).toContain('Held-out accuracy after epoch 1:');
      for (const p of snapshot.samples)
        expect(text).toContain(
          p.predicted === p.label ? `✓ ${p.label} (` : `✗ says ${p.predicted}, is ${p.label}`,
        );
    }
  });
});

afterEach(unmountScreens);

/** The trainer screen on a fresh X/O network, in the shell, in a 100-column fake terminal. */
function screen(session: TrainingSession = createXoSession()) {
  const exits: string[] = [];
  const s = mountScreen(
    <TrainerScreen session={session} kind="xo" canDraw t={t} onExit={(to) => exits.push(to)} />,
  );
  return { ...s, session, exits };
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

  test.each([
    ['d', 'draw'],
    [KEYS.escape, 'back'],
    ['q', 'quit'],
  ])('%j asks to leave, to %s, once', async (key, to) => {
    const s = screen();
    await s.waitFor(() => s.session.trainer.status.steps >= 1);
    s.stdin.write(key);
    await s.waitFor(() => s.exits.length > 0);
    await delay(50);
    expect(s.exits).toEqual([to]);
  });

  test('? opens the help over the training, Esc closes it and the trainer stays', async () => {
    const s = screen();
    s.stdin.write('?');
    await s.waitFor((f) => f.includes('Keys on this screen'));
    expect(s.frame()).toContain('reset to random weights');
    s.stdin.write(KEYS.escape);
    await s.waitFor((f) => f.includes('The X/O network learns from random weights'));
    await delay(50);
    expect(s.exits).toEqual([]);
  });
});

describe("the tutor's reducer", () => {
  const env = fixtureEnv();
  const home = initialState(env, { progress: freshProgress() });

  test('a tool opens only over a lesson; tools stack and close back to where they came from', () => {
    expect(reduce(home, { type: 'tool/open', tool: 'train' }, env).tools).toEqual([]);
    const lesson = reduce(home, { type: 'lesson/open', index: 0, at: stamp() }, env);
    const draw = reduce(lesson, { type: 'tool/open', tool: 'draw' }, env);
    expect(draw.tools).toEqual(['draw']);
    const train = reduce(draw, { type: 'tool/open', tool: 'train' }, env);
    expect(train.tools).toEqual(['draw', 'train']);
    // Opening one already open under the top goes back to it.
    expect(reduce(train, { type: 'tool/open', tool: 'draw' }, env).tools).toEqual(['draw']);
    const back = reduce(train, { type: 'tool/close' }, env);
    expect(back.tools).toEqual(['draw']);
    const closed = reduce(back, { type: 'tool/close' }, env);
    expect(closed.tools).toEqual([]);
    expect([closed.screen, closed.step]).toEqual(['lesson', 0]);
  });
});

describe('from the X/O lesson', () => {
  const course = xoCourse();

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

  test('d in the trainer opens the draw screen; Esc goes back to the trainer, then the lesson', async () => {
    app = renderApp({ course, startLesson: 'xo-network' });
    await app.waitFor((f) => f.includes('X or O?'));
    app.stdin.write('t');
    await app.waitFor((f) => /epoch \d+ of 30 · batch [1-9]/.test(f));
    await app.press('d');
    await app.waitFor((f) => f.includes('Draw an X or an O'));
    await app.press(KEYS.escape);
    await app.waitFor((f) => f.includes('The X/O network learns from random weights'));
    // The same network, still learning where it was left.
    expect(app.lastFrame()).not.toContain('epoch 1 of 30 · batch 0 of 40');
    await app.press(KEYS.escape);
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

/**
 * The draw screen: the hand-set network checked against the X/O lesson file, its keys and
 * frame driven through the shell without Ink, then the screen mounted in the shell and driven
 * through stdin (tests/helpers/ink-screen): moving the pen, flipping pixels, starting from the
 * lectures' X and O and seeing each win, cycling the intermediate maps, and the lesson's `d`
 * key that opens it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { readLibrary } from '../../src/content/library.js';
import { loadCourse } from '../../src/content/load-course.js';
import { ROOT } from '../e2e/pty-session.js';
import { displayWidth } from '../../src/render/index.js';
import { forward } from '../../src/train/network.js';
import { LECTURE_FILTERS } from '../../src/train/xo.js';
import { DrawScreen } from '../../src/tui/train/DrawScreen.js';
import {
  type DrawScreenState,
  MAP_STAGES,
  initialDrawState,
  reduceDraw,
} from '../../src/tui/train/draw-reducer.js';
import { drawScreen } from '../../src/tui/train/draw-screen.js';
import { drawTraces, pictureTensor, stageMaps } from '../../src/tui/train/draw-view.js';
import { type HandSet, handSetOf } from '../../src/tui/train/hand-set.js';
import { type TrainingSession, createXoSession } from '../../src/tui/train/session.js';
import { freezeNetwork } from '../../src/tui/train/snapshot.js';
import { t, xoCourse } from './fixture.js';
import { KEYS } from '../helpers/fake-terminal.js';
import { mountScreen, unmountScreens } from '../helpers/ink-screen.js';
import { expectFits, renderApp } from './render-app.js';
import { driveScreen } from './shell-driver.js';

const library = readLibrary(ROOT, []);
const HAND_SET = handSetOf(library, 'en') as HandSet;
const LECTURE_X = HAND_SET.pictures.x;
const LECTURE_O = HAND_SET.pictures.o;
const CROOKED_X = HAND_SET.pictures.crooked;

describe("the hand-set network is the lesson's", () => {
  const loaded = loadCourse({ root: ROOT, lang: 'en' });
  const steps = loaded.course.lessons.find((l) => l.id === 'xo-network')!.steps;
  const figure = (title: string) => {
    const step = steps.find((s) => s.type === 'figure' && s.title === title);
    return (step as { request: { input: unknown; stages: Stage[] } }).request;
  };
  interface Stage {
    op: string;
    kernels?: number[][][];
    weights?: number[][];
    scale?: number;
  }

  test("the lesson's network, filters in the trainer's order, and the lesson's pictures", () => {
    expect(loaded.problems).toEqual([]);
    const stages = figure('Every feature votes').stages;
    const conv = stages.find((s) => s.op === 'conv2d')!;
    const [filters, votes] = HAND_SET.network.params.filter((p) => p !== null);
    expect(Array.from(filters!.weights.data)).toEqual(conv.kernels!.flat(2));
    expect(conv.scale).toBe(1 / 9);
    expect(Array.from(votes!.weights.data)).toEqual(
      stages.find((s) => s.op === 'dense')!.weights!.flat(),
    );
    // The trainer names a learned filter after the lectures' filter it resembles: the same three.
    expect(conv.kernels).toEqual(Object.values(LECTURE_FILTERS));
    expect(HAND_SET.filterNames).toEqual(['diagonal \\', 'cross x', 'diagonal /']);
    expect(figure('X or O?').input).toEqual(LECTURE_X);
    expect(figure('And an O').input).toEqual(LECTURE_O);
    expect(figure('X or X?').input).toEqual(CROOKED_X);
  });

  test('a library without the network or a picture is named, never a crash', () => {
    expect(handSetOf({ ...library, networks: {} }, 'en')).toEqual({
      missing: expect.stringContaining('xo-hand-set'),
    });
    expect(handSetOf({ ...library, pictures: { x: library.pictures.x } }, 'en')).toHaveProperty(
      'missing',
    );
  });

  test.each([
    ['X', 'x', 0, [5, 20 / 9]],
    ['O', 'o', 1, [25 / 9, 4]],
    ['crooked X', 'crooked', 0, [37 / 9, 20 / 9]],
  ] as const)('votes on the %s as the lesson works out', (_name, key, winner, votes) => {
    const picture = HAND_SET.pictures[key];
    const trace = forward(HAND_SET.network, pictureTensor(picture));
    expect(trace.predicted).toBe(winner);
    expect(trace.logits[0]).toBeCloseTo(votes[0], 12);
    expect(trace.logits[1]).toBeCloseTo(votes[1], 12);
    // The twelve features of the lesson's X: [[1, .55], [.55, 1]], [[1, .55], [.55, .55]], [[.55, 1], [1, .55]].
    if (key === 'x') {
      const features = Array.from(stageMaps(trace, 'features').data);
      const f = 5 / 9;
      expect(features.map((v) => v.toFixed(6))).toEqual(
        [1, f, f, 1, 1, f, f, f, f, 1, 1, f].map((v) => v.toFixed(6)),
      );
    }
  });
});

const screenDef = drawScreen(HAND_SET);

/** The draw screen in the shell, without Ink. */
function drive(state: DrawScreenState = initialDrawState(), size = { width: 80, height: 24 }) {
  return driveScreen(screenDef, state, size);
}

describe('the keys', () => {
  test('the pen moves with the arrows and stops at the edges', () => {
    const s = drive();
    expect([s.state.row, s.state.col]).toEqual([4, 4]);
    s.press(KEYS.right, KEYS.up);
    expect([s.state.row, s.state.col]).toEqual([3, 5]);
    // Rows and columns are counted from 0, as in the lessons.
    expect(s.text()).toContain('Pen at row 3, column 5 (counted from 0)');
    for (let i = 0; i < 12; i++) s.press(KEYS.left);
    expect(s.state.col).toBe(0);
    for (let i = 0; i < 12; i++) s.press(KEYS.down);
    expect(s.state.row).toBe(8);
    // The arrows are the pen's: the maps did not scroll.
    expect(s.shell.chrome.scroll).toBe(0);
  });

  test("space flips the pixel under the pen; c clears; x, o, k load the lectures' pictures", () => {
    const s = drive().press(' ');
    expect(s.state.pixels[4][4]).toBe(1);
    expect(s.text()).toContain('1 ink pixel');
    const flipped = s.state;
    expect(drive(flipped).press(' ').state.pixels[4][4]).toBe(-1);
    expect(
      drive(flipped)
        .press('c')
        .state.pixels.flat()
        .every((v) => v === -1),
    ).toBe(true);
    expect(drive(flipped).press('x').state.pixels).toEqual(LECTURE_X);
    expect(drive(flipped).press('o').state.pixels).toEqual(LECTURE_O);
    expect(drive(flipped).press('k').state.pixels).toEqual(CROOKED_X);
  });

  test('m cycles the maps, M goes back; n switches network; both show the maps from the top', () => {
    const s = drive();
    expect(s.text()).toMatch(/more below: \d+ lines \(PgDn\)/);
    s.press(KEYS.pageDown);
    expect(s.text()).toMatch(/\d+ lines above \(PgUp\)/);
    const seen: string[] = [];
    for (let i = 0; i <= MAP_STAGES.length; i++) {
      seen.push(MAP_STAGES[s.state.stage]);
      s.press('m');
    }
    expect(seen).toEqual(['match', 'relu', 'pooled', 'features', 'match']);
    expect(s.text()).not.toMatch(/lines? above/);
    expect(s.text()).toContain('Inside the hand-set network: after ReLU (2 of 4; m for the next)');
    expect(MAP_STAGES[drive().press('M').state.stage]).toBe('features');
    const other = drive().press(KEYS.pageDown, 'n');
    expect(other.state.network).toBe('trained');
    expect(other.text()).not.toMatch(/lines? above/);
  });

  test('Esc goes back, t to the trainer; q quits through the shell', () => {
    expect(drive().press(KEYS.escape).state.exit).toBe('back');
    expect(drive().press('t').state.exit).toBe('train');
    const quit = drive().press('q');
    expect(quit.shell.quitting).toBe(true);
    expect(quit.state.exit).toBeUndefined();
  });

  test('? lists the pen, the pictures and the maps, and says what the screen is for', () => {
    const s = drive(initialDrawState(), { width: 100, height: 40 }).press('?');
    const help = s.text();
    expect(help).toContain('Keys on this screen');
    for (const label of ['pen left', 'flip pixel', "start from the lectures' X", 'previous maps'])
      expect(help).toContain(label);
    expect(help).toContain('Space flips the pixel under the pen');
    // Keys go to the help while it is open: the pen stays where it was.
    s.press(KEYS.escape);
    expect(s.frame().view.kind).toBe('main');
    expect(s.state).toEqual(initialDrawState());
  });

  test('the trained network arrives from outside, and its votes show', () => {
    const session = createXoSession();
    session.trainer.run({ epochs: 5 });
    const s = drive(initialDrawState({ training: true, pixels: LECTURE_X }));
    expect(s.text()).toContain('There is no trained network yet.');
    s.update((d) =>
      reduceDraw(d, { type: 'trained', network: freezeNetwork(session.trainer), training: false }),
    );
    expect(s.text()).toContain('Trained network (5 epochs');
    expect([...s.text().matchAll(/says ([XO])\b/g)].map((m) => m[1])).toHaveLength(2);
  });
});

describe('the layout', () => {
  const session = createXoSession();
  session.trainer.run({ epochs: 5 });
  const state = initialDrawState({ trained: freezeNetwork(session.trainer), pixels: LECTURE_O });

  test.each([
    [60, 18],
    [80, 24],
    [120, 40],
  ])('every line fits %i×%i, with one row free, at every stage', (width, height) => {
    for (let stage = 0; stage < MAP_STAGES.length; stage++) {
      for (const ascii of [false, true]) {
        const s = driveScreen(screenDef, { ...state, stage }, { width, height, ascii });
        expect(s.frame().view.kind).toBe('main');
        const lines = s.lines();
        for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
        expect(lines.length).toBeLessThan(height);
      }
    }
  });

  test("the maps are the engine's, with two decimals", () => {
    const traces = drawTraces({ ...state, pixels: LECTURE_X }, HAND_SET.network);
    const text = drive(
      { ...state, pixels: LECTURE_X, stage: 2 },
      { width: 140, height: 60 },
    ).text();
    expect(text).toContain('Inside the hand-set network: pooled (3 of 4; m for the next)');
    // Pooled map 0 of the X starts 1.00, 0.33, 0.56, 0.33 (the slides' 1.00 0.33 0.55 0.33).
    expect(
      Array.from(stageMaps(traces.handSet, 'pooled').data.slice(0, 4)).map((v) => v.toFixed(2)),
    ).toEqual(['1.00', '0.33', '0.56', '0.33']);
    expect(text).toMatch(/^ +1 +0\.33 +0\.56 +0\.33/m);
  });
});

afterEach(unmountScreens);

function screen(session: TrainingSession) {
  const exits: string[] = [];
  const s = mountScreen(
    <DrawScreen session={session} handSet={HAND_SET} t={t} onExit={(to) => exits.push(to)} />,
  );
  /** "says X" under each network's votes, in order: hand-set, trained. */
  const verdicts = (): string[] => [...s.frame().matchAll(/says ([XO])\b/g)].map((m) => m[1]);
  return { ...s, exits, verdicts };
}

describe('the screen', () => {
  test('trains an untrained network first, then both networks vote', async () => {
    const session = createXoSession();
    const s = screen(session);
    expect(s.frame()).toContain('Draw an X or an O, and watch both networks vote');
    await s.waitFor((f) => f.includes('Trained network (30 epochs'), 15000);
    expect(session.trainer.status.epoch).toBe(30);
  });

  test('moving, flipping, the X winning, the O winning, and every map one key away', async () => {
    const session = createXoSession();
    session.trainer.run({ epochs: 30 });
    const s = screen(session);
    await s.waitFor((f) => f.includes('Pen at row 4, column 4 (counted from 0) · 0 ink pixels'));

    await s.press(KEYS.right, KEYS.up);
    expect(s.frame()).toContain('Pen at row 3, column 5 (counted from 0) · 0 ink pixels');
    await s.press(' ');
    expect(s.frame()).toContain('Pen at row 3, column 5 (counted from 0) · 1 ink pixel');
    expect(s.frame()).toContain('[█]');

    await s.press('x');
    expect(s.verdicts()).toEqual(['X', 'X']);
    expect(s.frame()).toContain('says X (94.1%)');

    await s.press('o');
    expect(s.verdicts()).toEqual(['O', 'O']);
    expect(s.frame()).toContain('says O (77.2%)');

    const stages: string[] = [];
    for (let i = 0; i < 4; i++) {
      stages.push(/Inside the hand-set network: ([a-zA-Z ]+) \(/.exec(s.frame())?.[1] ?? '?');
      await s.press('m');
    }
    expect(stages).toEqual(['match maps', 'after ReLU', 'pooled', 'features']);
    expect(s.frame()).toContain('match maps (1 of 4');

    await s.press('n');
    expect(s.frame()).toContain('Inside the trained network: match maps');

    await s.press('c');
    expect(s.frame()).toContain('0 ink pixels');
    await s.press(KEYS.escape);
    expect(s.exits).toEqual(['back']);
  });
});

describe('from the X/O lesson', () => {
  const course = xoCourse();

  let app: ReturnType<typeof renderApp> | undefined;
  afterEach(() => app?.unmount());

  test('d opens the draw screen, o is called an O, t trains, Esc goes back one screen at a time', async () => {
    app = renderApp({ course, startLesson: 'xo-network', columns: 120, rows: 40 });
    await app.waitFor((f) => f.includes('X or O?'));
    app.stdin.write('d');
    await app.waitFor((f) => f.includes('Draw an X or an O'));
    await app.waitFor((f) => f.includes('Trained network (30 epochs'), 15000);
    await app.press('o');
    expect([...app.lastFrame().matchAll(/says ([XO])\b/g)].map((m) => m[1])).toEqual(['O', 'O']);
    expectFits(app.lastFrame(), 120, 40);
    // t goes to the trainer: the network learned unseen, so there it learns again, to watch.
    await app.press('t');
    await app.waitFor((f) => f.includes('starts again here from new random weights'));
    expect(app.lastFrame()).toContain('seed 2');
    // Esc goes back where the trainer was opened from, the draw screen, then to the lesson.
    await app.press(KEYS.escape);
    await app.waitFor((f) => f.includes('Draw an X or an O'));
    expect(app.lastFrame()).toContain('Trained network');
    await app.press(KEYS.escape);
    await app.waitFor((f) => f.includes('A network that tells an X from an O.'));
  });
});

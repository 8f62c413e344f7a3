/**
 * The draw screen: the hand-set network checked against the X/O lesson file, the reducer and
 * layout without Ink, then the screen driven through stdin with ink-testing-library: moving
 * the pen, flipping pixels, starting from the lectures' X and O and seeing each win, cycling
 * the intermediate maps, and the lesson's `d` key that opens it.
 */
import { readFileSync } from 'node:fs';
import type { Key } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Course } from '../../src/content/course.js';
import { displayWidth, plainStyle } from '../../src/render/index.js';
import { forward } from '../../src/train/network.js';
import { LECTURE_FILTERS } from '../../src/train/xo.js';
import { DrawScreen } from '../../src/tui/train/DrawScreen.js';
import {
  type DrawAction,
  type DrawScreenState,
  MAP_STAGES,
  initialDrawState,
  reduceDraw,
} from '../../src/tui/train/draw-reducer.js';
import {
  buildDrawScreen,
  drawTraces,
  pictureTensor,
  stageMaps,
} from '../../src/tui/train/draw-view.js';
import {
  CROOKED_X,
  HAND_SET_VOTES,
  LECTURE_FILTER_ORDER,
  LECTURE_O,
  LECTURE_X,
  handSetNetwork,
} from '../../src/tui/train/hand-set.js';
import { type TrainingSession, createXoSession } from '../../src/tui/train/session.js';
import { freezeNetwork } from '../../src/tui/train/snapshot.js';
import { EXERCISES, LESSONS, t } from './fixture.js';
import { KEYS, delay, expectFits, renderApp } from './render-app.js';
import { NO_KEY } from './keys.js';

interface PipelineFigure {
  readonly op: 'pipeline';
  readonly input: number[][];
  readonly stages: Array<{
    op: string;
    kernels?: number[][][];
    weights?: number[][];
    scale?: number;
  }>;
}

const lesson = parse(
  readFileSync(new URL('../../lessons/xo-network.yaml', import.meta.url), 'utf8'),
) as { steps: Array<{ title?: string; figure?: PipelineFigure }> };
const figure = (title: string) => lesson.steps.find((s) => s.title === title)!.figure!;

describe("the hand-set network is the lesson's", () => {
  const withVotes = figure('Every feature votes');

  test('same filters, in the same order, and the same vote weights', () => {
    const conv = withVotes.stages.find((s) => s.op === 'conv2d')!;
    expect(conv.kernels).toEqual(LECTURE_FILTER_ORDER.map((name) => LECTURE_FILTERS[name]));
    expect(conv.scale).toBeCloseTo(1 / 9, 15);
    expect(withVotes.stages.find((s) => s.op === 'dense')!.weights).toEqual(HAND_SET_VOTES);
  });

  test('the same X, O and crooked X', () => {
    expect(figure('X or O?').input).toEqual(LECTURE_X);
    expect(figure('And an O').input).toEqual(LECTURE_O);
    expect(figure('X or X?').input).toEqual(CROOKED_X);
  });

  test.each([
    ['X', LECTURE_X, 0, [5, 20 / 9]],
    ['O', LECTURE_O, 1, [25 / 9, 4]],
    ['crooked X', CROOKED_X, 0, [37 / 9, 20 / 9]],
  ] as const)('votes on the %s as the lesson works out', (_name, picture, winner, votes) => {
    const trace = forward(handSetNetwork(), pictureTensor(picture));
    expect(trace.predicted).toBe(winner);
    expect(trace.logits[0]).toBeCloseTo(votes[0], 12);
    expect(trace.logits[1]).toBeCloseTo(votes[1], 12);
    // The twelve features of the lesson's X: [[1, .55], [.55, 1]], [[1, .55], [.55, .55]], [[.55, 1], [1, .55]].
    if (picture === LECTURE_X) {
      const features = Array.from(stageMaps(trace, 'features').data);
      const f = 5 / 9;
      expect(features.map((v) => v.toFixed(6))).toEqual(
        [1, f, f, 1, 1, f, f, f, f, 1, 1, f].map((v) => v.toFixed(6)),
      );
    }
  });
});

function press(state: DrawScreenState, input: string, key: Partial<Key> = {}): DrawScreenState {
  const action: DrawAction = {
    type: 'key',
    input,
    key: { ...NO_KEY, ...key },
    view: { tooSmall: false, scrollable: true, maxScroll: 20, page: 5 },
  };
  return reduceDraw(state, action);
}

describe('the reducer', () => {
  test('the pen moves with the arrows and stops at the edges', () => {
    let s = initialDrawState();
    expect([s.row, s.col]).toEqual([4, 4]);
    s = press(s, '', { rightArrow: true });
    s = press(s, '', { upArrow: true });
    expect([s.row, s.col]).toEqual([3, 5]);
    for (let i = 0; i < 12; i++) s = press(s, '', { leftArrow: true });
    expect(s.col).toBe(0);
  });

  test("space flips the pixel under the pen; c clears; x, o, k load the lectures' pictures", () => {
    let s = press(initialDrawState(), ' ');
    expect(s.pixels[4][4]).toBe(1);
    expect(press(s, ' ').pixels[4][4]).toBe(-1);
    expect(
      press(s, 'c')
        .pixels.flat()
        .every((v) => v === -1),
    ).toBe(true);
    expect(press(s, 'x').pixels).toEqual(LECTURE_X);
    expect(press(s, 'o').pixels).toEqual(LECTURE_O);
    expect(press(s, 'k').pixels).toEqual(CROOKED_X);
  });

  test('m cycles the maps, M goes back; n switches network; both scroll to the top', () => {
    let s = press(initialDrawState(), '', { pageDown: true });
    expect(s.scroll).toBe(5);
    const seen: string[] = [];
    for (let i = 0; i <= MAP_STAGES.length; i++) {
      seen.push(MAP_STAGES[s.stage]);
      s = press(s, 'm');
    }
    expect(seen).toEqual(['match', 'relu', 'pooled', 'features', 'match']);
    expect(s.scroll).toBe(0);
    expect(MAP_STAGES[press(initialDrawState(), 'M').stage]).toBe('features');
    expect(press(initialDrawState(), 'n').network).toBe('trained');
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
        const built = buildDrawScreen({ ...state, stage }, handSetNetwork(), {
          width,
          height,
          t,
          ascii,
          style: plainStyle,
        });
        if (built.screen.kind !== 'main') throw new Error(built.screen.kind);
        const { header, body, marker, bottom } = built.screen;
        for (const line of [...header, ...body, marker, ...bottom.footer])
          expect(displayWidth(line), line).toBeLessThanOrEqual(width);
        expect(header.length + built.screen.bodyHeight + 1 + bottom.footer.length).toBeLessThan(
          height,
        );
      }
    }
  });

  test("the maps are the engine's, with two decimals", () => {
    const traces = drawTraces({ ...state, pixels: LECTURE_X }, handSetNetwork());
    const built = buildDrawScreen({ ...state, pixels: LECTURE_X, stage: 2 }, handSetNetwork(), {
      width: 140,
      height: 60,
      t,
      ascii: false,
      style: plainStyle,
    });
    const text = built.screen.kind === 'main' ? built.screen.body.join('\n') : '';
    expect(text).toContain('Inside the hand-set network: pooled (3 of 4; m for the next)');
    // Pooled map 0 of the X starts 1.00, 0.33, 0.56, 0.33 (the slides' 1.00 0.33 0.55 0.33).
    expect(
      Array.from(stageMaps(traces.handSet, 'pooled').data.slice(0, 4)).map((v) => v.toFixed(2)),
    ).toEqual(['1.00', '0.33', '0.56', '0.33']);
    expect(text).toMatch(/^ +1 +0\.33 +0\.56 +0\.33/m);
  });
});

let mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  mounted.forEach((m) => m.unmount());
  mounted = [];
});

function screen(session: TrainingSession) {
  const exits: string[] = [];
  const r = render(<DrawScreen session={session} t={t} onExit={(to) => exits.push(to)} />);
  mounted.push(r);
  const frame = (): string => r.lastFrame() ?? '';
  /** "says X" under each network's votes, in order: hand-set, trained. */
  const verdicts = (): string[] => [...frame().matchAll(/says ([XO])\b/g)].map((m) => m[1]);
  return {
    ...r,
    exits,
    frame,
    verdicts,
    async waitFor(check: (frame: string) => boolean, timeout = 5000): Promise<void> {
      const began = performance.now();
      while (!check(frame())) {
        if (performance.now() - began > timeout)
          throw new Error(`Timed out waiting; last frame:\n${frame()}`);
        await delay(5);
      }
    },
    async press(...keys: string[]): Promise<void> {
      for (const k of keys) {
        const before = r.stdout.frames.length;
        r.stdin.write(k);
        const began = performance.now();
        while (r.stdout.frames.length === before && performance.now() - began < 300) await delay(2);
        await delay(10);
      }
    },
  };
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
    await s.waitFor((f) => f.includes('Pen at row 5, column 5 · 0 ink pixels'));

    await s.press(KEYS.right, KEYS.up);
    expect(s.frame()).toContain('Pen at row 4, column 6 · 0 ink pixels');
    await s.press(' ');
    expect(s.frame()).toContain('Pen at row 4, column 6 · 1 ink pixel');
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

  test('d opens the draw screen, o is called an O, Esc returns to the lesson', async () => {
    app = renderApp({ course, startLesson: 'xo-network', columns: 120, rows: 40 });
    await app.waitFor((f) => f.includes('X or O?'));
    app.stdin.write('d');
    await app.waitFor((f) => f.includes('Draw an X or an O'));
    await app.waitFor((f) => f.includes('Trained network (30 epochs'), 15000);
    await app.press('o');
    expect([...app.lastFrame().matchAll(/says ([XO])\b/g)].map((m) => m[1])).toEqual(['O', 'O']);
    expectFits(app.lastFrame(), 120, 40);
    // t goes to the trainer with the same network, already trained.
    await app.press('t');
    await app.waitFor((f) => f.includes('done: 30 epochs'));
    await app.press(KEYS.escape);
    await app.waitFor((f) => f.includes('A network that tells an X from an O.'));
  });
});

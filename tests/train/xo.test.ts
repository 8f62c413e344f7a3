/**
 * The X/O images, the trainer's slices and controls, and the promise that the lectures'
 * network learns X from O from random weights: 100% on held-out images within 2 s.
 */
import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, tensor } from '../../src/engine/index.js';
import {
  DEFAULT_LIMITS,
  LECTURE_FILTERS,
  LECTURE_X,
  PLAIN,
  Trainer,
  XO_MODEL,
  classCounts,
  compareWithLectureFilters,
  createXoTrainer,
  renderXo,
  xoData,
} from '../../src/train/index.js';

const keyOf = (image: { data: Float64Array }) => Array.from(image.data).join('');

describe('X/O images', () => {
  it('draws the lectures’ X exactly when nothing varies, and a 16-pixel ring for O', () => {
    expect(Array.from(renderXo('X', PLAIN))).toEqual(LECTURE_X.flat());
    const o = renderXo('O', PLAIN);
    expect(o.filter((v) => v === 1).length).toBe(16);
    expect(o[4 * 9 + 4]).toBe(-1); // an empty middle
    expect(o[1 * 9 + 4]).toBe(1); // top of the ring
  });

  it('thicker strokes ink more, missing pixels and noise change some, all ±1', () => {
    const thin = renderXo('X', PLAIN).filter((v) => v === 1).length;
    const thick = renderXo('X', { ...PLAIN, stroke: 0.85 }).filter((v) => v === 1).length;
    expect(thick).toBeGreaterThan(thin);
    const { train } = xoData({ seed: 3, trainCount: 50, testCount: 2 });
    for (let k = 0; k < train.count; k++)
      expect(train.image(k).data.every((v) => v === 1 || v === -1)).toBe(true);
    expect(() => renderXo('X', { ...PLAIN, noise: 0.1 })).toThrowError(/need a random generator/);
    expect(() => renderXo('Y' as 'X', PLAIN)).toThrow(
      new ValueError('shape', 'Expected `shape` to be "X" or "O", got "Y".'),
    );
  });

  it('is the same for the same seed, balanced, and the held-out set never repeats a training image', () => {
    const a = xoData({ seed: 11 });
    const b = xoData({ seed: 11 });
    expect(a.train.count).toBe(400);
    expect(a.test.count).toBe(100);
    expect(classCounts(a.train)).toEqual([200, 200]);
    expect(classCounts(a.test)).toEqual([50, 50]);
    for (let k = 0; k < a.train.count; k += 37)
      expect(keyOf(a.train.image(k))).toBe(keyOf(b.train.image(k)));
    expect(keyOf(xoData({ seed: 12 }).train.image(0))).not.toBe(keyOf(a.train.image(0)));
    const seen = new Set(Array.from({ length: a.train.count }, (_, k) => keyOf(a.train.image(k))));
    for (let k = 0; k < a.test.count; k++) expect(seen.has(keyOf(a.test.image(k)))).toBe(false);
  });

  it('checks its counts', () => {
    expect(() => xoData({ trainCount: 7 })).toThrow(
      new ValueError(
        'trainCount',
        'Expected `trainCount` to be an even whole number ≥ 2 (half X, half O), got 7.',
      ),
    );
    expect(DEFAULT_LIMITS.shift).toBe(0.5);
  });
});

describe('training the X/O network', () => {
  it('reaches 100% on the held-out set within 2 s from random weights (seeds 1–5)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const trainer = createXoTrainer({ seed });
      trainer.run({ epochs: 30, stopAtTestAccuracy: 1 });
      const perfect = trainer.firstPerfect;
      expect(perfect, `seed ${seed}`).not.toBeNull();
      expect(perfect!.seconds, `seed ${seed}`).toBeLessThan(2);
      expect(trainer.evaluate().accuracy).toBe(1);
      expect(trainer.evaluate().confusion).toEqual([
        [50, 0],
        [0, 50],
      ]);
    }
  });

  it('is repeatable: the same seed gives the same learning curve', () => {
    const run = () => {
      const t = createXoTrainer({ seed: 9 });
      t.run({ epochs: 3 });
      return t.history.map((m) => [m.loss, m.trainAccuracy, m.testAccuracy]);
    };
    expect(run()).toEqual(run());
  });

  it('learns filters the comparison can pair with the lectures’ (at least one clear diagonal)', () => {
    const trainer = createXoTrainer({ seed: 1 });
    trainer.run({ epochs: 10 });
    const comparison = compareWithLectureFilters(trainer.filters());
    expect(comparison.matches).toHaveLength(3);
    expect(new Set(comparison.matches.map((m) => m.learned)).size).toBe(3);
    expect(Math.abs(comparison.matches[0].correlation)).toBeGreaterThan(0.7);
  });
});

describe('the trainer in slices', () => {
  const small = () => createXoTrainer({ seed: 2, trainCount: 40, testCount: 20 });

  it('steps a few batches at a time, ending epochs and writing history as it goes', () => {
    const trainer = small();
    expect(trainer.batchesPerEpoch).toBe(4);
    let status = trainer.step(3);
    expect(status).toMatchObject({ epoch: 0, batch: 3, steps: 3, last: null });
    expect(trainer.losses).toHaveLength(3);
    status = trainer.step(2);
    expect(status).toMatchObject({ epoch: 1, batch: 1, steps: 5 });
    expect(trainer.history).toHaveLength(1);
    expect(trainer.history[0]).toMatchObject({ epoch: 1, steps: 4 });
    expect(trainer.history[0].seconds).toBeGreaterThan(0);
    expect(trainer.history[0].seconds).toBeLessThanOrEqual(status.seconds);
  });

  it('iterates slices until the given epochs, and runs for a time budget', () => {
    const trainer = small();
    const statuses = [...trainer.slices(3, 2)];
    expect(statuses.map((s) => s.steps)).toEqual([3, 6, 9]);
    expect(trainer.history).toHaveLength(2);
    const before = trainer.status.steps;
    trainer.runFor(5);
    expect(trainer.status.steps).toBeGreaterThan(before);
  });

  it('does nothing while paused; reset starts over identically', () => {
    const trainer = small();
    trainer.step(2);
    const filters = trainer.filters();
    trainer.pause();
    expect(trainer.step(5).steps).toBe(2);
    expect(trainer.run({ epochs: 3 })).toHaveLength(0);
    expect(trainer.filters().data).toEqual(filters.data);
    trainer.resume();
    trainer.step(1);
    expect(trainer.status.steps).toBe(3);

    trainer.reset();
    expect(trainer.status).toMatchObject({ epoch: 0, batch: 0, steps: 0, lastLoss: null });
    expect(trainer.history).toHaveLength(0);
    const fresh = small();
    expect(trainer.filters().data).toEqual(fresh.filters().data);
    trainer.step(2);
    fresh.step(2);
    expect(trainer.filters().data).toEqual(fresh.filters().data);
  });

  it('takes a new learning rate at once, logs it, and decays it per epoch when asked', () => {
    const trainer = small();
    trainer.learningRate = 0.001;
    trainer.run({ epochs: 1 });
    expect(trainer.history[0].learningRate).toBe(0.001);
    expect(() => (trainer.learningRate = 0)).toThrow(
      new ValueError('learningRate', 'Expected `learningRate` to be a number > 0, got 0.'),
    );
    const { train, test } = xoData({ seed: 1, trainCount: 20, testCount: 10 });
    const decaying = new Trainer({
      spec: XO_MODEL,
      train,
      test,
      optimizer: { type: 'sgd', learningRate: 0.1 },
      learningRateDecay: 0.5,
      batchSize: 20,
    });
    decaying.run({ epochs: 3 });
    expect(decaying.history.map((m) => m.learningRate)).toEqual([0.1, 0.05, 0.025]);
    decaying.reset();
    expect(decaying.learningRate).toBe(0.1);
  });

  it('shows every map for one image and rejects bad settings', () => {
    const trainer = small();
    const trace = trainer.trace(tensor([1, 9, 9], LECTURE_X.flat()));
    expect(trace.layers.map((l) => l.output.shape)).toEqual([
      [3, 7, 7],
      [3, 7, 7],
      [3, 4, 4],
      [3, 2, 2],
      [12],
      [2],
    ]);
    expect(() => trainer.filters(1)).toThrowError(/is not a conv2d layer/);
    const { train, test } = xoData({ trainCount: 4, testCount: 2 });
    expect(
      () => new Trainer({ spec: XO_MODEL, train, test, optimizer: { type: 'adam' }, batchSize: 0 }),
    ).toThrowError(/batchSize/);
  });
});

describe('compareWithLectureFilters', () => {
  const lectureTensor = (order: string[], signs: number[]) =>
    tensor(
      [order.length, 1, 3, 3],
      order.flatMap((name, k) => LECTURE_FILTERS[name].flat().map((v) => v * signs[k])),
    );

  it('scores the lectures’ own filters 1 in any order and with any signs', () => {
    const result = compareWithLectureFilters(
      lectureTensor(['cross x', 'diagonal /', 'diagonal \\'], [1, -1, 1]),
    );
    expect(result.score).toBeCloseTo(1, 12);
    const byLecture = Object.fromEntries(
      result.matches.map((m) => [m.lecture, [m.learned, Math.round(m.correlation)]]),
    );
    expect(byLecture).toEqual({ 'cross x': [0, 1], 'diagonal /': [1, -1], 'diagonal \\': [2, 1] });
  });

  it('pairs as many as it can when the counts differ, and ignores a constant offset', () => {
    const two = compareWithLectureFilters(
      tensor(
        [2, 1, 3, 3],
        [...LECTURE_FILTERS['diagonal /'].flat().map((v) => v + 5), ...new Array(9).fill(0)],
      ),
    );
    expect(two.matches).toHaveLength(2);
    expect(two.matches[0]).toMatchObject({ learned: 0, lecture: 'diagonal /' });
    expect(two.matches[0].correlation).toBeCloseTo(1, 12);
    expect(() => compareWithLectureFilters(tensor([3, 2, 3, 3]))).toThrow(
      new ShapeError(
        'filters',
        'Expected one-channel filters of 9 cells, (filters, 1, rows, columns), got (3,2,3,3).',
      ),
    );
  });
});

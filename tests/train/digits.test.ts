/**
 * The digits: loaded file by file into bytes, split deterministically by seed with no image in
 * both halves, and a short training run on a small subset that must reach a stated accuracy.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DIGITS_MODEL,
  type MnistDigits,
  classCounts,
  createDigitsTrainer,
  loadMnistDigits,
  parameterCount,
  randomShift,
  shiftImage,
  splitDigits,
} from '../../src/train/index.js';
import { ValueError, seededRandom, tensor, toNested } from '../../src/engine/index.js';

let digits: MnistDigits;

beforeAll(() => {
  digits = loadMnistDigits();
});

/** A key per image (its bytes), to check the halves of a split share none. */
function keysOf(data: { count: number; image(k: number): { data: Float64Array } }): Set<string> {
  return new Set(Array.from({ length: data.count }, (_, k) => data.image(k).data.join(',')));
}

describe('loading the digits', () => {
  it('reads all 10,000 images as bytes with their labels', () => {
    expect(digits.count).toBe(10_000);
    expect(digits.pixels).toBeInstanceOf(Uint8Array);
    expect(digits.pixels.length).toBe(10_000 * 784);
    const perDigit = new Array(10).fill(0);
    for (const label of digits.labels) perDigit[label]++;
    expect(perDigit).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    // The first image's first inked cells in 0.json are 0.2, 0.624, 0.992, 0.624, 0.196 (grey level / 255).
    const first = digits.pixels.findIndex((v) => v > 0);
    expect(Array.from(digits.pixels.subarray(first, first + 5))).toEqual([51, 159, 253, 159, 50]);
  });

  it('names a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digits-'));
    writeFileSync(join(dir, '0.json'), JSON.stringify({ data: [0.5, 2] }));
    expect(() => loadMnistDigits(dir)).toThrowError(ValueError);
    expect(() => loadMnistDigits(join(dir, 'missing'))).toThrowError(
      /is the `mnist` package installed\?/,
    );
  });
});

describe('splitting', () => {
  it('holds out 1,000 (100 per digit) and trains on the other 9,000 by default', () => {
    const { train, test } = splitDigits(digits, { seed: 1 });
    expect(test.count).toBe(1000);
    expect(train.count).toBe(9000);
    expect(classCounts(test)).toEqual(new Array(10).fill(100));
    const held = keysOf(test);
    let shared = 0;
    for (const key of keysOf(train)) if (held.has(key)) shared++;
    // The package holds no two identical images, so disjoint indices mean disjoint pictures.
    expect(shared).toBe(0);
  });

  it('is deterministic per seed and different across seeds', () => {
    const a = splitDigits(digits, { seed: 5, trainCount: 100, testCount: 20 });
    const b = splitDigits(digits, { seed: 5, trainCount: 100, testCount: 20 });
    const c = splitDigits(digits, { seed: 6, trainCount: 100, testCount: 20 });
    expect(a.train.image(0).data).toEqual(b.train.image(0).data);
    expect(Array.from(a.test.labels)).toEqual(Array.from(b.test.labels));
    expect(a.train.image(0).data).not.toEqual(c.train.image(0).data);
    expect(classCounts(a.train)).toEqual(new Array(10).fill(10));
    expect(Math.max(...a.train.image(0).data)).toBeLessThanOrEqual(1);
  });

  it('refuses impossible sizes', () => {
    expect(() => splitDigits(digits, { trainCount: 9500 })).toThrowError(
      /Digit 0 has 1001 images, too few/,
    );
    expect(() => splitDigits(digits, { testCount: -1 })).toThrow(
      new ValueError('testCount', 'Expected `testCount` to be a whole number ≥ 0, got -1.'),
    );
  });
});

describe('shifting images', () => {
  it('moves content and fills with zeros', () => {
    const image = tensor([1, 2, 3], [1, 2, 3, 4, 5, 6]);
    expect(toNested(shiftImage(image, 1, 0))).toEqual([
      [
        [0, 0, 0],
        [1, 2, 3],
      ],
    ]);
    expect(toNested(shiftImage(image, 0, -1))).toEqual([
      [
        [2, 3, 0],
        [5, 6, 0],
      ],
    ]);
    const shift = randomShift(1);
    const random = seededRandom(1);
    for (let k = 0; k < 20; k++) expect(shift(image, random).shape).toEqual([1, 2, 3]);
    expect(() => randomShift(-1)).toThrowError(ValueError);
  });
});

describe('training the digits CNN', () => {
  it('reaches at least 85% on 200 held-out digits after 6 epochs on 1,000 (seed 1); its speed is measured by npm run bench', () => {
    const trainer = createDigitsTrainer({ digits, seed: 1, trainCount: 1000, testCount: 200 });
    expect(parameterCount(trainer.network)).toBe(13_610);
    expect(trainer.spec).toBe(DIGITS_MODEL);
    trainer.run({ epochs: 6 });
    const last = trainer.history[trainer.history.length - 1];
    expect(last.testAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(last.seconds).toBeGreaterThan(0);
    expect(trainer.history.map((m) => m.learningRate)).toEqual(
      [0.05, 0.035, 0.0245, 0.01715, 0.012005, 0.0084035].map((x) => expect.closeTo(x, 12)),
    );
    const evaluation = trainer.evaluate();
    expect(evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);
  });
});

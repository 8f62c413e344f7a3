/**
 * Threshold units against truth tables worked by hand, the weight search (which finds AND, OR,
 * NAND and NOR but no unit for XOR or XNOR), XOR from two layers, and binarising a picture.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError } from '../../src/engine/errors.js';
import { tensor } from '../../src/engine/tensor.js';
import {
  binarize,
  binaryInputs,
  findThresholdUnit,
  thresholdNetwork,
  thresholdNetworkTable,
  thresholdSumText,
  thresholdTable,
  thresholdUnit,
} from '../../src/engine/threshold.js';

describe('thresholdUnit', () => {
  it.each([
    // input, weights, θ, sum, output
    [[1, 1], [1, 1], 2, 2, 1],
    [[1, 0], [1, 1], 2, 1, 0],
    [[0, 0], [1, 1], 1, 0, 0],
    [[0, 1], [1, 1], 1, 1, 1],
    [[1, 1, 0], [2, -1, 3], 1, 1, 1],
    [[1, 1, 0], [2, -1, 3], 1.5, 1, 0],
  ])(
    '%j with weights %j and θ %d → sum %d, output %d',
    (input, weights, threshold, sum, output) => {
      expect(thresholdUnit(input, { weights, threshold })).toEqual({ sum, output });
    },
  );

  it('fires on reaching θ; `strict` needs more than θ', () => {
    expect(thresholdUnit([1, 0], { weights: [1, 1], threshold: 1 }).output).toBe(1);
    expect(thresholdUnit([1, 0], { weights: [1, 1], threshold: 1 }, { strict: true }).output).toBe(
      0,
    );
  });

  it('writes the sum out', () => {
    expect(thresholdSumText([1, 0], { weights: [1, -1], threshold: 1 })).toBe('1*1 + 0*(-1) = 1');
  });

  it('names the bad argument', () => {
    expect(() => thresholdUnit([1, 0], { weights: [1], threshold: 0 })).toThrow(ShapeError);
    expect(() => thresholdUnit([1, 0], { weights: [1, 1], threshold: Number.NaN })).toThrow(
      /threshold/,
    );
  });
});

describe('truth tables and the weight search', () => {
  it('lists binary inputs in counting order', () => {
    expect(binaryInputs(2)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(binaryInputs(3)).toHaveLength(8);
    expect(() => binaryInputs(0)).toThrow(ValueError);
  });

  it.each([
    ['AND', [0, 0, 0, 1], { weights: [1, 1], threshold: 2 }],
    ['OR', [0, 1, 1, 1], { weights: [1, 1], threshold: 1 }],
    ['NAND', [1, 1, 1, 0], { weights: [-1, -1], threshold: -1 }],
    ['NOR', [1, 0, 0, 0], { weights: [-1, -1], threshold: 0 }],
    ['x1 and not x2', [0, 0, 1, 0], { weights: [1, -1], threshold: 1 }],
  ])('finds the simplest unit for %s', (_, target, unit) => {
    const found = findThresholdUnit(target);
    expect(found.unit).toEqual(unit);
    expect(thresholdTable(found.unit!)).toEqual(target);
  });

  it.each([
    ['XOR', [0, 1, 1, 0]],
    ['XNOR', [1, 0, 0, 1]],
  ])('finds no unit for %s after trying every combination', (_, target) => {
    expect(findThresholdUnit(target)).toEqual({ tried: 125, range: 2 });
    expect(findThresholdUnit(target, 4).unit).toBeUndefined();
  });

  it('finds a unit for every table it can, and each one it returns is right', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 4, maxLength: 4 }),
        (target) => {
          const found = findThresholdUnit(target);
          const xorLike = target.join('') === '0110' || target.join('') === '1001';
          expect(found.unit === undefined).toBe(xorLike);
          if (found.unit) expect(thresholdTable(found.unit)).toEqual(target);
        },
      ),
    );
  });

  it('refuses tables that are not 2ⁿ zeros and ones', () => {
    expect(() => findThresholdUnit([0, 1, 1])).toThrow(ShapeError);
    expect(() => findThresholdUnit([0, 2, 1, 0])).toThrow(/target\[1\]/);
  });
});

describe('thresholdNetwork', () => {
  const xor = [
    [
      { weights: [1, 1], threshold: 1 },
      { weights: [-1, -1], threshold: -1 },
    ],
    [{ weights: [1, 1], threshold: 2 }],
  ];

  it('computes XOR with OR and NAND feeding AND', () => {
    expect(thresholdNetworkTable(2, xor)).toEqual([0, 1, 1, 0]);
    expect(thresholdNetwork([1, 0], xor)).toEqual({ layers: [[1, 1], [1]], output: [1] });
    expect(thresholdNetwork([1, 1], xor)).toEqual({ layers: [[1, 0], [0]], output: [0] });
  });

  it('checks every unit has one weight per input of its layer', () => {
    expect(() =>
      thresholdNetwork(
        [1, 0],
        [[{ weights: [1, 1], threshold: 1 }], [{ weights: [1, 1], threshold: 1 }]],
      ),
    ).toThrow(/layers\[1\]\[0\]\.weights/);
    expect(() => thresholdNetwork([1, 0], [])).toThrow(ShapeError);
  });
});

describe('binarize', () => {
  it('turns each cell into 1 at or above the threshold, else 0', () => {
    const t = binarize(tensor([1, 4], [0, 127, 128, 255]), 128);
    expect(Array.from(t.data)).toEqual([0, 0, 1, 1]);
    expect(t.shape).toEqual([1, 4]);
    expect(
      Array.from(binarize(tensor([1, 4], [0, 127, 128, 255]), 128, { strict: true }).data),
    ).toEqual([0, 0, 0, 1]);
  });
});

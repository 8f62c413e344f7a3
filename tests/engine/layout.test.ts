/**
 * Layouts by axis letters: the lectures' shapes (MNIST as (60000, 28, 28, 1), a (3, 3, 1, 2)
 * kernel), flat positions unravelled, and positions converted between (C,H,W) and (H,W,C),
 * checked against the engine's own `flatIndex` and `chwToHwc`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError } from '../../src/engine/errors.js';
import {
  convertFlatIndex,
  kernelShape,
  layoutShape,
  unravelIndex,
} from '../../src/engine/layout.js';
import { chwToHwc, flatIndex, offset, tensor } from '../../src/engine/tensor.js';

describe('layoutShape', () => {
  it('orders the sizes as the layout says', () => {
    expect(layoutShape('NHWC', { N: 60000, H: 28, W: 28, C: 1 })).toEqual([60000, 28, 28, 1]);
    expect(layoutShape('NCHW', { N: 60000, H: 28, W: 28, C: 1 })).toEqual([60000, 1, 28, 28]);
    expect(layoutShape('CHW', { C: 3, H: 32, W: 32 })).toEqual([3, 32, 32]);
  });

  it('names what is missing or wrong', () => {
    expect(() => layoutShape('NHWC', { H: 2, W: 2, C: 1 })).toThrow(/axis N/);
    expect(() => layoutShape('HHW', { H: 2, W: 2 })).toThrow(ValueError);
    expect(() => layoutShape('HW', { H: 0, W: 2 })).toThrow(/`H`/);
  });
});

describe('kernelShape', () => {
  it('is (H_f, W_f, C_in, C_out) in Keras, (C_out, C_in, H_f, W_f) in PyTorch', () => {
    expect(kernelShape({ kH: 3, kW: 3, cIn: 1, filters: 2 })).toEqual([3, 3, 1, 2]);
    expect(kernelShape({ kH: 5, kW: 5, cIn: 3, filters: 10, layout: 'pytorch' })).toEqual([
      10, 3, 5, 5,
    ]);
  });
});

describe('unravelIndex', () => {
  it('inverts offset', () => {
    expect(unravelIndex([4, 4], 9)).toEqual([2, 1]);
    expect(unravelIndex([3, 2, 2], 5)).toEqual([1, 0, 1]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (shape, k) => {
          const n = shape.reduce((a, b) => a * b, 1);
          const p = k % n;
          expect(offset(shape, unravelIndex(shape, p))).toBe(p);
        },
      ),
    );
  });

  it('refuses positions past the end', () => {
    expect(() => unravelIndex([2, 2], 4)).toThrow(ShapeError);
  });
});

describe('convertFlatIndex', () => {
  it('moves a position from (C,H,W) to (H,W,C) and back', () => {
    expect(convertFlatIndex(5, 'CHW', 'HWC', { C: 3, H: 2, W: 2 })).toBe(4);
    expect(convertFlatIndex(4, 'HWC', 'CHW', { C: 3, H: 2, W: 2 })).toBe(5);
  });

  it('agrees with flatIndex and chwToHwc for every cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (C, H, W) => {
          const n = C * H * W;
          const hwc = chwToHwc(
            tensor(
              [C, H, W],
              Array.from({ length: n }, (_, i) => i),
            ),
          );
          for (let p = 0; p < n; p++) {
            const q = convertFlatIndex(p, 'CHW', 'HWC', { C, H, W });
            expect(hwc.data[q]).toBe(p);
            const [c, y, x] = unravelIndex([C, H, W], p);
            expect(q).toBe(flatIndex([C, H, W], c, y, x, 'hwc'));
          }
        },
      ),
    );
  });

  it('needs the same axes on both sides', () => {
    expect(() => convertFlatIndex(0, 'CHW', 'HW', { C: 1, H: 2, W: 2 })).toThrow(ValueError);
  });
});

import type { Tensor4D } from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import {
  outputSize,
  paddingToKeepSize,
  resolveAxisPadding,
  type AxisPadding,
} from '../../src/engine/arithmetic.js';
import { ShapeError, ValueError } from '../../src/engine/errors.js';
import { conv2dParams, denseParams } from '../../src/engine/params.js';
import { receptiveField, stackVersusSingle } from '../../src/engine/receptive-field.js';
import { LECTURE_OUTPUT_SIZES } from '../fixtures/lectures.js';

describe('outputSize', () => {
  test.each(LECTURE_OUTPUT_SIZES)(
    'the lectures: n=$n f=$f stride=$stride pad=$pad → $size',
    ({ n, f, stride, pad, size }) => {
      expect(outputSize({ n, f, stride, pad }).size).toBe(size);
    },
  );

  test.each<[number, number, number, AxisPadding, number, boolean, string]>([
    // n, f, stride, pad, size, fits, formula
    [7, 3, 1, 0, 5, true, '(7 − 3 + 2·0)/1 + 1 = 5'],
    [7, 3, 2, 0, 3, true, '(7 − 3 + 2·0)/2 + 1 = 3'],
    [7, 3, 3, 0, 2, false, '(7 − 3 + 2·0)/3 + 1 = 2.33…: does not fit'],
    [7, 3, 1, 1, 7, true, '(7 − 3 + 2·1)/1 + 1 = 7'],
    [9, 3, 1, 0, 7, true, '(9 − 3 + 2·0)/1 + 1 = 7'],
    [9, 3, 2, 0, 4, true, '(9 − 3 + 2·0)/2 + 1 = 4'],
    [9, 3, 3, 0, 3, true, '(9 − 3 + 2·0)/3 + 1 = 3'],
    [9, 3, 1, 'same', 9, true, '(9 − 3 + 2·1)/1 + 1 = 9'],
    // Pooling a 7-wide map with 2×2/2: valid drops the last column, same pads it on the right.
    [7, 2, 2, 'valid', 3, false, '(7 − 2 + 2·0)/2 + 1 = 3.5: does not fit'],
    [7, 2, 2, 'same', 4, true, '(7 − 2 + 0 + 1)/2 + 1 = 4'],
    // Input A under the lectures' 2×2 kernel: N=5, F=2, S=2 SAME pads [0, 1].
    [5, 2, 2, 'same', 3, true, '(5 − 2 + 0 + 1)/2 + 1 = 3'],
    [32, 5, 1, 2, 32, true, '(32 − 5 + 2·2)/1 + 1 = 32'],
    [8, 3, 3, 0, 2, false, '(8 − 3 + 2·0)/3 + 1 = 2.66…: does not fit'],
    [10, 3, 4, [0, 1], 3, true, '(10 − 3 + 0 + 1)/4 + 1 = 3'],
    [10, 3, 4, [0, 0], 2, false, '(10 − 3 + 2·0)/4 + 1 = 2.75: does not fit'],
  ])('n=%i f=%i stride=%i pad=%j → %i', (n, f, stride, pad, size, fits, formula) => {
    const result = outputSize({ n, f, stride, pad });
    expect(result.size).toBe(size);
    expect(result.fits).toBe(fits);
    expect(result.formula).toBe(formula);
  });

  it('gives the exact value, numerator and denominator for 7, 3, stride 3', () => {
    const result = outputSize({ n: 7, f: 3, stride: 3 });
    expect(result).toEqual({
      exact: 7 / 3,
      size: 2,
      fits: false,
      numerator: 4,
      denominator: 3,
      pad: [0, 0],
      formula: '(7 − 3 + 2·0)/3 + 1 = 2.33…: does not fit',
    });
  });

  it('handles strides (3, 1) on 9×9 as two axes → 3×7', () => {
    expect([
      outputSize({ n: 9, f: 3, stride: 3 }).size,
      outputSize({ n: 9, f: 3, stride: 1 }).size,
    ]).toEqual([3, 7]);
  });

  it('defaults to stride 1, no padding, no dilation', () => {
    expect(outputSize({ n: 28, f: 3 })).toMatchObject({
      size: 26,
      fits: true,
      pad: [0, 0],
      numerator: 25,
      denominator: 1,
    });
  });

  it('uses the dilated span (F−1)·D + 1 and says so', () => {
    const result = outputSize({ n: 7, f: 3, dilation: 2 });
    expect(result).toMatchObject({ size: 3, exact: 3, numerator: 2, fits: true });
    expect(result.formula).toBe('(7 − 5 + 2·0)/1 + 1 = 3 (dilated span (3−1)·2 + 1 = 5)');
  });

  it('splits SAME padding with the smaller half first (TensorFlow)', () => {
    expect(outputSize({ n: 6, f: 4, pad: 'same' }).pad).toEqual([1, 2]);
    expect(outputSize({ n: 5, f: 2, stride: 2, pad: 'same' }).pad).toEqual([0, 1]);
    expect(resolveAxisPadding('valid', 5, 3)).toEqual([0, 0]);
    expect(resolveAxisPadding([2, 0], 5, 3)).toEqual([2, 0]);
  });
});

describe('outputSize: errors name the argument', () => {
  test.each<[Record<string, unknown>, typeof ValueError | typeof ShapeError, string, string]>([
    [
      { n: 7, f: 3, stride: 0 },
      ValueError,
      'stride',
      'Expected `stride` to be a whole number ≥ 1, got 0.',
    ],
    [
      { n: 7, f: 3, stride: 1.5 },
      ValueError,
      'stride',
      'Expected `stride` to be a whole number ≥ 1, got 1.5.',
    ],
    [{ n: 0, f: 3 }, ValueError, 'n', 'Expected `n` to be a whole number ≥ 1, got 0.'],
    [{ n: 7, f: Number.NaN }, ValueError, 'f', 'Expected `f` to be a whole number ≥ 1, got NaN.'],
    [
      { n: 7, f: 3, dilation: 0 },
      ValueError,
      'dilation',
      'Expected `dilation` to be a whole number ≥ 1, got 0.',
    ],
    [
      { n: 7, f: 3, pad: -1 },
      ValueError,
      'pad',
      'Expected `pad` to be a whole number ≥ 0, got -1.',
    ],
    [
      { n: 7, f: 3, pad: [1, -2] },
      ValueError,
      'pad[1]',
      'Expected `pad[1]` to be a whole number ≥ 0, got -2.',
    ],
    [
      { n: 7, f: 3, pad: 'full' },
      ValueError,
      'pad',
      'Expected `pad` to be "valid", "same", a whole number ≥ 0, or [before, after], got "full".',
    ],
    [
      { n: 3, f: 5 },
      ShapeError,
      'f',
      'Expected the kernel (`f` = 5) to fit in the padded input of 3 cells (n 3 + pad 0 + 0), but it is larger. Use a smaller `f` or more `pad`.',
    ],
    [
      { n: 4, f: 3, dilation: 2 },
      ShapeError,
      'f',
      'Expected the kernel (`f` = 3, spanning 5 cells with dilation 2) to fit in the padded input of 4 cells (n 4 + pad 0 + 0), but it is larger. Use a smaller `f` or more `pad`.',
    ],
  ])('%j', (options, type, argument, message) => {
    const call = () => outputSize(options as never);
    expect(call).toThrow(type);
    expect(call).toThrow(message);
    try {
      call();
    } catch (error) {
      expect((error as ValueError).argument).toBe(argument);
    }
  });

  it('accepts a kernel that exactly fills the padded input', () => {
    expect(outputSize({ n: 3, f: 5, pad: 1 })).toMatchObject({ size: 1, fits: true });
  });
});

describe('outputSize: properties', () => {
  const dims = fc.record({
    n: fc.integer({ min: 1, max: 64 }),
    f: fc.integer({ min: 1, max: 9 }),
    stride: fc.integer({ min: 1, max: 5 }),
    dilation: fc.integer({ min: 1, max: 3 }),
    before: fc.integer({ min: 0, max: 4 }),
    after: fc.integer({ min: 0, max: 4 }),
  });

  it('size is ⌊exact⌋ and fits says whether exact is whole', () => {
    fc.assert(
      fc.property(dims, ({ n, f, stride, dilation, before, after }) => {
        fc.pre((f - 1) * dilation + 1 <= n + before + after);
        const r = outputSize({ n, f, stride, dilation, pad: [before, after] });
        expect(r.size).toBe(Math.floor(r.exact));
        expect(r.fits).toBe(Number.isInteger(r.exact));
        expect(r.exact).toBeCloseTo(r.numerator / r.denominator + 1, 12);
        expect(r.size).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('"same" gives ⌈n / stride⌉ cells', () => {
    fc.assert(
      fc.property(dims, ({ n, f, stride }) => {
        expect(outputSize({ n, f, stride, pad: 'same' }).size).toBe(Math.ceil(n / stride));
      }),
    );
  });

  it('paddingToKeepSize keeps the size at stride 1 (odd f: symmetric (f−1)/2)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 5 }), (n, half) => {
        const f = 2 * half + 1;
        const keep = paddingToKeepSize(f);
        expect(keep).toEqual({ total: f - 1, before: half, after: half, symmetric: true });
        expect(outputSize({ n, f, pad: [keep.before, keep.after] }).size).toBe(n);
      }),
    );
  });
});

describe('paddingToKeepSize', () => {
  test.each([
    [1, 1, { total: 0, before: 0, after: 0, symmetric: true }],
    [3, 1, { total: 2, before: 1, after: 1, symmetric: true }],
    [5, 1, { total: 4, before: 2, after: 2, symmetric: true }],
    [2, 1, { total: 1, before: 0, after: 1, symmetric: false }],
    [4, 1, { total: 3, before: 1, after: 2, symmetric: false }],
    [3, 2, { total: 4, before: 2, after: 2, symmetric: true }],
  ])('f=%i dilation=%i', (f, dilation, expected) => {
    expect(paddingToKeepSize(f, dilation)).toEqual(expected);
  });

  it('rejects f = 0 naming `f`', () => {
    expect(() => paddingToKeepSize(0)).toThrow('Expected `f` to be a whole number ≥ 1, got 0.');
  });
});

describe('parameter counts (the lectures’ and more)', () => {
  test.each([
    // kH, kW, cIn, filters, bias, perFilter, weights, biases, total
    [5, 5, 3, 10, true, 76, 750, 10, 760],
    [3, 3, 1, 10, true, 10, 90, 10, 100],
    [3, 3, 1, 32, true, 10, 288, 32, 320],
    [3, 3, 32, 64, true, 289, 18432, 64, 18496],
    [3, 3, 1, 32, false, 9, 288, 0, 288],
    [1, 1, 64, 16, true, 65, 1024, 16, 1040],
  ])(
    'conv %i×%i×%i, %i filters, bias %s',
    (kH, kW, cIn, filters, bias, perFilter, weights, biases, total) => {
      expect(conv2dParams({ kH, kW, cIn, filters, bias })).toEqual({
        perFilter,
        weights,
        biases,
        total,
      });
    },
  );

  test.each([
    [100, 32, true, 101, 3200, 32, 3232],
    [100, 32, false, 100, 3200, 0, 3200],
    [1600, 1024, true, 1601, 1638400, 1024, 1639424],
    [1024, 10, true, 1025, 10240, 10, 10250],
  ])('dense %i → %i, bias %s', (inputs, units, bias, perUnit, weights, biases, total) => {
    expect(denseParams({ inputs, units, bias })).toEqual({ perUnit, weights, biases, total });
  });

  it('compares a dense layer on a 10×10 image with 32 conv 3×3 filters: 3200 vs 288 weights', () => {
    expect(denseParams({ inputs: 10 * 10, units: 32 }).weights).toBe(3200);
    expect(conv2dParams({ kH: 3, kW: 3, cIn: 1, filters: 32 }).weights).toBe(288);
  });

  it('grows linearly in the number of filters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 256 }),
        fc.boolean(),
        (kH, kW, cIn, filters, bias) => {
          const one = conv2dParams({ kH, kW, cIn, filters: 1, bias });
          const many = conv2dParams({ kH, kW, cIn, filters, bias });
          expect(many.total).toBe(filters * one.total);
          expect(many.perFilter).toBe(one.perFilter);
        },
      ),
    );
  });

  test.each<[() => unknown, string]>([
    [
      () => conv2dParams({ kH: 3, kW: 3, cIn: 0, filters: 1 }),
      'Expected `cIn` to be a whole number ≥ 1, got 0.',
    ],
    [
      () => conv2dParams({ kH: 3, kW: 3, cIn: 1, filters: 2.5 }),
      'Expected `filters` to be a whole number ≥ 1, got 2.5.',
    ],
    [
      () => conv2dParams({ kH: 3, kW: 3, cIn: 1, filters: 1, bias: 'yes' as never }),
      'Expected `bias` to be true or false, got "yes".',
    ],
    [
      () => denseParams({ inputs: 100, units: 0 }),
      'Expected `units` to be a whole number ≥ 1, got 0.',
    ],
    [
      () => denseParams({ inputs: -1, units: 3 }),
      'Expected `inputs` to be a whole number ≥ 1, got -1.',
    ],
  ])('error %#', (call, message) => {
    expect(call).toThrow(ValueError);
    expect(call).toThrow(message);
  });
});

describe('receptiveField', () => {
  it('three stacked 3×3 stride-1 convs see 7 cells, like one 7×7', () => {
    expect(receptiveField([{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }])).toEqual({
      size: 7,
      jump: 1,
      steps: [
        { layer: 0, size: 3, jump: 1 },
        { layer: 1, size: 5, jump: 1 },
        { layer: 2, size: 7, jump: 1 },
      ],
    });
    expect(receptiveField([{ kernel: 7 }]).size).toBe(7);
  });

  test.each([
    // The lectures' MNIST CNN: conv 3, pool 2/2, conv 3, pool 2/2.
    [[{ kernel: 3 }, { kernel: 2, stride: 2 }, { kernel: 3 }, { kernel: 2, stride: 2 }], 10, 4],
    [[{ kernel: 3, stride: 2 }, { kernel: 3 }], 7, 2],
    [[{ kernel: 3, dilation: 2 }], 5, 1],
    [[{ kernel: 3 }, { kernel: 3, dilation: 2 }, { kernel: 3, dilation: 4 }], 15, 1],
    [[], 1, 1],
  ])('%j → size %i, jump %i', (layers, size, jump) => {
    expect(receptiveField(layers)).toMatchObject({ size, jump });
  });

  it('k stacked 3×3 stride-1 layers see 2k + 1 cells', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (k) => {
        expect(receptiveField(Array.from({ length: k }, () => ({ kernel: 3 }))).size).toBe(
          2 * k + 1,
        );
      }),
    );
  });

  test.each<[unknown, string, string]>([
    [
      [{ kernel: 3 }, { kernel: 0 }],
      'layers[1].kernel',
      'Expected `layers[1].kernel` to be a whole number ≥ 1, got 0.',
    ],
    [
      [{ kernel: 3, stride: 0 }],
      'layers[0].stride',
      'Expected `layers[0].stride` to be a whole number ≥ 1, got 0.',
    ],
    [
      [{ kernel: 3, dilation: -1 }],
      'layers[0].dilation',
      'Expected `layers[0].dilation` to be a whole number ≥ 1, got -1.',
    ],
    [[3], 'layers[0]', 'Expected `layers[0]` to be { kernel, stride?, dilation? }, got 3.'],
    [
      '3x3',
      'layers',
      'Expected `layers` to be an array of { kernel, stride?, dilation? }, got "3x3".',
    ],
  ])('rejects %j naming %s', (layers, argument, message) => {
    const call = () => receptiveField(layers as never);
    expect(call).toThrow(message);
    expect(call).toThrow(expect.objectContaining({ argument }));
  });
});

describe('stackVersusSingle: why three 3×3 instead of one 7×7', () => {
  it('27C² against 49C² for the same 7-cell view', () => {
    expect(stackVersusSingle({ depth: 3 })).toEqual({
      receptiveField: 7,
      stackFactor: 27,
      singleFactor: 49,
      stackWeights: 27,
      singleWeights: 49,
      stackNonlinearities: 3,
    });
    expect(stackVersusSingle({ depth: 3, channels: 64 })).toMatchObject({
      stackWeights: 27 * 64 * 64,
      singleWeights: 49 * 64 * 64,
    });
    expect(stackVersusSingle({ depth: 2, kernel: 3 })).toMatchObject({
      receptiveField: 5,
      stackFactor: 18,
      singleFactor: 25,
    });
  });

  it('rejects depth 0 naming `depth`', () => {
    expect(() => stackVersusSingle({ depth: 0 })).toThrow(
      'Expected `depth` to be a whole number ≥ 1, got 0.',
    );
  });
});

describe('outputSize against TensorFlow.js (independent implementation)', () => {
  it('matches tf.conv2d and tf.maxPool output lengths', async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    tf.env().set('IS_TEST', true); // silences the "install tfjs-node" banner
    await tf.setBackend('cpu');
    const cases = fc.record({
      n: fc.integer({ min: 1, max: 20 }),
      f: fc.integer({ min: 1, max: 6 }),
      stride: fc.integer({ min: 1, max: 4 }),
      dilation: fc.integer({ min: 1, max: 3 }),
      pad: fc.oneof(
        fc.constant<'valid'>('valid'),
        fc.constant<'same'>('same'),
        fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
      ),
    });
    fc.assert(
      fc.property(cases, ({ n, f, stride, dilation: d, pad }) => {
        // TensorFlow.js refuses stride > 1 together with dilation > 1.
        const dilation = stride > 1 ? 1 : d;
        fc.pre(
          pad === 'same' || (f - 1) * dilation + 1 <= n + (pad === 'valid' ? 0 : pad[0] + pad[1]),
        );
        const ours = outputSize({ n, f, stride, dilation, pad });
        type ExplicitPad = [[number, number], [number, number], [number, number], [number, number]];
        const tfPad =
          typeof pad === 'string'
            ? pad
            : ([
                [0, 0],
                [pad[0], pad[1]],
                [0, 0],
                [0, 0],
              ] as ExplicitPad);
        // A column of n cells and an f×1 kernel: only the row axis matters.
        const column = () => tf.zeros([1, n, 1, 1]) as Tensor4D;
        const convolved = tf.tidy(
          () =>
            tf.conv2d(column(), tf.zeros([f, 1, 1, 1]) as Tensor4D, [stride, 1], tfPad, 'NHWC', [
              dilation,
              1,
            ]).shape,
        );
        expect(ours.size).toBe(convolved[1]);
        if (typeof pad === 'string') {
          // The pre-condition above (span ≤ n for valid) also covers the undilated pool window.
          const pooled = tf.tidy(() => tf.maxPool(column(), [f, 1], [stride, 1], pad).shape);
          expect(outputSize({ n, f, stride, pad }).size).toBe(pooled[1]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

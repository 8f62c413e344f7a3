/**
 * The catalog of convolution mistakes (src/content/templates/mistakes.ts): on random small
 * convolutions, each mistake's inputs make the engine give what the mistake means, written
 * here another way (the kernel rotated by hand, the zeros written into the input, the bias
 * subtracted, the channels added up); a mistake that would change nothing gives no inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Conv2dOptions,
  type Tensor,
  conv2d,
  conv2dGeometry,
  samePadding,
  toNested,
} from '../../src/engine/index.js';
import {
  type ConvInputs,
  convMistakeInputs,
  convMistakes,
  rotated180,
  validForSame,
  withStrideOne,
  withoutBias,
} from '../../src/content/templates/mistakes.js';

type Volume = number[][][];

const tensor = (nested: unknown, shape: number[]): Tensor => ({
  shape,
  data: Float64Array.from((nested as number[]).flat(3) as number[]),
});
const volume = (v: Volume): Tensor => tensor(v, [v.length, v[0].length, v[0][0].length]);
const nested = (t: Tensor): Volume => toNested(t) as Volume;
const run = (c: ConvInputs): Volume => nested(conv2d(c.input, c.kernels, c.options));

/** Zeros written around every channel: what padding means. */
function padded(v: Volume, top: number, bottom: number, left: number, right: number): Volume {
  const width = v[0][0].length + left + right;
  const zeros = (): number[] => new Array<number>(width).fill(0);
  return v.map((plane) => [
    ...Array.from({ length: top }, zeros),
    ...plane.map((row) => [
      ...new Array<number>(left).fill(0),
      ...row,
      ...new Array<number>(right).fill(0),
    ]),
    ...Array.from({ length: bottom }, zeros),
  ]);
}

function expectClose(actual: Volume, expected: Volume): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((plane, o) =>
    plane.forEach((row, r) =>
      row.forEach((v, c) => expect(v, `[${o}][${r}][${c}]`).toBeCloseTo(expected[o][r][c], 9)),
    ),
  );
}

const cell = fc.integer({ min: -3, max: 3 });
const grid = (rows: number, cols: number) =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });

/** A small convolution whose kernel fits the input unpadded, with any options. */
const request = fc
  .record({
    C: fc.integer({ min: 1, max: 3 }),
    O: fc.integer({ min: 1, max: 2 }),
    H: fc.integer({ min: 2, max: 6 }),
    W: fc.integer({ min: 2, max: 6 }),
    kH: fc.integer({ min: 1, max: 3 }),
    kW: fc.integer({ min: 1, max: 3 }),
  })
  .filter(({ H, W, kH, kW }) => kH <= H && kW <= W)
  .chain(({ C, O, H, W, kH, kW }) =>
    fc.record({
      input: fc.array(grid(H, W), { minLength: C, maxLength: C }),
      kernels: fc.array(fc.array(grid(kH, kW), { minLength: C, maxLength: C }), {
        minLength: O,
        maxLength: O,
      }),
      bias: fc.option(fc.array(cell, { minLength: O, maxLength: O }), { nil: undefined }),
      stride: fc.option(
        fc.oneof(
          fc.integer({ min: 1, max: 3 }),
          fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
        ),
        { nil: undefined },
      ),
      padding: fc.option(
        fc.oneof(
          fc.constantFrom('valid' as const, 'same' as const),
          fc.integer({ min: 0, max: 2 }),
        ),
        {
          nil: undefined,
        },
      ),
      scale: fc.option(fc.constantFrom(1, 0.5, 2, 1 / 9), { nil: undefined }),
    }),
  )
  .map(({ input, kernels, ...options }): ConvInputs => {
    const [O, C, kH, kW] = [
      kernels.length,
      input.length,
      kernels[0][0].length,
      kernels[0][0][0].length,
    ];
    return {
      input: volume(input),
      kernels: tensor(kernels, [O, C, kH, kW]),
      options: options as Conv2dOptions,
    };
  });

const only = (c: ConvInputs, id: keyof typeof convMistakes): ConvInputs => {
  const list = convMistakes[id](c);
  expect(list).toHaveLength(1);
  return list[0];
};
/** Asserts that the mistake gives no inputs here (true: the property holds). */
const none = (list: ConvInputs[]): boolean => {
  expect(list).toEqual([]);
  return true;
};
const biasOf = (c: ConvInputs, o: number) => (c.options.bias ? c.options.bias[o] : 0);

describe('the catalog of convolution mistakes', () => {
  it('kernel-flipped on a 2×2 input: the one tap at the top left moves to the bottom right', () => {
    const c: ConvInputs = {
      input: volume([
        [
          [1, 2],
          [3, 4],
        ],
      ]),
      kernels: tensor(
        [
          [
            [
              [1, 0],
              [0, 0],
            ],
          ],
        ],
        [1, 1, 2, 2],
      ),
      options: {},
    };
    expect(run(c)).toEqual([[[1]]]);
    expect(run(only(c, 'kernel-flipped'))).toEqual([[[4]]]);
  });

  it('kernel-flipped is the convolution with every kernel channel turned upside down and mirrored', () => {
    fc.assert(
      fc.property(request, (c) => {
        const turned = (toNested(c.kernels) as number[][][][]).map((f) =>
          f.map((k) => [...k].reverse().map((row) => [...row].reverse())),
        );
        const m = only(c, 'kernel-flipped');
        expect(m.input).toBe(c.input);
        expect(m.options).toBe(c.options);
        expect(run(m)).toEqual(run({ ...c, kernels: tensor(turned, [...c.kernels.shape]) }));
        expect(rotated180(m.kernels)).toEqual(c.kernels);
      }),
    );
  });

  it('bias-forgotten: every cell of map o is the right one less bias[o]; none without a bias', () => {
    fc.assert(
      fc.property(request, (c) => {
        const m = convMistakes['bias-forgotten'](c);
        if (!Array.from(c.options.bias ?? []).some((b) => b !== 0)) return none(m);
        const right = run(c);
        expectClose(
          run(only(c, 'bias-forgotten')),
          right.map((plane, o) => plane.map((row) => row.map((v) => v - biasOf(c, o)))),
        );
      }),
    );
  });

  it('scale-forgotten: the plain sum of products (the right answer less its bias, over the scale)', () => {
    fc.assert(
      fc.property(request, (c) => {
        const scale = c.options.scale;
        if (scale === undefined || scale === 1) return none(convMistakes['scale-forgotten'](c));
        expectClose(
          run(only(c, 'scale-forgotten')),
          run(c).map((plane, o) =>
            plane.map((row) => row.map((v) => (v - biasOf(c, o)) / scale + biasOf(c, o))),
          ),
        );
      }),
    );
  });

  it('one-channel: one answer per input channel, and the channels add up to the right answer', () => {
    fc.assert(
      fc.property(request, (c) => {
        const C = c.input.shape[0];
        const m = convMistakes['one-channel'](c);
        if (C === 1) return none(m);
        expect(m).toHaveLength(C);
        const input = nested(c.input);
        m.forEach((one, ch) => expect(nested(one.input)).toEqual([input[ch]]));
        // Each channel's answer carries the bias once: C of them carry it C times.
        const maps = m.map(run);
        expectClose(
          maps[0].map((plane, o) =>
            plane.map((row, r) =>
              row.map(
                (_, x) => maps.reduce((s, map) => s + map[o][r][x], 0) - (C - 1) * biasOf(c, o),
              ),
            ),
          ),
          run(c),
        );
      }),
    );
  });

  it('stride-ignored: stride 1, whose map holds the right answer at every stride-th cell', () => {
    fc.assert(
      fc.property(
        request.filter((c) => c.options.padding !== 'same'),
        (c) => {
          const { sH, sW } = conv2dGeometry(c.input, c.kernels, c.options);
          const m = convMistakes['stride-ignored'](c);
          if (sH === 1 && sW === 1) return none(m);
          const dense = run(only(c, 'stride-ignored'));
          expect(run(c)).toEqual(
            run(c).map((plane, o) =>
              plane.map((row, r) => row.map((_, x) => dense[o][r * sH][x * sW])),
            ),
          );
        },
      ),
    );
  });

  it('valid-instead-of-same: no zeros added; only for "same"', () => {
    fc.assert(
      fc.property(request, (c) => {
        const m = convMistakes['valid-instead-of-same'](c);
        if (c.options.padding !== 'same') return none(m);
        const unpadded = { ...c, options: { ...c.options, padding: undefined } };
        expect(run(only(c, 'valid-instead-of-same'))).toEqual(run(unpadded));
      }),
    );
  });

  it('padding-wrong-side and padding-symmetric: the zeros "same" adds, moved; only when "same" is uneven', () => {
    fc.assert(
      fc.property(request, (c) => {
        const [, H, W] = c.input.shape;
        const [, , kH, kW] = c.kernels.shape;
        const { sH, sW } = conv2dGeometry(c.input, c.kernels, c.options);
        const [top, bottom] = samePadding(H, kH, sH);
        const [left, right] = samePadding(W, kW, sW);
        const uneven = c.options.padding === 'same' && (top !== bottom || left !== right);
        if (!uneven) {
          expect(convMistakes['padding-wrong-side'](c)).toEqual([]);
          return none(convMistakes['padding-symmetric'](c));
        }
        const valid = { ...c.options, padding: 'valid' as const };
        const input = nested(c.input);
        expect(run(only(c, 'padding-wrong-side'))).toEqual(
          run({ ...c, input: volume(padded(input, bottom, top, right, left)), options: valid }),
        );
        const p = Math.max(top, bottom, left, right);
        expect(run(only(c, 'padding-symmetric'))).toEqual(
          run({ ...c, input: volume(padded(input, p, p, p, p)), options: valid }),
        );
      }),
    );
  });

  it('padding-ignored: the zeros of a written padding left out; not for "same" (it has its own names)', () => {
    fc.assert(
      fc.property(request, (c) => {
        const m = convMistakes['padding-ignored'](c);
        const pad = c.options.padding;
        if (typeof pad !== 'number') return none(m);
        const unpadded = { ...c, options: { ...c.options, padding: undefined } };
        expect(run(only(c, 'padding-ignored'))).toEqual(run(unpadded));
        expect(run(c)).toEqual(
          run({ ...unpadded, input: volume(padded(nested(c.input), pad, pad, pad, pad)) }),
        );
      }),
    );
  });

  it('lists the mistakes asked for in the order asked, one-channel once per channel', () => {
    fc.assert(
      fc.property(
        request,
        fc.shuffledSubarray(Object.keys(convMistakes) as Array<keyof typeof convMistakes>),
        (c, ids) => {
          const expected = ids.flatMap((id) => convMistakes[id](c).map(() => id));
          expect(convMistakeInputs(c, ids).map((m) => m.id)).toEqual(expected);
        },
      ),
    );
  });

  it('the stride, padding and bias changes also fit pooling and dense stages', () => {
    const pool: { op: 'maxpool'; size: number; stride?: number | [number, number] } = {
      op: 'maxpool',
      size: 2,
    };
    expect(withStrideOne(pool, 2)).toEqual({ ...pool, stride: 1 });
    expect(withStrideOne({ ...pool, size: 1 }, 1)).toBeUndefined();
    expect(withStrideOne({ ...pool, stride: [1, 1] }, 2)).toBeUndefined();
    expect(validForSame({ ...pool, padding: 'same' as const })).toEqual({
      ...pool,
      padding: 'valid',
    });
    expect(validForSame({ ...pool, padding: 'valid' as const })).toBeUndefined();
    const dense = { op: 'dense' as const, weights: [[1, 2]], bias: [0.5] };
    expect(withoutBias(dense)).toEqual({ ...dense, bias: undefined });
    expect(withoutBias({ ...dense, bias: [0] })).toBeUndefined();
  });
});

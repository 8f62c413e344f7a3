/**
 * Invariants of the engine, checked with fast-check over small random shapes, values, strides,
 * paddings and dilations. Every property has a fixed seed so a failure reproduces exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Padding,
  type Tensor,
  avgPool2d,
  chwToHwc,
  conv1d,
  conv2d,
  explainConv2dCell,
  explainPoolCell,
  flatIndex,
  flatten,
  hwcToChw,
  maxPool2d,
  offset,
  outputLength,
  relu,
  softmax,
  tensor,
  windowGeometry,
} from '../../src/engine/index.js';

const TOL = 1e-9;
const RUNS = 200;

/** |a − b| ≤ 1e-9, relative to the size of the numbers when they are large. */
function close(a: number, b: number, tol = TOL): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = TOL): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!close(actual[i], expected[i], tol)) {
      expect.fail(`cell ${i}: got ${actual[i]}, expected ${expected[i]} (±${tol})`);
    }
  }
}

const value = fc.double({ min: -10, max: 10, noNaN: true });
const small = (min: number, max: number) => fc.integer({ min, max });
const values = (n: number) => fc.array(value, { minLength: n, maxLength: n });

const paddingArb: fc.Arbitrary<Padding> = fc.oneof(
  fc.constant('valid' as const),
  fc.constant('same' as const),
  small(0, 2),
  fc.tuple(fc.tuple(small(0, 2), small(0, 2)), fc.tuple(small(0, 2), small(0, 2))),
);

/** Explicit zeros on each side for padding options other than "same". */
function fixedPads(p: Padding): { top: number; bottom: number; left: number; right: number } {
  if (p === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (typeof p === 'number') return { top: p, bottom: p, left: p, right: p };
  if (p === 'same') throw new Error('same padding depends on the input');
  const [[top, bottom], [left, right]] = p;
  return { top, bottom, left, right };
}

interface ConvCase {
  C: number;
  H: number;
  W: number;
  O: number;
  kH: number;
  kW: number;
  stride: [number, number];
  dilation: [number, number];
  padding: Padding;
}

/** A convolution whose (dilated) window always fits inside the padded input. */
const convCaseArb: fc.Arbitrary<ConvCase> = fc
  .record({
    C: small(1, 3),
    H: small(1, 7),
    W: small(1, 7),
    O: small(1, 3),
    kH: small(1, 4),
    kW: small(1, 4),
    stride: fc.tuple(small(1, 3), small(1, 3)),
    dilation: fc.tuple(small(1, 3), small(1, 3)),
    padding: paddingArb,
  })
  .map((c) => {
    if (c.padding === 'same') return c; // "same" always pads enough for one window.
    const pads = fixedPads(c.padding);
    const spanH = (c.kH - 1) * c.dilation[0] + 1;
    const spanW = (c.kW - 1) * c.dilation[1] + 1;
    return {
      ...c,
      H: Math.max(c.H, spanH - pads.top - pads.bottom),
      W: Math.max(c.W, spanW - pads.left - pads.right),
    };
  });

interface ConvData extends ConvCase {
  x: Tensor;
  w: Tensor;
}

const convDataArb: fc.Arbitrary<ConvData> = convCaseArb.chain((c) =>
  fc.tuple(values(c.C * c.H * c.W), values(c.O * c.C * c.kH * c.kW)).map(([x, w]) => ({
    ...c,
    x: tensor([c.C, c.H, c.W], x),
    w: tensor([c.O, c.C, c.kH, c.kW], w),
  })),
);

function opts(c: ConvCase) {
  return { stride: c.stride, dilation: c.dilation, padding: c.padding };
}

function combine(a: number, x: Tensor, y: Tensor): Tensor {
  return tensor(
    x.shape,
    x.data.map((v, i) => a * v + y.data[i]),
  );
}

describe('conv2d', () => {
  it('a centred one-hot kernel (odd size, "same", stride 1) returns the input', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            C: small(1, 3),
            H: small(1, 7),
            W: small(1, 7),
            half: small(0, 2),
            dilation: fc.tuple(small(1, 3), small(1, 3)),
          })
          .chain((c) => values(c.C * c.H * c.W).map((x) => ({ ...c, x }))),
        ({ C, H, W, half, dilation, x }) => {
          const k = 2 * half + 1;
          // Filter o picks channel o at the centre tap, so the output has C maps, one per channel.
          const w = tensor([C, C, k, k]);
          for (let o = 0; o < C; o++) w.data[offset(w.shape, [o, o, half, half])] = 1;
          const out = conv2d(tensor([C, H, W], x), w, { padding: 'same', stride: 1, dilation });
          expect(out.shape).toEqual([C, H, W]);
          expectAllClose(out.data, x, 0);
        },
      ),
      { seed: 7, numRuns: RUNS },
    );
  });

  it('is linear in the input: conv(a·x + y) = a·conv(x) + conv(y)', () => {
    fc.assert(
      fc.property(
        convDataArb.chain((c) => fc.tuple(fc.constant(c), values(c.C * c.H * c.W), value)),
        ([c, yData, a]) => {
          const y = tensor(c.x.shape, yData);
          const lhs = conv2d(combine(a, c.x, y), c.w, opts(c));
          const rhs = combine(a, conv2d(c.x, c.w, opts(c)), conv2d(y, c.w, opts(c)));
          expect(lhs.shape).toEqual(rhs.shape);
          expectAllClose(lhs.data, rhs.data);
        },
      ),
      { seed: 11, numRuns: RUNS },
    );
  });

  it('is linear in the kernel: conv(x, a·w + v) = a·conv(x, w) + conv(x, v)', () => {
    fc.assert(
      fc.property(
        convDataArb.chain((c) => fc.tuple(fc.constant(c), values(c.w.data.length), value)),
        ([c, vData, a]) => {
          const v = tensor(c.w.shape, vData);
          const lhs = conv2d(c.x, combine(a, c.w, v), opts(c));
          const rhs = combine(a, conv2d(c.x, c.w, opts(c)), conv2d(c.x, v, opts(c)));
          expectAllClose(lhs.data, rhs.data);
        },
      ),
      { seed: 12, numRuns: RUNS },
    );
  });

  it('has the output shape the geometry predicts', () => {
    fc.assert(
      fc.property(convCaseArb, (c) => {
        const out = conv2d(tensor([c.C, c.H, c.W]), tensor([c.O, c.C, c.kH, c.kW]), opts(c));
        const g = windowGeometry(c.H, c.W, c.kH, c.kW, opts(c));
        expect(out.shape).toEqual([c.O, g.outH, g.outW]);
        expect(g.outH).toBe(
          outputLength(c.H, c.kH, c.stride[0], g.pad.top, g.pad.bottom, c.dilation[0]),
        );
        expect(g.outW).toBe(
          outputLength(c.W, c.kW, c.stride[1], g.pad.left, g.pad.right, c.dilation[1]),
        );
        // And independently of the engine's helpers:
        if (c.padding === 'same') {
          expect(out.shape).toEqual([
            c.O,
            Math.ceil(c.H / c.stride[0]),
            Math.ceil(c.W / c.stride[1]),
          ]);
        } else {
          const p = fixedPads(c.padding);
          const spanH = (c.kH - 1) * c.dilation[0] + 1;
          const spanW = (c.kW - 1) * c.dilation[1] + 1;
          expect(g.pad).toEqual(p);
          expect(out.shape).toEqual([
            c.O,
            Math.floor((c.H + p.top + p.bottom - spanH) / c.stride[0]) + 1,
            Math.floor((c.W + p.left + p.right - spanW) / c.stride[1]) + 1,
          ]);
        }
      }),
      { seed: 13, numRuns: RUNS },
    );
  });

  it('with fixed padding, stride (sH, sW) samples the stride-1 output at every sH-th row and sW-th column', () => {
    fc.assert(
      fc.property(
        convDataArb.filter((c) => c.padding !== 'same'),
        (c) => {
          const strided = conv2d(c.x, c.w, opts(c));
          const dense = conv2d(c.x, c.w, { ...opts(c), stride: 1 });
          const [O, outH, outW] = strided.shape;
          const expected: number[] = [];
          for (let o = 0; o < O; o++)
            for (let y = 0; y < outH; y++)
              for (let x = 0; x < outW; x++)
                expected.push(
                  dense.data[offset(dense.shape, [o, y * c.stride[0], x * c.stride[1]])],
                );
          expectAllClose(strided.data, expected);
        },
      ),
      { seed: 14, numRuns: RUNS },
    );
  });

  it('agrees with explainConv2dCell in every cell: value = output cell, sum = Σ products', () => {
    fc.assert(
      fc.property(
        convDataArb.chain((c) =>
          fc.tuple(fc.constant(c), values(c.O), fc.option(value, { nil: undefined })),
        ),
        ([c, bias, scale]) => {
          const options = { ...opts(c), bias, scale };
          const out = conv2d(c.x, c.w, options);
          const [O, outH, outW] = out.shape;
          for (let o = 0; o < O; o++)
            for (let y = 0; y < outH; y++)
              for (let x = 0; x < outW; x++) {
                const e = explainConv2dCell(c.x, c.w, options, o, y, x);
                expect(e.terms).toHaveLength(c.C * c.kH * c.kW);
                const sum = e.terms.reduce((s, t) => s + t.product, 0);
                expect(close(e.sum, sum)).toBe(true);
                expect(e.terms.every((t) => (t.padded ? t.input === 0 : true))).toBe(true);
                const cell = out.data[offset(out.shape, [o, y, x])];
                if (!close(e.value, cell))
                  expect.fail(`cell (${o},${y},${x}): explanation ${e.value}, conv2d ${cell}`);
                expect(close(e.value, (scale ?? 1) * sum + bias[o])).toBe(true);
              }
        },
      ),
      { seed: 15, numRuns: RUNS },
    );
  });
});

interface PoolCase {
  x: Tensor;
  size: [number, number];
  stride: [number, number] | undefined;
  padding: 'valid' | 'same';
}

const poolCaseArb: fc.Arbitrary<PoolCase> = fc
  .record({
    C: small(1, 3),
    H: small(1, 8),
    W: small(1, 8),
    size: fc.tuple(small(1, 4), small(1, 4)),
    stride: fc.option(fc.tuple(small(1, 4), small(1, 4)), { nil: undefined }),
    padding: fc.constantFrom('valid' as const, 'same' as const),
  })
  .map((c) =>
    c.padding === 'valid' ? { ...c, H: Math.max(c.H, c.size[0]), W: Math.max(c.W, c.size[1]) } : c,
  )
  .chain((c) =>
    values(c.C * c.H * c.W).map((x) => ({
      x: tensor([c.C, c.H, c.W], x),
      size: c.size,
      stride: c.stride,
      padding: c.padding,
    })),
  );

describe('pooling', () => {
  it('max pool ≥ avg pool, cell by cell', () => {
    fc.assert(
      fc.property(poolCaseArb, ({ x, ...options }) => {
        const mx = maxPool2d(x, options);
        const av = avgPool2d(x, options);
        expect(mx.shape).toEqual(av.shape);
        mx.data.forEach((m, i) => expect(m).toBeGreaterThanOrEqual(av.data[i] - TOL));
      }),
      { seed: 21, numRuns: RUNS },
    );
  });

  it('has the output shape the geometry predicts (stride defaults to the window size)', () => {
    fc.assert(
      fc.property(poolCaseArb, ({ x, ...options }) => {
        const [C, H, W] = x.shape;
        const [sH, sW] = options.stride ?? options.size;
        const out = maxPool2d(x, options);
        if (options.padding === 'same') {
          expect(out.shape).toEqual([C, Math.ceil(H / sH), Math.ceil(W / sW)]);
        } else {
          expect(out.shape).toEqual([
            C,
            Math.floor((H - options.size[0]) / sH) + 1,
            Math.floor((W - options.size[1]) / sW) + 1,
          ]);
        }
      }),
      { seed: 22, numRuns: RUNS },
    );
  });

  it('explainPoolCell gives the pooled cell, for max and avg', () => {
    fc.assert(
      fc.property(poolCaseArb, ({ x, ...options }) => {
        for (const op of ['max', 'avg'] as const) {
          const out = op === 'max' ? maxPool2d(x, options) : avgPool2d(x, options);
          const [C, outH, outW] = out.shape;
          for (let c = 0; c < C; c++)
            for (let y = 0; y < outH; y++)
              for (let col = 0; col < outW; col++) {
                const e = explainPoolCell(op, x, options, c, y, col);
                const cell = out.data[offset(out.shape, [c, y, col])];
                if (!close(e.value, cell))
                  expect.fail(
                    `${op} cell (${c},${y},${col}): explanation ${e.value}, pool ${cell}`,
                  );
                const inside = e.terms.filter((t) => !t.padded);
                expect(e.counted).toBe(inside.length);
                expect(e.terms.filter((t) => t.padded).every((t) => t.input === null)).toBe(true);
                if (op === 'max') expect(e.terms[e.winner].input).toBe(e.value);
                else
                  expect(
                    close(
                      e.value,
                      inside.reduce((s, t) => s + (t.input as number), 0) / inside.length,
                    ),
                  ).toBe(true);
              }
        }
      }),
      { seed: 23, numRuns: RUNS },
    );
  });
});

describe('activations', () => {
  const vector = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), {
    minLength: 1,
    maxLength: 12,
  });

  it('softmax sums to 1, every entry in [0, 1]', () => {
    fc.assert(
      fc.property(vector, (z) => {
        const p = softmax(z);
        expect(p).toHaveLength(z.length);
        expect(
          close(
            p.reduce((a, b) => a + b, 0),
            1,
          ),
        ).toBe(true);
        expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
      }),
      { seed: 31, numRuns: RUNS },
    );
  });

  it('softmax is unchanged by adding a constant', () => {
    fc.assert(
      fc.property(vector, fc.double({ min: -100, max: 100, noNaN: true }), (z, k) => {
        expectAllClose(softmax(z.map((v) => v + k)), softmax(z));
      }),
      { seed: 32, numRuns: RUNS },
    );
  });

  it('softmax survives huge inputs (the max is subtracted first)', () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    expect(softmax([-1000, 0])[1]).toBe(1);
  });

  it('relu is idempotent, non-negative and keeps positives', () => {
    fc.assert(
      fc.property(
        fc
          .array(small(1, 4), { minLength: 0, maxLength: 3 })
          .chain((shape) =>
            values(shape.reduce((a, b) => a * b, 1)).map((data) => tensor(shape, data)),
          ),
        (t) => {
          const r = relu(t);
          expect(r.shape).toEqual(t.shape);
          expect(Array.from(relu(r).data)).toEqual(Array.from(r.data));
          r.data.forEach((v, i) => {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBe(t.data[i] > 0 ? t.data[i] : 0);
          });
        },
      ),
      { seed: 33, numRuns: RUNS },
    );
  });
});

describe('conv1d', () => {
  const modes = fc.constantFrom('valid' as const, 'same' as const, 'full' as const);
  const caseArb = fc.record({
    x: fc.array(value, { minLength: 1, maxLength: 10 }),
    k: fc.array(value, { minLength: 1, maxLength: 5 }),
    mode: modes,
  });

  it('true convolution (flip) equals cross-correlation with the reversed kernel, in every mode', () => {
    fc.assert(
      fc.property(caseArb, ({ x, k, mode }) => {
        if (mode === 'valid' && k.length > x.length) {
          expect(() => conv1d(x, k, { flip: true, mode })).toThrow(/does not fit/);
          expect(() => conv1d(x, [...k].reverse(), { mode })).toThrow(/does not fit/);
          return;
        }
        expectAllClose(conv1d(x, k, { flip: true, mode }), conv1d(x, [...k].reverse(), { mode }));
      }),
      { seed: 41, numRuns: RUNS },
    );
  });

  it('"full" true convolution is the textbook (f ∗ g)[n] = Σ_m f[n − m] · g[m]', () => {
    fc.assert(
      fc.property(caseArb, ({ x, k }) => {
        const expected: number[] = [];
        for (let n = 0; n < x.length + k.length - 1; n++) {
          let s = 0;
          for (let m = 0; m < k.length; m++)
            if (n - m >= 0 && n - m < x.length) s += x[n - m] * k[m];
          expected.push(s);
        }
        expectAllClose(conv1d(x, k, { flip: true, mode: 'full' }), expected);
      }),
      { seed: 42, numRuns: RUNS },
    );
  });

  it('output lengths: valid N − F + 1, same N, full N + F − 1', () => {
    fc.assert(
      fc.property(caseArb, ({ x, k, mode }) => {
        fc.pre(mode !== 'valid' || k.length <= x.length);
        const expected = {
          valid: x.length - k.length + 1,
          same: x.length,
          full: x.length + k.length - 1,
        }[mode];
        expect(conv1d(x, k, { mode })).toHaveLength(expected);
      }),
      { seed: 43, numRuns: RUNS },
    );
  });
});

describe('layouts', () => {
  const chwArb = fc
    .tuple(small(1, 4), small(1, 5), small(1, 5))
    .chain(([C, H, W]) => values(C * H * W).map((data) => tensor([C, H, W], data)));

  it('hwcToChw ∘ chwToHwc and chwToHwc ∘ hwcToChw are the identity', () => {
    fc.assert(
      fc.property(chwArb, (t) => {
        const there = chwToHwc(t);
        expect(there.shape).toEqual([t.shape[1], t.shape[2], t.shape[0]]);
        const back = hwcToChw(there);
        expect(back.shape).toEqual(t.shape);
        expect(Array.from(back.data)).toEqual(Array.from(t.data));
        // The same tensor read as (H,W,C) the other way round.
        const again = chwToHwc(hwcToChw(t));
        expect(again.shape).toEqual(t.shape);
        expect(Array.from(again.data)).toEqual(Array.from(t.data));
      }),
      { seed: 51, numRuns: RUNS },
    );
  });

  it('flatten in both orders puts cell (c,y,x) where flatIndex says', () => {
    fc.assert(
      fc.property(chwArb, (t) => {
        const [C, H, W] = t.shape;
        const shape: [number, number, number] = [C, H, W];
        const chw = flatten(t, 'chw');
        const hwc = flatten(t, 'hwc');
        const hwcTensor = chwToHwc(t);
        const seen = new Set<number>();
        for (let c = 0; c < C; c++)
          for (let y = 0; y < H; y++)
            for (let x = 0; x < W; x++) {
              const v = t.data[offset(t.shape, [c, y, x])];
              expect(chw[flatIndex(shape, c, y, x, 'chw')]).toBe(v);
              expect(hwc[flatIndex(shape, c, y, x, 'hwc')]).toBe(v);
              expect(flatIndex(shape, c, y, x, 'hwc')).toBe(offset(hwcTensor.shape, [y, x, c]));
              seen.add(flatIndex(shape, c, y, x, 'hwc'));
            }
        // Every position is used exactly once: flatIndex is a permutation.
        expect(seen.size).toBe(C * H * W);
      }),
      { seed: 52, numRuns: RUNS },
    );
  });
});

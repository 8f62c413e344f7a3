/**
 * Differential tests: the engine against TensorFlow.js (tfjs-core, CPU backend) on seeded
 * random cases. Shapes must agree exactly and every cell within 1e-4 relative
 * (|engine − tfjs| ≤ 1e-4 · max(1, |tfjs|)); tfjs computes in float32, the engine in float64.
 * A failing case is reported by fast-check as its geometry plus the seed of its data.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Padding,
  ShapeError,
  type Tensor,
  avgPool2d,
  conv1d,
  conv2d,
  effectiveSize,
  maxPool2d,
} from '../../src/engine/index.js';
import { expectClose, expectCloseTensor } from '../helpers/numeric.js';
import {
  float32Random,
  randomTensor,
  tfConv1d,
  tfConv2d,
  tfPool2d,
  toTfFilters,
  toTfImage,
  toTfPadding,
  useTfjsCpu,
} from './tfjs-reference.js';

const SEED = 42;
const TOLERANCE = 1e-4;
/** tfjs is the reference: the tolerance is relative to its value. */
const AGREE = { tol: TOLERANCE, scale: 'expected' } as const;

type Tf = Awaited<ReturnType<typeof useTfjsCpu>>;
let tf: Tf;

beforeAll(async () => {
  tf = await useTfjsCpu();
});

const axisPair = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));

/** Extent of an input axis on which a window of `span` cells fits after `padTotal` zeros. */
function fittingSize(span: number, padTotal: number, extra: number): number {
  return Math.max(1, span - padTotal) + extra;
}

// tfjs accepts dilation > 1 only with stride 1 on both axes, so a case is either strided or
// dilated (both may still come out as 1).
const conv2dCase = fc
  .record({
    channels: fc.integer({ min: 1, max: 4 }),
    filters: fc.integer({ min: 1, max: 4 }),
    // Up to 6 so that kernel rows of 1–6 taps meet every grouping conv2d uses (threes and a rest).
    kernel: axisPair(1, 6),
    dilated: fc.boolean(),
    steps: axisPair(1, 3),
    padding: fc.oneof(
      fc.constant<Padding>('valid'),
      fc.constant<Padding>('same'),
      fc.integer({ min: 0, max: 2 }),
      fc.tuple(axisPair(0, 3), axisPair(0, 3)),
    ),
    extra: axisPair(0, 8),
    bias: fc.boolean(),
    scale: fc.constantFrom(undefined, 0.5, -3),
    seed: fc.integer(),
  })
  .map((c) => {
    const stride: [number, number] = c.dilated ? [1, 1] : c.steps;
    const dilation: [number, number] = c.dilated ? c.steps : [1, 1];
    const [kH, kW] = c.kernel;
    const p = c.padding;
    const [padH, padW] =
      p === 'valid'
        ? [0, 0]
        : p === 'same'
          ? [Infinity, Infinity]
          : typeof p === 'number'
            ? [2 * p, 2 * p]
            : [p[0][0] + p[0][1], p[1][0] + p[1][1]];
    const H = fittingSize(effectiveSize(kH, dilation[0]), padH, c.extra[0]);
    const W = fittingSize(effectiveSize(kW, dilation[1]), padW, c.extra[1]);
    return {
      C: c.channels,
      O: c.filters,
      H,
      W,
      kH,
      kW,
      stride,
      dilation,
      padding: c.padding,
      bias: c.bias,
      scale: c.scale,
      seed: c.seed,
    };
  });

describe('engine vs tfjs-core (CPU backend)', () => {
  it('conv2d: kernels 1–6, strides 1–3, dilations 1–3, valid / same / explicit padding, bias, scale', () => {
    fc.assert(
      fc.property(conv2dCase, (c) => {
        const random = float32Random(c.seed);
        const input = randomTensor([c.C, c.H, c.W], random);
        const filters = randomTensor([c.O, c.C, c.kH, c.kW], random);
        const bias = c.bias ? Array.from({ length: c.O }, random) : undefined;
        const options = {
          stride: c.stride,
          dilation: c.dilation,
          padding: c.padding,
          bias,
          scale: c.scale,
        };
        expectCloseTensor(
          conv2d(input, filters, options),
          tfConv2d(input, filters, options),
          'conv2d',
          AGREE,
        );
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('conv2d: where the window does not fit, the engine throws a ShapeError and tfjs has nothing to give', () => {
    const tooBig = fc
      .record({
        kernel: axisPair(2, 5),
        dilation: axisPair(1, 2),
        padding: fc.oneof(fc.constant<Padding>('valid'), fc.tuple(axisPair(0, 1), axisPair(0, 1))),
        shortfall: axisPair(1, 3),
        seed: fc.integer(),
      })
      .map((c) => {
        const pad = toTfPadding(c.padding);
        const padTotal =
          pad === 'valid' || pad === 'same'
            ? [0, 0]
            : [pad[1][0] + pad[1][1], pad[2][0] + pad[2][1]];
        // Short on at least one axis; the other axis fits.
        const spanH = effectiveSize(c.kernel[0], c.dilation[0]);
        const spanW = effectiveSize(c.kernel[1], c.dilation[1]);
        const H = Math.max(1, spanH - padTotal[0] - c.shortfall[0]);
        const W = c.seed % 2 === 0 ? Math.max(1, spanW - padTotal[1] - c.shortfall[1]) : spanW + 1;
        return { ...c, H, W, fits: spanH <= H + padTotal[0] && spanW <= W + padTotal[1] };
      })
      .filter((c) => !c.fits);
    fc.assert(
      fc.property(tooBig, (c) => {
        const random = float32Random(c.seed);
        const input = randomTensor([1, c.H, c.W], random);
        const filters = randomTensor([1, 1, c.kernel[0], c.kernel[1]], random);
        const options = { padding: c.padding, dilation: c.dilation };
        expect(() => conv2d(input, filters, options)).toThrow(ShapeError);
        // tfjs does not check: it returns an output with an empty (0) or negative spatial axis.
        let outputShape: number[] = [1, 0, 0, 1];
        try {
          const y = tf.conv2d(
            toTfImage(input),
            toTfFilters(filters),
            1,
            toTfPadding(c.padding),
            'NHWC',
            c.dilation,
          );
          outputShape = y.shape;
          tf.dispose(y);
        } catch {
          // Throwing is an acceptable answer too.
        }
        expect(outputShape[1] <= 0 || outputShape[2] <= 0).toBe(true);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  const poolCase = fc
    .record({
      channels: fc.integer({ min: 1, max: 4 }),
      size: axisPair(1, 4),
      stride: fc.option(axisPair(1, 3), { nil: undefined }),
      padding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
      extra: axisPair(0, 8),
      seed: fc.integer(),
    })
    .map((c) => {
      const H = c.padding === 'same' ? 1 + c.extra[0] : c.size[0] + c.extra[0];
      const W = c.padding === 'same' ? 1 + c.extra[1] : c.size[1] + c.extra[1];
      return { ...c, H, W };
    });

  for (const op of ['max', 'avg'] as const) {
    it(`${op}Pool2d: windows 1–4, strides 1–3 (or the default, the window), valid / same`, () => {
      const enginePool = op === 'max' ? maxPool2d : avgPool2d;
      fc.assert(
        fc.property(poolCase, (c) => {
          const input = randomTensor([c.channels, c.H, c.W], float32Random(c.seed));
          const engine = enginePool(input, { size: c.size, stride: c.stride, padding: c.padding });
          const reference = tfPool2d(op, input, {
            size: c.size,
            stride: c.stride ?? c.size,
            padding: c.padding,
          });
          expectCloseTensor(engine, reference, 'engine vs tfjs', AGREE);
        }),
        { seed: SEED, numRuns: 250 },
      );
    });
  }

  it('conv1d: cross-correlation (and true convolution = correlation with the kernel reversed), valid / same / full', () => {
    const conv1dCase = fc
      .record({
        kernelLength: fc.integer({ min: 1, max: 6 }),
        extra: fc.integer({ min: 0, max: 12 }),
        mode: fc.constantFrom<'valid' | 'same' | 'full'>('valid', 'same', 'full'),
        flip: fc.boolean(),
        seed: fc.integer(),
      })
      .map((c) => ({ ...c, length: c.mode === 'valid' ? c.kernelLength + c.extra : 1 + c.extra }));
    fc.assert(
      fc.property(conv1dCase, (c) => {
        const random = float32Random(c.seed);
        const x = Array.from({ length: c.length }, random);
        const k = Array.from({ length: c.kernelLength }, random);
        const engine = conv1d(x, k, { flip: c.flip, mode: c.mode });
        const reference = tfConv1d(x, c.flip ? [...k].reverse() : k, c.mode);
        expectClose(engine, reference, 'engine vs tfjs', AGREE);
      }),
      { seed: SEED, numRuns: 250 },
    );
  });
});

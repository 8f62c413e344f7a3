/**
 * Backward passes against TensorFlow.js's automatic gradients (`tf.grads`, CPU backend) on
 * seeded random cases: every cell within 1e-4 relative (|engine − tfjs| ≤ 1e-4 · max(1, |tfjs|)).
 * tfjs works in float32, so inputs are float32-exact (see `float32Random`).
 *
 * Two tfjs limits shape the cases:
 * - tfjs has no conv2d gradient for dilation > 1. A dilated kernel is the same as an undilated
 *   one with zeros between its taps, so the reference differentiates that spread-out kernel and
 *   reads its gradient at the tap positions. This also lets stride and dilation be combined.
 * - tfjs's CPU gradient of average pooling divides every window by its full size, while its
 *   forward pass (and the engine's) divides an edge window of "same" pooling by the cells it
 *   holds; only "valid" average pooling is compared (tests/engine/backward.test.ts checks "same"
 *   against finite differences of the forward pass).
 *
 * tfjs-core on its own registers no gradients: the `@tensorflow/tfjs` umbrella package
 * normally imports tfjs-core's `register_all_gradients`, an ES module whose relative imports
 * lack the `.js` Node needs. `registerTfjsGradients` loads that very module (tfjs's own
 * gradient definitions, nothing rewritten) through a resolve hook that adds the extension; the
 * registrations land in tfjs's global registry, which the CommonJS build used here shares.
 */
import fc from 'fast-check';
import { register } from 'node:module';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Padding,
  type Tensor,
  createOptimizer,
  conv2d,
  conv2dBackward,
  denseBackward,
  effectiveSize,
  maxPool2d,
  maxPool2dBackward,
  avgPool2dBackward,
  reluBackward,
  softmaxBackward,
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
  tensor,
} from '../../src/engine/index.js';
import { expectClose, expectCloseTensor } from '../helpers/numeric.js';
import { axisPair, fittingSide } from './conv-cases.js';
import {
  float32Random,
  fromTfImage,
  permute,
  randomTensor,
  toTfFilters,
  toTfImage,
  toTfPadding,
  useTfjsCpu,
} from './tfjs-reference.js';

const TOLERANCE = 1e-4;
/** tfjs is the reference: the tolerance is relative to its value. */
const AGREE = { tol: TOLERANCE, scale: 'expected' } as const;
type Tf = Awaited<ReturnType<typeof useTfjsCpu>>;
let tf: Tf;

beforeAll(async () => {
  tf = await useTfjsCpu();
  await registerTfjsGradients();
}, 30_000);

async function registerTfjsGradients(): Promise<void> {
  const hook = `export async function resolve(specifier, context, next) {
    try {
      return await next(specifier, context);
    } catch (error) {
      const fromTfjsCore = context.parentURL !== undefined && context.parentURL.includes('/@tensorflow/tfjs-core/dist/');
      if (fromTfjsCore && specifier.startsWith('.') && !specifier.endsWith('.js')) return next(specifier + '.js', context);
      throw error;
    }
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  const file = createRequire(import.meta.url).resolve(
    '@tensorflow/tfjs-core/dist/register_all_gradients.js',
  );
  await import(/* @vite-ignore */ file);
}

/** Filters (O,C,kH,kW) with dilation → the equivalent undilated filters, zeros between the taps. */
function spreadFilters(filters: Tensor, [dH, dW]: [number, number]): Tensor {
  const [O, C, kH, kW] = filters.shape;
  const eH = effectiveSize(kH, dH);
  const eW = effectiveSize(kW, dW);
  const out = tensor([O, C, eH, eW]);
  for (let oc = 0; oc < O * C; oc++)
    for (let i = 0; i < kH; i++)
      for (let j = 0; j < kW; j++)
        out.data[(oc * eH + i * dH) * eW + j * dW] = filters.data[(oc * kH + i) * kW + j];
  return out;
}

/** The inverse reading: the gradient at the tap positions of a spread-out gradient. */
function gatherTaps(
  spread: Tensor,
  [kH, kW]: [number, number],
  [dH, dW]: [number, number],
): Tensor {
  const [O, C, eH, eW] = spread.shape;
  const out = tensor([O, C, kH, kW]);
  for (let oc = 0; oc < O * C; oc++)
    for (let i = 0; i < kH; i++)
      for (let j = 0; j < kW; j++)
        out.data[(oc * kH + i) * kW + j] = spread.data[(oc * eH + i * dH) * eW + j * dW];
  return out;
}

/** tfjs filters [kH, kW, C, O] → engine (O, C, kH, kW). */
function fromTfFilters(t: import('@tensorflow/tfjs-core').Tensor): Tensor {
  const { shape, data } = permute(
    { shape: t.shape, data: Float64Array.from(t.dataSync()) },
    [3, 2, 0, 1],
  );
  return { shape, data: Float64Array.from(data) };
}

const convCase = fc
  .record({
    channels: fc.integer({ min: 1, max: 3 }),
    filters: fc.integer({ min: 1, max: 3 }),
    kernel: axisPair(1, 5),
    stride: axisPair(1, 3),
    dilation: axisPair(1, 2),
    padding: fc.oneof(
      fc.constant<Padding>('valid'),
      fc.constant<Padding>('same'),
      fc.integer({ min: 0, max: 2 }),
      fc.tuple(axisPair(0, 2), axisPair(0, 2)),
    ),
    extra: axisPair(0, 5),
    scale: fc.constantFrom(1, 0.125, -2),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((c) => ({ ...c, height: fittingSide(c, 0), width: fittingSide(c, 1) }));

describe('conv2d gradients against tf.grads', () => {
  it('∂input, ∂filters, ∂bias agree on random geometries (stride, every padding, dilation via spread kernels, scale)', () => {
    fc.assert(
      fc.property(convCase, (c) => {
        const random = float32Random(c.seed);
        const input = randomTensor([c.channels, c.height, c.width], random);
        const filters = randomTensor([c.filters, c.channels, c.kernel[0], c.kernel[1]], random);
        const bias = Array.from({ length: c.filters }, random);
        const options = {
          stride: c.stride,
          padding: c.padding,
          dilation: c.dilation,
          bias,
          scale: c.scale,
        };
        const out = conv2d(input, filters, options);
        const g = randomTensor(out.shape, random);
        const engine = conv2dBackward(input, filters, g, options);

        const spread = spreadFilters(filters, c.dilation);
        const [dx, dw, db] = tf.tidy(() => {
          const f = (
            x: import('@tensorflow/tfjs-core').Tensor,
            w: import('@tensorflow/tfjs-core').Tensor,
            b: import('@tensorflow/tfjs-core').Tensor,
          ) =>
            tf.add(
              tf.mul(
                tf.conv2d(x as never, w as never, c.stride, toTfPadding(c.padding), 'NHWC', 1),
                c.scale,
              ),
              b,
            );
          return tf.grads(f)(
            [toTfImage(input), toTfFilters(spread), tf.tensor1d(bias)],
            toTfImage(g),
          );
        });
        try {
          expectCloseTensor(engine.input, fromTfImage(dx), '∂input', AGREE);
          expectCloseTensor(
            engine.filters,
            gatherTaps(fromTfFilters(dw), c.kernel, c.dilation),
            '∂filters',
            AGREE,
          );
          expectClose(engine.bias.data, db.dataSync(), '∂bias', AGREE);
        } finally {
          tf.dispose([dx, dw, db]);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe('pooling gradients against tf.grad', () => {
  const poolCase = fc.record({
    channels: fc.integer({ min: 1, max: 3 }),
    size: axisPair(1, 3),
    stride: axisPair(1, 3),
    padding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
    extra: axisPair(0, 5),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });

  it('max pooling, valid and same, overlapping or not', () => {
    fc.assert(
      fc.property(poolCase, (c) => {
        const random = float32Random(c.seed);
        const input = randomTensor(
          [c.channels, c.size[0] + c.extra[0], c.size[1] + c.extra[1]],
          random,
        );
        const options = { size: c.size, stride: c.stride, padding: c.padding };
        const g = randomTensor(maxPool2d(input, options).shape, random);
        const dx = tf.tidy(() =>
          tf.grad((x: import('@tensorflow/tfjs-core').Tensor) =>
            tf.maxPool(x as never, c.size, c.stride, c.padding),
          )(toTfImage(input), toTfImage(g)),
        );
        try {
          expectCloseTensor(maxPool2dBackward(input, g, options), fromTfImage(dx), '∂input', AGREE);
        } finally {
          dx.dispose();
        }
      }),
      { seed: 43, numRuns: 150 },
    );
  });

  it('average pooling, valid', () => {
    fc.assert(
      fc.property(poolCase, (c) => {
        const random = float32Random(c.seed);
        const input = randomTensor(
          [c.channels, c.size[0] + c.extra[0], c.size[1] + c.extra[1]],
          random,
        );
        const options = { size: c.size, stride: c.stride, padding: 'valid' as const };
        const g = randomTensor(maxPool2d(input, options).shape, random);
        const dx = tf.tidy(() =>
          tf.grad((x: import('@tensorflow/tfjs-core').Tensor) =>
            tf.avgPool(x as never, c.size, c.stride, 'valid'),
          )(toTfImage(input), toTfImage(g)),
        );
        try {
          expectCloseTensor(avgPool2dBackward(input, g, options), fromTfImage(dx), '∂input', AGREE);
        } finally {
          dx.dispose();
        }
      }),
      { seed: 44, numRuns: 100 },
    );
  });
});

describe('relu, dense, softmax and the loss against tf.grads', () => {
  const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

  it('relu', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), seeds, (n, seed) => {
        const random = float32Random(seed);
        const x = randomTensor([n], random);
        const g = randomTensor([n], random);
        const dx = tf.tidy(() =>
          tf.grad((t: import('@tensorflow/tfjs-core').Tensor) => tf.relu(t))(
            tf.tensor1d(Float32Array.from(x.data)),
            tf.tensor1d(Float32Array.from(g.data)),
          ),
        );
        try {
          expectClose(reluBackward(x, g).data, dx.dataSync(), '∂relu', AGREE);
        } finally {
          dx.dispose();
        }
      }),
      { seed: 45, numRuns: 60 },
    );
  });

  it('dense: ∂input, ∂weights, ∂bias', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 10 }),
        seeds,
        (n, units, seed) => {
          const random = float32Random(seed);
          const x = randomTensor([n], random);
          const w = randomTensor([units, n], random);
          const b = randomTensor([units], random);
          const g = randomTensor([units], random);
          const engine = denseBackward(x, w, g);
          // tfjs: y[1, units] = x[1, n] · Wᵀ[n, units] + b.
          const wT = permute(w, [1, 0]);
          const [dx, dwT, db] = tf.tidy(() =>
            tf.grads(
              (
                xx: import('@tensorflow/tfjs-core').Tensor,
                ww: import('@tensorflow/tfjs-core').Tensor,
                bb: import('@tensorflow/tfjs-core').Tensor,
              ) => tf.add(tf.matMul(xx as never, ww as never), bb),
            )(
              [
                tf.tensor2d(Float32Array.from(x.data), [1, n]),
                tf.tensor2d(wT.data, [n, units]),
                tf.tensor1d(Float32Array.from(b.data)),
              ],
              tf.tensor2d(Float32Array.from(g.data), [1, units]),
            ),
          );
          try {
            expectClose(engine.input.data, dx.dataSync(), '∂input', AGREE);
            const dw = permute(
              { shape: [n, units], data: Float64Array.from(dwT.dataSync()) },
              [1, 0],
            );
            expectClose(engine.weights.data, dw.data, '∂weights', AGREE);
            expectClose(engine.bias.data, db.dataSync(), '∂bias', AGREE);
          } finally {
            tf.dispose([dx, dwT, db]);
          }
        },
      ),
      { seed: 46, numRuns: 60 },
    );
  });

  it('softmax', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), seeds, (n, seed) => {
        const random = float32Random(seed);
        const z = Array.from({ length: n }, () => 4 * random());
        const g = Array.from({ length: n }, random);
        const dz = tf.tidy(() =>
          tf.grad((t: import('@tensorflow/tfjs-core').Tensor) => tf.softmax(t))(
            tf.tensor1d(z),
            tf.tensor1d(g),
          ),
        );
        try {
          expectClose(softmaxBackward(z, g), dz.dataSync(), '∂softmax', AGREE);
        } finally {
          dz.dispose();
        }
      }),
      { seed: 47, numRuns: 60 },
    );
  });

  it('softmax cross-entropy: loss and ∂logits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.nat(), seeds, (n, pick, seed) => {
        const random = float32Random(seed);
        const z = Array.from({ length: n }, () => 8 * random());
        const label = pick % n;
        const { value, grad } = tf.tidy(() =>
          tf.valueAndGrad((t: import('@tensorflow/tfjs-core').Tensor) =>
            tf.neg(tf.sum(tf.mul(tf.cast(tf.oneHot(label, n), 'float32'), tf.logSoftmax(t)))),
          )(tf.tensor1d(z)),
        );
        try {
          expectClose([softmaxCrossEntropy(z, label)], value.dataSync(), 'loss', AGREE);
          expectClose(softmaxCrossEntropyBackward(z, label), grad.dataSync(), '∂logits', AGREE);
        } finally {
          tf.dispose([value, grad]);
        }
      }),
      { seed: 48, numRuns: 60 },
    );
  });
});

describe('optimizers against tf.train', () => {
  const runBoth = (kind: 'sgd' | 'adam', seed: number) => {
    const random = float32Random(seed);
    const start = Array.from({ length: 7 }, random);
    const gradients = Array.from({ length: 6 }, () => Array.from({ length: 7 }, random));
    const engineOpt = createOptimizer(
      kind === 'sgd'
        ? { type: 'sgd', learningRate: 0.1, momentum: 0.9 }
        : { type: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    );
    const theta = Float64Array.from(start);
    const tfOpt =
      kind === 'sgd' ? tf.train.momentum(0.1, 0.9) : tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    const v = tf.variable(tf.tensor1d(start), true, `theta_${kind}_${seed}`);
    for (const g of gradients) {
      engineOpt.step([theta], [g]);
      tf.tidy(() => tfOpt.applyGradients([{ name: v.name, tensor: tf.tensor1d(g) }]));
    }
    const reference = v.dataSync();
    v.dispose();
    tfOpt.dispose();
    return { engine: theta, reference };
  };

  for (const kind of ['sgd', 'adam'] as const) {
    it(`${kind}: six steps on random gradients end at the same parameters`, () => {
      for (const seed of [1, 2, 3]) {
        const { engine, reference } = runBoth(kind, seed);
        expectClose(engine, reference, `${kind} seed ${seed}`, AGREE);
      }
    });
  }
});

/**
 * Backward passes checked against finite differences: for a random g, the scalar
 * L = Σ g ⊙ op(…) has ∂L/∂θ = (L(θ + h) − L(θ − h)) / 2h for every number θ the op reads.
 * Every op here is linear or piecewise linear in each argument (softmax aside), so central
 * differences are exact up to rounding and the tolerance can be tight (1e-6 relative).
 * Max pooling and ReLU are tested on values kept away from their kinks (ties, zero).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Conv2dOptions,
  type Padding,
  type PoolOptions,
  type Random,
  ShapeError,
  type Tensor,
  ValueError,
  adamStep,
  avgPool2d,
  avgPool2dBackward,
  conv2d,
  conv2dBackward,
  conv2dBiasGradient,
  conv2dFiltersGradient,
  conv2dInputGradient,
  createOptimizer,
  denseBackward,
  denseForward,
  dense,
  fans,
  glorotUniform,
  heNormal,
  maxPool2d,
  maxPool2dBackward,
  relu,
  reluBackward,
  seededRandom,
  sgdStep,
  softmax,
  softmaxBackward,
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
  tensor,
  toNested,
} from '../../src/engine/index.js';
import { expectClose, numericGradient } from '../helpers/numeric.js';
import { axisPair, fittingSide } from './conv-cases.js';

const RUNS = 120;

function randomTensor(shape: readonly number[], random: Random, scale = 1): Tensor {
  const t = tensor(shape);
  for (let k = 0; k < t.data.length; k++) t.data[k] = scale * random.uniform(-1, 1);
  return t;
}

/** Σ g ⊙ t. */
function dot(g: Tensor | ArrayLike<number>, t: Tensor | ArrayLike<number>): number {
  const a = 'data' in g ? g.data : g;
  const b = 'data' in t ? t.data : t;
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/** Random conv2d geometry (stride, padding of every kind, dilation, channels, filters) with an input the window fits. */
const convCase = fc
  .record({
    channels: fc.integer({ min: 1, max: 3 }),
    filters: fc.integer({ min: 1, max: 3 }),
    kernel: axisPair(1, 4),
    stride: axisPair(1, 3),
    dilation: axisPair(1, 3),
    padding: fc.oneof(
      fc.constant<Padding>('valid'),
      fc.constant<Padding>('same'),
      fc.integer({ min: 0, max: 2 }),
      fc.tuple(axisPair(0, 2), axisPair(0, 2)),
    ),
    extra: axisPair(0, 4),
    bias: fc.boolean(),
    scale: fc.constantFrom(undefined, 1 / 9, -2),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((c) => ({ ...c, height: fittingSide(c, 0), width: fittingSide(c, 1) }));

describe('conv2d backward: finite differences', () => {
  it('∂input, ∂filters and ∂bias match central differences (stride, padding, dilation, scale)', () => {
    fc.assert(
      fc.property(convCase, (c) => {
        const random = seededRandom(c.seed);
        const input = randomTensor([c.channels, c.height, c.width], random);
        const filters = randomTensor([c.filters, c.channels, c.kernel[0], c.kernel[1]], random);
        const bias = c.bias
          ? Array.from({ length: c.filters }, () => random.uniform(-1, 1))
          : undefined;
        const options: Conv2dOptions = {
          stride: c.stride,
          padding: c.padding,
          dilation: c.dilation,
          bias,
          scale: c.scale,
        };
        const out = conv2d(input, filters, options);
        const g = randomTensor(out.shape, random);
        const loss = () => dot(g, conv2d(input, filters, options));

        const grads = conv2dBackward(input, filters, g, options);
        expect(grads.input.shape).toEqual(input.shape);
        expect(grads.filters.shape).toEqual(filters.shape);
        expectClose(grads.input.data, numericGradient(loss, input.data), '∂input');
        expectClose(grads.filters.data, numericGradient(loss, filters.data), '∂filters');
        if (bias !== undefined) expectClose(grads.bias.data, numericGradient(loss, bias), '∂bias');

        // The one-gradient functions agree with the combined one.
        expect(conv2dInputGradient(input, filters, g, options).data).toEqual(grads.input.data);
        expect(conv2dFiltersGradient(input, filters, g, options).data).toEqual(grads.filters.data);
        expect(conv2dBiasGradient(g).data).toEqual(grads.bias.data);
      }),
      { seed: 20240611, numRuns: RUNS },
    );
  });

  it('works the doc example: [[2]] with [[3]] and g = [[1]]', () => {
    const grads = conv2dBackward(
      tensor([1, 1, 1], [2]),
      tensor([1, 1, 1, 1], [3]),
      tensor([1, 1, 1], [1]),
    );
    expect(toNested(grads.input)).toEqual([[[3]]]);
    expect(toNested(grads.filters)).toEqual([[[[2]]]]);
    expect(Array.from(grads.bias.data)).toEqual([1]);
  });

  it('sends no gradient to input cells no window reads (an incomplete last window is dropped)', () => {
    // 4 columns, 2-wide kernel, stride 3: windows at columns 0–1 only; columns 2 and 3 are never read.
    const grads = conv2dBackward(
      tensor([1, 1, 4], [1, 2, 3, 4]),
      tensor([1, 1, 1, 2], [5, 7]),
      tensor([1, 1, 1], [1]),
      { stride: 3 },
    );
    expect(Array.from(grads.input.data)).toEqual([5, 7, 0, 0]);
    expect(Array.from(grads.filters.data)).toEqual([1, 2]);
  });

  it('rejects a gradOutput that is not the output shape, naming both shapes', () => {
    const input = tensor([1, 5, 5]);
    const filters = tensor([2, 1, 3, 3]);
    expect(() => conv2dBackward(input, filters, tensor([2, 4, 3]))).toThrow(
      new ShapeError(
        'gradOutput',
        "Expected `gradOutput` to have the output's shape (2,3,3), got (2,4,3).",
      ),
    );
    expect(() => conv2dBiasGradient(tensor([9]))).toThrowError(
      /Expected `gradOutput` to be \(filters, rows, columns\), got shape \(9\)/,
    );
    expect(() =>
      conv2dBackward(input, filters, tensor([2, 3, 3], new Array(18).fill(NaN))),
    ).toThrowError(ValueError);
  });
});

/** Distinct values (spaced 0.01 apart, far wider than h) so no max window has a near-tie. */
function distinctTensor(shape: readonly number[], random: Random): Tensor {
  const t = tensor(shape);
  const order = random.shuffle(Array.from(t.data, (_, k) => k));
  order.forEach((rank, k) => (t.data[k] = (rank - order.length / 2) * 0.01));
  return t;
}

const poolCase = fc.record({
  channels: fc.integer({ min: 1, max: 3 }),
  size: axisPair(1, 3),
  stride: fc.option(axisPair(1, 3), { nil: undefined }),
  padding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
  extra: axisPair(0, 5),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe('pooling backward: finite differences', () => {
  for (const op of ['max', 'avg'] as const) {
    it(`${op} pooling (overlapping and not, valid and same)`, () => {
      fc.assert(
        fc.property(poolCase, (c) => {
          const random = seededRandom(c.seed);
          const input = distinctTensor(
            [c.channels, c.size[0] + c.extra[0], c.size[1] + c.extra[1]],
            random,
          );
          const options: PoolOptions = { size: c.size, stride: c.stride, padding: c.padding };
          const forward = op === 'max' ? maxPool2d : avgPool2d;
          const g = randomTensor(forward(input, options).shape, random);
          const grad = (op === 'max' ? maxPool2dBackward : avgPool2dBackward)(input, g, options);
          expect(grad.shape).toEqual(input.shape);
          expectClose(
            grad.data,
            numericGradient(() => dot(g, forward(input, options)), input.data),
            `∂input (${op})`,
          );
        }),
        { seed: 7, numRuns: RUNS },
      );
    });
  }

  it('works the doc examples', () => {
    const input = tensor([1, 2, 2], [1, 3, 2, 0]);
    const g = tensor([1, 1, 1], [5]);
    expect(Array.from(maxPool2dBackward(input, g, { size: 2 }).data)).toEqual([0, 5, 0, 0]);
    expect(Array.from(avgPool2dBackward(input, g, { size: 2 }).data)).toEqual([
      1.25, 1.25, 1.25, 1.25,
    ]);
  });

  it('gives a tied max window’s gradient to the first cell in reading order, as the forward scan keeps it', () => {
    const input = tensor([1, 2, 2], [0, 4, 4, 4]);
    expect(Array.from(maxPool2dBackward(input, tensor([1, 1, 1], [1]), { size: 2 }).data)).toEqual([
      0, 1, 0, 0,
    ]);
  });

  it('divides an edge window of "same" pooling by the cells it averaged, not by the window size', () => {
    // 3×3 with 2×2/2 same: the last column's windows hold 2 cells, the corner 1.
    const grad = avgPool2dBackward(tensor([1, 3, 3]), tensor([1, 2, 2], [4, 4, 4, 4]), {
      size: 2,
      padding: 'same',
    });
    expect(toNested(grad)).toEqual([
      [
        [1, 1, 2],
        [1, 1, 2],
        [2, 2, 4],
      ],
    ]);
  });

  it('rejects a gradOutput of the wrong shape', () => {
    expect(() => maxPool2dBackward(tensor([2, 4, 4]), tensor([2, 3, 2]), { size: 2 })).toThrow(
      new ShapeError(
        'gradOutput',
        "Expected `gradOutput` to have the output's shape (2,2,2), got (2,3,2).",
      ),
    );
  });
});

describe('activation backward', () => {
  it('relu: finite differences away from 0, and the doc example', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, seed) => {
          const random = seededRandom(seed);
          const input = tensor(
            [n],
            Array.from(
              { length: n },
              () => (random.next() < 0.5 ? -1 : 1) * random.uniform(0.01, 2),
            ),
          );
          const g = randomTensor([n], random);
          expectClose(
            reluBackward(input, g).data,
            numericGradient(() => dot(g, relu(input)), input.data),
            '∂relu',
          );
        },
      ),
      { seed: 3, numRuns: RUNS },
    );
    expect(Array.from(reluBackward(tensor([3], [-1, 2, 0]), tensor([3], [5, 7, 9])).data)).toEqual([
      0, 7, 0,
    ]);
    expect(() => reluBackward(tensor([2]), tensor([3]))).toThrow(
      new ShapeError('gradOutput', "Expected `gradOutput` to have the input's shape (2), got (3)."),
    );
  });

  it('softmax: finite differences, and the doc example', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        (z, seed) => {
          const random = seededRandom(seed);
          const g = z.map(() => random.uniform(-1, 1));
          const numeric = numericGradient(() => dot(g, softmax(z)), z, 1e-5);
          expectClose(softmaxBackward(z, g), numeric, '∂softmax');
        },
      ),
      { seed: 5, numRuns: RUNS },
    );
    expect(softmaxBackward([0, 0], [1, 0])).toEqual([0.25, -0.25]);
  });
});

describe('dense backward', () => {
  it('matches finite differences and the lesson’s nested-list dense', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, units, seed) => {
          const random = seededRandom(seed);
          const input = randomTensor([n], random);
          const weights = randomTensor([units, n], random);
          const bias = Array.from({ length: units }, () => random.uniform(-1, 1));
          const out = denseForward(input, weights, bias);
          const rows = Array.from({ length: units }, (_, o) =>
            Array.from(weights.data.subarray(o * n, (o + 1) * n)),
          );
          expectClose(out.data, dense(Array.from(input.data), rows, bias), 'forward vs dense()', {
            tol: 1e-12,
          });
          const g = randomTensor([units], random);
          const loss = () => dot(g, denseForward(input, weights, bias));
          const grads = denseBackward(input, weights, g);
          expectClose(grads.input.data, numericGradient(loss, input.data), '∂input');
          expectClose(grads.weights.data, numericGradient(loss, weights.data), '∂weights');
          expectClose(grads.bias.data, numericGradient(loss, bias), '∂bias');
        },
      ),
      { seed: 11, numRuns: RUNS },
    );
  });

  it('works the doc example and keeps the input’s shape', () => {
    const grads = denseBackward(
      tensor([1, 1, 2], [1, 2]),
      tensor([1, 2], [3, 4]),
      tensor([1], [10]),
    );
    expect(grads.input.shape).toEqual([1, 1, 2]);
    expect(Array.from(grads.input.data)).toEqual([30, 40]);
    expect(toNested(grads.weights)).toEqual([[10, 20]]);
    expect(Array.from(grads.bias.data)).toEqual([10]);
    expect(Array.from(denseForward(tensor([2], [1, 2]), tensor([1, 2], [3, 4]), [1]).data)).toEqual(
      [12],
    );
  });

  it('names the mismatch', () => {
    // Coded, so the interface can word them from the catalog.
    expect(() => denseForward(tensor([3]), tensor([2, 4]))).toThrow(
      expect.objectContaining({
        name: 'ShapeError',
        argument: 'input',
        code: 'dense-inputs',
        message: 'Each unit has 4 weights, so `input` needs 4 numbers, got 3.',
      }),
    );
    expect(() => denseBackward(tensor([4]), tensor([2, 4]), tensor([3]))).toThrow(
      expect.objectContaining({
        name: 'ShapeError',
        argument: 'gradOutput',
        code: 'gradient-per-unit',
        message: 'Expected `gradOutput` to have one number per unit (2), got 3.',
      }),
    );
  });
});

describe('softmax cross-entropy', () => {
  it('gradient matches finite differences; loss equals −log softmax', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 10 }),
        fc.nat(),
        (z, pick) => {
          const label = pick % z.length;
          const loss = softmaxCrossEntropy(z, label);
          expect(loss).toBeGreaterThanOrEqual(0);
          expect(Math.abs(loss + Math.log(softmax(z)[label]))).toBeLessThan(
            1e-9 * Math.max(1, loss),
          );
          expectClose(
            softmaxCrossEntropyBackward(z, label),
            numericGradient(() => softmaxCrossEntropy(z, label), z, 1e-5),
            '∂logits',
          );
        },
      ),
      { seed: 13, numRuns: RUNS },
    );
  });

  it('stays finite on huge logits (the max is subtracted first)', () => {
    expect(softmaxCrossEntropy([1000, 0], 0)).toBe(0);
    expect(softmaxCrossEntropy([1000, 0], 1)).toBe(1000);
    expect(Array.from(softmaxCrossEntropyBackward([1000, 0], 1))).toEqual([1, -1]);
  });

  it('works the doc example and checks the label', () => {
    expect(softmaxCrossEntropy([0, 0], 0)).toBeCloseTo(Math.LN2, 15);
    expect(Array.from(softmaxCrossEntropyBackward([0, 0], 0))).toEqual([-0.5, 0.5]);
    expect(() => softmaxCrossEntropy([0, 0], 2)).toThrow(
      new ValueError('label', 'Expected `label` to be a class number from 0 to 1, got 2.'),
    );
    expect(() => softmaxCrossEntropyBackward([], 0)).toThrowError(ShapeError);
  });
});

describe('optimizers', () => {
  it('sgd with momentum: the doc example, then a second step', () => {
    const theta = Float64Array.of(1);
    const v = new Float64Array(1);
    sgdStep(theta, [0.5], v, { learningRate: 0.1, momentum: 0.9 });
    expect(v[0]).toBe(0.5);
    expect(theta[0]).toBeCloseTo(0.95, 15);
    sgdStep(theta, [0.5], v, { learningRate: 0.1, momentum: 0.9 });
    expect(v[0]).toBeCloseTo(0.95, 15); // 0.9·0.5 + 0.5
    expect(theta[0]).toBeCloseTo(0.855, 15);
  });

  it('adam: the first step moves each parameter by about η against its gradient', () => {
    const theta = Float64Array.of(1, 1, 1);
    const state = { m: new Float64Array(3), v: new Float64Array(3) };
    adamStep(theta, [3, -0.001, 0], state, 1, { learningRate: 0.01 });
    expect(theta[0]).toBeCloseTo(0.99, 6);
    expect(theta[1]).toBeCloseTo(1.01, 4);
    expect(theta[2]).toBe(1);
  });

  it('both minimise a quadratic through createOptimizer, and a learning-rate change applies', () => {
    for (const spec of [
      { type: 'sgd', learningRate: 0.05, momentum: 0.9 } as const,
      { type: 'adam', learningRate: 0.05 } as const,
    ]) {
      const opt = createOptimizer(spec);
      const theta = Float64Array.of(3, -2);
      for (let t = 0; t < 400; t++) opt.step([theta], [[2 * theta[0], 2 * theta[1]]]);
      expect(Math.hypot(theta[0], theta[1])).toBeLessThan(0.05);
      expect(opt.steps).toBe(400);
      opt.learningRate = 0;
      const before = Array.from(theta);
      opt.reset();
      opt.step([theta], [[1, 1]]);
      expect(Array.from(theta)).toEqual(before);
    }
  });

  it('rejects bad settings with actionable messages', () => {
    expect(() => createOptimizer({ type: 'rmsprop' } as never)).toThrow(
      new ValueError(
        'optimizer.type',
        'Expected `optimizer.type` to be "sgd" or "adam", got "rmsprop".',
      ),
    );
    expect(() =>
      sgdStep(new Float64Array(1), [1], new Float64Array(1), { learningRate: 0.1, momentum: 1 }),
    ).toThrow(
      new ValueError('momentum', 'Expected `momentum` to be from 0 to 1 (not included), got 1.'),
    );
    expect(() =>
      sgdStep(new Float64Array(2), [1], new Float64Array(2), { learningRate: 0.1 }),
    ).toThrowError(ShapeError);
    expect(() =>
      adamStep(new Float64Array(1), [1], { m: new Float64Array(1), v: new Float64Array(1) }, 0),
    ).toThrowError(/step number/);
    expect(() => (createOptimizer({ type: 'adam' }).learningRate = -1)).toThrowError(ValueError);
  });
});

describe('initialisation', () => {
  it('is deterministic per seed and has the promised spread', () => {
    const a = heNormal([64, 8, 3, 3], seededRandom(1));
    const b = heNormal([64, 8, 3, 3], seededRandom(1));
    expect(a.data).toEqual(b.data);
    const variance = dot(a, a) / a.data.length;
    expect(variance).toBeGreaterThan(0.9 * (2 / 72));
    expect(variance).toBeLessThan(1.1 * (2 / 72));
    const limit = Math.sqrt(6 / (1352 + 10));
    const w = glorotUniform([10, 1352], seededRandom(2));
    expect(Math.max(...w.data)).toBeLessThanOrEqual(limit);
    expect(Math.min(...w.data)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...w.data)).toBeGreaterThan(0.95 * limit);
  });

  it('computes fans from the weight layout', () => {
    expect(fans([8, 1, 3, 3])).toEqual({ fanIn: 9, fanOut: 72 });
    expect(fans([10, 1352])).toEqual({ fanIn: 1352, fanOut: 10 });
    expect(() => fans([3])).toThrowError(ValueError);
  });

  it('seededRandom: fixed streams, whole seeds only', () => {
    const r = seededRandom(42);
    const first = [r.next(), r.next(), r.next()];
    const again = seededRandom(42);
    expect([again.next(), again.next(), again.next()]).toEqual(first);
    expect(seededRandom(43).next()).not.toBe(first[0]);
    for (let k = 0; k < 1000; k++) {
      const n = r.int(-2, 2);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(2);
    }
    expect(() => seededRandom(1.5)).toThrow(ValueError);
    expect(() => seededRandom(1.5)).toThrow('Expected `seed` to be a whole number, got 1.5.');
  });
});

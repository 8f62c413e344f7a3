/**
 * The network built from a ModelSpec: deterministic initialisation, forward traces that match
 * the spec's shapes and the lectures' worked X/O numbers, and backward checked end to end
 * against finite differences of the loss on random small models (every layer kind, stride,
 * padding, dilation, scale, biases on and off, each way of ending in a softmax).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LayerSpec,
  type ModelSpec,
  ShapeError,
  type Tensor,
  ValueError,
  createOptimizer,
  resolveModel,
  seededRandom,
  softmaxCrossEntropy,
  tensor,
} from '../../src/engine/index.js';
import {
  DIGITS_MODEL,
  LECTURE_FILTERS,
  LECTURE_X,
  type Network,
  XO_MODEL,
  backward,
  batchGradients,
  cloneNetwork,
  forward,
  initNetwork,
  parameterArrays,
  parameterCount,
  step,
} from '../../src/train/index.js';
import { expectClose, numericGradient } from '../helpers/numeric.js';

function randomImage(shape: readonly number[], seed: number): Tensor {
  const random = seededRandom(seed);
  const t = tensor(shape);
  for (let k = 0; k < t.data.length; k++) t.data[k] = random.uniform(-1, 1);
  return t;
}

/** (H, W, C) → (C, H, W) */
function chw(shape: readonly number[]): number[] {
  return shape.length === 3 ? [shape[2], shape[0], shape[1]] : [...shape];
}

describe('initNetwork', () => {
  it('lays out parameters per layer and is deterministic per seed', () => {
    const a = initNetwork(DIGITS_MODEL, 7);
    const b = initNetwork(DIGITS_MODEL, seededRandom(7));
    expect(a.params.map((p) => p?.weights.shape ?? null)).toEqual([
      [8, 1, 3, 3],
      null,
      null,
      [10, 1352],
    ]);
    expect(a.params.map((p) => p?.bias?.shape ?? null)).toEqual([[8], null, null, [10]]);
    expect(parameterArrays(a.params).map((x) => Array.from(x))).toEqual(
      parameterArrays(b.params).map((x) => Array.from(x)),
    );
    expect(parameterCount(a)).toBe(13_610);
    expect(a.classes).toBe(10);
    expect(Array.from(initNetwork(DIGITS_MODEL, 8).params[0]!.weights.data)).not.toEqual(
      Array.from(a.params[0]!.weights.data),
    );
    // Biases start at 0; He weights (conv feeds a ReLU) spread wider than Glorot ones (the votes).
    expect(Array.from(a.params[3]!.bias!.data)).toEqual(new Array(10).fill(0));
    expect(Math.max(...a.params[3]!.weights.data.map(Math.abs))).toBeLessThanOrEqual(
      Math.sqrt(6 / 1362),
    );
  });

  it('has no bias where useBias is false, and counts like the summary', () => {
    const spec: ModelSpec = {
      input: [6, 6, 2],
      layers: [
        { type: 'conv2d', filters: 3, kernel: 3, useBias: false },
        { type: 'flatten' },
        { type: 'dense', units: 2 },
      ],
    };
    const net = initNetwork(spec, 1);
    expect(net.params[0]!.bias).toBeNull();
    expect(parameterCount(net)).toBe(resolveModel(spec).reduce((n, l) => n + l.params, 0));
  });

  it('refuses models a classifier cannot be trained as, naming the layer', () => {
    expect(() =>
      initNetwork({ input: [4, 4, 1], layers: [{ type: 'conv2d', filters: 2, kernel: 3 }] }, 1),
    ).toThrowError(
      /A classifier must end with one score per class \(at least 2\), got an output of \(2, 2, 2\)/,
    );
    const middle: ModelSpec = {
      input: [4, 4, 1],
      layers: [
        { type: 'flatten' },
        { type: 'dense', units: 4, activation: 'softmax' },
        { type: 'dense', units: 2 },
      ],
    };
    expect(() => initNetwork(middle, 1)).toThrow(
      new ValueError(
        'layers[1]',
        "`layers[1]` uses softmax, which a trainable model may only have at its end (the loss applies it); use 'relu' or 'linear' here.",
      ),
    );
    expect(() => initNetwork({ input: [4, 4, 1], layers: [] }, 1)).toThrowError(ValueError);
    expect(() =>
      initNetwork({ input: [4, 4, 1], layers: [{ type: 'dense', units: 2 }] }, 1),
    ).toThrowError(ShapeError);
  });
});

describe('forward', () => {
  it('keeps every layer’s map, shaped as resolveModel says (channels first)', () => {
    for (const spec of [XO_MODEL, DIGITS_MODEL]) {
      const net = initNetwork(spec, 3);
      const input = randomImage(chw(spec.input), 1);
      const trace = forward(net, input);
      expect(trace.layers.map((l) => l.output.shape)).toEqual(
        resolveModel(spec).map((l) => chw(l.outputShape)),
      );
      expect(trace.layers.map((l) => l.name)).toEqual(resolveModel(spec).map((l) => l.name));
      const sum = trace.probabilities.reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 12);
      expect(trace.predicted).toBe(trace.probabilities.indexOf(Math.max(...trace.probabilities)));
    }
  });

  it('computes the lectures’ X/O features with the hand-made filters', () => {
    const net = initNetwork(XO_MODEL, 1);
    const filters = net.params[0]!;
    filters.weights.data.set(Object.values(LECTURE_FILTERS).flat(2));
    filters.bias!.data.fill(0);
    const trace = forward(net, tensor([1, 9, 9], LECTURE_X.flat()));
    // First row of the first match map: 0.77 −0.11 0.11 0.33 0.55 −0.11 0.33 (slides truncate 7/9, 5/9).
    expect(
      Array.from(trace.layers[0].output.data.slice(0, 7)).map((v) => Math.round(v * 9)),
    ).toEqual([7, -1, 1, 3, 5, -1, 3]);
    const s = 5 / 9;
    expectClose(
      trace.layers[4].output.data,
      [1, s, s, 1, 1, s, s, s, s, 1, 1, s],
      'twelve features',
      { tol: 1e-12 },
    );
  });

  it('names a wrong input shape', () => {
    expect(() => forward(initNetwork(XO_MODEL, 1), tensor([9, 9]))).toThrow(
      new ShapeError(
        'input',
        'Expected the image to be (1,9,9) (channels, rows, columns), got (9,9).',
      ),
    );
  });
});

/** A random small model with every kind of layer and setting that training supports. */
const modelArb = fc
  .record({
    size: fc.tuple(fc.integer({ min: 5, max: 8 }), fc.integer({ min: 5, max: 8 })),
    channels: fc.integer({ min: 1, max: 2 }),
    filters: fc.integer({ min: 1, max: 3 }),
    kernel: fc.integer({ min: 1, max: 3 }),
    stride: fc.integer({ min: 1, max: 2 }),
    dilation: fc.integer({ min: 1, max: 2 }),
    padding: fc.constantFrom<'valid' | 'same' | number>('valid', 'same', 1),
    convActivation: fc.constantFrom<'relu' | 'linear'>('relu', 'linear'),
    reluLayer: fc.boolean(),
    useBias: fc.boolean(),
    scale: fc.constantFrom(undefined, 0.5),
    pool: fc.constantFrom<'maxpool' | 'avgpool' | null>('maxpool', 'avgpool', null),
    poolPadding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
    hidden: fc.option(fc.integer({ min: 2, max: 4 }), { nil: null }),
    classes: fc.integer({ min: 2, max: 3 }),
    ending: fc.constantFrom<'linear' | 'activation' | 'layer'>('linear', 'activation', 'layer'),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((c): { spec: ModelSpec; seed: number } => {
    const layers: LayerSpec[] = [
      {
        type: 'conv2d',
        filters: c.filters,
        kernel: c.kernel,
        stride: c.stride,
        dilation: c.dilation,
        padding: c.padding,
        activation: c.convActivation,
        useBias: c.useBias,
        scale: c.scale,
      },
    ];
    if (c.reluLayer) layers.push({ type: 'relu' });
    if (c.pool !== null) layers.push({ type: c.pool, size: 2, padding: c.poolPadding });
    layers.push({ type: 'flatten' });
    if (c.hidden !== null) layers.push({ type: 'dense', units: c.hidden, activation: 'relu' });
    layers.push({
      type: 'dense',
      units: c.classes,
      activation: c.ending === 'activation' ? 'softmax' : 'linear',
    });
    if (c.ending === 'layer') layers.push({ type: 'softmax' });
    return { spec: { input: [c.size[0], c.size[1], c.channels], layers }, seed: c.seed };
  })
  .filter(({ spec }) => {
    try {
      resolveModel(spec);
      return true;
    } catch {
      return false;
    }
  });

describe('backward', () => {
  it('matches finite differences of the loss for every parameter and the input', () => {
    fc.assert(
      fc.property(modelArb, ({ spec, seed }) => {
        const net = initNetwork(spec, seed);
        // Biases start at 0, which puts padded cells exactly on ReLU's corner (relu(0 + 0)), where
        // finite differences straddle the kink; random biases keep every point smooth.
        const random = seededRandom(seed + 2);
        for (const p of net.params)
          p?.bias?.data.forEach((_, i, b) => (b[i] = random.uniform(-0.5, 0.5)));
        const input = randomImage(chw(spec.input), seed + 1);
        const label = seed % net.classes;
        const loss = () => softmaxCrossEntropy(forward(net, input).logits, label);
        const result = backward(net, forward(net, input), label, { inputGradient: true });
        expect(result.loss).toBeCloseTo(loss(), 12);
        net.params.forEach((p, k) => {
          if (p === null) return expect(result.gradients[k]).toBeNull();
          expectClose(
            result.gradients[k]!.weights.data,
            numericGradient(loss, p.weights.data),
            `layer ${k} weights`,
            { tol: 1e-5 },
          );
          if (p.bias !== null)
            expectClose(
              result.gradients[k]!.bias!.data,
              numericGradient(loss, p.bias.data),
              `layer ${k} bias`,
              { tol: 1e-5 },
            );
        });
        expectClose(result.inputGradient!.data, numericGradient(loss, input.data), 'input', {
          tol: 1e-5,
        });
        expect(result.inputGradient!.shape).toEqual(input.shape);
      }),
      { seed: 99, numRuns: 60 },
    );
  });

  it('reports ∂L/∂logits = probabilities − one-hot, and each layer’s output gradient', () => {
    const net = initNetwork(XO_MODEL, 2);
    const trace = forward(net, tensor([1, 9, 9], LECTURE_X.flat()));
    const result = backward(net, trace, 0);
    expect(Array.from(result.logitsGradient.data)).toEqual([
      trace.probabilities[0] - 1,
      trace.probabilities[1],
    ]);
    expect(result.outputGradients.map((g) => g?.shape ?? null)).toEqual(
      trace.layers.map((l) => l.output.shape),
    );
    expect(result.inputGradient).toBeNull();
    // A final softmax layer's own output gets no gradient: the loss's gradient is taken before it.
    const soft = initNetwork({ ...XO_MODEL, layers: [...XO_MODEL.layers, { type: 'softmax' }] }, 2);
    const softResult = backward(soft, forward(soft, tensor([1, 9, 9], LECTURE_X.flat())), 1);
    expect(softResult.outputGradients[6]).toBeNull();
    expect(softResult.outputGradients[5]!.shape).toEqual([2]);
  });
});

describe('batchGradients and step', () => {
  it('averages the examples’ gradients and losses', () => {
    const net = initNetwork(XO_MODEL, 4);
    const images = [1, 2, 3].map((s) => randomImage([1, 9, 9], s));
    const labels = [0, 1, 1];
    const batch = batchGradients(net, images, labels);
    const each = images.map((image, n) => backward(net, forward(net, image), labels[n]));
    expect(batch.loss).toBeCloseTo(each.reduce((s, r) => s + r.loss, 0) / 3, 12);
    const mean = parameterArrays(each[0].gradients).map((a, k) =>
      a.map(
        (v, i) =>
          (v +
            parameterArrays(each[1].gradients)[k][i] +
            parameterArrays(each[2].gradients)[k][i]) /
          3,
      ),
    );
    parameterArrays(batch.gradients).forEach((a, k) =>
      expectClose(a, mean[k], `array ${k}`, { tol: 1e-12 }),
    );
    expect(() => batchGradients(net, images, [0])).toThrowError(ShapeError);
  });

  it('lowers the loss of the batch it stepped on, and leaves a clone alone', () => {
    const net = initNetwork(XO_MODEL, 5);
    const copy = cloneNetwork(net);
    const images = [1, 2, 3, 4].map((s) => randomImage([1, 9, 9], s));
    const labels = [0, 1, 0, 1];
    const before = batchGradients(net, images, labels);
    step(net, before.gradients, createOptimizer({ type: 'sgd', learningRate: 0.1, momentum: 0 }));
    expect(batchGradients(net, images, labels).loss).toBeLessThan(before.loss);
    expect(batchGradients(copy, images, labels).loss).toBe(before.loss);
  });
});

describe('network sanity', () => {
  it('a network is plain data plus typed arrays (a screen can hold and show it)', () => {
    const net: Network = initNetwork(XO_MODEL, 1);
    expect(net.layers.map((l) => l.spec.type)).toEqual([
      'conv2d',
      'relu',
      'maxpool',
      'maxpool',
      'flatten',
      'dense',
    ]);
    expect(net.params[0]!.weights.data).toBeInstanceOf(Float64Array);
  });
});

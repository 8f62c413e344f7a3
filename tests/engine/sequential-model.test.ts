/**
 * The engine's sequential model (model-forward.ts, model-backward.ts) on random models:
 * forward equals the pipeline of the same stages and TensorFlow.js's layers applied one after
 * the other; backward equals finite differences of Σ g ⊙ forward for every parameter and the input.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, numericGradient } from '../helpers/numeric.js';
import {
  type LayerParameters,
  type LayerSpec,
  type Model,
  type PipelineStage,
  type Tensor,
  backward,
  forward,
  runPipeline,
  runPipelineCounted,
  tensor,
  toNested,
} from '../../src/engine/index.js';
import {
  float32Random,
  randomTensor,
  tfConv2d,
  tfPool2d,
  toTfImage,
  useTfjsCpu,
} from './tfjs-reference.js';

type Tf = Awaited<ReturnType<typeof useTfjsCpu>>;
let tf: Tf;

beforeAll(async () => {
  tf = await useTfjsCpu();
});

/** conv → relu → pool → flatten → dense (→ softmax), with random sizes and settings. */
const modelCase = fc.record({
  channels: fc.integer({ min: 1, max: 3 }),
  filters: fc.integer({ min: 1, max: 3 }),
  kernel: fc.integer({ min: 1, max: 3 }),
  stride: fc.integer({ min: 1, max: 2 }),
  padding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
  pool: fc.constantFrom<'maxpool' | 'avgpool'>('maxpool', 'avgpool'),
  poolPadding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
  side: fc.integer({ min: 5, max: 8 }),
  order: fc.constantFrom<'chw' | 'hwc'>('chw', 'hwc'),
  units: fc.integer({ min: 2, max: 4 }),
  bias: fc.boolean(),
  softmax: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});
type ModelCase = typeof modelCase extends fc.Arbitrary<infer T> ? T : never;

/** The model, its input, and the same network as pipeline stages (weights inline). */
function build(c: ModelCase): { model: Model; input: Tensor; stages: PipelineStage[] } {
  const random = float32Random(c.seed);
  const input = randomTensor([c.channels, c.side, c.side], random);
  const kernels = randomTensor([c.filters, c.channels, c.kernel, c.kernel], random);
  const convBias = c.bias ? randomTensor([c.filters], random) : null;
  const conv: LayerSpec = {
    type: 'conv2d',
    filters: c.filters,
    kernel: c.kernel,
    stride: c.stride,
    padding: c.padding,
    useBias: c.bias,
  };
  const pool: LayerSpec = { type: c.pool, size: 2, padding: c.poolPadding };
  // The flattened length, from running the layers that come before it.
  const head = forward(
    { layers: [conv, { type: 'relu' }, pool], params: [{ weights: kernels, bias: convBias }] },
    input,
  );
  const inputs = head.output.data.length;
  const weights = randomTensor([c.units, inputs], random);
  const denseBias = c.bias ? randomTensor([c.units], random) : null;
  const layers: LayerSpec[] = [
    conv,
    { type: 'relu' },
    pool,
    { type: 'flatten', order: c.order },
    { type: 'dense', units: c.units, useBias: c.bias },
    ...(c.softmax ? [{ type: 'softmax' } as const] : []),
  ];
  const params: (LayerParameters | null)[] = [
    { weights: kernels, bias: convBias },
    null,
    null,
    null,
    { weights, bias: denseBias },
    null,
  ];
  const stages: PipelineStage[] = [
    {
      op: 'conv2d',
      kernels,
      stride: c.stride,
      padding: c.padding,
      bias: convBias === null ? undefined : convBias.data,
    },
    { op: 'relu' },
    { op: c.pool, size: 2, padding: c.poolPadding },
    { op: 'flatten', order: c.order },
    {
      op: 'dense',
      weights: toNested(weights) as number[][],
      bias: denseBias === null ? undefined : Array.from(denseBias.data),
    },
    ...(c.softmax ? [{ op: 'softmax' } as const] : []),
  ];
  return { model: { layers, params: params.slice(0, layers.length) }, input, stages };
}

function expectNear(actual: Tensor, expected: Tensor, what: string, tolerance: number): void {
  expect(actual.shape, `${what}: shape`).toEqual(expected.shape);
  actual.data.forEach((a, k) => {
    const b = expected.data[k];
    if (!(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)))) {
      expect.fail(`${what}[${k}]: ${a}, expected ${b}`);
    }
  });
}

describe('forward', () => {
  it('keeps every stage the pipeline of the same stages gives, to the last bit', () => {
    fc.assert(
      fc.property(modelCase, (c) => {
        const { model, input, stages } = build(c);
        const trace = forward(model, input);
        const outputs = runPipeline(input, stages);
        expect(trace.layers.map((l) => l.output.shape)).toEqual(outputs.map((o) => o.shape));
        trace.layers.forEach((l, k) =>
          expect(Array.from(l.output.data)).toEqual(Array.from(outputs[k].data)),
        );
        expect(trace.output).toBe(trace.layers[trace.layers.length - 1].output);
        // The model the pipeline builds from its stages runs to the same numbers.
        const built = runPipelineCounted(input, stages).model;
        expect(built.layers.map((l) => l.type)).toEqual(model.layers.map((l) => l.type));
        forward(built, input).layers.forEach((l, k) =>
          expect(Array.from(l.output.data)).toEqual(Array.from(outputs[k].data)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('equals TensorFlow.js layer by layer (float32, within 1e-4)', () => {
    fc.assert(
      fc.property(modelCase, (c) => {
        const { model, input } = build(c);
        const trace = forward(model, input);
        const conv = model.params[0]!;
        let x = tfConv2d(input, conv.weights, {
          stride: [c.stride, c.stride],
          padding: c.padding,
          bias: conv.bias === null ? undefined : Array.from(conv.bias.data),
        });
        expectNear(trace.layers[0].output, x, 'conv2d', 1e-4);
        x = { shape: x.shape, data: x.data.map((v) => Math.max(0, v)) };
        x = tfPool2d(c.pool === 'maxpool' ? 'max' : 'avg', x, {
          size: [2, 2],
          stride: [2, 2],
          padding: c.poolPadding,
        });
        expectNear(trace.layers[2].output, x, c.pool, 1e-4);
        const dense = model.params[4]!;
        const result = tf.tidy(() => {
          // tfjs's images are (1, H, W, C): transposed to (C, H, W) first for the 'chw' order.
          const image = toTfImage(x);
          const flat = tf.reshape(
            c.order === 'chw' ? tf.transpose(image, [0, 3, 1, 2]) : image,
            [1, -1],
          );
          const [units, n] = dense.weights.shape;
          const w = tf.tensor2d(Array.from(dense.weights.data), [units, n]);
          let y = tf.matMul(flat, w, false, true);
          if (dense.bias !== null) y = tf.add(y, tf.tensor1d(Array.from(dense.bias.data)));
          return c.softmax ? tf.softmax(y) : y;
        });
        const scores = Float64Array.from(result.dataSync());
        result.dispose();
        expectNear(trace.output, { shape: [c.units], data: scores }, 'output', 1e-4);
      }),
      { numRuns: 40 },
    );
  });
});

/** Σ g ⊙ t. */
function dot(g: Tensor, t: Tensor): number {
  let s = 0;
  for (let k = 0; k < g.data.length; k++) s += g.data[k] * t.data[k];
  return s;
}

/** Analytic against numeric gradients, relative to both sides. */
const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void =>
  expectClose(actual, expected, what, { tol: 1e-5 });

describe('backward', () => {
  it('gives every parameter and the input their finite-difference gradients', () => {
    fc.assert(
      fc.property(modelCase, fc.boolean(), (c, activations) => {
        const built = build(c);
        // The same network with relu and softmax as the layers' own activations instead.
        const model: Model = activations
          ? {
              layers: built.model.layers
                .map((l, k): LayerSpec | null => {
                  if (k === 0 && l.type === 'conv2d') return { ...l, activation: 'relu' };
                  if (l.type === 'dense' && c.softmax) return { ...l, activation: 'softmax' };
                  return l.type === 'relu' || l.type === 'softmax' ? null : l;
                })
                .filter((l): l is LayerSpec => l !== null),
              params: [built.model.params[0], null, null, built.model.params[4]],
            }
          : built.model;
        const { input } = built;
        const random = float32Random(c.seed + 1);
        const g = randomTensor(forward(model, input).output.shape, random);
        const loss = () => dot(g, forward(model, input).output);
        const result = backward(model, forward(model, input), g, { inputGradient: true });
        close(result.input!.data, numericGradient(loss, input.data), '∂input');
        model.params.forEach((p, k) => {
          if (p === null) return expect(result.params[k]).toBeNull();
          close(result.params[k]!.weights.data, numericGradient(loss, p.weights.data), `∂w${k}`);
          if (p.bias !== null)
            close(result.params[k]!.bias!.data, numericGradient(loss, p.bias.data), `∂b${k}`);
        });
        expect(result.outputs[model.layers.length - 1]).toBe(g);
      }),
      { numRuns: 40 },
    );
  });

  it("starts below the last layer, or before a layer's activation, when told", () => {
    const model: Model = {
      layers: [{ type: 'dense', units: 2, activation: 'relu' }, { type: 'softmax' }],
      params: [{ weights: tensor([2, 2], [1, 0, 0, -1]), bias: null }, null],
    };
    const input = tensor([2], [3, 4]);
    const trace = forward(model, input);
    const g = tensor([2], [1, 1]);
    // ∂L/∂(relu's output) = g: the second unit was cut (−4 → 0), so only the first passes.
    const below = backward(model, trace, g, { from: 0, inputGradient: true });
    expect(Array.from(below.input!.data)).toEqual([1, 0]);
    expect(below.outputs).toEqual([g, null]);
    // Given before the relu, the cut unit's gradient goes through.
    const before = backward(model, trace, g, { from: 0, at: 'preActivation', inputGradient: true });
    expect(Array.from(before.input!.data)).toEqual([1, -1]);
    expect(before.outputs).toEqual([null, null]);
  });

  it('refuses a starting layer the model does not have, and a layer without its weights', () => {
    const model: Model = { layers: [{ type: 'relu' }], params: [null] };
    const trace = forward(model, tensor([1], [1]));
    expect(() => backward(model, trace, tensor([1]), { from: 1 })).toThrow(
      expect.objectContaining({ code: 'backward-from', argument: 'from' }),
    );
    expect(() =>
      forward({ layers: [{ type: 'dense', units: 1 }], params: [] }, tensor([1])),
    ).toThrow(expect.objectContaining({ code: 'layer-without-params', argument: 'params[0]' }));
  });
});

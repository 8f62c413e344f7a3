/**
 * A network to train: a `ModelSpec` (the layers as data), the numbers it learns, and what
 * training adds to the engine's model (model-forward.ts, model-backward.ts): fresh weights,
 * the loss, batches and the optimizer's step. Forward keeps every intermediate map, so a
 * screen can show any of them; backward is the engine's, started from the loss's gradient.
 *
 * Layouts: the spec's shapes are Keras's (H, W, C), but images and maps here are the engine's
 * (C, H, W), one grid per channel. Conv filters are (filters, channels, kH, kW) and dense
 * weights (units, inputs). `flatten` lists channel 0's rows first (the lectures' and
 * PyTorch's order; Keras lists pixel by pixel), so dense input i of a flattened (C,H,W) map is
 * cell `volumeIndex([C, H, W], c, y, x)`.
 *
 * The loss is always softmax cross-entropy on the last layer's output. A model may end with a
 * softmax (a `softmax` layer or a dense layer with `activation: 'softmax'`): that softmax is
 * the loss's own, so the numbers before it are the logits and it is not applied twice.
 */
import {
  type LayerParameters,
  type LayerTrace as EngineLayerTrace,
  type Model,
  type ModelSpec,
  type ModelTrace,
  type Optimizer,
  type Random,
  type ResolvedLayer,
  ShapeError,
  type Tensor,
  ValueError,
  backward as modelBackward,
  forward as modelForward,
  glorotUniform,
  heNormal,
  resolveModel,
  seededRandom,
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
  softmaxData,
  tensor,
} from '../engine/index.js';
import type { Dataset } from './dataset.js';

export type { LayerParameters, ParameterList } from '../engine/index.js';
import type { ParameterList } from '../engine/index.js';

export interface Network {
  readonly spec: ModelSpec;
  /** Names, shapes and geometry of every layer, from `resolveModel`. */
  readonly layers: readonly ResolvedLayer[];
  /** Changed in place by `step`; the arrays themselves stay the same objects. */
  readonly params: ParameterList;
  /** Number of classes: the length of the last layer's output. */
  readonly classes: number;
}

/** One layer's results; its name is the given one or Keras's (conv2d, max_pooling2d, …). */
export type LayerTrace = EngineLayerTrace;

export interface ForwardTrace extends ModelTrace {
  readonly layers: readonly LayerTrace[];
  /** The class scores the loss reads: the last layer's output, or what went into a final softmax. */
  readonly logits: Float64Array;
  /** softmax(logits). */
  readonly probabilities: Float64Array;
  /** The class with the highest probability (the first, on a tie). */
  readonly predicted: number;
}

export interface BackwardResult {
  /** Softmax cross-entropy of this example. */
  readonly loss: number;
  /** ∂L/∂ every parameter, in the places of `net.params`. */
  readonly gradients: ParameterList;
  /** ∂L/∂logits = probabilities − one-hot(label). */
  readonly logitsGradient: Tensor;
  /**
   * ∂L/∂ each layer's output, in layer order; null for a final softmax (whose gradient is
   * `logitsGradient`, taken before it) and for outputs nothing flowed back to.
   */
  readonly outputGradients: readonly (Tensor | null)[];
  /** ∂L/∂input when asked for with `{ inputGradient: true }` (which pixels would move the loss). */
  readonly inputGradient: Tensor | null;
}

/** Where a trainable network's softmax may be: only at the end, as part of the loss. */
function finalSoftmax(spec: ModelSpec): 'layer' | 'activation' | null {
  const last = spec.layers.length - 1;
  spec.layers.forEach((layer, k) => {
    const isSoftmax =
      layer.type === 'softmax' ||
      ((layer.type === 'dense' || layer.type === 'conv2d') && layer.activation === 'softmax');
    if (isSoftmax && k !== last) {
      throw new ValueError(
        `layers[${k}]`,
        `\`layers[${k}]\` uses softmax, which a trainable model may only have at its end (the loss applies it); use 'relu' or 'linear' here.`,
      );
    }
  });
  const layer = spec.layers[last];
  if (layer === undefined) return null;
  if (layer.type === 'softmax') return 'layer';
  if ((layer.type === 'dense' || layer.type === 'conv2d') && layer.activation === 'softmax')
    return 'activation';
  return null;
}

/** Does a ReLU come right after this layer (possibly through pooling, which keeps signs)? */
function feedsRelu(spec: ModelSpec, k: number): boolean {
  const own = spec.layers[k];
  if ((own.type === 'conv2d' || own.type === 'dense') && own.activation === 'relu') return true;
  for (let n = k + 1; n < spec.layers.length; n++) {
    const next = spec.layers[n];
    if (next.type === 'relu') return true;
    if (next.type !== 'maxpool' && next.type !== 'avgpool') return false;
  }
  return false;
}

/**
 * A network for `spec` with fresh weights: He-normal for conv2d and dense layers feeding a
 * ReLU, Glorot-uniform for the others (Keras's default), biases 0. `random` is a seed or a
 * generator from `seededRandom`; the same seed gives the same weights.
 * Throws the spec's own errors (`layers[2].kernel`, …), or a ValueError when the model does not
 * end in a flat list of class scores or uses softmax before its end.
 */
export function initNetwork(spec: ModelSpec, random: Random | number): Network {
  const layers = resolveModel(spec);
  if (layers.length === 0) throw new ValueError('layers', 'A network needs at least one layer.');
  finalSoftmax(spec);
  const out = layers[layers.length - 1].outputShape;
  if (out.length !== 1 || out[0] < 2) {
    throw new ValueError(
      'layers',
      `A classifier must end with one score per class (at least 2), got an output of (${out.join(', ')}); end with { type: 'flatten' } and { type: 'dense', units: classes }.`,
    );
  }
  const rng = typeof random === 'number' ? seededRandom(random) : random;
  const params = layers.map((layer, k): LayerParameters | null => {
    const s = layer.spec;
    if (s.type !== 'conv2d' && s.type !== 'dense') return null;
    const shape =
      s.type === 'conv2d'
        ? [s.filters, layer.inputShape[2], layer.geometry!.kH, layer.geometry!.kW]
        : [s.units, layer.inputShape[0]];
    const weights = feedsRelu(spec, k) ? heNormal(shape, rng) : glorotUniform(shape, rng);
    const bias = s.useBias === false ? null : tensor([shape[0]]);
    return { weights, bias };
  });
  return { spec, layers, params, classes: out[0] };
}

/** A deep copy: same spec, its own parameter arrays. */
export function cloneNetwork(net: Network): Network {
  const copy = (t: Tensor): Tensor => ({ shape: [...t.shape], data: Float64Array.from(t.data) });
  return {
    ...net,
    params: net.params.map((p) =>
      p === null ? null : { weights: copy(p.weights), bias: p.bias === null ? null : copy(p.bias) },
    ),
  };
}

/** The parameter arrays in a fixed order (each layer's weights, then its bias): what an optimizer updates. */
export function parameterArrays(params: ParameterList): Float64Array[] {
  const arrays: Float64Array[] = [];
  for (const p of params) {
    if (p === null) continue;
    arrays.push(p.weights.data);
    if (p.bias !== null) arrays.push(p.bias.data);
  }
  return arrays;
}

/** Total number of learned numbers. */
export function parameterCount(net: Network): number {
  return parameterArrays(net.params).reduce((n, a) => n + a.length, 0);
}

const models = new WeakMap<Network, Model>();

/**
 * The engine's model: the spec's layers, the network's parameters (the same arrays, which
 * `step` changes in place) and the layers' names. Kept per network: it is asked for on every
 * image of every batch.
 */
function modelOf(net: Network): Model {
  let model = models.get(net);
  if (model === undefined) {
    model = { layers: net.spec.layers, params: net.params, names: net.layers.map((l) => l.name) };
    models.set(net, model);
  }
  return model;
}

/**
 * Run the network on one (C,H,W) image and keep every layer's result.
 * Example: the X/O network on a 9×9 image gives layers of shapes (3,7,7), (3,7,7), (3,4,4),
 * (3,2,2), (12), (2), then the two class probabilities.
 */
export function forward(net: Network, input: Tensor): ForwardTrace {
  const [H, W, C] = net.spec.input;
  if (
    input.shape.length !== 3 ||
    input.shape[0] !== C ||
    input.shape[1] !== H ||
    input.shape[2] !== W
  ) {
    throw new ShapeError(
      'input',
      `Expected the image to be (${C},${H},${W}) (channels, rows, columns), got (${input.shape.join(',')}).`,
    );
  }
  const soft = finalSoftmax(net.spec);
  const run = modelForward(modelOf(net), input);
  const traces = run.layers;
  const last = traces[traces.length - 1];
  const logits =
    soft === 'layer'
      ? (traces.length > 1 ? traces[traces.length - 2].output : input).data
      : soft === 'activation'
        ? last.preActivation.data
        : last.output.data;
  const probabilities = soft === null ? softmaxData(logits) : last.output.data;
  let predicted = 0;
  for (let i = 1; i < probabilities.length; i++)
    if (probabilities[i] > probabilities[predicted]) predicted = i;
  return { input, layers: traces, output: run.output, logits, probabilities, predicted };
}

export interface BackwardOptions {
  /** Also compute ∂L/∂input (a saliency map); the first layer otherwise skips it. @default false */
  readonly inputGradient?: boolean;
}

/**
 * Gradients of the softmax cross-entropy loss of one example with class `label`, from a
 * trace of `forward` on the same network (whose parameters must not have changed since).
 */
export function backward(
  net: Network,
  trace: ForwardTrace,
  label: number,
  options: BackwardOptions = {},
): BackwardResult {
  const soft = finalSoftmax(net.spec);
  const loss = softmaxCrossEntropy(trace.logits, label);
  const dLogits: Tensor = {
    shape: [trace.logits.length],
    data: softmaxCrossEntropyBackward(trace.logits, label),
  };
  const L = net.layers.length;
  // The loss applied the final softmax: dLogits is ∂L/∂ what went into it.
  const result = modelBackward(modelOf(net), trace, dLogits, {
    from: soft === 'layer' ? L - 2 : L - 1,
    at: soft === 'activation' ? 'preActivation' : 'output',
    inputGradient: options.inputGradient ?? false,
  });
  return {
    loss,
    gradients: result.params,
    logitsGradient: dLogits,
    outputGradients: result.outputs,
    inputGradient: result.input,
  };
}

export interface BatchResult {
  /** Mean loss over the batch. */
  readonly loss: number;
  /** How many of the batch the network got right (before this batch's step). */
  readonly correct: number;
  readonly count: number;
  /** Mean gradients over the batch, in the places of `net.params`. */
  readonly gradients: ParameterList;
}

/**
 * Forward and backward over a batch of images, gradients averaged: the loss being the mean
 * of the examples' losses, its gradient is the mean of theirs.
 */
export function batchGradients(
  net: Network,
  images: readonly Tensor[],
  labels: ArrayLike<number>,
): BatchResult {
  if (images.length === 0 || images.length !== labels.length) {
    throw new ShapeError(
      'labels',
      `Expected a non-empty batch with one label per image, got ${images.length} images and ${labels.length} labels.`,
    );
  }
  const sums = net.params.map((p) =>
    p === null
      ? null
      : { weights: tensor(p.weights.shape), bias: p.bias === null ? null : tensor(p.bias.shape) },
  );
  let loss = 0;
  let correct = 0;
  images.forEach((image, n) => {
    const trace = forward(net, image);
    if (trace.predicted === labels[n]) correct++;
    const result = backward(net, trace, labels[n]);
    loss += result.loss;
    result.gradients.forEach((grad, k) => {
      const sum = sums[k];
      if (grad === null || sum === null) return;
      addInto(sum.weights.data, grad.weights.data);
      if (grad.bias !== null && sum.bias !== null) addInto(sum.bias.data, grad.bias.data);
    });
  });
  const inv = 1 / images.length;
  for (const sum of sums) {
    if (sum === null) continue;
    scaleInPlace(sum.weights.data, inv);
    if (sum.bias !== null) scaleInPlace(sum.bias.data, inv);
  }
  return { loss: loss * inv, correct, count: images.length, gradients: sums };
}

function addInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i];
}

function scaleInPlace(target: Float64Array, factor: number): void {
  for (let i = 0; i < target.length; i++) target[i] *= factor;
}

/** Move the network's parameters (in place) against `gradients` with `optimizer`. */
export function step(net: Network, gradients: ParameterList, optimizer: Optimizer): void {
  optimizer.step(parameterArrays(net.params), parameterArrays(gradients));
}

export interface Evaluation {
  /** Mean loss. */
  readonly loss: number;
  /** Fraction right, 0–1. */
  readonly accuracy: number;
  readonly correct: number;
  readonly count: number;
  /** confusion[actual][predicted]: how many images of class `actual` were called `predicted`. */
  readonly confusion: number[][];
}

/** Loss, accuracy and confusion matrix of the network on a whole dataset (no learning). */
export function evaluate(net: Network, data: Dataset): Evaluation {
  const confusion = Array.from({ length: net.classes }, () =>
    new Array<number>(net.classes).fill(0),
  );
  let loss = 0;
  let correct = 0;
  for (let k = 0; k < data.count; k++) {
    const trace = forward(net, data.image(k));
    const label = data.labels[k];
    loss += softmaxCrossEntropy(trace.logits, label);
    confusion[label][trace.predicted]++;
    if (trace.predicted === label) correct++;
  }
  const n = Math.max(1, data.count);
  return {
    loss: loss / n,
    accuracy: data.count === 0 ? 0 : correct / data.count,
    correct,
    count: data.count,
    confusion,
  };
}

/**
 * The sequential model run forward: a list of layers (model.ts's `LayerSpec`, channels-first
 * at run time) and, apart from it, the numbers the conv2d and dense layers hold. Every stage
 * is the engine op of the same name, and every stage's result is kept, which is what the
 * lessons, the explain views and backward read.
 *
 *   out₀ = input,  preₖ = layerₖ(outₖ₋₁),  outₖ = activationₖ(preₖ)
 *
 * Images are (C, H, W); conv filters (filters, channels, kH, kW); dense weights (units,
 * inputs). `flatten` lists channel 0's rows first ('chw', the lectures' and PyTorch's order)
 * unless told 'hwc' (pixel by pixel, Keras's Flatten).
 */
import { softmaxData, relu } from './activations.js';
import { type Conv2dOptions, conv2d } from './conv2d.js';
import { denseForward } from './dense.js';
import { describeValue, valueError } from './errors.js';
import type { LayerSpec } from './model.js';
import { type PoolOptions, avgPool2d, maxPool2d } from './pool.js';
import { type Tensor, chwToHwc } from './tensor.js';

/** What one conv2d or dense layer learns (or the gradients of it). */
export interface LayerParameters {
  /** conv2d: (filters, channels, kH, kW); dense: (units, inputs). */
  readonly weights: Tensor;
  /** One per filter or unit; null for a layer without bias. */
  readonly bias: Tensor | null;
}

/** Per layer, its parameters, or null for a layer that learns nothing. */
export type ParameterList = readonly (LayerParameters | null)[];

/** A sequential model: its layers and, in the same places, their parameters. */
export interface Model {
  readonly layers: readonly LayerSpec[];
  readonly params: ParameterList;
  /** What the trace calls each layer (e.g. resolveModel's Keras names). @default its own `name`, else its type */
  readonly names?: readonly string[];
}

export interface LayerTrace {
  readonly index: number;
  readonly name: string;
  readonly type: LayerSpec['type'];
  /** A conv2d or dense layer's result before its activation; the output itself for other layers. */
  readonly preActivation: Tensor;
  /** What the layer passes on: (C,H,W) maps, or (n) after flatten and dense. */
  readonly output: Tensor;
}

export interface ModelTrace {
  readonly input: Tensor;
  readonly layers: readonly LayerTrace[];
  /** The last layer's output (the input for a model without layers). */
  readonly output: Tensor;
}

/** The options conv2d takes for a conv2d layer with this bias. */
export function convOptionsOf(
  layer: Extract<LayerSpec, { type: 'conv2d' }>,
  bias: Tensor | null,
): Conv2dOptions {
  return {
    stride: layer.stride,
    padding: layer.padding,
    dilation: layer.dilation,
    bias: bias === null ? undefined : bias.data,
    scale: layer.scale,
  };
}

/** The options a pooling op takes for a pooling layer. */
export function poolOptionsOf(
  layer: Extract<LayerSpec, { type: 'maxpool' | 'avgpool' }>,
): PoolOptions {
  return { size: layer.size, stride: layer.stride, padding: layer.padding };
}

function parametersOf(
  layer: LayerSpec,
  index: number,
  params: LayerParameters | null,
): LayerParameters {
  if (params === null || params === undefined) {
    throw valueError(`params[${index}]`, 'layer-without-params', {
      layer: index,
      type: layer.type,
    });
  }
  return params;
}

/**
 * One layer on `x`: its result before and after its activation. `params` are the layer's
 * own (null for a layer that learns nothing). Throws what the layer's op throws.
 */
export function runLayer(
  layer: LayerSpec,
  params: LayerParameters | null,
  x: Tensor,
  index = 0,
): { preActivation: Tensor; output: Tensor } {
  const preActivation = layerResult(layer, params, x, index);
  return { preActivation, output: activate(layer, preActivation) };
}

/** The layer's own op on `x`, before its activation. */
function layerResult(
  layer: LayerSpec,
  params: LayerParameters | null,
  x: Tensor,
  index: number,
): Tensor {
  let pre: Tensor;
  switch (layer.type) {
    case 'conv2d': {
      const p = parametersOf(layer, index, params);
      pre = conv2d(x, p.weights, convOptionsOf(layer, p.bias));
      break;
    }
    case 'dense': {
      const p = parametersOf(layer, index, params);
      pre = denseForward(x, p.weights, p.bias === null ? undefined : p.bias.data);
      break;
    }
    case 'maxpool':
      pre = maxPool2d(x, poolOptionsOf(layer));
      break;
    case 'avgpool':
      pre = avgPool2d(x, poolOptionsOf(layer));
      break;
    case 'flatten':
      pre = {
        shape: [x.data.length],
        data: layer.order === 'hwc' && x.shape.length === 3 ? chwToHwc(x).data : x.data,
      };
      break;
    case 'relu':
      pre = relu(x);
      break;
    case 'softmax':
      pre = { shape: [...x.shape], data: softmaxData(x.data) };
      break;
    default:
      throw valueError(`layers[${index}].type`, 'not-one-of', {
        argument: `layers[${index}].type`,
        values: '"conv2d", "maxpool", "avgpool", "flatten", "dense", "relu", "softmax"',
        got: describeValue((layer as { type?: unknown }).type),
      });
  }
  return pre;
}

/** The layer's activation on its result (the result itself for 'linear'). */
function activate(layer: LayerSpec, pre: Tensor): Tensor {
  const act = activationOf(layer);
  if (act === 'relu') return relu(pre);
  if (act === 'softmax') return { shape: [...pre.shape], data: softmaxData(pre.data) };
  return pre;
}

/** What a conv2d or dense layer applies to its result; 'linear' (nothing) for the others. */
export function activationOf(layer: LayerSpec): 'relu' | 'softmax' | 'linear' {
  return layer.type === 'conv2d' || layer.type === 'dense'
    ? (layer.activation ?? 'linear')
    : 'linear';
}

/**
 * Run the model on one input and keep every layer's result.
 * Example: the X/O network on a (1, 9, 9) image gives layers of shapes (3,7,7), (3,7,7),
 * (3,4,4), (3,2,2), (12), (2).
 */
export function forward(model: Model, input: Tensor): ModelTrace {
  const layers: LayerTrace[] = [];
  let x = input;
  for (let k = 0; k < model.layers.length; k++) {
    const layer = model.layers[k];
    const preActivation = layerResult(layer, model.params[k] ?? null, x, k);
    const output = activate(layer, preActivation);
    const name = model.names?.[k] ?? layer.name ?? layer.type;
    layers.push({ index: k, name, type: layer.type, preActivation, output });
    x = output;
  }
  return { input, layers, output: x };
}

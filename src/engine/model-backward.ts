/**
 * The sequential model run backward: from ∂L/∂(one layer's output) and a trace of `forward`,
 * the gradient of every parameter and of every layer's output, walking the layers in reverse
 * with the engine's backward ops (the chain rule, one layer at a time).
 *
 *   ∂L/∂preₖ = activationₖ′(preₖ) · ∂L/∂outₖ,   ∂L/∂outₖ₋₁ = layerₖ′(outₖ₋₁) · ∂L/∂preₖ
 *
 * The gradient may start below the last layer (`from`), or at a layer's result before its
 * activation (`at: 'preActivation'`): training does both, because its loss applies the
 * model's final softmax itself (softmax and cross-entropy together have the simpler gradient).
 */
import { reluBackward, softmaxBackwardData } from './activations-backward.js';
import {
  conv2dBiasGradient,
  conv2dFiltersGradient,
  conv2dInputGradient,
} from './conv2d-backward.js';
import { denseBackward } from './dense-backward.js';
import { shapeError } from './errors.js';
import {
  type LayerParameters,
  type Model,
  type ModelTrace,
  activationOf,
  convOptionsOf,
  poolOptionsOf,
} from './model-forward.js';
import { avgPool2dBackward, maxPool2dBackward } from './pool-backward.js';
import { type Tensor, hwcToChw } from './tensor.js';

export interface BackwardOptions {
  /** The layer whose result `gradient` belongs to. @default the last layer */
  readonly from?: number;
  /** Whether `gradient` is ∂L/∂ that layer's output or its result before its activation. @default 'output' */
  readonly at?: 'output' | 'preActivation';
  /** Also compute ∂L/∂input (a saliency map); the first layer otherwise skips it. @default false */
  readonly inputGradient?: boolean;
}

export interface ModelGradients {
  /** ∂L/∂ every parameter, in the places of `model.params` (null where nothing is learned or nothing flowed). */
  readonly params: readonly (LayerParameters | null)[];
  /**
   * ∂L/∂ each layer's output, in layer order; null above `from`, for a `from` taken before its
   * activation, and for outputs nothing flowed back to.
   */
  readonly outputs: readonly (Tensor | null)[];
  /** ∂L/∂input when asked for with `inputGradient: true`. */
  readonly input: Tensor | null;
}

/**
 * Gradients from `gradient` = ∂L/∂(layer `from`'s output), using a trace of `forward` on the
 * same model (whose parameters must not have changed since). `from` may be −1: the gradient
 * is then the input's.
 */
export function backward(
  model: Model,
  trace: ModelTrace,
  gradient: Tensor,
  options: BackwardOptions = {},
): ModelGradients {
  const L = model.layers.length;
  const from = options.from ?? L - 1;
  const at = options.at ?? 'output';
  if (!Number.isInteger(from) || from < -1 || from >= L) {
    throw shapeError('from', 'backward-from', { from, last: L - 1 });
  }
  const params: (LayerParameters | null)[] = model.layers.map(() => null);
  const outputs: (Tensor | null)[] = model.layers.map(() => null);
  const wantInput = options.inputGradient ?? false;

  // g is ∂L/∂(the current layer's output), walking from layer `from` to the first.
  let g: Tensor | null = gradient;
  for (let k = from; k >= 0 && g !== null; k--) {
    const layer = model.layers[k];
    const tr = trace.layers[k];
    const x = k === 0 ? trace.input : trace.layers[k - 1].output;
    const needInput = k > 0 || wantInput;
    const givenBeforeActivation = k === from && at === 'preActivation';
    if (!givenBeforeActivation) outputs[k] = g;
    // Through the layer's own activation first: ∂L/∂preActivation.
    const act = activationOf(layer);
    const gPre: Tensor = givenBeforeActivation
      ? g
      : act === 'relu'
        ? reluBackward(tr.preActivation, g)
        : act === 'softmax'
          ? { shape: [...g.shape], data: softmaxBackwardData(tr.output.data, g.data) }
          : g;
    switch (layer.type) {
      case 'conv2d': {
        const p = model.params[k]!;
        const opts = convOptionsOf(layer, p.bias);
        params[k] = {
          weights: conv2dFiltersGradient(x, p.weights, gPre, opts),
          bias: p.bias === null ? null : conv2dBiasGradient(gPre),
        };
        g = needInput ? conv2dInputGradient(x, p.weights, gPre, opts) : null;
        break;
      }
      case 'dense': {
        const p = model.params[k]!;
        const d = denseBackward(x, p.weights, gPre);
        params[k] = { weights: d.weights, bias: p.bias === null ? null : d.bias };
        g = needInput ? { shape: [...x.shape], data: d.input.data } : null;
        break;
      }
      case 'maxpool':
        g = needInput ? maxPool2dBackward(x, gPre, poolOptionsOf(layer)) : null;
        break;
      case 'avgpool':
        g = needInput ? avgPool2dBackward(x, gPre, poolOptionsOf(layer)) : null;
        break;
      case 'flatten':
        g = needInput ? flattenBackward(layer.order, x, gPre) : null;
        break;
      case 'relu':
        g = needInput ? reluBackward(x, gPre) : null;
        break;
      case 'softmax':
        g = needInput
          ? { shape: [...x.shape], data: softmaxBackwardData(tr.output.data, gPre.data) }
          : null;
        break;
    }
  }
  return { params, outputs, input: wantInput ? g : null };
}

/** Flatten only moves numbers: the gradient goes back to where each number came from. */
function flattenBackward(order: 'chw' | 'hwc' | undefined, x: Tensor, g: Tensor): Tensor {
  if (order !== 'hwc' || x.shape.length !== 3) return { shape: [...x.shape], data: g.data };
  const [C, H, W] = x.shape;
  return hwcToChw({ shape: [H, W, C], data: g.data });
}

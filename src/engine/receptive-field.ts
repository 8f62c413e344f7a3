/**
 * Receptive field: how many input cells (along one axis) one output cell of a stack of
 * sliding-window layers depends on. Padding moves the field but never changes its size.
 */
import { describeValue, expectPositiveInt, valueError } from './errors.js';
import { expectSize } from './limits.js';

/** One sliding-window layer along one axis (a convolution or a pool). */
export interface WindowLayer {
  /** Kernel (window) length k. */
  readonly kernel: number;
  /** Step s. @default 1 */
  readonly stride?: number;
  /** Gap d between taps. @default 1 */
  readonly dilation?: number;
}

export interface ReceptiveFieldStep {
  /** Index of the layer in the stack. */
  readonly layer: number;
  /** Receptive field after this layer, in input cells. */
  readonly size: number;
  /** Distance in input cells between neighbouring outputs of this layer. */
  readonly jump: number;
}

export interface ReceptiveField {
  /** Receptive field of one output cell of the last layer (1 for an empty stack). */
  readonly size: number;
  /** Distance in input cells between neighbouring outputs of the last layer. */
  readonly jump: number;
  readonly steps: ReceptiveFieldStep[];
}

/**
 * Receptive field of a stack of layers, from the input (r = 1, j = 1) upwards:
 * r_out = r_in + (k−1)·d·j_in, j_out = j_in·s.
 *
 * Example: three 3×3 stride-1 convolutions see 7 cells, like one 7×7:
 * `receptiveField([{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }])` →
 * `{ size: 7, jump: 1, steps: [{ layer: 0, size: 3, jump: 1 }, { layer: 1, size: 5, jump: 1 }, { layer: 2, size: 7, jump: 1 }] }`.
 * Errors name the field, e.g. `layers[1].kernel`.
 */
export function receptiveField(layers: readonly WindowLayer[]): ReceptiveField {
  if (!Array.isArray(layers)) {
    throw valueError('layers', 'window-layers', { got: describeValue(layers) });
  }
  let size = 1;
  let jump = 1;
  const steps: ReceptiveFieldStep[] = [];
  layers.forEach((layer, i) => {
    if (typeof layer !== 'object' || layer === null) {
      throw valueError(`layers[${i}]`, 'window-layer', {
        layer: `layers[${i}]`,
        got: describeValue(layer),
      });
    }
    const k = expectSize(`layers[${i}].kernel`, layer.kernel);
    const s = expectSize(`layers[${i}].stride`, layer.stride ?? 1);
    const d = expectSize(`layers[${i}].dilation`, layer.dilation ?? 1);
    size += (k - 1) * d * jump;
    jump *= s;
    steps.push({ layer: i, size, jump });
  });
  return { size, jump, steps };
}

export interface StackVersusSingleOptions {
  /** Kernel of each stacked layer. @default 3 */
  readonly kernel?: number;
  /** Number of stacked stride-1 layers. */
  readonly depth: number;
  /** Channels C in and out of every layer; counts are also given per C². @default 1 */
  readonly channels?: number;
}

export interface StackVersusSingle {
  /** Receptive field of the stack = side of the single kernel that sees as much: depth·(k−1) + 1. */
  readonly receptiveField: number;
  /** depth·k²: the stack's weights are stackFactor·C². */
  readonly stackFactor: number;
  /** r²: the single kernel's weights are singleFactor·C². */
  readonly singleFactor: number;
  /** depth·k²·C² (biases left out). */
  readonly stackWeights: number;
  /** r²·C² (biases left out). */
  readonly singleWeights: number;
  /** Non-linearities on the way (one ReLU per layer): depth for the stack, 1 for the single layer. */
  readonly stackNonlinearities: number;
}

/**
 * Why three 3×3 filters instead of one 7×7: a stack of `depth` stride-1 k×k convolutions
 * (C channels in and out) sees r = depth·(k−1) + 1 cells, like one r×r convolution, with
 * depth·k²·C² weights instead of r²·C², and a ReLU after every layer.
 *
 * Example: `stackVersusSingle({ depth: 3 })` →
 * `{ receptiveField: 7, stackFactor: 27, singleFactor: 49, stackWeights: 27, singleWeights: 49, stackNonlinearities: 3 }`
 * (27C² against 49C²).
 */
export function stackVersusSingle(options: StackVersusSingleOptions): StackVersusSingle {
  const { kernel = 3, depth, channels = 1 } = options;
  expectPositiveInt('kernel', kernel);
  expectPositiveInt('depth', depth);
  expectPositiveInt('channels', channels);
  const r = receptiveField(Array.from({ length: depth }, () => ({ kernel }))).size;
  const stackFactor = depth * kernel * kernel;
  const singleFactor = r * r;
  const c2 = channels * channels;
  return {
    receptiveField: r,
    stackFactor,
    singleFactor,
    stackWeights: stackFactor * c2,
    singleWeights: singleFactor * c2,
    stackNonlinearities: depth,
  };
}

/**
 * A sequential model described as data, like a Keras `Sequential([...])` list: the tutor's
 * screens, summaries and (later) training all read the same `ModelSpec`. This file checks a
 * spec and works out every layer's name, shapes, window geometry and parameter count; it
 * never holds weights.
 *
 * Shapes are Keras's channels-last (H, W, C) without the batch axis; after `flatten` and
 * `dense` a shape is (units).
 */
import { describeValue, expectFinite, phrase, shapeError, valueError } from './errors.js';
import {
  type Geometry2d,
  type Padding,
  effectiveSize,
  pair,
  resolvePadding,
  windowGeometry,
} from './geometry.js';
import { expectExactCount, expectSize } from './limits.js';
import { conv2dParams, denseParams } from './params.js';

/** What a conv2d or dense layer applies to its output. `linear` (the default) is none. */
export type Activation = 'relu' | 'softmax' | 'linear';

export interface Conv2dLayerSpec {
  readonly type: 'conv2d';
  /** Number of filters = output depth. */
  readonly filters: number;
  /** Kernel side, or [rows, columns]. */
  readonly kernel: number | readonly [number, number];
  /** @default 1 */
  readonly stride?: number | readonly [number, number];
  /**
   * `valid`: none; `same`: TensorFlow's rule; a number: zeros on every side. A model built from
   * pipeline stages may also give [[top, bottom], [left, right]] (resolveModel, for Keras-style
   * specs, does not take it). @default 'valid'
   */
  readonly padding?: Padding;
  /** @default 1 */
  readonly dilation?: number | readonly [number, number];
  /** @default 'linear' */
  readonly activation?: Activation;
  /** One bias per filter. @default true */
  readonly useBias?: boolean;
  /** Multiplies the sum of products before the bias (the X/O lesson's match is 1/9). @default 1 */
  readonly scale?: number;
  /** @default Keras's name: conv2d, conv2d_1, … */
  readonly name?: string;
}

export interface PoolLayerSpec {
  readonly type: 'maxpool' | 'avgpool';
  /** Window side, or [rows, columns]. */
  readonly size: number | readonly [number, number];
  /** @default the window size (non-overlapping windows, as in Keras) */
  readonly stride?: number | readonly [number, number];
  /** `same` pools the odd last row/column alone instead of dropping it. @default 'valid' */
  readonly padding?: 'valid' | 'same';
  /** @default max_pooling2d / average_pooling2d, numbered when repeated */
  readonly name?: string;
}

export interface FlattenLayerSpec {
  readonly type: 'flatten';
  /** Channel by channel ('chw', the lectures' order) or pixel by pixel ('hwc', Keras's). @default 'chw' */
  readonly order?: 'chw' | 'hwc';
  readonly name?: string;
}

export interface DenseLayerSpec {
  readonly type: 'dense';
  readonly units: number;
  /** @default 'linear' */
  readonly activation?: Activation;
  /** One bias per unit. @default true */
  readonly useBias?: boolean;
  readonly name?: string;
}

export interface ReluLayerSpec {
  readonly type: 'relu';
  readonly name?: string;
}

export interface SoftmaxLayerSpec {
  readonly type: 'softmax';
  readonly name?: string;
}

export type LayerSpec =
  | Conv2dLayerSpec
  | PoolLayerSpec
  | FlattenLayerSpec
  | DenseLayerSpec
  | ReluLayerSpec
  | SoftmaxLayerSpec;

export type LayerType = LayerSpec['type'];

export interface ModelSpec {
  /** Input (H, W, C), channels last like Keras's `input_shape`. */
  readonly input: readonly [number, number, number];
  readonly layers: readonly LayerSpec[];
}

/** Keras's default layer name (before numbering) and class name, per layer type. */
export const KERAS_NAMES: Readonly<
  Record<LayerType, { readonly name: string; readonly className: string }>
> = {
  conv2d: { name: 'conv2d', className: 'Conv2D' },
  maxpool: { name: 'max_pooling2d', className: 'MaxPooling2D' },
  avgpool: { name: 'average_pooling2d', className: 'AveragePooling2D' },
  flatten: { name: 'flatten', className: 'Flatten' },
  dense: { name: 'dense', className: 'Dense' },
  relu: { name: 're_lu', className: 'ReLU' },
  softmax: { name: 'softmax', className: 'Softmax' },
};

const LAYER_TYPES = Object.keys(KERAS_NAMES) as LayerType[];
const ACTIVATIONS: readonly Activation[] = ['relu', 'softmax', 'linear'];

const FIELDS: Readonly<Record<LayerType, readonly string[]>> = {
  conv2d: [
    'type',
    'filters',
    'kernel',
    'stride',
    'padding',
    'dilation',
    'activation',
    'useBias',
    'name',
    'scale',
  ],
  maxpool: ['type', 'size', 'stride', 'padding', 'name'],
  avgpool: ['type', 'size', 'stride', 'padding', 'name'],
  flatten: ['type', 'order', 'name'],
  dense: ['type', 'units', 'activation', 'useBias', 'name'],
  relu: ['type', 'name'],
  softmax: ['type', 'name'],
};

/** One layer with everything worked out. */
export interface ResolvedLayer {
  readonly index: number;
  /** Given name, or Keras's default (conv2d, conv2d_1, max_pooling2d, …). */
  readonly name: string;
  readonly spec: LayerSpec;
  /** (H, W, C) or (units), no batch axis. */
  readonly inputShape: number[];
  readonly outputShape: number[];
  readonly params: number;
  /** Window geometry (kernel, stride, dilation, padding per side, output size) for conv2d and pools. */
  readonly geometry?: Geometry2d;
}

/**
 * Check a model spec and work out each layer's name, input and output shape, window
 * geometry and parameter count, in order.
 *
 * conv2d: (H, W, C) → (⌊(H + pt + pb − (kH−1)·dH − 1)/sH⌋ + 1, same for W, filters),
 *   params kH·kW·C·filters + filters.
 * maxpool/avgpool: same rule with the window, stride defaulting to the window; depth kept; 0 params.
 * flatten: (H, W, C) → (H·W·C). dense: (n) → (units), params n·units + units.
 * relu/softmax: shape kept, 0 params.
 *
 * Example: input [28, 28, 1], layers `[{ type: 'conv2d', filters: 32, kernel: 3 }, { type: 'maxpool', size: 2 }]`
 * → conv2d (26, 26, 32) with 320 params, then max_pooling2d (13, 13, 32) with 0.
 *
 * Throws ValueError or ShapeError whose `argument` names the field, e.g. `layers[3].filters`,
 * `input[2]`, or `layers[4]` for a dense layer that was not given a flat input.
 */
export function resolveModel(spec: ModelSpec): ResolvedLayer[] {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw valueError('spec', 'model-not-object', { got: describeValue(spec) });
  }
  const input = checkInput(spec.input);
  if (!Array.isArray(spec.layers)) {
    throw valueError('layers', 'layers-not-array', { got: describeValue(spec.layers) });
  }
  spec.layers.forEach(checkFields);
  const names = layerNames(spec.layers);

  const resolved: ResolvedLayer[] = [];
  let shape: number[] = [...input];
  spec.layers.forEach((layer, index) => {
    const next = resolveLayer(layer, index, names[index], shape);
    resolved.push(next);
    shape = next.outputShape;
  });
  return resolved;
}

/**
 * Throw a ValueError/ShapeError naming the bad field (e.g. `layers[3].filters`) unless `spec`
 * is a model whose layers all fit together; see `resolveModel` for the rules.
 * Example: `validateModel({ input: [28, 28, 1], layers: [{ type: 'dense', units: 10 }] })` throws a
 * ShapeError on `layers[0]`: a dense layer needs a flat input, so add `{ type: 'flatten' }` first.
 */
export function validateModel(spec: unknown): asserts spec is ModelSpec {
  resolveModel(spec as ModelSpec);
}

/** The shape after the last layer (the input shape for an empty model). Example: the lectures' MNIST CNN → [10]. */
export function outputShapeOf(spec: ModelSpec): number[] {
  const layers = resolveModel(spec);
  return layers.length === 0 ? [...spec.input] : layers[layers.length - 1].outputShape;
}

function checkInput(input: unknown): [number, number, number] {
  if (!Array.isArray(input) || input.length !== 3) {
    throw valueError('input', 'model-input', { got: describeValue(input) });
  }
  input.forEach((d, i) => expectSize(`input[${i}]`, d));
  return [input[0], input[1], input[2]];
}

function checkFields(layer: unknown, index: number): void {
  const at = `layers[${index}]`;
  if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) {
    throw valueError(at, 'not-a-layer', { layer: at, got: describeValue(layer) });
  }
  const type = (layer as { type?: unknown }).type;
  if (typeof type !== 'string' || !(LAYER_TYPES as string[]).includes(type)) {
    throw valueError(`${at}.type`, 'not-one-of', {
      argument: `${at}.type`,
      values: LAYER_TYPES.map((t) => `"${t}"`).join(', '),
      got: describeValue(type),
    });
  }
  const allowed = FIELDS[type as LayerType];
  for (const key of Object.keys(layer)) {
    if (!allowed.includes(key)) {
      throw valueError(`${at}.${key}`, 'not-a-layer-field', {
        field: `${at}.${key}`,
        type,
        fields: allowed.join(', '),
      });
    }
  }
  const name = (layer as { name?: unknown }).name;
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
    throw valueError(`${at}.name`, 'empty-name', {
      argument: `${at}.name`,
      got: describeValue(name),
    });
  }
}

/**
 * Given names as they are; the others get Keras's default, numbered from the second of a kind
 * (conv2d, conv2d_1, conv2d_2), skipping any name already taken. Keras numbers across a whole
 * session, which is why a slide may show `conv2d_1` for a model's first convolution.
 */
function layerNames(layers: readonly LayerSpec[]): string[] {
  const taken = new Map<string, number>();
  layers.forEach((layer, i) => {
    if (layer.name === undefined) return;
    const first = taken.get(layer.name);
    if (first !== undefined) {
      const argument = `layers[${i}].name`;
      throw valueError(argument, 'duplicate-name', { argument, name: layer.name, first });
    }
    taken.set(layer.name, i);
  });
  const counters = new Map<string, number>();
  return layers.map((layer) => {
    if (layer.name !== undefined) return layer.name;
    const base = KERAS_NAMES[layer.type].name;
    let name: string;
    do {
      const count = counters.get(base) ?? 0;
      counters.set(base, count + 1);
      name = count === 0 ? base : `${base}_${count}`;
    } while (taken.has(name));
    return name;
  });
}

function resolveLayer(
  layer: LayerSpec,
  index: number,
  name: string,
  inputShape: number[],
): ResolvedLayer {
  const at = `layers[${index}]`;
  const base = { index, name, spec: layer, inputShape };
  switch (layer.type) {
    case 'conv2d': {
      const filters = expectSize(`${at}.filters`, layer.filters);
      checkActivation(at, layer.activation);
      checkBoolean(`${at}.useBias`, layer.useBias);
      if (layer.scale !== undefined) expectFinite(`${at}.scale`, layer.scale);
      const [h, w, c] = expectImage(at, name, layer.type, inputShape);
      const geometry = windowOf(at, name, 'kernel', [h, w, c], {
        kernel: layer.kernel,
        stride: layer.stride,
        strideDefaultsToWindow: false,
        padding: checkConvPadding(at, layer.padding),
        dilation: layer.dilation,
      });
      const bias = layer.useBias ?? true;
      // Checked here too, so the message names the layer.
      expectExactCount(
        `${at}.params`,
        geometry.kH * geometry.kW * c * filters + (bias ? filters : 0),
      );
      const params = conv2dParams({
        kH: geometry.kH,
        kW: geometry.kW,
        cIn: c,
        filters,
        bias,
      }).total;
      return { ...base, outputShape: [geometry.outH, geometry.outW, filters], params, geometry };
    }
    case 'maxpool':
    case 'avgpool': {
      const padding = layer.padding ?? 'valid';
      if (padding !== 'valid' && padding !== 'same') {
        throw valueError(`${at}.padding`, 'layer-pool-padding', {
          argument: `${at}.padding`,
          got: describeValue(padding),
        });
      }
      const [h, w, c] = expectImage(at, name, layer.type, inputShape);
      const geometry = windowOf(at, name, 'size', [h, w, c], {
        kernel: layer.size,
        stride: layer.stride,
        strideDefaultsToWindow: true,
        padding,
        dilation: undefined,
      });
      return { ...base, outputShape: [geometry.outH, geometry.outW, c], params: 0, geometry };
    }
    case 'flatten': {
      if (layer.order !== undefined && layer.order !== 'chw' && layer.order !== 'hwc') {
        throw valueError(`${at}.order`, 'not-one-of', {
          argument: `${at}.order`,
          values: '"chw", "hwc"',
          got: describeValue(layer.order),
        });
      }
      const cells = expectExactCount(
        `${at}.output`,
        inputShape.reduce((a, b) => a * b, 1),
      );
      return { ...base, outputShape: [cells], params: 0 };
    }
    case 'dense': {
      const units = expectSize(`${at}.units`, layer.units);
      checkActivation(at, layer.activation);
      checkBoolean(`${at}.useBias`, layer.useBias);
      if (inputShape.length !== 1) {
        throw shapeError(at, 'dense-needs-flat', { layer: at, name, shape: shapeText(inputShape) });
      }
      const bias = layer.useBias ?? true;
      expectExactCount(`${at}.params`, inputShape[0] * units + (bias ? units : 0));
      const params = denseParams({ inputs: inputShape[0], units, bias }).total;
      return { ...base, outputShape: [units], params };
    }
    case 'relu':
    case 'softmax':
      return { ...base, outputShape: [...inputShape], params: 0 };
  }
}

function expectImage(
  at: string,
  name: string,
  type: LayerType,
  shape: number[],
): [number, number, number] {
  if (shape.length !== 3) {
    throw shapeError(at, 'layer-needs-image', { layer: at, name, type, shape: shapeText(shape) });
  }
  return [shape[0], shape[1], shape[2]];
}

interface WindowFields {
  kernel: unknown;
  stride: unknown;
  /** Pools step by their own size unless told otherwise (Keras's default). */
  strideDefaultsToWindow: boolean;
  padding: 'valid' | 'same' | number;
  dilation: unknown;
}

/** Validate a window's fields under the layer's own names, then let geometry.ts do the arithmetic. */
function windowOf(
  at: string,
  name: string,
  kernelField: string,
  [h, w, c]: [number, number, number],
  fields: WindowFields,
): Geometry2d {
  if (fields.kernel === undefined) {
    const argument = `${at}.${kernelField}`;
    throw valueError(argument, 'not-pair', { argument, got: phrase('nothing', {}) });
  }
  type PairInput = number | readonly [number, number] | undefined;
  const [kH, kW] = pair(`${at}.${kernelField}`, fields.kernel as PairInput, 1);
  const [sH, sW] =
    fields.stride === undefined && fields.strideDefaultsToWindow
      ? [kH, kW]
      : pair(`${at}.stride`, fields.stride as PairInput, 1);
  const [dH, dW] = pair(`${at}.dilation`, fields.dilation as PairInput, 1);
  const pad = resolvePadding(fields.padding, h, w, kH, kW, sH, sW, dH, dW);
  const spanH = effectiveSize(kH, dH);
  const spanW = effectiveSize(kW, dW);
  const paddedH = h + pad.top + pad.bottom;
  const paddedW = w + pad.left + pad.right;
  if (spanH > paddedH || spanW > paddedW) {
    const code = kernelField === 'kernel' ? 'layer-kernel-too-big' : 'layer-pool-too-big';
    throw shapeError(`${at}.${kernelField}`, code, {
      layer: at,
      name,
      rows: kH,
      columns: kW,
      dilated: dH > 1 || dW > 1 ? 1 : 0,
      spanRows: spanH,
      spanColumns: spanW,
      height: h,
      width: w,
      depth: c,
      padded: paddedH !== h || paddedW !== w ? 1 : 0,
      paddedRows: paddedH,
      paddedColumns: paddedW,
    });
  }
  return windowGeometry(h, w, kH, kW, {
    stride: [sH, sW],
    dilation: [dH, dW],
    padding: [
      [pad.top, pad.bottom],
      [pad.left, pad.right],
    ],
  });
}

function checkConvPadding(at: string, padding: unknown): 'valid' | 'same' | number {
  if (padding === undefined) return 'valid';
  if (padding === 'valid' || padding === 'same') return padding;
  if (typeof padding === 'number') return expectSize(`${at}.padding`, padding, 0);
  throw valueError(`${at}.padding`, 'layer-conv-padding', {
    argument: `${at}.padding`,
    got: describeValue(padding),
  });
}

function checkActivation(at: string, activation: unknown): void {
  if (activation === undefined || (ACTIVATIONS as unknown[]).includes(activation)) return;
  throw valueError(`${at}.activation`, 'not-one-of', {
    argument: `${at}.activation`,
    values: ACTIVATIONS.map((a) => `"${a}"`).join(', '),
    got: describeValue(activation),
  });
}

function checkBoolean(argument: string, value: unknown): void {
  if (value === undefined || typeof value === 'boolean') return;
  throw valueError(argument, 'not-boolean', { argument, got: describeValue(value) });
}

/** (26, 26, 32) or (1600), for messages. */
function shapeText(shape: readonly number[]): string {
  return `(${shape.join(', ')})`;
}

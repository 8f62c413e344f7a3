/**
 * Parameter counts: how many numbers a layer learns. Weights are shared across positions in
 * a convolution, so its count depends on the kernel and the depths, never on the image size;
 * a dense layer has one weight per (input, unit) pair.
 */
import { describeValue, expectPositiveInt, valueError } from './errors.js';
import { expectExactCount, expectSize } from './limits.js';

export interface Conv2dParamsOptions {
  /** Kernel rows. */
  readonly kH: number;
  /** Kernel columns. */
  readonly kW: number;
  /** Input depth (channels): every filter spans all of it. */
  readonly cIn: number;
  /** Number of filters = output depth. */
  readonly filters: number;
  /** One bias per filter. @default true */
  readonly bias?: boolean;
}

export interface Conv2dParams {
  /** kH·kW·cIn (+1 with a bias). */
  readonly perFilter: number;
  /** kH·kW·cIn·filters. */
  readonly weights: number;
  /** filters, or 0 without bias. */
  readonly biases: number;
  /** weights + biases. */
  readonly total: number;
}

/**
 * Learnable numbers in a 2-D convolution layer.
 *
 * perFilter = kH·kW·cIn + 1 (bias), total = perFilter·filters = kH·kW·cIn·filters + filters.
 *
 * Example: ten 5×5 filters on a 32×32×3 input:
 * `conv2dParams({ kH: 5, kW: 5, cIn: 3, filters: 10 })` →
 * `{ perFilter: 76, weights: 750, biases: 10, total: 760 }`.
 * Keras `Conv2D(10, 3)` on 28×28×1 → total 100; 32 filters of 3×3 on one channel → 288 weights.
 */
export function conv2dParams(options: Conv2dParamsOptions): Conv2dParams {
  const { kH, kW, cIn, filters, bias = true } = options;
  expectSize('kH', kH);
  expectSize('kW', kW);
  expectSize('cIn', cIn);
  expectSize('filters', filters);
  expectBoolean('bias', bias);
  const perFilterWeights = kH * kW * cIn;
  const biases = bias ? filters : 0;
  expectExactCount('params', perFilterWeights * filters + biases);
  return {
    perFilter: perFilterWeights + (bias ? 1 : 0),
    weights: perFilterWeights * filters,
    biases,
    total: perFilterWeights * filters + biases,
  };
}

export interface DenseParamsOptions {
  /** Inputs per unit, e.g. 100 for a flattened 10×10 image. */
  readonly inputs: number;
  /** Output units (neurons). */
  readonly units: number;
  /** One bias per unit. @default true */
  readonly bias?: boolean;
}

export interface DenseParams {
  /** inputs (+1 with a bias). */
  readonly perUnit: number;
  /** inputs·units. */
  readonly weights: number;
  /** units, or 0 without bias. */
  readonly biases: number;
  /** weights + biases. */
  readonly total: number;
}

/**
 * Learnable numbers in a fully connected (dense) layer.
 *
 * weights = inputs·units, biases = units, total = (inputs + 1)·units.
 *
 * Example: a 10×10 image into 32 units:
 * `denseParams({ inputs: 100, units: 32 })` → `{ perUnit: 101, weights: 3200, biases: 32, total: 3232 }`,
 * against 288 weights for 32 conv filters of 3×3 (`conv2dParams({ kH: 3, kW: 3, cIn: 1, filters: 32 })`).
 */
export function denseParams(options: DenseParamsOptions): DenseParams {
  const { inputs, units, bias = true } = options;
  // `inputs` may be a flattened image, bigger than a size: it only has to stay exact.
  expectExactCount('inputs', expectPositiveInt('inputs', inputs));
  expectSize('units', units);
  expectBoolean('bias', bias);
  const biases = bias ? units : 0;
  expectExactCount('params', inputs * units + biases);
  return {
    perUnit: inputs + (bias ? 1 : 0),
    weights: inputs * units,
    biases,
    total: inputs * units + biases,
  };
}

function expectBoolean(argument: string, value: unknown): void {
  if (typeof value !== 'boolean') {
    throw valueError(argument, 'not-boolean', { argument, got: describeValue(value) });
  }
}

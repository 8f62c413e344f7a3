/**
 * Threshold units: the McCulloch–Pitts neuron and the perceptron's decision rule, built on
 * `dense` for the weighted sum. Also the search that shows which truth tables one unit can
 * compute, small networks of units, and thresholding a picture into black and white.
 *
 * A unit fires (outputs 1) when its weighted sum reaches its threshold θ:
 *   out = 1 if Σ_i w_i · x_i ≥ θ, else 0
 * which is the same as w·x + b ≥ 0 with the bias b = −θ.
 *
 * Example: weights [1, 1] and θ = 2 compute AND:
 * `thresholdUnit([1, 1], { weights: [1, 1], threshold: 2 })` → `{ sum: 2, output: 1 }`,
 * `thresholdUnit([1, 0], { weights: [1, 1], threshold: 2 })` → `{ sum: 1, output: 0 }`.
 */
import { dense } from './dense.js';
import {
  describeValue,
  expectFinite,
  expectNonNegativeInt,
  expectPositiveInt,
  shapeError,
  valueError,
} from './errors.js';
import { type Tensor, expectFiniteData } from './tensor.js';

export interface ThresholdUnitSpec {
  /** One weight per input. */
  readonly weights: readonly number[];
  /** θ: the unit fires when the weighted sum is at least this. */
  readonly threshold: number;
}

export interface ThresholdOptions {
  /** Fire only when the sum is strictly above θ (a common slip, kept for comparison). @default false */
  readonly strict?: boolean;
}

export interface ThresholdResult {
  /** Σ w_i · x_i. */
  readonly sum: number;
  /** 1 when the unit fires, else 0. */
  readonly output: 0 | 1;
}

/** One unit on one input: the weighted sum and whether it reaches θ. */
export function thresholdUnit(
  input: readonly number[],
  unit: ThresholdUnitSpec,
  options: ThresholdOptions = {},
): ThresholdResult {
  expectFinite('threshold', unit.threshold);
  const [sum] = dense(input, [unit.weights]);
  const fires = options.strict ? sum > unit.threshold : sum >= unit.threshold;
  return { sum, output: fires ? 1 : 0 };
}

/** The weighted sum written out the way the slides do: `1*1 + 1*0 = 1`. */
export function thresholdSumText(input: readonly number[], unit: ThresholdUnitSpec): string {
  const { sum } = thresholdUnit(input, unit);
  const factor = (v: number) => (v < 0 ? `(${v})` : String(v));
  return `${unit.weights.map((w, i) => `${factor(input[i])}*${factor(w)}`).join(' + ')} = ${sum}`;
}

/**
 * Every input of `n` binary inputs, in counting order: for n = 2,
 * `[[0, 0], [0, 1], [1, 0], [1, 1]]` (the first input is the high bit).
 */
export function binaryInputs(n: number): number[][] {
  expectPositiveInt('inputs', n);
  if (n > 10) throw valueError('inputs', 'too-many-inputs', { max: 10, got: n });
  return Array.from({ length: 2 ** n }, (_, k) =>
    Array.from({ length: n }, (_, i) => (k >> (n - 1 - i)) & 1),
  );
}

/** A unit's outputs on every binary input, in the order of `binaryInputs`. */
export function thresholdTable(unit: ThresholdUnitSpec, options: ThresholdOptions = {}): number[] {
  return binaryInputs(unit.weights.length).map((x) => thresholdUnit(x, unit, options).output);
}

/** A layer of threshold units: each unit reads the whole input. */
export type ThresholdLayer = readonly ThresholdUnitSpec[];

export interface ThresholdNetworkResult {
  /** The outputs of every layer, first to last; the last one is the network's output. */
  readonly layers: number[][];
  readonly output: number[];
}

/**
 * Layers of threshold units, each layer reading the previous layer's outputs.
 * Example (XOR from OR and NAND into AND):
 * `thresholdNetwork([1, 0], [[{ weights: [1, 1], threshold: 1 }, { weights: [-1, -1], threshold: -1 }],
 *   [{ weights: [1, 1], threshold: 2 }]])` → `{ layers: [[1, 1], [1]], output: [1] }`.
 */
export function thresholdNetwork(
  input: readonly number[],
  layers: readonly ThresholdLayer[],
  options: ThresholdOptions = {},
): ThresholdNetworkResult {
  if (!Array.isArray(layers) || layers.length === 0) {
    throw shapeError('layers', 'no-layers', { got: describeValue(layers) });
  }
  const outputs: number[][] = [];
  let current: readonly number[] = input;
  layers.forEach((layer, l) => {
    if (!Array.isArray(layer) || layer.length === 0) {
      throw shapeError(`layers[${l}]`, 'empty-layer', {
        layer: `layers[${l}]`,
        got: describeValue(layer),
      });
    }
    layer.forEach((unit, u) => {
      if (unit.weights.length !== current.length) {
        const row = `layers[${l}][${u}].weights`;
        throw shapeError(row, 'weights-per-input', {
          row,
          inputs: current.length,
          got: unit.weights.length,
        });
      }
    });
    const out = layer.map((unit) => thresholdUnit(current, unit, options).output as number);
    outputs.push(out);
    current = out;
  });
  return { layers: outputs, output: outputs[outputs.length - 1] };
}

/** A network's first output on every binary input, in the order of `binaryInputs`. */
export function thresholdNetworkTable(
  inputs: number,
  layers: readonly ThresholdLayer[],
  options: ThresholdOptions = {},
): number[] {
  return binaryInputs(inputs).map((x) => thresholdNetwork(x, layers, options).output[0]);
}

export interface ThresholdSearch {
  /** The first unit found (weights and θ closest to 0 first), or undefined when none exists in the range. */
  readonly unit?: ThresholdUnitSpec;
  /** How many (weights, θ) combinations were tried. */
  readonly tried: number;
  /** Every weight and θ was a whole number from −range to range. */
  readonly range: number;
}

/** 0, 1, −1, 2, −2, …: the search tries small numbers first, so it finds the simplest unit. */
function searchOrder(range: number): number[] {
  const out = [0];
  for (let k = 1; k <= range; k++) out.push(k, -k);
  return out;
}

/**
 * Search whole-number weights and thresholds from −range to range for one unit whose truth
 * table is `target` (outputs for `binaryInputs(n)`, so `target` has 2ⁿ entries).
 *
 * AND `[0, 0, 0, 1]` → weights [1, 1], θ 2; OR `[0, 1, 1, 1]` → [1, 1], θ 1;
 * XOR `[0, 1, 1, 0]` → no unit (for n = 2, range 2 that is 5³ = 125 combinations tried).
 * No range would help for XOR: (0,1) and (1,0) need w₁ ≥ θ and w₂ ≥ θ, (0,0) needs θ > 0,
 * so w₁ + w₂ ≥ 2θ > θ and (1,1) would fire too (Minsky and Papert's point).
 */
export function findThresholdUnit(target: readonly number[], range = 2): ThresholdSearch {
  expectNonNegativeInt('range', range);
  if (range > 6) throw valueError('range', 'range-too-big', { max: 6, got: range });
  const n = Array.isArray(target) ? Math.log2(target.length) : NaN;
  if (!Number.isInteger(n) || n < 1) {
    throw shapeError('target', 'truth-table-length', { got: describeValue(target) });
  }
  target.forEach((v, i) => {
    if (v !== 0 && v !== 1)
      throw valueError(`target[${i}]`, 'not-bit', {
        argument: `target[${i}]`,
        got: describeValue(v),
      });
  });
  const values = searchOrder(range);
  const inputs = binaryInputs(n);
  const digits = new Array<number>(n + 1).fill(0);
  let tried = 0;
  for (;;) {
    const unit = {
      weights: digits.slice(0, n).map((d) => values[d]),
      threshold: values[digits[n]],
    };
    tried++;
    if (inputs.every((x, k) => thresholdUnit(x, unit).output === target[k]))
      return { unit, tried, range };
    // Odometer over (w₁, …, wₙ, θ), the last digit fastest.
    let i = n;
    while (i >= 0 && digits[i] === values.length - 1) digits[i--] = 0;
    if (i < 0) return { tried, range };
    digits[i]++;
  }
}

/**
 * Black and white from grey: 1 where a cell is at least `threshold`, else 0 (a threshold unit
 * with one input and weight 1, applied to every pixel). The shape is kept.
 * Example: `binarize` of [[0, 127, 128, 255]] at 128 → [[0, 0, 1, 1]].
 */
export function binarize(t: Tensor, threshold: number, options: ThresholdOptions = {}): Tensor {
  expectFiniteData('input', t);
  expectFinite('threshold', threshold);
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < out.length; i++)
    out[i] = (options.strict ? t.data[i] > threshold : t.data[i] >= threshold) ? 1 : 0;
  return { shape: [...t.shape], data: out };
}

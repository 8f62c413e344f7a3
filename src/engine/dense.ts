/**
 * A fully connected layer: out[o] = Σ_i weights[o][i] · input[i] + bias[o].
 * Weights are (units, inputs): one row per output unit (one "vote" per class in the X/O
 * network). `denseForward` is the layer on tensors, the form the model and training use;
 * `dense` takes nested lists, as lessons and requests write them, and runs the same sum.
 */
import { describeValue, expectFinite, shapeError, valueError } from './errors.js';
import { type Tensor, expectFiniteData } from './tensor.js';

/** A dense layer's numbers as tensors, from the nested lists a lesson or a request gives. */
export interface DenseWeights {
  /** (units, inputs). */
  readonly weights: Tensor;
  /** One per unit; absent for no bias. */
  readonly bias?: Float64Array;
}

/**
 * Check nested `weights` (one row of `inputs` numbers per unit) and `bias` (one per unit),
 * naming the first bad row or number, and pack them as tensors.
 */
export function denseWeightsFrom(
  inputs: number,
  weights: readonly (readonly number[])[],
  bias?: readonly number[],
): DenseWeights {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw shapeError('weights', 'no-weight-rows', { got: describeValue(weights) });
  }
  const data = new Float64Array(weights.length * inputs);
  weights.forEach((row, o) => {
    if (!Array.isArray(row) || row.length !== inputs) {
      throw shapeError(`weights[${o}]`, 'weights-per-input', {
        row: `weights[${o}]`,
        inputs,
        got: Array.isArray(row) ? row.length : describeValue(row),
      });
    }
    row.forEach((v, i) => (data[o * inputs + i] = expectFinite(`weights[${o}][${i}]`, v)));
  });
  if (bias !== undefined) {
    if (!Array.isArray(bias) || bias.length !== weights.length) {
      throw shapeError('bias', 'bias-per-output', {
        outputs: weights.length,
        got: Array.isArray(bias) ? bias.length : describeValue(bias),
      });
    }
    bias.forEach((v, i) => expectFinite(`bias[${i}]`, v));
  }
  return {
    weights: { shape: [weights.length, inputs], data },
    bias: bias === undefined ? undefined : Float64Array.from(bias),
  };
}

/** The layer on nested lists. Example: dense([1, 2], [[3, 4]], [1]) → [12]. */
export function dense(
  input: readonly number[],
  weights: readonly (readonly number[])[],
  bias?: readonly number[],
): number[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw shapeError('input', 'empty-numbers', { name: 'input', got: describeValue(input) });
  }
  input.forEach((v, i) => expectFinite(`input[${i}]`, v));
  const packed = denseWeightsFrom(input.length, weights, bias);
  const out = denseValues(Float64Array.from(input), packed.weights, packed.bias);
  out.forEach((sum, o) => {
    if (!Number.isFinite(sum))
      throw valueError('input', 'not-finite-result', { op: 'dense', cell: `output[${o}]` });
  });
  return Array.from(out);
}

/**
 * Check (inputs) against (units, inputs); the input may have any shape and is read flat.
 * Returns [units, inputs].
 */
export function checkDense(input: Tensor, weights: Tensor): [number, number] {
  if (weights.shape.length !== 2) {
    throw shapeError('weights', 'dense-weights-shape', { shape: weights.shape.join(',') });
  }
  const [units, n] = weights.shape;
  if (input.data.length !== n) {
    throw shapeError('input', 'dense-inputs', { inputs: n, got: input.data.length });
  }
  expectFiniteData('input', input);
  expectFiniteData('weights', weights);
  return [units, n];
}

/** out = W·in + bias, shape (units). Example: denseForward([1, 2], [[3, 4]], [1]) → [12]. */
export function denseForward(input: Tensor, weights: Tensor, bias?: ArrayLike<number>): Tensor {
  const [units] = checkDense(input, weights);
  if (bias !== undefined) {
    if (bias.length !== units) {
      throw shapeError('bias', 'bias-per-unit', { units, got: bias.length });
    }
    for (let o = 0; o < units; o++) expectFinite(`bias[${o}]`, bias[o]);
  }
  return { shape: [units], data: denseValues(input.data, weights, bias) };
}

/** The sums themselves, on checked numbers: bias first, then each input in order. */
function denseValues(
  x: ArrayLike<number>,
  weights: Tensor,
  bias?: ArrayLike<number>,
): Float64Array {
  const [units, n] = weights.shape;
  const w = weights.data;
  const out = new Float64Array(units);
  for (let o = 0; o < units; o++) {
    let s = bias === undefined ? 0 : bias[o];
    const row = o * n;
    for (let i = 0; i < n; i++) s += w[row + i] * x[i];
    out[o] = s;
  }
  return out;
}

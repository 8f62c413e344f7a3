/**
 * A fully connected layer: out[o] = Σ_i weights[o][i] · input[i] + bias[o].
 * Weights are [out][in]: one row per output unit (one "vote" per class in the X/O network).
 */
import { describeValue, expectFinite, shapeError, valueError } from './errors.js';

export function dense(
  input: readonly number[],
  weights: readonly (readonly number[])[],
  bias?: readonly number[],
): number[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw shapeError('input', 'empty-numbers', { name: 'input', got: describeValue(input) });
  }
  input.forEach((v, i) => expectFinite(`input[${i}]`, v));
  if (!Array.isArray(weights) || weights.length === 0) {
    throw shapeError('weights', 'no-weight-rows', { got: describeValue(weights) });
  }
  weights.forEach((row, o) => {
    if (!Array.isArray(row) || row.length !== input.length) {
      throw shapeError(`weights[${o}]`, 'weights-per-input', {
        row: `weights[${o}]`,
        inputs: input.length,
        got: Array.isArray(row) ? row.length : describeValue(row),
      });
    }
    row.forEach((v, i) => expectFinite(`weights[${o}][${i}]`, v));
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
  return weights.map((row, o) => {
    const sum = row.reduce(
      (s: number, w: number, i: number) => s + w * input[i],
      bias ? bias[o] : 0,
    );
    if (!Number.isFinite(sum))
      throw valueError('input', 'not-finite-result', { op: 'dense', cell: `output[${o}]` });
    return sum;
  });
}

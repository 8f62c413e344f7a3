/**
 * A fully connected layer: out[o] = Σ_i weights[o][i] · input[i] + bias[o].
 * Weights are [out][in]: one row per output unit (one "vote" per class in the X/O network).
 */
import { ShapeError, describe, expectFinite } from './errors.js';

export function dense(
  input: readonly number[],
  weights: readonly (readonly number[])[],
  bias?: readonly number[],
): number[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new ShapeError(
      'input',
      `Expected \`input\` to be a non-empty list of numbers, got ${describe(input)}.`,
    );
  }
  input.forEach((v, i) => expectFinite(`input[${i}]`, v));
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new ShapeError(
      'weights',
      `Expected \`weights\` to be a non-empty list of rows (one per output), got ${describe(weights)}.`,
    );
  }
  weights.forEach((row, o) => {
    if (!Array.isArray(row) || row.length !== input.length) {
      throw new ShapeError(
        `weights[${o}]`,
        `Expected \`weights[${o}]\` to have one weight per input (${input.length}), got ${Array.isArray(row) ? row.length : describe(row)}.`,
      );
    }
    row.forEach((v, i) => expectFinite(`weights[${o}][${i}]`, v));
  });
  if (bias !== undefined) {
    if (!Array.isArray(bias) || bias.length !== weights.length) {
      throw new ShapeError(
        'bias',
        `Expected \`bias\` to have one number per output (${weights.length}), got ${Array.isArray(bias) ? bias.length : describe(bias)}.`,
      );
    }
    bias.forEach((v, i) => expectFinite(`bias[${i}]`, v));
  }
  return weights.map((row, o) =>
    row.reduce((s: number, w: number, i: number) => s + w * input[i], bias ? bias[o] : 0),
  );
}

/**
 * Softmax followed by cross-entropy: how surprised the network is by the right answer.
 *
 *   L = −log p[label],  p = softmax(z)   computed as   L = log Σ_j e^(z_j − m) − (z_label − m),  m = max z
 *   ∂L/∂z[i] = p[i] − (i = label ? 1 : 0)
 *
 * Subtracting the max keeps exp from overflowing and, unlike taking log(p), never meets
 * log(0). The gradient is the plain difference between what the network said and what was
 * right, the reason softmax and cross-entropy are always used together.
 * Example: z = [0, 0], label 0 → L = log 2 ≈ 0.693, ∂L/∂z = [−0.5, 0.5].
 */
import { softmaxData } from './activations.js';
import { ShapeError, ValueError, describe, expectFinite } from './errors.js';

function checkLogits(logits: ArrayLike<number>, label: number): void {
  if (
    logits === null ||
    typeof logits !== 'object' ||
    typeof logits.length !== 'number' ||
    logits.length === 0
  ) {
    throw new ShapeError(
      'logits',
      `Expected \`logits\` to be a non-empty list of numbers, got ${describe(logits)}.`,
    );
  }
  for (let i = 0; i < logits.length; i++) expectFinite(`logits[${i}]`, logits[i]);
  if (
    typeof label !== 'number' ||
    !Number.isInteger(label) ||
    label < 0 ||
    label >= logits.length
  ) {
    throw new ValueError(
      'label',
      `Expected \`label\` to be a class number from 0 to ${logits.length - 1}, got ${describe(label)}.`,
    );
  }
}

/** The loss L for one example. */
export function softmaxCrossEntropy(logits: ArrayLike<number>, label: number): number {
  checkLogits(logits, label);
  let m = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > m) m = logits[i];
  let total = 0;
  for (let i = 0; i < logits.length; i++) total += Math.exp(logits[i] - m);
  return Math.log(total) - (logits[label] - m);
}

/** ∂L/∂z = softmax(z) − one-hot(label). */
export function softmaxCrossEntropyBackward(
  logits: ArrayLike<number>,
  label: number,
): Float64Array {
  checkLogits(logits, label);
  const g = softmaxData(logits);
  g[label] -= 1;
  return g;
}

/** Element-wise and vector activations. */
import { describeValue, expectFinite, shapeError } from './errors.js';
import { type Tensor, expectFiniteData } from './tensor.js';

/** ReLU: max(0, x) cell by cell; the shape is kept. */
export function relu(t: Tensor): Tensor {
  expectFiniteData('input', t);
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = t.data[i] > 0 ? t.data[i] : 0;
  return { shape: [...t.shape], data: out };
}

/**
 * softmax(z)_i = e^(z_i − max z) / Σ_j e^(z_j − max z).
 * Subtracting the max changes nothing mathematically and keeps exp from overflowing.
 * Example: softmax([1, 1]) = [0.5, 0.5].
 */
export function softmax(z: readonly number[]): number[] {
  if (!Array.isArray(z) || z.length === 0) {
    throw shapeError('input', 'empty-numbers', { name: 'input', got: describeValue(z) });
  }
  z.forEach((v, i) => expectFinite(`input[${i}]`, v));
  return Array.from(softmaxData(z));
}

/**
 * The softmax itself, on numbers already checked (finite, at least one): the one the
 * model's layers, the loss and `softmax` all use, so they agree to the last bit.
 */
export function softmaxData(z: ArrayLike<number>): Float64Array {
  // A loop, not Math.max(...z): a spread of a long list overflows the call stack.
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  const p = new Float64Array(z.length);
  let total = 0;
  for (let i = 0; i < z.length; i++) total += p[i] = Math.exp(z[i] - max);
  for (let i = 0; i < z.length; i++) p[i] /= total;
  return p;
}

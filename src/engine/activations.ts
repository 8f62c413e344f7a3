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
  // A loop, not Math.max(...z): a spread of a long list overflows the call stack.
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const exps = z.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

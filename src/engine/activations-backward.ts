/**
 * Backward passes of the activations: ∂L/∂input from the forward input and g = ∂L/∂output.
 *
 *   relu:    ∂L/∂in[k] = g[k] if in[k] > 0, else 0
 *   softmax: ∂L/∂z[i] = p[i] · (g[i] − Σ_j p[j] · g[j]),   p = softmax(z)
 *
 * ReLU's slope is 1 where it let the number through and 0 where it cut it; at exactly 0 the
 * slope is taken as 0 (TensorFlow's choice). Softmax couples every output to every input:
 * raising z[i] raises p[i] and lowers all the others, which is where the Σ comes from.
 */
import { ShapeError, describeValue, expectFinite, shapeError } from './errors.js';
import { softmaxData } from './activations.js';
import { type Tensor, expectFiniteData } from './tensor.js';

/** Example: reluBackward([−1, 2], g = [5, 7]) → [0, 7]. */
export function reluBackward(input: Tensor, gradOutput: Tensor): Tensor {
  expectFiniteData('input', input);
  if (
    gradOutput.data.length !== input.data.length ||
    gradOutput.shape.length !== input.shape.length ||
    gradOutput.shape.some((d, k) => d !== input.shape[k])
  ) {
    throw new ShapeError(
      'gradOutput',
      `Expected \`gradOutput\` to have the input's shape (${input.shape.join(',')}), got (${gradOutput.shape.join(',')}).`,
    );
  }
  expectFiniteData('gradOutput', gradOutput);
  const x = input.data;
  const g = gradOutput.data;
  const out = new Float64Array(x.length);
  for (let k = 0; k < out.length; k++) out[k] = x[k] > 0 ? g[k] : 0;
  return { shape: [...input.shape], data: out };
}

/**
 * `input` is the softmax's input z (the logits), as given to `softmax`.
 * Example: z = [0, 0] (p = [0.5, 0.5]) and g = [1, 0] → [0.25, −0.25].
 */
export function softmaxBackward(input: readonly number[], gradOutput: readonly number[]): number[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw shapeError('input', 'empty-numbers', { name: 'input', got: describeValue(input) });
  }
  input.forEach((v, i) => expectFinite(`input[${i}]`, v));
  if (!Array.isArray(gradOutput) || gradOutput.length !== input.length) {
    throw shapeError('gradOutput', 'gradient-per-input', {
      inputs: input.length,
      got: describeValue(gradOutput),
    });
  }
  gradOutput.forEach((v, i) => expectFinite(`gradOutput[${i}]`, v));
  return Array.from(softmaxBackwardData(softmaxData(input), gradOutput));
}

/** ∂L/∂z from p = softmax(z) and g = ∂L/∂p, on numbers already checked. */
export function softmaxBackwardData(p: ArrayLike<number>, g: ArrayLike<number>): Float64Array {
  let dot = 0;
  for (let i = 0; i < p.length; i++) dot += p[i] * g[i];
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i] * (g[i] - dot);
  return out;
}

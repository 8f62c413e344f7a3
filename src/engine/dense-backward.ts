/**
 * The backward pass of a fully connected layer (dense.ts has the forward pass).
 *
 *   forward:   out[o] = Σ_i W[o][i] · in[i] + bias[o]           W is (units, inputs), one row per unit
 *   backward:  ∂L/∂in[i]   = Σ_o W[o][i] · g[o]
 *              ∂L/∂W[o][i] = g[o] · in[i]
 *              ∂L/∂bias[o] = g[o]
 *
 * Each weight's gradient is "how much its unit should change" times "how loud its input
 * was": a weight on an input that was 0 learns nothing from this example.
 * Example: in = [1, 2], W = [[3, 4]], g = [10] → ∂in = [30, 40], ∂W = [[10, 20]], ∂bias = [10].
 */
import { checkDense } from './dense.js';
import { shapeError } from './errors.js';
import { type Tensor, expectFiniteData } from './tensor.js';

export interface DenseGradients {
  /** ∂L/∂input, shaped like the input. */
  readonly input: Tensor;
  /** ∂L/∂weights, (units, inputs). */
  readonly weights: Tensor;
  /** ∂L/∂bias, (units). */
  readonly bias: Tensor;
}

export function denseBackward(input: Tensor, weights: Tensor, gradOutput: Tensor): DenseGradients {
  const [units, n] = checkDense(input, weights);
  if (gradOutput.data.length !== units) {
    throw shapeError('gradOutput', 'gradient-per-unit', { units, got: gradOutput.data.length });
  }
  expectFiniteData('gradOutput', gradOutput);
  const x = input.data;
  const w = weights.data;
  const g = gradOutput.data;
  const dIn = new Float64Array(n);
  const dW = new Float64Array(units * n);
  for (let o = 0; o < units; o++) {
    const go = g[o];
    if (go === 0) continue;
    const row = o * n;
    for (let i = 0; i < n; i++) {
      dIn[i] += w[row + i] * go;
      dW[row + i] = go * x[i];
    }
  }
  return {
    input: { shape: [...input.shape], data: dIn },
    weights: { shape: [units, n], data: dW },
    bias: { shape: [units], data: Float64Array.from(g) },
  };
}

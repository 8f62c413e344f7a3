/**
 * A fully connected layer on flat arrays, the form training uses, and its backward pass.
 * (`dense` in dense.ts takes nested lists for lessons; the numbers are the same.)
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
import { ShapeError, expectFinite } from './errors.js';
import { type Tensor, expectFiniteData } from './tensor.js';

export interface DenseGradients {
  /** ∂L/∂input, shaped like the input. */
  readonly input: Tensor;
  /** ∂L/∂weights, (units, inputs). */
  readonly weights: Tensor;
  /** ∂L/∂bias, (units). */
  readonly bias: Tensor;
}

/** Check (inputs) against (units, inputs); the input may have any shape and is read flat. */
function checkDense(input: Tensor, weights: Tensor): [number, number] {
  if (weights.shape.length !== 2) {
    throw new ShapeError(
      'weights',
      `Expected \`weights\` to be (units, inputs), got shape (${weights.shape.join(',')}).`,
    );
  }
  const [units, n] = weights.shape;
  if (input.data.length !== n) {
    throw new ShapeError(
      'input',
      `Each unit has ${n} weight${n === 1 ? '' : 's'}, so \`input\` needs ${n} numbers, got ${input.data.length}.`,
    );
  }
  expectFiniteData('input', input);
  expectFiniteData('weights', weights);
  return [units, n];
}

/** out = W·in + bias, shape (units). Example: denseForward([1, 2], [[3, 4]], [1]) → [12]. */
export function denseForward(input: Tensor, weights: Tensor, bias?: ArrayLike<number>): Tensor {
  const [units, n] = checkDense(input, weights);
  if (bias !== undefined) {
    if (bias.length !== units) {
      throw new ShapeError(
        'bias',
        `Expected \`bias\` to have one number per unit (${units}), got ${bias.length}.`,
      );
    }
    for (let o = 0; o < units; o++) expectFinite(`bias[${o}]`, bias[o]);
  }
  const x = input.data;
  const w = weights.data;
  const out = new Float64Array(units);
  for (let o = 0; o < units; o++) {
    let s = bias === undefined ? 0 : bias[o];
    const row = o * n;
    for (let i = 0; i < n; i++) s += w[row + i] * x[i];
    out[o] = s;
  }
  return { shape: [units], data: out };
}

export function denseBackward(input: Tensor, weights: Tensor, gradOutput: Tensor): DenseGradients {
  const [units, n] = checkDense(input, weights);
  if (gradOutput.data.length !== units) {
    throw new ShapeError(
      'gradOutput',
      `Expected \`gradOutput\` to have one number per unit (${units}), got ${gradOutput.data.length}.`,
    );
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

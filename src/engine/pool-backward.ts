/**
 * Backward passes of max and average pooling: where each output cell's gradient g goes.
 *
 *   max: ∂L/∂in[c][r][q] = Σ of g[c][y][x] over the windows whose maximum is in[c][r][q]
 *   avg: ∂L/∂in[c][r][q] = Σ of g[c][y][x] / n(y, x) over the windows containing (r, q),
 *        n(y, x) being how many image cells that window averaged (padding is not counted)
 *
 * A max window passes its whole gradient to the one cell that won and nothing to the others
 * (moving a loser a little does not change the max). When several cells tie for the max, the
 * first in reading order takes it, the one the forward scan keeps. Overlapping windows
 * (stride < size) add up. Arguments are the forward call's plus `gradOutput` (C, outH, outW).
 *
 * Example: max pooling [[1, 3], [2, 0]] with a 2×2 window and g = [[5]] gives [[0, 5], [0, 0]];
 * average pooling gives [[1.25, 1.25], [1.25, 1.25]].
 */
import { ShapeError } from './errors.js';
import type { Geometry2d } from './geometry.js';
import { type PoolOptions, poolGeometry } from './pool.js';
import { type Tensor, expectFiniteData } from './tensor.js';

export function maxPool2dBackward(input: Tensor, gradOutput: Tensor, options: PoolOptions): Tensor {
  return poolBackward('max', input, gradOutput, options);
}

export function avgPool2dBackward(input: Tensor, gradOutput: Tensor, options: PoolOptions): Tensor {
  return poolBackward('avg', input, gradOutput, options);
}

function checkBackward(input: Tensor, gradOutput: Tensor, options: PoolOptions): Geometry2d {
  const g = poolGeometry(input, options);
  const expected = [input.shape[0], g.outH, g.outW];
  if (gradOutput.shape.length !== 3 || expected.some((d, k) => gradOutput.shape[k] !== d)) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'gradOutput',
      `Expected \`gradOutput\` to have the output's shape (${expected.join(',')}), got (${gradOutput.shape.join(',')}).`,
    );
  }
  expectFiniteData('gradOutput', gradOutput);
  return g;
}

function poolBackward(
  op: 'max' | 'avg',
  input: Tensor,
  gradOutput: Tensor,
  options: PoolOptions,
): Tensor {
  const g = checkBackward(input, gradOutput, options);
  const C = input.shape[0];
  const { inH: H, inW: W, kH, kW, sH, sW, outH, outW } = g;
  const src = input.data;
  const gd = gradOutput.data;
  const out = new Float64Array(C * H * W);
  let k = 0;
  for (let c = 0; c < C; c++) {
    const base = c * H * W;
    for (let y = 0; y < outH; y++) {
      // The same clipped window as the forward pass: padding takes no part.
      const r0 = Math.max(0, y * sH - g.pad.top);
      const r1 = Math.min(H, y * sH - g.pad.top + kH);
      for (let x = 0; x < outW; x++) {
        const c0 = Math.max(0, x * sW - g.pad.left);
        const c1 = Math.min(W, x * sW - g.pad.left + kW);
        const gv = gd[k++];
        if (op === 'max') {
          let best = -Infinity;
          let at = -1;
          for (let r = r0; r < r1; r++) {
            const row = base + r * W;
            for (let q = c0; q < c1; q++) {
              if (src[row + q] > best) {
                best = src[row + q];
                at = row + q;
              }
            }
          }
          out[at] += gv;
        } else {
          const share = gv / ((r1 - r0) * (c1 - c0));
          for (let r = r0; r < r1; r++) {
            const row = base + r * W;
            for (let q = c0; q < c1; q++) out[row + q] += share;
          }
        }
      }
    }
  }
  return { shape: [C, H, W], data: out };
}

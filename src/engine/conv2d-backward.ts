/**
 * Backward pass of conv2d: given g = ∂L/∂out for the output of
 *
 *   out[o][y][x] = scale · Σ_c Σ_i Σ_j in[c][y·sH + i·dH − top][x·sW + j·dW − left] · w[o][c][i][j]  + bias[o]
 *
 * the chain rule gives one sum per thing that was multiplied:
 *
 *   ∂L/∂bias[o]       = Σ_y Σ_x g[o][y][x]
 *   ∂L/∂w[o][c][i][j] = scale · Σ_y Σ_x g[o][y][x] · in[c][y·sH + i·dH − top][x·sW + j·dW − left]
 *   ∂L/∂in[c][r][q]   = scale · Σ over every (o, y, x, i, j) whose window tap lands on (r, q) of g[o][y][x] · w[o][c][i][j]
 *
 * The weight gradient is the input cross-correlated with g (same strides, dilation as the
 * taps); the input gradient is g "scattered back" through each filter (a transposed
 * convolution). Padded cells receive gradient like any other and are then cut away, and input
 * cells no window reached (an incomplete last window is dropped) get 0.
 *
 * Arguments are the forward call's plus `gradOutput` (O, outH, outW), so a caller can pass
 * along exactly what it gave conv2d. Example: a 1×1 input [[2]] with the 1×1 filter [[3]] and
 * g = [[1]] gives ∂in = [[3]], ∂w = [[2]], ∂bias = [1].
 */
import { ShapeError } from './errors.js';
import type { Conv2dOptions } from './conv2d.js';
import { conv2dGeometry } from './conv2d.js';
import type { Geometry2d } from './geometry.js';
import { type Tensor, expectFiniteData, padChannels } from './tensor.js';

export interface Conv2dGradients {
  /** ∂L/∂input, (C, H, W). */
  readonly input: Tensor;
  /** ∂L/∂filters, (O, C, kH, kW). */
  readonly filters: Tensor;
  /** ∂L/∂bias, (O). */
  readonly bias: Tensor;
}

/** All three gradients at once: the geometry is worked out and the input padded only once. */
export function conv2dBackward(
  input: Tensor,
  filters: Tensor,
  gradOutput: Tensor,
  options: Conv2dOptions = {},
): Conv2dGradients {
  const g = checkBackward(input, filters, gradOutput, options);
  const scale = options.scale ?? 1;
  return {
    input: inputGradient(input.shape, filters, gradOutput, g, scale),
    filters: filtersGradient(input, filters.shape, gradOutput, g, scale),
    bias: biasGradient(gradOutput),
  };
}

/** ∂L/∂input alone, (C, H, W). */
export function conv2dInputGradient(
  input: Tensor,
  filters: Tensor,
  gradOutput: Tensor,
  options: Conv2dOptions = {},
): Tensor {
  const g = checkBackward(input, filters, gradOutput, options);
  return inputGradient(input.shape, filters, gradOutput, g, options.scale ?? 1);
}

/** ∂L/∂filters alone, (O, C, kH, kW): what a first layer needs, since nobody wants ∂L/∂image. */
export function conv2dFiltersGradient(
  input: Tensor,
  filters: Tensor,
  gradOutput: Tensor,
  options: Conv2dOptions = {},
): Tensor {
  const g = checkBackward(input, filters, gradOutput, options);
  return filtersGradient(input, filters.shape, gradOutput, g, options.scale ?? 1);
}

/** ∂L/∂bias alone, (O): each filter's map of g summed. The bias is added after `scale`, so scale plays no part. */
export function conv2dBiasGradient(gradOutput: Tensor): Tensor {
  if (gradOutput.shape.length !== 3) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'gradOutput',
      `Expected \`gradOutput\` to be (filters, rows, columns), got shape (${gradOutput.shape.join(',')}).`,
    );
  }
  expectFiniteData('gradOutput', gradOutput);
  return biasGradient(gradOutput);
}

/** The forward checks, then `gradOutput` must be exactly the shape conv2d produced. */
function checkBackward(
  input: Tensor,
  filters: Tensor,
  gradOutput: Tensor,
  options: Conv2dOptions,
): Geometry2d {
  const g = conv2dGeometry(input, filters, options);
  const expected = [filters.shape[0], g.outH, g.outW];
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

function biasGradient(gradOutput: Tensor): Tensor {
  const [O, outH, outW] = gradOutput.shape;
  const plane = outH * outW;
  const out = new Float64Array(O);
  const gd = gradOutput.data;
  for (let o = 0; o < O; o++) {
    let s = 0;
    for (let k = o * plane; k < (o + 1) * plane; k++) s += gd[k];
    out[o] = s;
  }
  return { shape: [O], data: out };
}

function filtersGradient(
  input: Tensor,
  filterShape: readonly number[],
  gradOutput: Tensor,
  g: Geometry2d,
  scale: number,
): Tensor {
  const [O, C, kH, kW] = filterShape;
  const { sH, sW, dH, dW, outH, outW } = g;
  const { data: src, rows: H, columns: W } = padChannels(input, g.pad);
  const gd = gradOutput.data;
  const out = new Float64Array(O * C * kH * kW);
  const plane = outH * outW;

  // Tap-major like conv2d: for each filter, channel and kernel row, one sweep over the output
  // plane gathers three taps' sums, so each g cell is loaded once per three multiply-adds.
  for (let o = 0; o < O; o++) {
    const gBase = o * plane;
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < kH; i++) {
        const wRow = ((o * C + c) * kH + i) * kW;
        const inBase = (c * H + i * dH) * W;
        let j = 0;
        for (; j + 3 <= kW; j += 3) {
          let s0 = 0;
          let s1 = 0;
          let s2 = 0;
          for (let y = 0; y < outH; y++) {
            const inRow = inBase + y * sH * W + j * dW;
            const gRow = gBase + y * outW;
            for (let x = 0; x < outW; x++) {
              const gv = gd[gRow + x];
              const p = inRow + x * sW;
              s0 += gv * src[p];
              s1 += gv * src[p + dW];
              s2 += gv * src[p + 2 * dW];
            }
          }
          out[wRow + j] = scale * s0;
          out[wRow + j + 1] = scale * s1;
          out[wRow + j + 2] = scale * s2;
        }
        for (; j < kW; j++) {
          let s = 0;
          for (let y = 0; y < outH; y++) {
            const inRow = inBase + y * sH * W + j * dW;
            const gRow = gBase + y * outW;
            for (let x = 0; x < outW; x++) s += gd[gRow + x] * src[inRow + x * sW];
          }
          out[wRow + j] = scale * s;
        }
      }
    }
  }
  return { shape: [O, C, kH, kW], data: out };
}

function inputGradient(
  inputShape: readonly number[],
  filters: Tensor,
  gradOutput: Tensor,
  g: Geometry2d,
  scale: number,
): Tensor {
  const [C, inH, inW] = inputShape;
  const [O, , kH, kW] = filters.shape;
  const { sH, sW, dH, dW, outH, outW, pad } = g;
  const H = inH + pad.top + pad.bottom;
  const W = inW + pad.left + pad.right;
  // Gradient of the padded input: every tap writes a cell, so the loops need no bounds.
  const acc = new Float64Array(C * H * W);
  const wts = filters.data;
  const gd = gradOutput.data;
  const plane = outH * outW;

  // The forward loop turned around: each (filter, channel, kernel row) sweep sends every g
  // cell back to the three input cells its taps read.
  for (let o = 0; o < O; o++) {
    const gBase = o * plane;
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < kH; i++) {
        const wRow = ((o * C + c) * kH + i) * kW;
        const inBase = (c * H + i * dH) * W;
        let j = 0;
        for (; j + 3 <= kW; j += 3) {
          const w0 = scale * wts[wRow + j];
          const w1 = scale * wts[wRow + j + 1];
          const w2 = scale * wts[wRow + j + 2];
          if (w0 === 0 && w1 === 0 && w2 === 0) continue;
          for (let y = 0; y < outH; y++) {
            const inRow = inBase + y * sH * W + j * dW;
            const gRow = gBase + y * outW;
            for (let x = 0; x < outW; x++) {
              const gv = gd[gRow + x];
              const p = inRow + x * sW;
              acc[p] += w0 * gv;
              acc[p + dW] += w1 * gv;
              acc[p + 2 * dW] += w2 * gv;
            }
          }
        }
        for (; j < kW; j++) {
          const w = scale * wts[wRow + j];
          if (w === 0) continue;
          for (let y = 0; y < outH; y++) {
            const inRow = inBase + y * sH * W + j * dW;
            const gRow = gBase + y * outW;
            for (let x = 0; x < outW; x++) acc[inRow + x * sW] += w * gd[gRow + x];
          }
        }
      }
    }
  }
  if (H === inH && W === inW) return { shape: [C, inH, inW], data: acc };
  // Cut the padding away: its gradient belongs to zeros nobody can change.
  const out = new Float64Array(C * inH * inW);
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < inH; y++) {
      const from = (c * H + y + pad.top) * W + pad.left;
      out.set(acc.subarray(from, from + inW), (c * inH + y) * inW);
    }
  }
  return { shape: [C, inH, inW], data: out };
}

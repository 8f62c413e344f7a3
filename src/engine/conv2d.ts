/**
 * 2-D cross-correlation (what deep-learning libraries call convolution).
 *
 *   out[o][y][x] = scale · Σ_c Σ_i Σ_j in[c][y·sH + i·dH − top][x·sW + j·dW − left] · w[o][c][i][j]  + bias[o]
 *
 * Input (C,H,W); filters (O,C,kH,kW): every filter spans every input channel; output (O,outH,outW).
 * Output rows: ⌊(H + top + bottom − dH·(kH − 1) − 1) / sH⌋ + 1; padded cells read as 0.
 * `scale` multiplies the sum before the bias is added (the X/O lesson's "match" uses 1/9).
 *
 * Example: the 5×5 image of the lectures with the 3×3 "X" filter gives [[4,3,4],[2,4,3],[2,3,4]].
 */
import { ShapeError, expectFinite } from './errors.js';
import { type Geometry2d, type WindowOptions, windowGeometry } from './geometry.js';
import { type Tensor, expectFiniteData } from './tensor.js';

export interface Conv2dOptions extends WindowOptions {
  /** One number per filter, added to every cell of that filter's map. Default 0. */
  bias?: ArrayLike<number>;
  /** Multiplies the sum of products before the bias. Default 1. */
  scale?: number;
}

/** Check the input/filters/bias and work out the geometry, before any loop runs. */
export function conv2dGeometry(input: Tensor, filters: Tensor, options: Conv2dOptions = {}): Geometry2d {
  if (input.shape.length !== 3) {
    throw new ShapeError('input', `Expected \`input\` to be (channels, rows, columns), got shape (${input.shape.join(',')}).`);
  }
  if (filters.shape.length !== 4) {
    throw new ShapeError('kernels', `Expected \`kernels\` to be (filters, channels, rows, columns), got shape (${filters.shape.join(',')}).`);
  }
  const [C, H, W] = input.shape;
  const [O, kC, kH, kW] = filters.shape;
  if (kC !== C) {
    throw new ShapeError('kernels', `Each filter must span all ${C} input channel${C === 1 ? '' : 's'}, but the filters in \`kernels\` have ${kC}.`);
  }
  if (options.bias !== undefined) {
    if (options.bias.length !== O) {
      throw new ShapeError('bias', `Expected \`bias\` to have one number per filter (${O}), got ${options.bias.length}.`);
    }
    for (let o = 0; o < O; o++) expectFinite(`bias[${o}]`, options.bias[o]);
  }
  if (options.scale !== undefined) expectFinite('scale', options.scale);
  expectFiniteData('input', input);
  expectFiniteData('kernels', filters);
  return windowGeometry(H, W, kH, kW, options, 'kernel');
}

export function conv2d(input: Tensor, filters: Tensor, options: Conv2dOptions = {}): Tensor {
  const g = conv2dGeometry(input, filters, options);
  const C = input.shape[0];
  const O = filters.shape[0];
  const { inH: H, inW: W, kH, kW, sH, sW, dH, dW, outH, outW } = g;
  const top = g.pad.top;
  const left = g.pad.left;
  const scale = options.scale ?? 1;
  const src = input.data;
  const wts = filters.data;
  const out = new Float64Array(O * outH * outW);
  const plane = outH * outW;

  // For each kernel tap (i, j), the output cells whose input cell is inside the image form a
  // rectangle [y0, y1) × [x0, x1); outside it the input is padding and contributes 0. Looping
  // tap by tap turns the work into strided multiply-adds over contiguous rows.
  const yStart = new Int32Array(kH);
  const yEnd = new Int32Array(kH);
  for (let i = 0; i < kH; i++) [yStart[i], yEnd[i]] = validRange(i * dH - top, sH, H, outH);
  const xStart = new Int32Array(kW);
  const xEnd = new Int32Array(kW);
  for (let j = 0; j < kW; j++) [xStart[j], xEnd[j]] = validRange(j * dW - left, sW, W, outW);

  for (let o = 0; o < O; o++) {
    const outBase = o * plane;
    for (let c = 0; c < C; c++) {
      const inBase = c * H * W;
      const wBase = (o * C + c) * kH * kW;
      for (let i = 0; i < kH; i++) {
        const y0 = yStart[i];
        const y1 = yEnd[i];
        const rowShift = i * dH - top;
        for (let j = 0; j < kW; j++) {
          const w = wts[wBase + i * kW + j];
          if (w === 0) continue;
          const x0 = xStart[j];
          const x1 = xEnd[j];
          const colShift = j * dW - left;
          for (let y = y0; y < y1; y++) {
            const inRow = inBase + (y * sH + rowShift) * W + colShift;
            const outRow = outBase + y * outW;
            if (sW === 1) {
              for (let x = x0; x < x1; x++) out[outRow + x] += w * src[inRow + x];
            } else {
              for (let x = x0; x < x1; x++) out[outRow + x] += w * src[inRow + x * sW];
            }
          }
        }
      }
    }
    const b = options.bias ? options.bias[o] : 0;
    if (scale !== 1 || b !== 0) {
      for (let k = outBase; k < outBase + plane; k++) out[k] = out[k] * scale + b;
    }
  }
  return { shape: [O, outH, outW], data: out };
}

/**
 * Output indices y in [start, end) for which y·s + shift lands inside [0, n):
 * start = ⌈−shift / s⌉ (at least 0), end = ⌊(n − 1 − shift) / s⌋ + 1 (at most outN).
 */
export function validRange(shift: number, s: number, n: number, outN: number): [number, number] {
  const start = Math.max(0, Math.ceil(-shift / s));
  const end = Math.min(outN, Math.floor((n - 1 - shift) / s) + 1);
  return [start, Math.max(start, end)];
}

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
import { ShapeError, expectFinite, phrase, shapeError } from './errors.js';
import { type Geometry2d, type WindowOptions, windowGeometry } from './geometry.js';
import { checkCells, checkWork } from './limits.js';
import { type Tensor, expectFiniteData, expectFiniteResult, padChannels } from './tensor.js';

export interface Conv2dOptions extends WindowOptions {
  /** One number per filter, added to every cell of that filter's map. Default 0. */
  bias?: ArrayLike<number>;
  /** Multiplies the sum of products before the bias. Default 1. */
  scale?: number;
}

/** Check the input/filters/bias and work out the geometry, before any loop runs. */
export function conv2dGeometry(
  input: Tensor,
  filters: Tensor,
  options: Conv2dOptions = {},
): Geometry2d {
  if (input.shape.length !== 3) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'input',
      `Expected \`input\` to be (channels, rows, columns), got shape (${input.shape.join(',')}).`,
    );
  }
  if (filters.shape.length !== 4) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'kernels',
      `Expected \`kernels\` to be (filters, channels, rows, columns), got shape (${filters.shape.join(',')}).`,
    );
  }
  const [C, H, W] = input.shape;
  const [O, kC, kH, kW] = filters.shape;
  if (kC !== C) {
    throw shapeError('kernels', 'kernel-channels', { channels: C, got: kC });
  }
  if (options.bias !== undefined) {
    if (options.bias.length !== O) {
      throw shapeError('bias', 'bias-per-filter', { filters: O, got: options.bias.length });
    }
    for (let o = 0; o < O; o++) expectFinite(`bias[${o}]`, options.bias[o]);
  }
  if (options.scale !== undefined) expectFinite('scale', options.scale);
  expectFiniteData('input', input);
  expectFiniteData('kernels', filters);
  const g = windowGeometry(H, W, kH, kW, options, 'kernel');
  const { top, bottom, left, right } = g.pad;
  if (top + bottom + left + right > 0)
    checkCells('padding', () => phrase('padded-input', {}), [
      C,
      H + top + bottom,
      W + left + right,
    ]);
  checkCells('input', () => phrase('op-output', { op: 'conv2d' }), [O, g.outH, g.outW]);
  checkWork('conv2d', conv2dWork(C, O, g));
  return g;
}

/**
 * Steps a convolution takes: a multiply-add per kernel tap, channel and output cell, and one
 * per number it writes (the output, the input with its padding written out), so a request
 * that only allocates is counted too.
 */
export function conv2dWork(channels: number, filters: number, g: Geometry2d): number {
  const outputs = filters * g.outH * g.outW;
  const { top, bottom, left, right } = g.pad;
  const padded =
    top + bottom + left + right > 0
      ? channels * (g.inH + top + bottom) * (g.inW + left + right)
      : 0;
  return outputs * channels * g.kH * g.kW + outputs + padded;
}

export function conv2d(input: Tensor, filters: Tensor, options: Conv2dOptions = {}): Tensor {
  const g = conv2dGeometry(input, filters, options);
  const O = filters.shape[0];
  // Padding is written out as real zeros once, so every tap of every window reads a cell
  // and the loops need no bounds: output (y, x) reads padded (y·sH + i·dH, x·sW + j·dW).
  const padded = padChannels(input, g.pad);
  const out = new Float64Array(O * g.outH * g.outW);
  correlate(out, padded, input.shape[0], filters, g, options);
  const result = { shape: [O, g.outH, g.outW], data: out };
  if (!(sumBound(input, filters, options) < Number.MAX_VALUE / 2))
    expectFiniteResult('conv2d', result);
  return result;
}

/**
 * A bound on |every output cell|: |scale| · max |x| · (the largest Σ|w| of a filter) + max |b|.
 * Only when it comes near the largest double can a sum overflow, and only then are the
 * outputs scanned; the bound costs a pass over the input and the weights, not the output.
 */
function sumBound(input: Tensor, filters: Tensor, options: Conv2dOptions): number {
  const xs = input.data;
  let x = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i] < 0 ? -xs[i] : xs[i];
    if (v > x) x = v;
  }
  const ws = filters.data;
  const perFilter = ws.length / filters.shape[0];
  let w = 0;
  for (let start = 0; start < ws.length; start += perFilter) {
    let sum = 0;
    for (let k = start; k < start + perFilter; k++) sum += ws[k] < 0 ? -ws[k] : ws[k];
    if (sum > w) w = sum;
  }
  let b = 0;
  const bias = options.bias;
  if (bias)
    for (let o = 0; o < bias.length; o++) {
      const v = bias[o] < 0 ? -bias[o] : bias[o];
      if (v > b) b = v;
    }
  return Math.abs(options.scale ?? 1) * x * w + b;
}

/**
 * The sums into `out`, kept apart from the checks around them so the engine's hottest loop
 * is compiled on its own.
 */
function correlate(
  out: Float64Array,
  padded: { data: Float64Array; rows: number; columns: number },
  C: number,
  filters: Tensor,
  g: Geometry2d,
  options: Conv2dOptions,
): void {
  const O = filters.shape[0];
  const { kH, kW, sH, sW, dH, dW, outH, outW } = g;
  const scale = options.scale ?? 1;
  const { data: src, rows: H, columns: W } = padded;
  const wts = filters.data;
  const plane = outH * outW;

  // Tap-major: for each filter, channel and kernel row, sweep the output plane adding
  // weight × input, three taps of the kernel row per sweep. Each output cell is then loaded
  // and stored once per three multiply-adds, with the weights in local variables; this
  // roughly halves the time against one tap per sweep (see bench/engine-vs-tfjs.ts).
  for (let o = 0; o < O; o++) {
    const outBase = o * plane;
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < kH; i++) {
        const wRow = ((o * C + c) * kH + i) * kW;
        const inBase = (c * H + i * dH) * W;
        let j = 0;
        for (; j + 3 <= kW; j += 3) {
          const w0 = wts[wRow + j];
          const w1 = wts[wRow + j + 1];
          const w2 = wts[wRow + j + 2];
          if (w0 === 0 && w1 === 0 && w2 === 0) continue;
          for (let y = 0; y < outH; y++) {
            const inRow = inBase + y * sH * W + j * dW;
            const outRow = outBase + y * outW;
            for (let x = 0; x < outW; x++) {
              const p = inRow + x * sW;
              out[outRow + x] += w0 * src[p] + w1 * src[p + dW] + w2 * src[p + 2 * dW];
            }
          }
        }
        // The last one or two taps when kW is not a multiple of three.
        for (; j < kW; j++) {
          const w = wts[wRow + j];
          if (w === 0) continue;
          for (let y = 0; y < outH; y++) {
            const inRow = inBase + y * sH * W + j * dW;
            const outRow = outBase + y * outW;
            for (let x = 0; x < outW; x++) out[outRow + x] += w * src[inRow + x * sW];
          }
        }
      }
    }
    const b = options.bias ? options.bias[o] : 0;
    if (scale !== 1 || b !== 0) {
      for (let k = outBase; k < outBase + plane; k++) out[k] = out[k] * scale + b;
    }
  }
}

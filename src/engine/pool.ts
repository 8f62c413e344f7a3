/**
 * Max and average pooling, channel by channel.
 *
 *   max: out[c][y][x] = max over the window of in[c][y·sH + i − top][x·sW + j − left]
 *   avg: the mean of the window's cells that lie inside the image
 *
 * Padded cells never win a max and are not counted in an average (TensorFlow's rule), so
 * "same" pooling of a 7×7 map with 2×2 windows, stride 2, gives 4×4: the odd last row and
 * column are pooled on their own. Stride defaults to the window size.
 */
import { ShapeError, describeValue, phrase, valueError } from './errors.js';
import { type Geometry2d, pair, windowGeometry } from './geometry.js';
import { checkCells, checkWork } from './limits.js';
import { type Tensor, expectFiniteData, expectFiniteResult } from './tensor.js';

export interface PoolOptions {
  size: number | readonly [number, number];
  /** Defaults to `size`. */
  stride?: number | readonly [number, number];
  padding?: 'valid' | 'same';
}

export function poolGeometry(input: Tensor, options: PoolOptions): Geometry2d {
  if (input.shape.length !== 3) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'input',
      `Expected \`input\` to be (channels, rows, columns), got shape (${input.shape.join(',')}).`,
    );
  }
  if (options === undefined || options.size === undefined) {
    throw valueError('size', 'no-pool-size', {});
  }
  const padding = options.padding ?? 'valid';
  if (padding !== 'valid' && padding !== 'same') {
    throw valueError('padding', 'pool-padding', { got: describeValue(padding) });
  }
  expectFiniteData('input', input);
  const [kH, kW] = pair('size', options.size, 1);
  const stride = options.stride ?? [kH, kW];
  const g = windowGeometry(
    input.shape[1],
    input.shape[2],
    kH,
    kW,
    { stride, padding },
    'pooling window',
  );
  const C = input.shape[0];
  checkCells('input', () => phrase('op-output', { op: 'pooling' }), [C, g.outH, g.outW]);
  checkWork('pooling', poolWork(C, g));
  return g;
}

/**
 * Steps pooling takes: every window cell, padding included (the loops skip padded cells, but
 * an explanation lists every cell of the window), and one per output number.
 */
export function poolWork(channels: number, g: Geometry2d): number {
  return channels * g.outH * g.outW * (g.kH * g.kW + 1);
}

function pool(op: 'max' | 'avg', input: Tensor, options: PoolOptions): Tensor {
  const g = poolGeometry(input, options);
  const C = input.shape[0];
  const { inH: H, inW: W, kH, kW, sH, sW, outH, outW } = g;
  const src = input.data;
  const out = new Float64Array(C * outH * outW);
  let k = 0;
  for (let c = 0; c < C; c++) {
    const base = c * H * W;
    for (let y = 0; y < outH; y++) {
      // Clip the window to the image: padding takes no part.
      const r0 = Math.max(0, y * sH - g.pad.top);
      const r1 = Math.min(H, y * sH - g.pad.top + kH);
      for (let x = 0; x < outW; x++) {
        const c0 = Math.max(0, x * sW - g.pad.left);
        const c1 = Math.min(W, x * sW - g.pad.left + kW);
        if (op === 'max') {
          let best = -Infinity;
          for (let r = r0; r < r1; r++) {
            const row = base + r * W;
            for (let q = c0; q < c1; q++) if (src[row + q] > best) best = src[row + q];
          }
          out[k++] = best;
        } else {
          let total = 0;
          for (let r = r0; r < r1; r++) {
            const row = base + r * W;
            for (let q = c0; q < c1; q++) total += src[row + q];
          }
          out[k++] = total / ((r1 - r0) * (c1 - c0));
        }
      }
    }
  }
  const result = { shape: [C, outH, outW], data: out };
  // A max is one of the inputs, but an average's running total can overflow.
  if (op === 'avg') expectFiniteResult('avgpool', result);
  return result;
}

export function maxPool2d(input: Tensor, options: PoolOptions): Tensor {
  return pool('max', input, options);
}

export function avgPool2d(input: Tensor, options: PoolOptions): Tensor {
  return pool('avg', input, options);
}

/**
 * Where a sliding window goes: padding resolution and output sizes for one spatial axis
 * and for 2-D ops. Convolution and pooling both use these, so they can never disagree.
 */
import { describeValue, shapeError, valueError } from './errors.js';
import { expectSize } from './limits.js';

/** `valid`: no padding. `same`: TensorFlow's rule. A number: that many zeros on every side. */
export type Padding = 'valid' | 'same' | number | [[number, number], [number, number]];

export interface Pads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface WindowOptions {
  stride?: number | readonly [number, number];
  padding?: Padding;
  dilation?: number | readonly [number, number];
}

/** Everything about a 2-D sliding window over an H×W input. */
export interface Geometry2d {
  inH: number;
  inW: number;
  kH: number;
  kW: number;
  sH: number;
  sW: number;
  dH: number;
  dW: number;
  pad: Pads;
  outH: number;
  outW: number;
}

/** A number or a pair → a pair, checking each is a whole number from 1 to LIMITS.size. */
export function pair(
  argument: string,
  value: number | readonly [number, number] | undefined,
  fallback: number,
): [number, number] {
  if (value === undefined) return [fallback, fallback];
  if (typeof value === 'number') {
    expectSize(argument, value);
    return [value, value];
  }
  if (!Array.isArray(value) || value.length !== 2) {
    throw valueError(argument, 'not-pair', { argument, got: describeValue(value) });
  }
  expectSize(`${argument}[0]`, value[0]);
  expectSize(`${argument}[1]`, value[1]);
  return [value[0], value[1]];
}

/** Span of a dilated kernel: (F−1)·D + 1 cells. */
export function effectiveSize(f: number, d: number): number {
  return (f - 1) * d + 1;
}

/**
 * TensorFlow's SAME padding along one axis: the output has ⌈N/S⌉ cells, and the total
 * padding needed for that, max((⌈N/S⌉−1)·S + (F−1)·D + 1 − N, 0), is split with the
 * smaller half before and the larger half after.
 * Example: N=5, F=2, S=2 → total 1 → [0, 1] (zeros on the bottom/right only).
 */
export function samePadding(n: number, f: number, s: number, d = 1): [number, number] {
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + effectiveSize(f, d) - n, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/**
 * Output length along one axis: ⌊(N + P_before + P_after − (F−1)·D − 1) / S⌋ + 1.
 * Floor: an incomplete last window is dropped.
 */
export function outputLength(
  n: number,
  f: number,
  s: number,
  padBefore: number,
  padAfter: number,
  d = 1,
): number {
  return Math.floor((n + padBefore + padAfter - effectiveSize(f, d)) / s) + 1;
}

/** Resolve a padding option to the four explicit sides. */
export function resolvePadding(
  padding: Padding | undefined,
  inH: number,
  inW: number,
  kH: number,
  kW: number,
  sH: number,
  sW: number,
  dH: number,
  dW: number,
): Pads {
  const p = padding ?? 'valid';
  if (p === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (p === 'same') {
    const [top, bottom] = samePadding(inH, kH, sH, dH);
    const [left, right] = samePadding(inW, kW, sW, dW);
    return { top, bottom, left, right };
  }
  if (typeof p === 'number') {
    expectSize('padding', p, 0);
    return { top: p, bottom: p, left: p, right: p };
  }
  if (
    Array.isArray(p) &&
    p.length === 2 &&
    p.every((side) => Array.isArray(side) && side.length === 2)
  ) {
    const [[top, bottom], [left, right]] = p;
    expectSize('padding[0][0]', top, 0);
    expectSize('padding[0][1]', bottom, 0);
    expectSize('padding[1][0]', left, 0);
    expectSize('padding[1][1]', right, 0);
    return { top, bottom, left, right };
  }
  throw valueError('padding', 'bad-padding', { got: describeValue(p) });
}

/**
 * The full geometry of a window of kH×kW over an inH×inW input, or a ShapeError when
 * the (dilated) window does not fit inside the padded input.
 */
export function windowGeometry(
  inH: number,
  inW: number,
  kH: number,
  kW: number,
  options: WindowOptions = {},
  kernelName: 'kernel' | 'pooling window' = 'kernel',
): Geometry2d {
  const [sH, sW] = pair('stride', options.stride, 1);
  const [dH, dW] = pair('dilation', options.dilation, 1);
  const pad = resolvePadding(options.padding, inH, inW, kH, kW, sH, sW, dH, dW);
  const spanH = effectiveSize(kH, dH);
  const spanW = effectiveSize(kW, dW);
  const paddedH = inH + pad.top + pad.bottom;
  const paddedW = inW + pad.left + pad.right;
  if (spanH > paddedH || spanW > paddedW) {
    throw shapeError(
      kernelName,
      kernelName === 'kernel' ? 'kernel-too-big' : 'pool-window-too-big',
      {
        rows: kH,
        columns: kW,
        dilated: dH > 1 || dW > 1 ? 1 : 0,
        spanRows: spanH,
        spanColumns: spanW,
        paddedRows: paddedH,
        paddedColumns: paddedW,
      },
    );
  }
  return {
    inH,
    inW,
    kH,
    kW,
    sH,
    sW,
    dH,
    dW,
    pad,
    outH: outputLength(inH, kH, sH, pad.top, pad.bottom, dH),
    outW: outputLength(inW, kW, sW, pad.left, pad.right, dW),
  };
}

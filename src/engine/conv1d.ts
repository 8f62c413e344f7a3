/**
 * 1-D convolution, both ways the lectures write it.
 *
 *   cross-correlation (flip = false, what deep-learning libraries do): out[n] = Σ_m x[n + m − P] · k[m]
 *   true convolution (flip = true, the textbook definition):         (f ∗ g)[n] = Σ_m f[n − m] · g[m]
 *
 * True convolution equals cross-correlation with the kernel reversed. Modes:
 *   valid: only positions where the kernel fits, length N − F + 1;
 *   full:  every overlap, length N + F − 1 (F − 1 zeros each side);
 *   same:  length N, padding F − 1 split with the smaller half first (TensorFlow's rule).
 * Example: [0,0,0,0,1,1,1] with [-1,1] → [0,0,0,1,0,0] correlated, [0,0,0,-1,0,0] convolved.
 */
import { describeValue, expectFinite, shapeError, valueError } from './errors.js';
import { checkWork } from './limits.js';

export type Conv1dMode = 'valid' | 'same' | 'full';

export interface Conv1dOptions {
  flip?: boolean;
  mode?: Conv1dMode;
}

function checkList(name: string, value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw shapeError(name, 'empty-numbers', { name, got: describeValue(value) });
  }
  value.forEach((v, i) => expectFinite(`${name}[${i}]`, v));
  return value as number[];
}

/** Zeros before and after the input for a mode. */
export function conv1dPadding(n: number, f: number, mode: Conv1dMode): [number, number] {
  if (mode === 'valid') return [0, 0];
  if (mode === 'full') return [f - 1, f - 1];
  const before = Math.floor((f - 1) / 2);
  return [before, f - 1 - before];
}

/** Steps a conv1d takes: a multiply-add per kernel tap and output, and one per output. */
export function conv1dWork(length: number, kernel: number): number {
  return length * (kernel + 1);
}

export function conv1d(
  input: readonly number[],
  kernel: readonly number[],
  options: Conv1dOptions = {},
): number[] {
  const x = checkList('input', input);
  const k0 = checkList('kernel', kernel);
  const mode = options.mode ?? 'valid';
  if (mode !== 'valid' && mode !== 'same' && mode !== 'full') {
    throw valueError('mode', 'conv1d-mode', { got: describeValue(mode) });
  }
  const k = options.flip ? [...k0].reverse() : k0;
  const [before, after] = conv1dPadding(x.length, k.length, mode);
  const length = x.length + before + after - k.length + 1;
  if (length < 1) {
    throw shapeError('kernel', 'conv1d-too-long', { kernel: k.length, input: x.length });
  }
  checkWork('conv1d', conv1dWork(length, k.length));
  const out = new Array<number>(length);
  for (let n = 0; n < length; n++) {
    let s = 0;
    for (let m = 0; m < k.length; m++) {
      const i = n + m - before;
      if (i >= 0 && i < x.length) s += x[i] * k[m];
    }
    if (!Number.isFinite(s))
      throw valueError('input', 'not-finite-result', { op: 'conv1d', cell: `output[${n}]` });
    out[n] = s;
  }
  return out;
}

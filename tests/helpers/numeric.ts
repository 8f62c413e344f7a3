/**
 * Comparing numbers computed two ways: a gradient against finite differences, the engine
 * against TensorFlow.js. Each failure names the first cell out of tolerance and both values.
 */
import { expect } from 'vitest';

/**
 * Central differences of `loss` with respect to every number of `data`, each perturbed by ±h
 * in place and then restored.
 */
export function numericGradient(
  loss: () => number,
  data: Float64Array | number[],
  h = 1e-6,
): Float64Array {
  const out = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const keep = data[k];
    data[k] = keep + h;
    const up = loss();
    data[k] = keep - h;
    const down = loss();
    data[k] = keep;
    out[k] = (up - down) / (2 * h);
  }
  return out;
}

export interface CloseOptions {
  /** @default 1e-6 */
  readonly tol?: number;
  /**
   * What the tolerance is relative to (never less than 1): `both` values, when neither is the
   * reference (a gradient and its finite differences), or the `expected` one alone (a
   * reference implementation). @default 'both'
   */
  readonly scale?: 'both' | 'expected';
}

/** Same length, and every cell within `tol` of the other side (relative, see `scale`). */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  { tol = 1e-6, scale = 'both' }: CloseOptions = {},
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let k = 0; k < actual.length; k++) {
    const a = actual[k];
    const b = expected[k];
    const size =
      scale === 'both' ? Math.max(1, Math.abs(a), Math.abs(b)) : Math.max(1, Math.abs(b));
    if (!(Math.abs(a - b) <= tol * size)) {
      expect.fail(`${what}[${k}]: ${a}, expected ${b} (difference ${Math.abs(a - b)})`);
    }
  }
}

/** Same shape, and every cell close (see `expectClose`). */
export function expectCloseTensor(
  actual: { readonly shape: readonly number[]; readonly data: ArrayLike<number> },
  expected: { readonly shape: readonly number[]; readonly data: ArrayLike<number> },
  what: string,
  options: CloseOptions = {},
): void {
  expect(actual.shape, `${what}: shape`).toEqual(expected.shape);
  expectClose(actual.data, expected.data, what, options);
}
